/**
 * `npm run fetch-data -- --source ucdp|acled --from YYYY-MM-DD --to YYYY-MM-DD [--afghanistan]
 *  [--version 26.1] [--out FILE.csv]`
 *
 * The page's "Get current data" connectors from the command line (not bound by the browser's
 * cross-origin rules). Writes the events as a CSV in the source's own export columns, which
 * `npm run geodata -- --add FILE.csv` bundles (and a drop on the page imports), and beside it
 * FILE.provenance.json: API, release, query and retrieval time, which --add keeps.
 *
 * Credentials come from the environment, never from arguments (which end up in shell history and
 * process lists): UCDP_TOKEN for UCDP; ACLED_EMAIL and ACLED_PASSWORD for ACLED.
 * UCDP_API_ORIGIN / ACLED_API_ORIGIN point the connectors at another origin (tests, a mirror).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConnectorError, fetchDataset, fetchedCsv, type FetchRequest, type SourceId } from '../src/lib/connectors/index.js';
import { currentYearlyVersion, GW_AFGHANISTAN, GW_PAKISTAN } from '../src/lib/connectors/ucdp.js';
import { describeImport } from './add-dataset.js';

const USAGE = 'usage: npm run fetch-data -- --source ucdp|acled --from YYYY-MM-DD --to YYYY-MM-DD [--afghanistan] [--version 26.1] [--out FILE.csv]';

export interface FetchArgs {
	source: SourceId;
	from: string;
	to: string;
	afghanistan: boolean;
	version: string | undefined;
	out: string;
}

export function parseFetchArgs(argv: string[]): FetchArgs {
	const value = (flag: string) => {
		const i = argv.indexOf(flag);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const source = value('--source');
	if (source !== 'ucdp' && source !== 'acled') throw new Error(`--source must be ucdp or acled\n${USAGE}`);
	const from = value('--from');
	const to = value('--to') ?? new Date().toISOString().slice(0, 10);
	for (const [flag, v] of [['--from', from], ['--to', to]] as const) {
		if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`${flag} needs a date as YYYY-MM-DD\n${USAGE}`);
	}
	return { source, from: from!, to, afghanistan: argv.includes('--afghanistan'), version: value('--version'), out: value('--out') ?? `${source}-${from}-${to}.csv` };
}

function request(args: FetchArgs, env: NodeJS.ProcessEnv): FetchRequest {
	const query = { from: args.from, to: args.to };
	if (args.source === 'ucdp') {
		const token = env.UCDP_TOKEN?.trim();
		if (!token) throw new Error('Set UCDP_TOKEN to your UCDP API access token (free from the UCDP API maintainer, ucdp.uu.se/apidocs).');
		const countries = args.afghanistan ? [GW_PAKISTAN, GW_AFGHANISTAN] : [GW_PAKISTAN];
		return { source: 'ucdp', token, query: { ...query, countries, yearlyVersion: args.version ?? currentYearlyVersion(new Date().toISOString().slice(0, 10)) } };
	}
	const email = env.ACLED_EMAIL?.trim();
	const password = env.ACLED_PASSWORD;
	if (!email || !password) throw new Error('Set ACLED_EMAIL and ACLED_PASSWORD to your ACLED account (acleddata.com; API access and terms accepted).');
	return { source: 'acled', credentials: { email, password }, query };
}

export async function fetchData(argv: string[], env: NodeJS.ProcessEnv = process.env, log = console.log): Promise<string> {
	const args = parseFetchArgs(argv);
	const rows: Record<string, string | undefined>[] = [];
	const { result, provenance } = await fetchDataset(request(args, env), {
		fetch,
		origins: { ucdp: env.UCDP_API_ORIGIN, acled: env.ACLED_API_ORIGIN },
		onRows: (page) => rows.push(...page),
		onProgress: (p) => log(p.message),
		onRetry: (status, ms) => log(`HTTP ${status}: retrying in ${Math.round(ms / 1000)} s`)
	});
	writeFileSync(args.out, fetchedCsv(args.source, rows));
	const sidecar = args.out.replace(/\.csv$/i, '') + '.provenance.json';
	writeFileSync(sidecar, JSON.stringify(provenance, null, '\t') + '\n');
	for (const line of describeImport({ ...result, headers: [] }, args.out, 20)) log(line);
	log(`${provenance.api}; ${provenance.query}${provenance.note ? `. ${provenance.note}` : ''}`);
	log(`wrote ${args.out} (${rows.length} events) and ${sidecar}`);
	log(`bundle it with: npm run geodata -- --add ${args.out} --name "${provenance.source} ${args.from} – ${args.to}"`);
	return args.out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	fetchData(process.argv.slice(2)).catch((err: unknown) => {
		console.error(err instanceof ConnectorError ? `${err.kind}: ${err.message}` : (err as Error).message);
		process.exit(1);
	});
}
