/**
 * ACLED API connector: events in Pakistan (ISO 3166 numeric 586) for a date range, with the
 * user's own ACLED account.
 *
 * Rules, from ACLED's API documentation (https://acleddata.com/api-documentation/getting-started
 * and its "ACLED endpoint" page), as implemented by ACLED's own R package acledR (R/acled_auth.R,
 * R/acled_api.R):
 * - Authentication is OAuth 2 with the account's email and password: POST
 *   `https://acleddata.com/oauth/token` with form fields `username`, `password`,
 *   `grant_type=password`, `client_id=acled`; the answer holds `access_token` (valid 24 h) and
 *   `refresh_token`. Every data request sends `Authorization: Bearer <access_token>`. The older
 *   email + access-key scheme is retired.
 * - Data: GET `https://acleddata.com/api/acled/read?_format=json` with filters `iso=586`,
 *   `event_date=<from>|<to>` and `event_date_where=BETWEEN`.
 * - Paging: `limit` rows per page (default and our choice 5,000) and `page` from 1; a page with
 *   fewer than `limit` rows is the last.
 * - Response: `{ status, success, count, data: [event…] }`; a refused request has
 *   `success: false` and an `error` or `messages` explanation.
 * - Columns: the ACLED codebook's, listed in ACLED_COLUMNS below.
 * - Terms: the data may be used under ACLED's Terms of Use with attribution
 *   (https://acleddata.com/terms-and-conditions); the account's licence decides publishing.
 */
import { checkPageBudget, pageBudget } from './budget.js';
import { MAPPER_COLUMNS } from '../importers/formats.js';
import { ConnectorError, bodyExcerpt, jsonBody, request, type HttpOptions } from './http.js';
import { rowsOfPage, type Schema } from './schema.js';

export const ACLED_ORIGIN = 'https://acleddata.com';
export const ACLED_PAGE_SIZE = 5000;
export const ISO_PAKISTAN = 586;

export const ACLED_COLUMNS = [
	'event_id_cnty',
	'event_date',
	'year',
	'time_precision',
	'disorder_type',
	'event_type',
	'sub_event_type',
	'actor1',
	'assoc_actor_1',
	'inter1',
	'actor2',
	'assoc_actor_2',
	'inter2',
	'interaction',
	'civilian_targeting',
	'iso',
	'region',
	'country',
	'admin1',
	'admin2',
	'admin3',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'source_scale',
	'notes',
	'fatalities',
	'tags',
	'timestamp'
] as const;

/** Every page row must hold what the importer's ACLED mapper reads (src/lib/importers/formats.ts). */
export const ACLED_SCHEMA: Schema = { columns: ACLED_COLUMNS, required: MAPPER_COLUMNS.ACLED };

export interface AcledQuery {
	from: string;
	to: string;
}

export interface AcledCredentials {
	email: string;
	password: string;
}

export interface AcledOptions extends Omit<HttpOptions, 'service'> {
	origin?: string;
	/** Pages one fetch may take (budget.ts); by default from the date range. */
	maxPages?: number;
}

/** An access token for the account (never logged, never stored: a fresh one per run). */
export async function acledToken(credentials: AcledCredentials, opts: AcledOptions): Promise<string> {
	const origin = opts.origin ?? ACLED_ORIGIN;
	const body = new URLSearchParams({ username: credentials.email, password: credentials.password, grant_type: 'password', client_id: 'acled' });
	const response = await request(
		`${origin}/oauth/token`,
		{ method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } },
		{ ...opts, service: 'ACLED' }
	);
	if (response.status === 400 || response.status === 401 || response.status === 403) {
		throw new ConnectorError(
			'credentials',
			`ACLED did not accept this email and password (HTTP ${response.status}). Check them at acleddata.com; the account must have accepted ACLED's terms.`
		);
	}
	if (!response.ok) throw new ConnectorError('http', `ACLED's sign-in answered HTTP ${response.status}${await bodyExcerpt(response)}; nothing was saved.`);
	const token = (await jsonBody(response, "ACLED's sign-in answer")) as { access_token?: unknown };
	if (typeof token?.access_token !== 'string' || !token.access_token)
		throw new ConnectorError('malformed', "ACLED's sign-in answer has no access_token; nothing was saved.");
	return token.access_token;
}

export interface AcledPageResult {
	page: number;
	rows: Record<string, string | undefined>[];
}

/**
 * Pages of events, in order, until a short page. `signIn` gives an access token: one at the start,
 * and one more when ACLED refuses it part-way (a token lasts 24 h, and can expire or be revoked
 * during a long fetch); refused again right after signing in afresh, the fetch stops.
 */
export async function* acledPages(q: AcledQuery, signIn: () => Promise<string>, opts: AcledOptions): AsyncGenerator<AcledPageResult> {
	let token = await signIn();
	let freshToken = true;
	const origin = opts.origin ?? ACLED_ORIGIN;
	const http: HttpOptions = { ...opts, service: 'ACLED' };
	const budget = pageBudget(q.from, q.to, ACLED_PAGE_SIZE, opts.maxPages);
	for (let page = 1; ; page++) {
		// ACLED gives no page count: it pages until a short page, so the budget is checked per page.
		checkPageBudget('ACLED', page, budget, q.from, q.to);
		const where = `ACLED, page ${page}`;
		const params = new URLSearchParams({
			_format: 'json',
			iso: String(ISO_PAKISTAN),
			event_date: `${q.from}|${q.to}`,
			event_date_where: 'BETWEEN',
			limit: String(ACLED_PAGE_SIZE),
			page: String(page)
		});
		const response = await request(`${origin}/api/acled/read?${params}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, http);
		if (response.status === 401) {
			if (freshToken)
				throw new ConnectorError(
					'credentials',
					`${where}: ACLED refused a token it had just given (HTTP 401${await bodyExcerpt(response)}). Sign in again with your ACLED email and password; nothing was saved.`
				);
			// Expired or revoked part-way: sign in afresh once, and ask for this page again.
			token = await signIn();
			freshToken = true;
			page--;
			continue;
		}
		freshToken = false;
		if (response.status === 403) {
			throw new ConnectorError(
				'credentials',
				`ACLED says this account may not use the API (HTTP 403${await bodyExcerpt(response)}). Check at acleddata.com that the account has API access and has accepted the terms.`
			);
		}
		if (!response.ok) throw new ConnectorError('http', `${where}: ACLED answered HTTP ${response.status}${await bodyExcerpt(response)}; nothing was saved.`);
		const body = (await jsonBody(response, where)) as { success?: unknown; data?: unknown; error?: unknown; messages?: unknown } | null;
		if (!body || typeof body !== 'object')
			throw new ConnectorError('malformed', `${where}: the response is not the documented JSON object; nothing was saved.`);
		if (body.success === false)
			throw new ConnectorError(
				'http',
				`${where}: ACLED refused the request: ${JSON.stringify(body.error ?? body.messages ?? '').slice(0, 200)}; nothing was saved.`
			);
		const rows = rowsOfPage(body.data, ACLED_SCHEMA, where);
		yield { page, rows };
		if (rows.length < ACLED_PAGE_SIZE) return;
	}
}
