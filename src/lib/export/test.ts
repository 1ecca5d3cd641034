import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, exportIncidents, incidentsCsv, rejectedCsv, toCsv } from './index.js';
import { committedDataset } from '../../../tests/unit/sources.js';

describe('CSV export', () => {
	it('neutralises cells a spreadsheet would run as formulas, but not numbers', () => {
		expect(['=SUM(A1)', '+cmd', '-1+2', '@x', '\tx'].map(csvCell)).toEqual(["'=SUM(A1)", "'+cmd", "'-1+2", "'@x", "'\tx"]);
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell('a "quoted", text\nline')).toBe('"a ""quoted"", text\nline"');
	});
	it('round-trips through a CSV parser with every text intact', () => {
		const csv = toCsv(
			['a', 'b'],
			[
				['x,y', 'line1\nline2'],
				['<script>alert(1)</script>', null]
			]
		);
		expect(Papa.parse<string[]>(csv.trim()).data).toEqual([
			['a', 'b'],
			['x,y', 'line1\nline2'],
			['<script>alert(1)</script>', '']
		]);
	});
	it('carries the source attribution and the filters on every incident row', () => {
		const { info, incidents } = committedDataset('gtd-2008');
		const csv = incidentsCsv(incidents.slice(0, 3), () => 'peshawar', { dataset: info, filters: 'Group: TTP' });
		const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.attribution!.includes('Global Terrorism Database') && r.filters === 'Group: TTP')).toBe(true);
		expect(rows[0]!.id).toBe(incidents[0]!.id);
	});
	it('stamps a fetched dataset’s API, query and retrieval time on every row, and no credentials', () => {
		const { info, incidents } = committedDataset('gtd-2008');
		const fetched = {
			source: 'UCDP' as const,
			api: 'UCDP API (ucdpapi.pcr.uu.se), GED 26.1',
			query: 'Pakistan (GW 770), 2022-11-28 – 2025-12-31',
			params: { from: '2022-11-28', to: '2025-12-31' },
			retrievedAt: '2026-11-26T12:00:00.000Z'
		};
		const csv = incidentsCsv(incidents.slice(0, 2), () => 'peshawar', { dataset: { ...info, fetched }, filters: 'none' });
		const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
		expect(rows.map((r) => r.retrieval)).toEqual(
			Array(2).fill(
				'Fetched from the UCDP API (ucdpapi.pcr.uu.se), GED 26.1; query: Pakistan (GW 770), 2022-11-28 – 2025-12-31; retrieved 2026-11-26 12:00 UTC.'
			)
		);
		const plain = Papa.parse<Record<string, string>>(incidentsCsv(incidents.slice(0, 1), () => 'x', { dataset: info, filters: 'none' }).trim(), {
			header: true
		}).data;
		expect(plain[0]!.retrieval).toBe('');
	});
	it('writes rejected rows with their original cells and the reason', () => {
		const csv = rejectedCsv(['id', 'latitude'], [{ row: 4, column: 'latitude', problem: 'not a number', cells: { id: '7', latitude: '=1+1' } }]);
		expect(csv).toBe("row,column,problem,id,latitude\r\n4,latitude,not a number,7,'=1+1\r\n");
	});
});

describe('fields named as each source names them', () => {
	it('UCDP: side_a, side_b, a target only for one-sided violence, wounded "not recorded by UCDP", each row its release and citation', () => {
		const { info, incidents } = committedDataset('ucdp');
		const rows = [incidents.find((i) => i.release === 'UCDP GED 22.1')!, ...incidents.filter((i) => i.release === 'UCDP Candidate 26.0.1').slice(0, 20)];
		const csv = incidentsCsv(rows, () => 'peshawar', {
			dataset: info,
			filters: 'none',
			period: 'January 2026 · UCDP Candidate 26.0.1, preliminary',
			coverage: null
		});
		const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
		expect(parsed.meta.fields).toEqual(expect.arrayContaining(['side_a', 'side_b', 'target', 'wounded', 'release', 'citation', 'period', 'licence']));
		expect(parsed.meta.fields).not.toContain('perpetrator');
		expect(parsed.meta.fields).not.toContain('suicide');
		const data = parsed.data;
		expect(data.every((r) => r.wounded === 'not recorded by UCDP' && r.licence === 'CC BY 4.0')).toBe(true);
		expect(data[0]!.release).toBe('UCDP GED 22.1');
		expect(data[0]!.citation).toMatch(/Davies, Shawn, Therése Pettersson and Magnus Öberg \(2022\)/);
		expect(data[1]!.citation).toMatch(/Hegre.*Candidate Events Dataset/);
		expect(data.filter((r) => r.target === 'Civilians').every((r) => r.event_type === 'One-sided violence')).toBe(true);
		expect(data.some((r) => r.side_a === 'Government of Pakistan' && r.side_b === 'TTP')).toBe(true);
	});
	it('writes the place precision of a row without coordinates as "none", not the code it was stored with', () => {
		const { info, incidents } = committedDataset('gtd-2008');
		const located = incidents[0]!;
		const unlocated = { ...located, id: 'TEST-unlocated', lat: null, lon: null };
		const rows = Papa.parse<Record<string, string>>(incidentsCsv([located, unlocated], () => 'x', { dataset: info, filters: 'none' }).trim(), {
			header: true
		}).data;
		expect(rows.map((r) => r.place_precision)).toEqual([located.placePrecision, 'none']);
	});
	it('GTD: perpetrator and target_type, with wounded as recorded', () => {
		const { info, incidents } = committedDataset('gtd-2008');
		const data = Papa.parse<Record<string, string>>(incidentsCsv(incidents.slice(0, 5), () => 'x', { dataset: info, filters: 'none' }).trim(), {
			header: true
		});
		expect(data.meta.fields).toEqual(expect.arrayContaining(['perpetrator', 'target_type', 'suicide']));
		expect(data.meta.fields).not.toContain('side_a');
		expect(data.data[0]!.perpetrator).toBe(incidents[0]!.actor);
		expect(data.data[0]!.wounded).toBe(String(incidents[0]!.wounded));
	});
});

describe('exportIncidents (what the page and the engine worker both write)', () => {
	const ds = committedDataset('gtd-2008');
	const rows = ds.incidents.slice(0, 6);
	const passing = Uint8Array.from([1, 0, 1, 1, 0, 1]);
	const assignment = Int32Array.from([0, 1, -1, -2, 2, -3]);
	const p = { dataset: ds.info, filters: 'none' };
	it('keeps the passing rows, each with the district or bucket it was counted in', () => {
		const parsed = Papa.parse<Record<string, string>>(
			exportIncidents('incidents-csv', rows, passing, assignment, ['a-district', 'b-district', 'c-district'], p),
			{ header: true, skipEmptyLines: true }
		).data;
		expect(parsed.map((r) => r.id)).toEqual([0, 2, 3, 5].map((i) => rows[i]!.id));
		expect(parsed.map((r) => r.district)).toEqual(['a-district', 'outside KP/Balochistan', 'province-level location', 'no coordinates']);
		const geo = JSON.parse(exportIncidents('incidents-geojson', rows, passing, assignment, ['a-district', 'b-district', 'c-district'], p));
		expect(geo.features.map((f: { properties: { district: string } }) => f.properties.district)).toEqual(parsed.map((r) => r.district));
	});
});
