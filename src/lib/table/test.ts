import { describe, expect, it } from 'vitest';
import { appendTable, incidentAt, locationCounts, placedIncidents, sliceText, tableDateRange, tableIncidents, toTable } from './index.js';
import { NOT_RECORDED } from '../columns/index.js';
import type { Incident } from '../incident/index.js';
import { committedDataset } from '../../../tests/unit/sources.js';

// Test fixture rows (not real incidents): every kind of empty value, and text that looks like one.
const base: Incident = {
	id: 'TEST 1',
	date: '2023-02-28',
	datePrecision: 'day',
	lon: 71.5,
	lat: 34,
	placePrecision: 'exact',
	place: 'TEST place',
	provinceRecorded: 'TEST province',
	districtRecorded: 'TEST district',
	eventType: 'TEST type',
	subType: 'TEST subtype',
	target: 'TEST target',
	actor: 'TEST actor',
	actor2: 'TEST second party',
	killed: 0,
	wounded: 3,
	suicide: false,
	summary: 'TEST summary',
	source: 'TEST source'
};
const fixture: Incident[] = [
	base,
	{
		...base,
		id: 'TEST 2',
		date: '1999-12-01',
		datePrecision: 'month',
		lon: null,
		lat: null,
		placePrecision: 'unknown',
		place: null,
		killed: null,
		wounded: null,
		suicide: null
	},
	{
		...base,
		id: 'TEST 3',
		date: '2024-01-01',
		datePrecision: 'year',
		placePrecision: 'province',
		eventType: null,
		target: null,
		actor: null,
		suicide: true,
		summary: null
	},
	// The source's own text "(not recorded)" is kept as text, apart from an empty value.
	{ ...base, id: 'TEST 4', actor: NOT_RECORDED, eventType: '', target: ' ', provinceRecorded: null, source: null }
];

describe('incident table', () => {
	it('rebuilds every row exactly (fixture with every kind of empty value)', () => {
		const table = toTable(fixture);
		expect(tableIncidents(table)).toEqual(fixture);
		expect(table.columns.actor[3]).not.toBe(table.columns.actor[2]);
		expect(table.columns.labels.actor[table.columns.actor[3]!]).toBe(NOT_RECORDED);
	});
	it('rebuilds every row of the bundled datasets exactly', () => {
		for (const id of ['gtd-2008', 'gtd-2015-bombings']) {
			const { incidents } = committedDataset(id);
			expect(tableIncidents(toTable(incidents)), id).toEqual(incidents);
		}
	});
	it('reads a row from a slice of the text columns (a stored chunk)', () => {
		const table = toTable(fixture);
		const chunk = sliceText(table.text, 2, 4);
		expect(chunk.id).toEqual(['TEST 3', 'TEST 4']);
		expect(incidentAt(table.columns, chunk, 3, 1)).toEqual(fixture[3]);
	});
	it('gives the planning tools the place, precision, date and toll of every row, from the columns alone', () => {
		expect(placedIncidents(toTable(fixture).columns)).toEqual(
			fixture.map(({ lon, lat, placePrecision, date, killed, wounded }) => ({ lon, lat, placePrecision, date, killed, wounded }))
		);
	});
	it('gives the date range and the location counts of the import report', () => {
		const { columns } = toTable(fixture);
		expect(tableDateRange(columns)).toEqual(['1999-12-01', '2024-01-01']);
		expect(tableDateRange(toTable([]).columns)).toBeNull();
		expect(locationCounts(columns)).toEqual({ coarse: 1, unlocated: 1 });
	});
	it('appends a table to another as one builder would have built them, less the rows skipped', () => {
		const later: Incident[] = [
			{ ...base, id: 'TEST 5', actor: 'TEST only later', target: null },
			{ ...base, id: 'TEST 6', actor: 'TEST skipped label' },
			{ ...base, id: 'TEST 7', actor: NOT_RECORDED, eventType: 'TEST type', target: 'TEST late target' }
		];
		const joined = appendTable(toTable(fixture), toTable(later), new Set([1]));
		const expected = toTable([...fixture, later[0]!, later[2]!]);
		expect(joined).toEqual(expected);
		expect(joined.columns.labels.actor).not.toContain('TEST skipped label');
	});
});
