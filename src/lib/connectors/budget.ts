/**
 * How many pages a fetch may ask for. A server that answers `TotalPages: 1e9`, or full pages for
 * ever, must not cost the user's daily quota (UCDP allows 5,000 requests a day): the budget comes
 * from the date range asked for, at a generous ceiling of events per month, and a fetch that would
 * go past it stops before asking and says so. The caller can raise it (`maxPages`, the CLI's
 * `--max-pages`) when the range really holds that many.
 */
import { ConnectorError } from './http.js';

/** Far above any month on record for Pakistan and Afghanistan together (UCDP's busiest: ~1,900). */
export const MAX_EVENTS_PER_MONTH = 5_000;
/** UCDP's documented daily request limit. */
export const DAILY_REQUEST_LIMIT = 5_000;

/** Calendar months from `from` to `to` (ISO dates), both counted. */
export function monthsInRange(from: string, to: string): number {
	const months = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
	return Math.max(1, months(to) - months(from) + 1);
}

/** Pages a range may need at `pageSize` events a page. */
export function pageBudget(from: string, to: string, pageSize: number, maxPages?: number): number {
	if (maxPages !== undefined) return maxPages;
	return Math.min(DAILY_REQUEST_LIMIT, Math.ceil((monthsInRange(from, to) * MAX_EVENTS_PER_MONTH) / pageSize));
}

/** Throws before page `pages` (counted from 1) when it is over the budget. */
export function checkPageBudget(service: string, pages: number, budget: number, from: string, to: string): void {
	if (pages <= budget) return;
	throw new ConnectorError(
		'query',
		`${service} would need ${pages.toLocaleString('en-GB')} pages for ${from} – ${to}, more than the ${budget.toLocaleString('en-GB')} such a range can hold (${MAX_EVENTS_PER_MONTH.toLocaleString('en-GB')} events a month); nothing was fetched past that, and nothing was saved. If the range really holds that many events, run \`npm run fetch-data\` with --max-pages ${pages}.`
	);
}
