/**
 * "Get current data": UCDP and ACLED events fetched page by page and run through the same row
 * importer as a dropped file, with the same accounting (imported + rejected = rows received).
 *
 * Pure of the DOM: `fetch` comes in with the options, so the import worker, the
 * `npm run fetch-data` script and the tests (against a local mock server) share every line.
 * Credentials are arguments only: never part of the query, the provenance, or any message.
 */
import Papa from 'papaparse';
import { createRowImporter, ROW_MAPPERS, type KnownFormat } from '../importers/index.js';
import type { ImportResult } from '../importers/file.js';
import type { Incident } from '../incident/index.js';
import type { FetchProvenance } from '../incident/provenance.js';

export { fetchedLine, type FetchProvenance } from '../incident/provenance.js';
import { ConnectorError, type HttpOptions } from './http.js';
import { acledPages, acledToken, ACLED_COLUMNS, ACLED_ORIGIN, ISO_PAKISTAN, type AcledCredentials } from './acled.js';
import { ucdpPages, ucdpRelease, ucdpRequests, UCDP_COLUMNS, UCDP_ORIGIN, GW_AFGHANISTAN, type UcdpQuery, type UcdpRequest } from './ucdp.js';
import type { ReleaseInfo } from '../incident/index.js';

export { ConnectorError } from './http.js';
export type { ConnectorErrorKind } from './http.js';

export type SourceId = 'ucdp' | 'acled';

export type FetchRequest =
	/**
	 * `requests`: the releases to ask, each for part of the range (a fill of the months a series
	 * does not cover: ucdpFillRequests); by default the yearly release then the monthly Candidates.
	 */
	| { source: 'ucdp'; query: UcdpQuery; token: string; requests?: UcdpRequest[] }
	| { source: 'acled'; query: { from: string; to: string }; credentials: AcledCredentials };

export interface FetchProgress {
	/** 0…1 when the number of pages is known, else null. */
	fraction: number | null;
	message: string;
}

export interface FetchOptions extends Omit<HttpOptions, 'service' | 'unreachable'> {
	onProgress?: (p: FetchProgress) => void;
	/** Raw rows as received, page by page (the CLI writes them to a CSV). */
	onRows?: (rows: Record<string, string | undefined>[]) => void;
	/** API origins (tests and the CLI's mock runs). */
	origins?: { ucdp?: string; acled?: string };
	/** What to say when a request cannot be made at all: the browser adds CORS and the CLI. */
	unreachable?: HttpOptions['unreachable'];
	now?: () => Date;
	/** Pages one release (UCDP) or fetch (ACLED) may take; by default from the date range (budget.ts). */
	maxPages?: number;
}

export const API_ORIGINS = { ucdp: UCDP_ORIGIN, acled: ACLED_ORIGIN } as const;

/** The columns (in the API's documented order) of each source: the CSV header the CLI writes. */
export const SOURCE_COLUMNS: Record<SourceId, readonly string[]> = { ucdp: UCDP_COLUMNS, acled: ACLED_COLUMNS };
/** The CSV a fetch writes: the source's columns, and for UCDP the release each row came from (not an API column). */
const CSV_COLUMNS: Record<SourceId, readonly string[]> = { ucdp: [...UCDP_COLUMNS, 'release'], acled: ACLED_COLUMNS };
export const SOURCE_FORMAT: Record<SourceId, KnownFormat> = { ucdp: 'UCDP GED', acled: 'ACLED' };

const networkMessage = (service: string) => `Could not reach ${service}: no network connection, or ${service} did not answer. Nothing was saved.`;

function countryWords(countries: readonly number[]): string {
	const names = countries.map((c) => (c === GW_AFGHANISTAN ? 'Afghanistan (GW 700)' : c === 770 ? 'Pakistan (GW 770)' : `GW ${c}`));
	return names.join(' and ');
}

/** "26.0.1–26.0.9" for a run of Candidate versions. */
function versionRun(versions: string[]): string {
	return versions.length <= 1 ? (versions[0] ?? '') : `${versions[0]}–${versions.at(-1)}`;
}

const monthName = (version: string) => {
	const [yy, , m] = version.split('.').map(Number) as [number, number, number];
	return new Date(Date.UTC(2000 + yy, m - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
};

/**
 * Fetches every page, imports every row, and returns the import with its provenance. Throws a
 * ConnectorError (credentials, network, http, empty, schema, malformed, cancelled); nothing is
 * returned half-fetched.
 */
export async function fetchDataset(
	req: FetchRequest,
	opts: FetchOptions
): Promise<{ result: ImportResult; provenance: FetchProvenance; releases: ReleaseInfo[] }> {
	const now = opts.now?.() ?? new Date();
	// A retry's wait is said on the progress line, at the fraction reached so far.
	let fraction: number | null = null;
	const report = opts.onProgress;
	const onProgress =
		report &&
		((p: FetchProgress) => {
			fraction = p.fraction;
			report(p);
		});
	const http = {
		...opts,
		onProgress,
		onRetry: opts.onRetry ?? (onProgress && ((_status: number, _wait: number, _attempt: number, words: string) => onProgress({ fraction, message: words }))),
		unreachable: opts.unreachable ?? networkMessage
	};
	const format = SOURCE_FORMAT[req.source];
	const label = req.source === 'ucdp' ? 'UCDP API' : 'ACLED API';
	const importer = createRowImporter(format, ROW_MAPPERS[format], `${label} ${req.query.from} – ${req.query.to}`);
	const take = (rows: Record<string, string | undefined>[]) => {
		opts.onRows?.(rows);
		for (const row of rows) importer.add(row);
	};
	const notes: string[] = [];
	let provenance: FetchProvenance;
	/** The releases fetched and the months each covers (a UCDP fetch's coverage). */
	const releases: ReleaseInfo[] = [];

	if (req.source === 'ucdp') {
		const q = req.query;
		const requests = req.requests ?? ucdpRequests(q);
		const fetched: string[] = [];
		let stoppedAt: string | null = null;
		for (const [i, r] of requests.entries()) {
			const pages = ucdpPages(q, req.token, r, { ...http, origin: opts.origins?.ucdp });
			const release = ucdpRelease(r);
			const before = importer.imported();
			let step = await pages.next();
			let received = 0;
			let totalCount = 0;
			while (!step.done) {
				const page = step.value;
				// Every row keeps the release it came from, in the CSV the CLI writes too.
				for (const row of page.rows) row.release = release.name;
				take(page.rows);
				received += page.rows.length;
				totalCount = page.totalCount;
				const within = page.totalPages ? (page.page + 1) / page.totalPages : 1;
				onProgress?.({
					fraction: (i + within) / requests.length,
					message: `UCDP GED ${r.version}: page ${page.page + 1} of ${Math.max(1, page.totalPages)} (${importer.rowsRead().toLocaleString('en-GB')} events)`
				});
				step = await pages.next();
			}
			if (!step.value.released) {
				stoppedAt = r.from;
				break;
			}
			fetched.push(r.version);
			releases.push({ ...release, rows: importer.imported() - before });
			if (received !== totalCount) notes.push(`UCDP GED ${r.version} announced ${totalCount} events and sent ${received}.`);
		}
		const yearly = fetched.filter((v) => v.split('.').length === 2);
		const candidate = fetched.filter((v) => v.split('.').length === 3);
		const note = stoppedAt
			? `UCDP has not published Candidate events from ${stoppedAt} yet${candidate.length ? ` (latest monthly release fetched: ${candidate.at(-1)}, ${monthName(candidate.at(-1)!)})` : ''}.`
			: undefined;
		if (note) notes.push(note);
		provenance = {
			source: 'UCDP',
			api: `UCDP API (ucdpapi.pcr.uu.se), GED ${[...yearly, ...(candidate.length ? [`Candidate ${versionRun(candidate)}`] : [])].join(' + ') || '(no release)'}`,
			query: `${countryWords(q.countries)}, ${req.requests ? requests.map((r) => `${r.from} – ${r.to}`).join(', ') : `${q.from} – ${q.to}`}`,
			params: { from: q.from, to: q.to, countries: [...q.countries], yearlyVersion: q.yearlyVersion },
			retrievedAt: now.toISOString(),
			...(note ? { note } : {})
		};
	} else {
		const q = req.query;
		if (!(q.from <= q.to)) throw new ConnectorError('query', `The start date ${q.from} is after the end date ${q.to}.`);
		onProgress?.({ fraction: null, message: 'Signing in to ACLED…' });
		const signIn = () => acledToken(req.credentials, { ...http, origin: opts.origins?.acled });
		for await (const page of acledPages(q, signIn, { ...http, origin: opts.origins?.acled })) {
			take(page.rows);
			onProgress?.({ fraction: null, message: `ACLED: page ${page.page} (${importer.rowsRead().toLocaleString('en-GB')} events)` });
		}
		provenance = {
			source: 'ACLED',
			api: 'ACLED API (acleddata.com/api/acled/read)',
			query: `Pakistan (ISO ${ISO_PAKISTAN}), ${q.from} – ${q.to}`,
			params: { from: q.from, to: q.to },
			retrievedAt: now.toISOString()
		};
	}

	if (importer.rowsRead() === 0) {
		throw new ConnectorError(
			'empty',
			`${provenance.source} returned no events for ${provenance.query}${provenance.note ? ` (${provenance.note})` : ''}. Nothing was saved.`
		);
	}
	const result = importer.finish([`Fetched from the ${provenance.api} on ${provenance.retrievedAt.slice(0, 10)}.`, ...notes]);
	return { result: { ...result, headers: [...CSV_COLUMNS[req.source]] }, provenance, releases };
}

export interface RefreshDiff {
	added: number;
	changed: number;
	removed: number;
	/** Stored rows before the window, then the fresh rows. */
	incidents: Incident[];
}

/**
 * "Refresh" asks again from a little before the newest stored event (sources revise recent
 * events: a toll is updated, a duplicate removed), so this is the window the diff covers.
 */
export const REFRESH_OVERLAP_DAYS = 31;
export function refreshFrom(newestStored: string, originalFrom: string): string {
	const d = new Date(`${newestStored}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - REFRESH_OVERLAP_DAYS);
	const from = d.toISOString().slice(0, 10);
	return from < originalFrom ? originalFrom : from;
}

/**
 * Merges a refresh into the stored rows: rows dated from `from` on are replaced by the fresh ones;
 * an id the refresh brings anew is added, one it brings with other content is changed, and a
 * stored id in the window it no longer has is removed.
 */
export function mergeRefresh(stored: readonly Incident[], fresh: readonly Incident[], from: string): RefreshDiff {
	const kept = stored.filter((i) => i.date < from);
	const inWindow = new Map(stored.filter((i) => i.date >= from).map((i) => [i.id, i]));
	const keptIds = new Set(kept.map((i) => i.id));
	let added = 0;
	let changed = 0;
	const freshIds = new Set<string>();
	const incoming: Incident[] = [];
	for (const inc of fresh) {
		freshIds.add(inc.id);
		// An event moved to before the window (its date was revised) replaces its old row.
		if (keptIds.has(inc.id)) {
			const at = kept.findIndex((k) => k.id === inc.id);
			if (JSON.stringify(kept[at]) !== JSON.stringify(inc)) changed++;
			kept.splice(at, 1);
			keptIds.delete(inc.id);
			incoming.push(inc);
			continue;
		}
		const before = inWindow.get(inc.id);
		if (!before) added++;
		else if (JSON.stringify(before) !== JSON.stringify(inc)) changed++;
		incoming.push(inc);
	}
	let removed = 0;
	for (const id of inWindow.keys()) if (!freshIds.has(id)) removed++;
	return { added, changed, removed, incidents: [...kept, ...incoming] };
}

/**
 * The rows as a CSV in the source's own export columns, so `npm run geodata -- --add` (and a drop
 * on the page) recognise and import it exactly as they import a download from the source's site.
 */
export function fetchedCsv(source: SourceId, rows: readonly Record<string, string | undefined>[]): string {
	const columns = CSV_COLUMNS[source];
	return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' });
}
