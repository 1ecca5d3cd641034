/**
 * `npm run fetch-data -- --source ucdp|acled --from YYYY-MM-DD --to YYYY-MM-DD [--afghanistan]
 *  [--version 26.1] [--out FILE.csv]`
 * `npm run fetch-data -- --source ucdp --fill [--out FILE.csv]`: only the months the bundled UCDP
 *  series does not cover (geodata/manifest.json), as the page's "Fill 2022–2025" asks them; `--add`
 *  of that file puts its releases into the series.
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
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConnectorError, fetchDataset, fetchedCsv, type FetchRequest, type SourceId } from '../src/lib/connectors/index.js';
import { currentYearlyVersion, GW_AFGHANISTAN, GW_PAKISTAN, ucdpFillRequests } from '../src/lib/connectors/ucdp.js';
import type { BundledEntry } from '../src/lib/bundle/index.js';
import { UCDP_SERIES } from './bundled-datasets.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
import { describeImport } from './add-dataset.js';

const USAGE =
	'usage: npm run fetch-data -- --source ucdp|acled --from YYYY-MM-DD --to YYYY-MM-DD [--afghanistan] [--version 26.1] [--out FILE.csv]\n       npm run fetch-data -- --source ucdp --fill [--version 26.1] [--out FILE.csv] [--max-pages N]';

export interface FetchArgs {
	source: SourceId;
	from: string;
	to: string;
	afghanistan: boolean;
	version: string | undefined;
	out: string;
	/** Only the months the bundled UCDP series does not cover (the page's "Fill 2022–2025"). */
	fill: boolean;
	/** Raises the page budget (src/lib/connectors/budget.ts) when a range really holds that many events. */
	maxPages?: number;
}

export function parseFetchArgs(argv: string[]): FetchArgs {
	const value = (flag: string) => {
		const i = argv.indexOf(flag);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const source = value('--source');
	if (source !== 'ucdp' && source !== 'acled') throw new Error(`--source must be ucdp or acled\n${USAGE}`);
	const fill = argv.includes('--fill');
	const maxPagesArg = value('--max-pages');
	if (maxPagesArg !== undefined && !/^[1-9]\d{0,4}$/.test(maxPagesArg)) throw new Error(`--max-pages needs a whole number from 1 to 99,999\n${USAGE}`);
	const maxPages = maxPagesArg === undefined ? {} : { maxPages: Number(maxPagesArg) };
	const to = value('--to') ?? new Date().toISOString().slice(0, 10);
	if (fill) {
		if (source !== 'ucdp') throw new Error(`--fill completes the bundled UCDP series: use it with --source ucdp\n${USAGE}`);
		if (value('--from')) throw new Error(`--fill asks only the months the series does not cover; it takes no --from\n${USAGE}`);
		return { source, from: '', to, afghanistan: false, version: value('--version'), out: value('--out') ?? `ucdp-fill-${to}.csv`, fill, ...maxPages };
	}
	const from = value('--from');
	for (const [flag, v] of [
		['--from', from],
		['--to', to]
	] as const) {
		if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`${flag} needs a date as YYYY-MM-DD\n${USAGE}`);
	}
	return {
		source,
		from: from!,
		to,
		afghanistan: argv.includes('--afghanistan'),
		version: value('--version'),
		out: value('--out') ?? `${source}-${from}-${to}.csv`,
		fill,
		...maxPages
	};
}

/** The bundled UCDP series' releases (geodata/manifest.json): what a fill leaves out. */
function bundledSeries(): BundledEntry {
	const manifest = JSON.parse(readFileSync(join(projectRoot, 'geodata/manifest.json'), 'utf8')) as { datasets: BundledEntry[] };
	const series = manifest.datasets.find((d) => d.id === UCDP_SERIES.id);
	if (!series?.releases?.length) throw new Error(`geodata/manifest.json has no UCDP series with releases to fill; run npm run geodata first`);
	return series;
}

function request(args: FetchArgs, env: NodeJS.ProcessEnv): FetchRequest {
	const query = { from: args.from, to: args.to };
	if (args.source === 'ucdp') {
		const token = env.UCDP_TOKEN?.trim();
		if (!token) throw new Error('Set UCDP_TOKEN to your UCDP API access token (free from the UCDP API maintainer, ucdp.uu.se/apidocs).');
		const countries = args.afghanistan ? [GW_PAKISTAN, GW_AFGHANISTAN] : [GW_PAKISTAN];
		const yearlyVersion = args.version ?? currentYearlyVersion(new Date().toISOString().slice(0, 10));
		if (args.fill) {
			const requests = ucdpFillRequests(bundledSeries().releases!, args.to, yearlyVersion);
			if (requests.length === 0) throw new Error('The bundled UCDP series covers every month up to today: there is nothing to fill.');
			return { source: 'ucdp', token, query: { from: requests[0]!.from, to: args.to, countries, yearlyVersion }, requests };
		}
		return { source: 'ucdp', token, query: { ...query, countries, yearlyVersion } };
	}
	const email = env.ACLED_EMAIL?.trim();
	const password = env.ACLED_PASSWORD;
	if (!email || !password) throw new Error('Set ACLED_EMAIL and ACLED_PASSWORD to your ACLED account (acleddata.com; API access and terms accepted).');
	return { source: 'acled', credentials: { email, password }, query };
}

export async function fetchData(argv: string[], env: NodeJS.ProcessEnv = process.env, log = console.log): Promise<string> {
	const args = parseFetchArgs(argv);
	const rows: Record<string, string | undefined>[] = [];
	const { result, provenance, releases } = await fetchDataset(request(args, env), {
		fetch,
		origins: { ucdp: env.UCDP_API_ORIGIN, acled: env.ACLED_API_ORIGIN },
		onRows: (page) => {
			for (const row of page) rows.push(row);
		},
		// Retries are said on the progress line too ("UCDP did not answer within 30 s; trying again in 1 s …").
		onProgress: (p) => log(p.message),
		maxPages: args.maxPages
	});
	writeFileSync(args.out, fetchedCsv(args.source, rows));
	const sidecar = args.out.replace(/\.csv$/i, '') + '.provenance.json';
	writeFileSync(sidecar, JSON.stringify(args.fill ? { ...provenance, fills: UCDP_SERIES.id, releases } : provenance, null, '\t') + '\n');
	for (const line of describeImport({ ...result, headers: [] }, args.out, 20)) log(line);
	log(`${provenance.api}; ${provenance.query}${provenance.note ? `. ${provenance.note}` : ''}`);
	log(`wrote ${args.out} (${rows.length} events) and ${sidecar}`);
	if (args.fill) log(`put it into the UCDP series with: npm run geodata -- --add ${args.out} --name "UCDP fill ${args.to}"`);
	else log(`bundle it with: npm run geodata -- --add ${args.out} --name "${provenance.source} ${args.from} – ${args.to}"`);
	return args.out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	fetchData(process.argv.slice(2)).catch((err: unknown) => {
		console.error(err instanceof ConnectorError ? `${err.kind}: ${err.message}` : (err as Error).message);
		process.exit(1);
	});
}
