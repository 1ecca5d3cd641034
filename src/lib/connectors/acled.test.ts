import { describe, expect, it } from 'vitest';
import { MAPPER_COLUMNS } from '../importers/formats.js';
import { fetchDataset, mergeRefresh, refreshFrom } from './index.js';
import { MOCK_ACLED_EMAIL, MOCK_ACLED_PASSWORD } from '../../../tests/mock-apis/server.js';
import { tableIncidents } from '../table/index.js';
import type { Incident } from '../incident/index.js';
import { connectorTestKit } from './test-helpers.js';
import { incidentWith } from '../incident/blank.js';

const { mock, options, acled, failure } = connectorTestKit();

describe('ACLED connector against the mock API', () => {
	it('signs in with the password grant, pages until a short page, and imports every row', async () => {
		const { result, provenance } = await fetchDataset(acled(), options());
		expect(result.report.rowsRead).toBe(12_000);
		expect(result.report.imported + result.report.rejected).toBe(12_000);
		const signIn = mock.requests.find((r) => r.path === '/oauth/token')!;
		expect(signIn.method).toBe('POST');
		expect(Object.fromEntries(new URLSearchParams(signIn.body))).toEqual({
			username: MOCK_ACLED_EMAIL,
			password: MOCK_ACLED_PASSWORD,
			grant_type: 'password',
			client_id: 'acled'
		});
		const reads = mock.requests.filter((r) => r.path === '/api/acled/read');
		expect(reads.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		expect(reads[0]!.query).toMatchObject({ _format: 'json', iso: '586', event_date: '2022-11-28|2026-11-26', event_date_where: 'BETWEEN', limit: '5000' });
		expect(reads.every((r) => r.headers.authorization === 'Bearer mock-access-1')).toBe(true);
		// Neither the password nor the email is in any URL or in the provenance.
		const visible = JSON.stringify({ provenance, queries: reads.map((r) => r.query), report: result.report });
		expect(visible).not.toContain(MOCK_ACLED_PASSWORD);
		expect(visible).not.toContain(MOCK_ACLED_EMAIL);
		expect(tableIncidents(result.table).find((i) => i.id === 'PAKT1')).toMatchObject({
			date: '2022-11-28',
			placePrecision: 'exact',
			subType: 'Suicide bomb',
			suicide: true,
			killed: 0
		});
		expect(provenance).toMatchObject({ source: 'ACLED', query: 'Pakistan (ISO 586), 2022-11-28 – 2026-11-26' });
	});

	it('reports wrong credentials without echoing them', async () => {
		const err = await failure(acled('hunter2'));
		expect(err.kind).toBe('credentials');
		expect(err.message).toMatch(/ACLED did not accept this email and password \(HTTP 400\)/);
		expect(err.message).not.toContain('hunter2');
	});

	it('signs in afresh once when the token expires part-way, and reads every row', async () => {
		mock.scenario.acledTokenUses = 2;
		const { result } = await fetchDataset(acled(), options());
		expect(result.report.rowsRead).toBe(12_000);
		expect(mock.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(2);
		const reads = mock.requests.filter((r) => r.path === '/api/acled/read');
		expect(reads.map((r) => [r.query.page, r.headers.authorization])).toEqual([
			['1', 'Bearer mock-access-1'],
			['2', 'Bearer mock-access-1'],
			['3', 'Bearer mock-access-1'],
			['3', 'Bearer mock-access-2']
		]);
	});

	it('stops, saving nothing, when ACLED refuses a token it has just given', async () => {
		mock.scenario.acledTokenUses = 0;
		const err = await failure(acled());
		expect(err.kind).toBe('credentials');
		expect(err.message).toMatch(/^ACLED, page 1: ACLED refused a token it had just given \(HTTP 401: .*expired.*\)\. Sign in again .*nothing was saved\.$/);
		expect(err.message).not.toContain(MOCK_ACLED_PASSWORD);
		expect(mock.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
	});

	it('retries a 429 on a data page', async () => {
		mock.scenario.failures.push({ path: /acled\/read/, status: 429, times: 1, retryAfter: '1' });
		const { result } = await fetchDataset(acled(), options());
		expect(result.report.rowsRead).toBe(12_000);
		expect(mock.requests.filter((r) => r.path === '/api/acled/read' && r.query.page === '1')).toHaveLength(2);
	});

	it('stops on a changed schema', async () => {
		mock.scenario.dropColumn = 'geo_precision';
		const err = await failure(acled());
		expect(err.message).toMatch(/^ACLED, page 1: column "geo_precision" is missing/);
	});

	// One list (the importer's ACLED format) says what the importer reads and what a page must hold:
	// a page without any one of them — `notes` included, the summary every incident shows — is refused.
	it.each(MAPPER_COLUMNS.ACLED.map((column) => [column]))('refuses a page without %s, a column the importer reads', async (column) => {
		mock.scenario.dropColumn = column;
		const err = await failure(acled());
		expect(err.kind).toBe('schema');
		expect(err.message).toContain(`column "${column}" is missing`);
	});
});

describe('refresh', () => {
	const inc = (id: string, date: string, killed = 1): Incident =>
		incidentWith({
			id,
			date,
			lon: 71.5,
			lat: 34,
			placePrecision: 'exact',
			killed
		});
	it('asks again from a month before the newest stored event', () => {
		expect(refreshFrom('2026-09-28', '2022-11-28')).toBe('2026-08-28');
		expect(refreshFrom('2022-12-10', '2022-11-28')).toBe('2022-11-28');
	});
	it('counts added, changed and removed events in the window and keeps the rest', () => {
		const stored = [inc('a', '2026-01-01'), inc('b', '2026-09-01'), inc('c', '2026-09-10'), inc('d', '2026-09-20')];
		const fresh = [inc('b', '2026-09-01'), inc('c', '2026-09-10', 5), inc('e', '2026-10-02')];
		const diff = mergeRefresh(stored, fresh, '2026-08-28');
		expect({ added: diff.added, changed: diff.changed, removed: diff.removed }).toEqual({ added: 1, changed: 1, removed: 1 });
		expect(diff.incidents.map((i) => i.id)).toEqual(['a', 'b', 'c', 'e']);
		expect(diff.incidents.find((i) => i.id === 'c')!.killed).toBe(5);
	});
});
