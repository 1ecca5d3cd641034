import { describe, expect, it } from 'vitest';
import { UCDP_EVENT_COLUMNS } from '../importers/formats.js';
import { fetchDataset, fetchedCsv, type FetchRequest } from './index.js';
import { currentYearlyVersion, ucdpFillRequests, ucdpRequests } from './ucdp.js';
import { fillResult, mergeByEventId } from './fill.js';
import { HOSTILE_MARKUP, ucdpFixtureEvents, MOCK_UCDP_TOKEN } from '../../../tests/mock-apis/server.js';
import { committedDataset } from '../../../tests/unit/sources.js';
import { importCsv } from '../importers/file.js';
import { tableIncidents } from '../table/index.js';
import { connectorTestKit } from './test-helpers.js';

const { mock, waits, options, ucdp, failure } = connectorTestKit();

describe('UCDP releases for a date range', () => {
	it('asks the yearly release up to its last year, then one Candidate release per month', () => {
		const plan = ucdpRequests({ from: '2022-11-28', to: '2026-03-10', yearlyVersion: '26.1' });
		expect(plan).toEqual([
			{ version: '26.1', kind: 'yearly', from: '2022-11-28', to: '2025-12-31' },
			{ version: '26.0.1', kind: 'candidate', from: '2026-01-01', to: '2026-01-31' },
			{ version: '26.0.2', kind: 'candidate', from: '2026-02-01', to: '2026-02-28' },
			{ version: '26.0.3', kind: 'candidate', from: '2026-03-01', to: '2026-03-10' }
		]);
		expect(ucdpRequests({ from: '2026-05-02', to: '2026-05-09', yearlyVersion: '26.1' })).toEqual([
			{ version: '26.0.5', kind: 'candidate', from: '2026-05-02', to: '2026-05-09' }
		]);
		expect(() => ucdpRequests({ from: '2024-01-01', to: '2023-01-01', yearlyVersion: '26.1' })).toThrow(/after the end date/);
		expect(() => ucdpRequests({ from: '2023-01-01', to: '2024-01-01', yearlyVersion: '26' })).toThrow(/not a UCDP yearly release/);
	});
	it('knows which yearly release is out on a date (released in June)', () => {
		expect(currentYearlyVersion('2026-11-26')).toBe('26.1');
		expect(currentYearlyVersion('2026-03-01')).toBe('25.1');
	});
});

describe('"Fill 2022–2025": only the months a series does not cover', () => {
	const series = committedDataset('ucdp');
	it('asks GED 26.1 for 2022-01 – 2025-12, then the Candidate releases after January 2026 (covered), up to today', () => {
		const plan = ucdpFillRequests(series.info.releases!, '2026-12-01', '26.1');
		expect(plan[0]).toEqual({ version: '26.1', kind: 'yearly', from: '2022-01-01', to: '2025-12-31' });
		expect(plan.slice(1).map((r) => [r.version, r.from, r.to])).toEqual(
			Array.from({ length: 11 }, (_, i) => [`26.0.${i + 2}`, `2026-${String(i + 2).padStart(2, '0')}-01`, i === 10 ? '2026-12-01' : expect.any(String)])
		);
		// Nothing before 2022, and not January 2026 (Candidate 26.0.1 is bundled).
		expect(plan.some((r) => r.from < '2022-01-01' || r.version === '26.0.1')).toBe(false);
		// A series that covers every month up to today needs nothing.
		expect(ucdpFillRequests([{ months: ['1989-01', '2026-12'] }], '2026-12-01', '26.1')).toEqual([]);
	});
	it('fetches those releases only, each row keeping its release, and merges them in by event id', async () => {
		mock.scenario.ucdpReleases.set('26.1', ucdpFixtureEvents(500, '2022-01-01', '2025-12-31'));
		const requests = ucdpFillRequests(series.info.releases!, '2026-12-01', '26.1');
		const { result, releases } = await fetchDataset({ ...ucdp({ from: '2022-01-01', to: '2026-12-01' }), requests } as FetchRequest, options());
		const asked = mock.requests.filter((r) => r.path.startsWith('/api/gedevents/')).map((r) => [r.path.split('/').at(-1), r.query.StartDate, r.query.EndDate]);
		expect(asked[0]).toEqual(['26.1', '2022-01-01', '2025-12-31']);
		expect(new Set(asked.slice(1).map(([v]) => v))).toEqual(
			new Set(['26.0.2', '26.0.3', '26.0.4', '26.0.5', '26.0.6', '26.0.7', '26.0.8', '26.0.9', '26.0.10'])
		);
		expect(asked.every(([, from]) => from! >= '2022-01-01')).toBe(true);
		expect(releases.map((r) => [r.name, r.months, r.preliminary])).toEqual([
			['UCDP GED 26.1', ['2022-01', '2025-12'], false],
			...Array.from({ length: 8 }, (_, i) => [`UCDP Candidate 26.0.${i + 2}`, [`2026-0${i + 2}`, `2026-0${i + 2}`], true])
		]);
		const fetched = tableIncidents(result.table);
		expect(fetched.filter((i) => i.release === 'UCDP GED 26.1')).toHaveLength(500);
		// A newer release's row replaces the series' row of the same UCDP id.
		const older = [...series.incidents.slice(0, 3), { ...fetched[0]!, release: 'UCDP GED 22.1', killed: 99 }];
		const { result: filled, releases: all } = fillResult({ info: series.info, incidents: older }, result, releases);
		expect(filled.report).toMatchObject({ rowsRead: 4 + result.report.rowsRead, imported: 3 + fetched.length, rejected: 0, replaced: 1 });
		expect(filled.report.imported + filled.report.rejected + filled.report.replaced!).toBe(filled.report.rowsRead);
		expect(tableIncidents(filled.table).find((i) => i.id === fetched[0]!.id)).toMatchObject({ release: 'UCDP GED 26.1' });
		expect(all.map((r) => r.months[0])).toEqual([...all.map((r) => r.months[0])].sort());
	});
	it('keeps every older row whose id no newer row has', () => {
		const a = series.incidents.slice(0, 5);
		const b = [
			{ ...a[1]!, killed: 7 },
			{ ...a[0]!, id: 'TEST-new' }
		];
		const merged = mergeByEventId(a, b);
		expect([merged.replaced, merged.added, merged.incidents.length]).toEqual([1, 1, 6]);
		expect(merged.incidents.find((i) => i.id === a[1]!.id)!.killed).toBe(7);
	});
});

describe('UCDP connector against the mock API', () => {
	it('fetches every page of every release and imports every row', async () => {
		const progress: (number | null)[] = [];
		const { result, provenance } = await fetchDataset(ucdp(), options({ onProgress: (p) => progress.push(p.fraction) }));
		// 2,500 yearly events (3 pages of 1,000) + 9 Candidate months of 20.
		expect(result.report.rowsRead).toBe(2680);
		expect(result.report.imported + result.report.rejected).toBe(result.report.rowsRead);
		expect(result.report.imported).toBe(2680);
		expect(result.report.format).toBe('UCDP GED');
		const gedPages = mock.requests.filter((r) => r.path === '/api/gedevents/26.1').map((r) => r.query.page);
		expect(gedPages).toEqual(['0', '1', '2']);
		expect(mock.requests.every((r) => r.query.Country === '770' && r.query.pagesize === '1000')).toBe(true);
		// Candidate 26.0.10 is not out (404): the run stops there and says so.
		expect(
			mock.requests
				.map((r) => r.path)
				.filter((p) => p.includes('26.0.'))
				.at(-1)
		).toBe('/api/gedevents/26.0.10');
		expect(provenance.api).toBe('UCDP API (ucdpapi.pcr.uu.se), GED 26.1 + Candidate 26.0.1–26.0.9');
		expect(provenance.note).toMatch(/not published Candidate events from 2026-10-01 yet .*26\.0\.9, September 2026/);
		expect(provenance.query).toBe('Pakistan (GW 770), 2022-11-28 – 2026-11-26');
		expect(provenance.retrievedAt).toBe('2026-11-26T12:00:00.000Z');
		expect(progress.filter((f) => f !== null).every((f, i, a) => i === 0 || f! >= a[i - 1]!)).toBe(true);
		// The token travels in its header only.
		expect(mock.requests.every((r) => r.headers['x-ucdp-access-token'] === MOCK_UCDP_TOKEN)).toBe(true);
		expect(JSON.stringify({ provenance, urls: mock.requests.map((r) => r.query) })).not.toContain(MOCK_UCDP_TOKEN);
	});

	it('maps UCDP rows with the same importer as a file (precision, toll, date)', async () => {
		const rows: Record<string, string | undefined>[] = [];
		const { result } = await fetchDataset(ucdp({ to: '2023-03-31' }), options({ onRows: (r) => rows.push(...r) }));
		const first = tableIncidents(result.table)[0]!;
		expect(first).toMatchObject({
			id: '5000001',
			date: '2022-11-28',
			placePrecision: 'exact',
			lat: 34.008,
			lon: 71.5785,
			eventType: 'State-based conflict',
			killed: 0,
			wounded: null
		});
		// The same rows written as a CSV (what `npm run fetch-data` writes) import to the same incidents.
		const csv = fetchedCsv('ucdp', rows);
		const fromFile = await importCsv(csv, { file: 'ucdp.csv', size: csv.length, encoding: 'utf-8' });
		if (fromFile.kind !== 'done') throw new Error(fromFile.kind);
		expect(fromFile.result.table).toEqual(result.table);
	});

	it('includes Afghanistan (GW 700) when asked', async () => {
		const { provenance } = await fetchDataset(ucdp({ countries: [770, 700], to: '2023-01-31' }), options());
		expect(mock.requests[0]!.query.Country).toBe('770,700');
		expect(provenance.query).toBe('Pakistan (GW 770) and Afghanistan (GW 700), 2022-11-28 – 2023-01-31');
	});

	it('reports a refused token as a credentials problem, without echoing it', async () => {
		const err = await failure(ucdp({}, 'wrong-token-123'));
		expect(err.kind).toBe('credentials');
		expect(err.message).toMatch(/UCDP did not accept the access token \(HTTP 401\)/);
		expect(err.message).not.toContain('wrong-token-123');
	});

	it('stops, saving nothing, when the token is refused part-way, naming the page', async () => {
		mock.scenario.ucdpUnauthorizedFromPage = 2;
		const err = await failure(ucdp());
		expect(err.kind).toBe('credentials');
		expect(err.message).toBe(
			'UCDP GED 26.1, page 3: UCDP stopped accepting the access token part-way (HTTP 401), after 2 page(s) of this release had been read. Nothing was saved: check the token (it may have been revoked) and fetch again.'
		);
		expect(err.message).not.toContain(MOCK_UCDP_TOKEN);
	});

	it('keeps markup and script in every text field as text', async () => {
		mock.scenario.htmlInFields = true;
		const { result } = await fetchDataset(ucdp(), options());
		expect(result.report.rejected).toBe(0);
		const first = tableIncidents(result.table)[0]!;
		for (const field of ['actor', 'place', 'summary', 'source'] as const) expect(first[field], field).toContain(HOSTILE_MARKUP);
	});

	it('retries after 429 (honouring Retry-After) and then succeeds', async () => {
		waits.length = 0;
		mock.scenario.failures.push({ path: /gedevents\/26\.1$/, status: 429, times: 2, retryAfter: '3' });
		const retries: number[] = [];
		const { result } = await fetchDataset(ucdp({ to: '2023-06-30' }), options({ onRetry: (status) => retries.push(status) }));
		expect(retries).toEqual([429, 429]);
		expect(waits).toEqual([3000, 3000]);
		expect(result.report.rowsRead).toBeGreaterThan(0);
	});

	it('backs off exponentially on 5xx and gives up with a clear message', async () => {
		waits.length = 0;
		mock.scenario.failures.push({ path: /gedevents/, status: 503, times: 99 });
		const err = await failure(ucdp());
		expect(err.kind).toBe('http');
		expect(err.message).toMatch(/UCDP answered HTTP 503 \(a server error\) 5 times in a row; nothing was saved/);
		expect(waits).toEqual([1000, 2000, 4000, 8000]);
	});

	it('names the page that is not JSON', async () => {
		mock.scenario.malformed = { path: /gedevents\/26\.1$/, page: '1' };
		const err = await failure(ucdp());
		expect(err.kind).toBe('malformed');
		expect(err.message).toMatch(/^UCDP GED 26\.1, page 2 is not valid JSON \(it begins "<html>/);
	});

	it('stops on a changed schema, naming the unknown or missing column', async () => {
		mock.scenario.extraColumn = 'deaths_estimate_v2';
		const unknown = await failure(ucdp());
		expect(unknown.kind).toBe('schema');
		expect(unknown.message).toMatch(/UCDP GED 26\.1, page 1: unknown column "deaths_estimate_v2"/);
		mock.reset();
		mock.scenario.dropColumn = 'where_prec';
		const missing = await failure(ucdp());
		expect(missing.message).toMatch(/column "where_prec" is missing/);
	});

	it.each(UCDP_EVENT_COLUMNS.map((column) => [column]))('refuses a page without %s, a column the importer reads', async (column) => {
		mock.scenario.dropColumn = column;
		const err = await failure(ucdp());
		expect(err.kind).toBe('schema');
		expect(err.message).toContain(`column "${column}" is missing`);
	});

	it('says so when there are no events, and saves nothing', async () => {
		const err = await failure(ucdp({ from: '1995-01-01', to: '1995-12-31' }));
		expect(err.kind).toBe('empty');
		expect(err.message).toBe('UCDP returned no events for Pakistan (GW 770), 1995-01-01 – 1995-12-31. Nothing was saved.');
	});

	it('tells a network failure apart (after one retry), with the caller’s advice', async () => {
		waits.length = 0;
		const err = await failure(ucdp(), options({ origins: { ucdp: 'http://127.0.0.1:9' }, unreachable: (s) => `no route to ${s}` }));
		expect(err.kind).toBe('network');
		expect(err.message).toBe('no route to UCDP');
		expect(waits).toEqual([1000]);
	});
	it('retries once when a connection fails, then goes on', async () => {
		let calls = 0;
		const flaky: typeof fetch = (input, init) => (++calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
		const { result } = await fetchDataset(ucdp({ to: '2023-01-31' }), options({ fetch: flaky }));
		expect(calls).toBeGreaterThan(1);
		expect(result.report.rowsRead).toBeGreaterThan(0);
	});

	it('can be cancelled between pages', async () => {
		const controller = new AbortController();
		const err = await failure(ucdp(), options({ signal: controller.signal, onProgress: () => controller.abort() }));
		expect(err.kind).toBe('cancelled');
	});
});
