/**
 * What to tell a user whose browser cannot reach an API. A request that fails before any answer
 * is either no network or an API that does not answer cross-origin requests from web pages
 * (CORS); a page cannot tell which, so it says both and points to the command line, which is not
 * bound by CORS and writes a file the page imports the same way.
 */
import type { FetchRequest } from './index.js';

const HOSTS = { ucdp: 'ucdpapi.pcr.uu.se', acled: 'acleddata.com' } as const;

/** The `npm run fetch-data` command that fetches the same thing (credentials from the environment). */
export function fetchCommand(req: Pick<FetchRequest, 'source' | 'query'>): string {
	const afghanistan = req.source === 'ucdp' && 'countries' in req.query && req.query.countries.includes(700) ? ' --afghanistan' : '';
	return `npm run fetch-data -- --source ${req.source} --from ${req.query.from} --to ${req.query.to}${afghanistan}`;
}

/** `online`: whether the browser says it has a network (the worker passes `navigator.onLine`; src/lib reads no browser global). */
export function browserUnreachable(req: Pick<FetchRequest, 'source' | 'query'>, online: () => boolean): (service: string) => string {
	return (service) => {
		if (!online()) return `No network connection: nothing was fetched from ${service}. Connect and try again.`;
		return (
			`The browser could not reach ${service} (${HOSTS[req.source]}): either the network is down, or ${service} does not answer requests from web pages (cross-origin requests). ` +
			`Nothing was saved. Fetch the same data on the command line instead — \`${fetchCommand(req)}\` — and drop the CSV it writes on this page.`
		);
	};
}
