/**
 * UCDP API connector: Georeferenced Event Dataset events for Pakistan (Gleditsch–Ward 770) and,
 * if asked, Afghanistan (700), for a date range.
 *
 * Rules, from the UCDP API documentation (https://ucdp.uu.se/apidocs/) unless noted:
 * - Resource URL `https://ucdpapi.pcr.uu.se/api/<resource>/<version>`; GED events are the
 *   resource `gedevents`. Yearly releases are versioned `YY.1` (26.1 covers 1989–2025); the
 *   monthly Candidate releases `YY.0.M` hold the events of month M of year 20YY.
 * - Filters: `Country` (Gleditsch–Ward codes, comma-separated), `StartDate` and `EndDate`
 *   (YYYY-MM-DD). Paging: `pagesize` (at most 1,000) and `page`, counted from 0 as in UCDP's own
 *   recipe (github.com/UppsalaConflictDataProgram/basic_api_recipes, APItoDataframe).
 * - Response: `{ TotalCount, TotalPages, PreviousPageUrl, NextPageUrl, Result: [event…] }`.
 * - Since February 2026 every request needs an access token in the `x-ucdp-access-token`
 *   header; requests without one get HTTP 401. Tokens are free from the API maintainer.
 *   The API allows 5,000 requests a day.
 * - Columns: the GED codebook (version 25.1/26.1), listed in UCDP_COLUMNS below.
 */
import { ConnectorError, bodyExcerpt, jsonBody, request, type HttpOptions } from './http.js';
import { rowsOfPage, type Schema } from './schema.js';
import type { ReleaseInfo } from '../incident/index.js';
import { checkPageBudget, pageBudget } from './budget.js';
import { UCDP_EVENT_COLUMNS } from '../importers/formats.js';
import { UCDP_CITATIONS, UCDP_YEARLY_CITATION } from '../importers/terms.js';

export const UCDP_ORIGIN = 'https://ucdpapi.pcr.uu.se';
export const UCDP_PAGE_SIZE = 1000;
export const GW_PAKISTAN = 770;
export const GW_AFGHANISTAN = 700;

/** The GED codebook's columns, in its order. */
export const UCDP_COLUMNS = [
	'id',
	'relid',
	'year',
	'active_year',
	'code_status',
	'type_of_violence',
	'conflict_dset_id',
	'conflict_new_id',
	'conflict_name',
	'dyad_dset_id',
	'dyad_new_id',
	'dyad_name',
	'side_a_dset_id',
	'side_a_new_id',
	'side_a',
	'side_b_dset_id',
	'side_b_new_id',
	'side_b',
	'number_of_sources',
	'source_article',
	'source_office',
	'source_date',
	'source_headline',
	'source_original',
	'where_prec',
	'where_coordinates',
	'where_description',
	'adm_1',
	'adm_2',
	'latitude',
	'longitude',
	'geom_wkt',
	'priogrid_gid',
	'country',
	'country_id',
	'region',
	'event_clarity',
	'date_prec',
	'date_start',
	'date_end',
	'deaths_a',
	'deaths_b',
	'deaths_civilians',
	'deaths_unknown',
	'best',
	'high',
	'low',
	'gwnoa',
	'gwnob'
] as const;

/** Every page row must hold what the importer's UCDP mapper reads (src/lib/importers/formats.ts). */
export const UCDP_SCHEMA: Schema = { columns: UCDP_COLUMNS, required: UCDP_EVENT_COLUMNS };

export interface UcdpQuery {
	/** ISO dates, inclusive. */
	from: string;
	to: string;
	/** Gleditsch–Ward codes: 770, optionally 700. */
	countries: number[];
	/** Yearly release, e.g. "26.1"; later dates come from the monthly Candidate releases. */
	yearlyVersion: string;
}

/** One release to ask, and the part of the date range it covers. */
export interface UcdpRequest {
	version: string;
	kind: 'yearly' | 'candidate';
	from: string;
	to: string;
}

/** The yearly release UCDP has out on a date: YY.1 appears in June of 20YY. */
export function currentYearlyVersion(today: string): string {
	const [y, m] = today.split('-').map(Number) as [number, number];
	return `${(m >= 7 ? y : y - 1) - 2000}.1`;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/**
 * The releases that cover [from, to]: the yearly release up to its last year, then one Candidate
 * release per month after it. E.g. 26.1 for 2022-11-28 … 2025-12-31, then 26.0.1 … 26.0.11.
 */
export function ucdpRequests(q: Pick<UcdpQuery, 'from' | 'to' | 'yearlyVersion'>): UcdpRequest[] {
	const match = /^(\d{2})\.1$/.exec(q.yearlyVersion.trim());
	if (!match) throw new ConnectorError('query', `"${q.yearlyVersion}" is not a UCDP yearly release (expected e.g. 26.1).`);
	if (!(q.from <= q.to)) throw new ConnectorError('query', `The start date ${q.from} is after the end date ${q.to}.`);
	const yearlyEnd = iso(2000 + Number(match[1]) - 1, 12, 31);
	const out: UcdpRequest[] = [];
	if (q.from <= yearlyEnd) out.push({ version: q.yearlyVersion.trim(), kind: 'yearly', from: q.from, to: min(q.to, yearlyEnd) });
	const start = max(q.from, iso(2000 + Number(match[1]), 1, 1));
	let [y, m] = start.split('-').map(Number) as [number, number];
	while (iso(y, m, 1) <= q.to) {
		out.push({ version: `${y - 2000}.0.${m}`, kind: 'candidate', from: max(q.from, iso(y, m, 1)), to: min(q.to, iso(y, m, lastDay(y, m))) });
		[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
	}
	return out;
}

/** A request's release and the months it covers, as a dataset records it (src/lib/coverage). */
export function ucdpRelease(r: UcdpRequest): Omit<ReleaseInfo, 'rows'> {
	return {
		id: `${r.kind === 'yearly' ? 'ged' : 'candidate'}-${r.version}`,
		name: `UCDP ${r.kind === 'yearly' ? 'GED' : 'Candidate'} ${r.version}`,
		months: [r.from.slice(0, 7), r.to.slice(0, 7)],
		preliminary: r.kind === 'candidate',
		citation: r.kind === 'yearly' ? UCDP_YEARLY_CITATION : UCDP_CITATIONS['candidate-26.0.1']
	};
}

/**
 * The requests that fetch only the months a series does not cover, from its first month to
 * `today`: for each run of uncovered months, the yearly release up to its last year, then the
 * monthly Candidate releases (ucdpRequests). For UCDP GED 22.1 + Candidate 26.0.1 on 2026-12-01:
 * GED 26.1 for 2022-01-01 – 2025-12-31, then Candidate 26.0.2 (February 2026) onwards.
 */
export function ucdpFillRequests(releases: readonly Pick<ReleaseInfo, 'months'>[], today: string, yearlyVersion: string): UcdpRequest[] {
	const spans = releases.map((r) => r.months).sort((a, b) => a[0].localeCompare(b[0]));
	const runs: [string, string][] = [];
	let from = spans[0]?.[0] ?? today.slice(0, 7);
	for (const [a, b] of spans) {
		if (a > from) runs.push([from, shiftMonth(a, -1)]);
		if (shiftMonth(b, 1) > from) from = shiftMonth(b, 1);
	}
	if (from <= today.slice(0, 7)) runs.push([from, today.slice(0, 7)]);
	return runs.flatMap(([a, b]) => {
		const [y, m] = b.split('-').map(Number) as [number, number];
		return ucdpRequests({ from: `${a}-01`, to: min(iso(y, m, lastDay(y, m)), today), yearlyVersion });
	});
}

/** "YYYY-MM" moved by `by` months. */
function shiftMonth(month: string, by: number): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const k = y * 12 + m - 1 + by;
	return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

interface UcdpPage {
	TotalCount: number;
	TotalPages: number;
	Result: unknown;
}

function pageShape(body: unknown, where: string): UcdpPage {
	const b = body as Partial<UcdpPage> | null;
	if (!b || typeof b !== 'object' || typeof b.TotalPages !== 'number' || typeof b.TotalCount !== 'number' || !('Result' in b)) {
		throw new ConnectorError('malformed', `${where}: the response lacks TotalCount, TotalPages or Result (UCDP API paging format); nothing was saved.`);
	}
	return b as UcdpPage;
}

export interface UcdpPageResult {
	request: UcdpRequest;
	page: number;
	totalPages: number;
	totalCount: number;
	rows: Record<string, string | undefined>[];
}

export interface UcdpOptions extends Omit<HttpOptions, 'service'> {
	/** API origin (tests and the CLI point it at a mock server). */
	origin?: string;
	/** Pages one release may take (budget.ts); by default from the date range. */
	maxPages?: number;
}

/**
 * Pages of one release, in order. A Candidate release that does not exist yet (HTTP 404) ends
 * the run without error: `released` is false and the caller says where the data stops.
 */
export async function* ucdpPages(q: UcdpQuery, token: string, req: UcdpRequest, opts: UcdpOptions): AsyncGenerator<UcdpPageResult, { released: boolean }> {
	const origin = opts.origin ?? UCDP_ORIGIN;
	const http: HttpOptions = { ...opts, service: 'UCDP' };
	for (let page = 0, totalPages = 1; page < totalPages; page++) {
		const params = new URLSearchParams({
			pagesize: String(UCDP_PAGE_SIZE),
			page: String(page),
			Country: q.countries.join(','),
			StartDate: req.from,
			EndDate: req.to
		});
		const where = `UCDP GED ${req.version}, page ${page + 1}`;
		const response = await request(
			`${origin}/api/gedevents/${encodeURIComponent(req.version)}?${params}`,
			{ headers: { 'x-ucdp-access-token': token, accept: 'application/json' } },
			http
		);
		if (response.status === 401 || response.status === 403) {
			// Part-way (a later page): the token worked and stopped working, revoked or expired.
			throw new ConnectorError(
				'credentials',
				page > 0
					? `${where}: UCDP stopped accepting the access token part-way (HTTP ${response.status}), after ${page} page(s) of this release had been read. Nothing was saved: check the token (it may have been revoked) and fetch again.`
					: `UCDP did not accept the access token (HTTP ${response.status}). Check it, or request one from the UCDP API maintainer (ucdp.uu.se/apidocs).`
			);
		}
		if (response.status === 404 && req.kind === 'candidate' && page === 0) return { released: false };
		if (!response.ok) throw new ConnectorError('http', `${where}: UCDP answered HTTP ${response.status}${await bodyExcerpt(response)}; nothing was saved.`);
		const body = pageShape(await jsonBody(response, where), where);
		totalPages = body.TotalPages;
		checkPageBudget(`UCDP GED ${req.version}`, totalPages, pageBudget(req.from, req.to, UCDP_PAGE_SIZE, opts.maxPages), req.from, req.to);
		yield { request: req, page, totalPages, totalCount: body.TotalCount, rows: rowsOfPage(body.Result, UCDP_SCHEMA, where) };
	}
	return { released: true };
}
