/**
 * A local stand-in for the UCDP and ACLED APIs, speaking their documented request and response
 * formats (see src/lib/connectors/ucdp.ts and acled.ts for the rules and where they come from):
 * paging, token and OAuth sign-in, filters by country and date. Every event is a TEST FIXTURE,
 * placed at a district seat of KP or Balochistan; none is a real incident.
 *
 * A test can make it misbehave the ways real APIs do: refuse credentials, answer 429 or 503 a
 * few times, send a page that is not JSON, add or drop a column, have no events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACLED_COLUMNS } from '../../src/lib/connectors/acled.js';
import { UCDP_COLUMNS } from '../../src/lib/connectors/ucdp.js';

export const MOCK_UCDP_TOKEN = 'mock-ucdp-token';
export const MOCK_ACLED_EMAIL = 'analyst@example.org';
export const MOCK_ACLED_PASSWORD = 'correct horse battery staple';

/** District seats the fixture events sit at: [name, province, lat, lon]. */
export const FIXTURE_PLACES: [string, string, number, number][] = [
	['Peshawar', 'Khyber Pakhtunkhwa', 34.008, 71.5785],
	['Bannu', 'Khyber Pakhtunkhwa', 32.986, 70.604],
	['Dera Ismail Khan', 'Khyber Pakhtunkhwa', 31.832, 70.902],
	['Quetta', 'Balochistan', 30.1798, 66.975],
	['Turbat', 'Balochistan', 26.0031, 63.0544],
	['Miranshah', 'Khyber Pakhtunkhwa', 32.986, 70.07]
];

type ApiRecord = Record<string, string | number | null>;

/** Deterministic fixture dates between two ISO dates. */
function spreadDates(count: number, from: string, to: string): string[] {
	const a = Date.parse(`${from}T00:00:00Z`);
	const b = Date.parse(`${to}T00:00:00Z`);
	return Array.from({ length: count }, (_, i) =>
		new Date(a + Math.floor(((b - a) * i) / Math.max(1, count - 1) / 86_400_000) * 86_400_000).toISOString().slice(0, 10)
	);
}

export function ucdpFixtureEvents(count: number, from: string, to: string, firstId = 1): ApiRecord[] {
	return spreadDates(count, from, to).map((date, i) => {
		const [name, province, lat, lon] = FIXTURE_PLACES[i % FIXTURE_PLACES.length]!;
		const record: ApiRecord = Object.fromEntries(UCDP_COLUMNS.map((c) => [c, null]));
		return Object.assign(record, {
			id: 5_000_000 + firstId + i,
			relid: `TEST-${firstId + i}`,
			year: Number(date.slice(0, 4)),
			active_year: 1,
			code_status: 'Clear',
			type_of_violence: (i % 3) + 1,
			conflict_name: 'TEST FIXTURE conflict',
			dyad_name: 'TEST FIXTURE dyad',
			side_a: 'TEST FIXTURE side A',
			side_b: 'TEST FIXTURE side B',
			number_of_sources: 1,
			source_article: 'TEST FIXTURE source article',
			source_headline: `TEST FIXTURE headline ${firstId + i}`,
			where_prec: 1,
			where_coordinates: `TEST FIXTURE ${name} town`,
			where_description: 'TEST FIXTURE',
			adm_1: `${province} province`,
			adm_2: `${name} district`,
			latitude: lat,
			longitude: lon,
			geom_wkt: `POINT (${lon} ${lat})`,
			country: 'Pakistan',
			country_id: 770,
			region: 'Asia',
			event_clarity: 1,
			date_prec: 1,
			date_start: `${date} 00:00:00.000`,
			date_end: `${date} 00:00:00.000`,
			deaths_a: 0,
			deaths_b: 0,
			deaths_civilians: i % 4,
			deaths_unknown: 0,
			best: i % 4,
			high: i % 4,
			low: i % 4,
			gwnoa: '770',
			gwnob: null
		});
	});
}

export function acledFixtureEvents(count: number, from: string, to: string, firstId = 1): ApiRecord[] {
	return spreadDates(count, from, to).map((date, i) => {
		const [name, province, lat, lon] = FIXTURE_PLACES[i % FIXTURE_PLACES.length]!;
		const record: ApiRecord = Object.fromEntries(ACLED_COLUMNS.map((c) => [c, '']));
		// ACLED's JSON carries every value as a string.
		return Object.assign(record, {
			event_id_cnty: `PAKT${firstId + i}`,
			event_date: date,
			year: date.slice(0, 4),
			time_precision: '1',
			disorder_type: 'Political violence',
			event_type: i % 2 ? 'Battles' : 'Explosions/Remote violence',
			sub_event_type: i % 2 ? 'Armed clash' : i % 5 === 0 ? 'Suicide bomb' : 'Remote explosive/landmine/IED',
			actor1: 'TEST FIXTURE actor 1',
			actor2: 'TEST FIXTURE actor 2',
			iso: '586',
			region: 'South Asia',
			country: 'Pakistan',
			admin1: province,
			admin2: name,
			location: `TEST FIXTURE ${name}`,
			latitude: String(lat),
			longitude: String(lon),
			geo_precision: '1',
			source: 'TEST FIXTURE source',
			source_scale: 'National',
			notes: `TEST FIXTURE notes ${firstId + i}`,
			fatalities: String(i % 3),
			timestamp: '1760000000'
		});
	});
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface Scenario {
	/** Events of the yearly release (26.1) and of the Candidate months (26.0.M), by version. */
	ucdpReleases: Map<string, ApiRecord[]>;
	acledEvents: ApiRecord[];
	/** The next `times` requests whose path matches answer `status` (e.g. 429, 503). */
	failures: { path: RegExp; status: number; times: number; retryAfter?: string }[];
	/** Requests whose path and page match answer a body that is not JSON. */
	malformed: { path: RegExp; page: string } | null;
	/** Every event gets this extra column / loses this column. */
	extraColumn: string | null;
	dropColumn: string | null;
	/** Requests whose path matches are redirected (302) to this origin, same path and query. */
	redirect: { path: RegExp; to: string } | null;
	/** Requests whose path matches are never answered (a silent server). */
	silent: RegExp | null;
	/** Requests whose path matches get a body of `bytes`, streamed without a declared length; `sent` counts what went out before the client stopped reading. */
	hugePage: { path: RegExp; bytes: number; sent: number } | null;
	/** UCDP pages claim this many pages (an absurd TotalPages). */
	totalPages: number | null;
	/** UCDP refuses the token (401) from this page (0-based) on: a token revoked part-way through. */
	ucdpUnauthorizedFromPage: number | null;
	/** An ACLED access token expires after this many data requests (401 "expired" after it). */
	acledTokenUses: number | null;
	/** Every text field of every event holds markup and a script. */
	htmlInFields: boolean;
}

/** The free-text fields of both APIs (names, places, sources, notes), where `htmlInFields` writes. */
const FREE_TEXT_FIELDS = [
	'side_a',
	'side_b',
	'where_coordinates',
	'where_description',
	'source_article',
	'source_headline',
	'actor1',
	'actor2',
	'location',
	'notes',
	'source'
];

/** What `htmlInFields` writes into every text field: text that must stay text. */
export const HOSTILE_MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

export function defaultScenario(): Scenario {
	// UCDP: the yearly release holds 2,500 events up to the end of 2025 (3 pages of 1,000);
	// Candidate releases are out for January–September 2026, 20 events each.
	const releases = new Map<string, ApiRecord[]>([['26.1', ucdpFixtureEvents(2500, '2022-11-28', '2025-12-31')]]);
	for (let m = 1; m <= 9; m++) {
		const start = `2026-${String(m).padStart(2, '0')}-01`;
		const end = `2026-${String(m).padStart(2, '0')}-28`;
		releases.set(`26.0.${m}`, ucdpFixtureEvents(20, start, end, 10_000 + m * 100));
	}
	return {
		ucdpReleases: releases,
		acledEvents: acledFixtureEvents(12_000, '2022-11-28', '2026-11-20'),
		failures: [],
		malformed: null,
		extraColumn: null,
		dropColumn: null,
		redirect: null,
		silent: null,
		hugePage: null,
		totalPages: null,
		ucdpUnauthorizedFromPage: null,
		acledTokenUses: null,
		htmlInFields: false
	};
}

export interface MockApis {
	origin: string;
	scenario: Scenario;
	requests: LoggedRequest[];
	reset(): void;
	close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
	res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...headers });
	res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Streams `huge.bytes` spaces, 1 MB at a time, as fast as the client reads, until it stops reading. */
function streamSpaces(res: ServerResponse, huge: { bytes: number; sent: number }) {
	const chunk = Buffer.alloc(1024 * 1024, 0x20);
	res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
	const more = () => {
		while (huge.sent < huge.bytes && !res.destroyed) {
			huge.sent += chunk.length;
			if (!res.write(chunk)) return void res.once('drain', more);
		}
		res.end();
	};
	more();
}

export async function startMockApis(port = 0): Promise<MockApis> {
	/** ACLED access tokens, with the data requests each has made. */
	const tokens = new Map<string, number>();
	const mock: MockApis = {
		origin: '',
		scenario: defaultScenario(),
		requests: [],
		reset() {
			mock.scenario = defaultScenario();
			mock.requests.length = 0;
			tokens.clear();
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};

	const shape = (records: ApiRecord[]) =>
		records.map((r) => {
			const out: ApiRecord = { ...r };
			if (mock.scenario.extraColumn) out[mock.scenario.extraColumn] = 'x';
			if (mock.scenario.dropColumn) delete out[mock.scenario.dropColumn];
			if (mock.scenario.htmlInFields) for (const k of FREE_TEXT_FIELDS) if (typeof out[k] === 'string') out[k] = `${out[k]} ${HOSTILE_MARKUP}`;
			return out;
		});

	function handle(req: IncomingMessage, res: ServerResponse, body: string) {
		const url = new URL(req.url ?? '/', 'http://mock');
		const query = Object.fromEntries(url.searchParams);
		mock.requests.push({ method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers, body });
		if (req.method === 'OPTIONS') {
			res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' });
			return res.end();
		}
		const failure = mock.scenario.failures.find((f) => f.times > 0 && f.path.test(url.pathname));
		if (failure) {
			failure.times--;
			return send(res, failure.status, { error: 'mock failure' }, failure.retryAfter !== undefined ? { 'retry-after': failure.retryAfter } : {});
		}
		if (mock.scenario.silent?.test(url.pathname)) return;
		const huge = mock.scenario.hugePage;
		if (huge?.path.test(url.pathname)) return streamSpaces(res, huge);
		const redirect = mock.scenario.redirect;
		if (redirect?.path.test(url.pathname)) {
			res.writeHead(302, { location: `${redirect.to}${url.pathname}${url.search}`, 'access-control-allow-origin': '*' });
			return res.end();
		}
		const m = mock.scenario.malformed;
		if (m && m.path.test(url.pathname) && query.page === m.page) return send(res, 200, '<html><body>Bad gateway</body></html>');

		// UCDP: GET /api/gedevents/<version>?pagesize&page&Country&StartDate&EndDate
		const ged = /^\/api\/gedevents\/([\d.]+)$/.exec(url.pathname);
		if (ged) {
			const token = req.headers['x-ucdp-access-token'];
			if (!token) return send(res, 401, 'API token required. Add header: x-ucdp-access-token', { 'content-type': 'text/plain' });
			if (token !== MOCK_UCDP_TOKEN) return send(res, 401, 'Invalid API token', { 'content-type': 'text/plain' });
			const fromPage = mock.scenario.ucdpUnauthorizedFromPage;
			if (fromPage !== null && Number(query.page ?? 0) >= fromPage) return send(res, 401, 'Invalid API token', { 'content-type': 'text/plain' });
			const events = mock.scenario.ucdpReleases.get(ged[1]!);
			if (!events) return send(res, 404, { error: `No dataset version ${ged[1]}` });
			const countries = (query.Country ?? '').split(',').filter(Boolean).map(Number);
			const pagesize = Math.min(1000, Number(query.pagesize ?? 100));
			const page = Number(query.page ?? 0);
			const matching = events.filter((e) => {
				const date = String(e.date_start).slice(0, 10);
				return (
					(!countries.length || countries.includes(Number(e.country_id))) &&
					(!query.StartDate || date >= query.StartDate) &&
					(!query.EndDate || date <= query.EndDate)
				);
			});
			const totalPages = Math.ceil(matching.length / pagesize);
			const link = (p: number) => (p >= 0 && p < totalPages ? `${mock.origin}${url.pathname}?${new URLSearchParams({ ...query, page: String(p) })}` : '');
			return send(res, 200, {
				TotalCount: matching.length,
				TotalPages: mock.scenario.totalPages ?? totalPages,
				PreviousPageUrl: link(page - 1),
				NextPageUrl: link(page + 1),
				Result: shape(matching.slice(page * pagesize, (page + 1) * pagesize))
			});
		}

		// ACLED: POST /oauth/token (password grant), GET /api/acled/read with a Bearer token.
		if (url.pathname === '/oauth/token' && req.method === 'POST') {
			const form = new URLSearchParams(body);
			if (form.get('grant_type') !== 'password' || form.get('client_id') !== 'acled') return send(res, 400, { error: 'unsupported_grant_type' });
			if (form.get('username') !== MOCK_ACLED_EMAIL || form.get('password') !== MOCK_ACLED_PASSWORD) {
				return send(res, 400, {
					error: 'invalid_grant',
					error_description: 'The user credentials were incorrect.',
					message: 'The user credentials were incorrect.'
				});
			}
			const token = `mock-access-${tokens.size + 1}`;
			tokens.set(token, 0);
			return send(res, 200, { token_type: 'Bearer', expires_in: 86400, access_token: token, refresh_token: `mock-refresh-${tokens.size}` });
		}
		if (url.pathname === '/api/acled/read') {
			const auth = String(req.headers.authorization ?? '');
			const uses = tokens.get(auth.slice(7));
			if (!auth.startsWith('Bearer ') || uses === undefined) return send(res, 401, { status: 401, success: false, error: { message: 'Unauthorized' } });
			if (mock.scenario.acledTokenUses !== null && uses >= mock.scenario.acledTokenUses)
				return send(res, 401, { status: 401, success: false, error: { message: 'The access token expired' } });
			tokens.set(auth.slice(7), uses + 1);
			const limit = Number(query.limit ?? 5000);
			const page = Number(query.page ?? 1);
			const [from, to] = (query.event_date ?? '').split('|');
			const matching = mock.scenario.acledEvents.filter(
				(e) => (!query.iso || e.iso === query.iso) && (!from || String(e.event_date) >= from) && (!to || String(e.event_date) <= to!)
			);
			const data = shape(matching.slice((page - 1) * limit, page * limit));
			return send(res, 200, { status: 200, success: true, last_update: 0, count: data.length, messages: [], data, filename: 'acled-mock' });
		}
		send(res, 404, { error: `mock: nothing at ${url.pathname}` });
	}

	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => handle(req, res, body));
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	mock.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return mock;
}
