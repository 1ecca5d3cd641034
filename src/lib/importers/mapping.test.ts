import { describe, expect, it } from 'vitest';
import { columnChoices, guessMapping, LISTED_COLUMNS, MAPPING_FIELDS, mappedRow, previewColumns, type ColumnMapping } from './mapping.js';
import type { RowContext } from './cells.js';

// A header of 100,000 columns (test data): col_1 … col_99997, then three a user would look for.
const headers = [...Array.from({ length: 99_997 }, (_, i) => `col_${i + 1}`), 'Latitude', 'Longitude', 'Event date'];

describe('the mapping dialog on a very wide header', () => {
	it('offers the first columns, at most LISTED_COLUMNS, and says how many there are', () => {
		const { columns, matched } = columnChoices(headers, '', '');
		expect(columns).toEqual(headers.slice(0, LISTED_COLUMNS));
		expect(matched).toBe(100_000);
	});
	it('finds a column by part of its name, in any case', () => {
		expect(columnChoices(headers, 'LAT', '')).toEqual({ columns: ['Latitude'], matched: 1 });
		expect(columnChoices(headers, ' col_9999', '')).toEqual({
			columns: ['col_9999', 'col_99990', 'col_99991', 'col_99992', 'col_99993', 'col_99994', 'col_99995', 'col_99996', 'col_99997'],
			matched: 9
		});
		expect(columnChoices(headers, 'no such column', '').matched).toBe(0);
	});
	it('keeps the chosen column among the choices whatever the filter', () => {
		expect(columnChoices(headers, 'long', 'Latitude').columns).toEqual(['Latitude', 'Longitude']);
		expect(columnChoices(headers, '', 'Event date', 3).columns).toEqual(['Event date', 'col_1', 'col_2', 'col_3']);
	});
	it('previews the mapped columns first, then the first others, LISTED_COLUMNS in all', () => {
		const mapping = guessMapping(headers);
		expect(mapping).toMatchObject({ latitude: 'Latitude', longitude: 'Longitude', date: 'Event date' });
		const shown = previewColumns(headers, mapping);
		expect(shown.slice(0, 3)).toEqual(['Latitude', 'Longitude', 'Event date']);
		expect(shown.slice(3, 5)).toEqual(['col_1', 'col_2']);
		expect(shown).toHaveLength(LISTED_COLUMNS);
		expect(previewColumns(['a', 'b'], { ...mapping, latitude: 'a', longitude: 'b', date: 'a' })).toEqual(['a', 'b']);
	});
});

describe('guessMapping', () => {
	const NONE: ColumnMapping = { latitude: '', longitude: '', date: '', killed: '', type: '', group: '', id: '', place: '' };
	it('guesses each field from its usual names, in any case and with spaces around', () => {
		expect(guessMapping([' Latitude ', 'LONGITUDE', 'Date', 'Killed', 'Event_Type', 'Actor1', 'Event_ID', 'Town'])).toEqual({
			latitude: ' Latitude ',
			longitude: 'LONGITUDE',
			date: 'Date',
			killed: 'Killed',
			type: 'Event_Type',
			group: 'Actor1',
			id: 'Event_ID',
			place: 'Town'
		});
		expect(guessMapping(['y', 'x', 'day', 'nkill', 'attacktype', 'gname', 'eventid', 'city'])).toEqual({
			latitude: 'y',
			longitude: 'x',
			date: 'day',
			killed: 'nkill',
			type: 'attacktype',
			group: 'gname',
			id: 'eventid',
			place: 'city'
		});
		expect(guessMapping(['lat', 'lng', 'event_date', 'fatalities_total', 'sub_type', 'perp_name', 'id', 'location'])).toEqual({
			latitude: 'lat',
			longitude: 'lng',
			date: 'event_date',
			killed: 'fatalities_total',
			type: 'sub_type',
			group: 'perp_name',
			id: 'id',
			place: 'location'
		});
	});
	it('prefers an exact name to an earlier column that only contains it', () => {
		expect(
			guessMapping(['plate_no', 'lat', 'lon_zone', 'long', 'update', 'date', 'death_note', 'best', 'type_code', 'type', 'group_size', 'group'])
		).toMatchObject({
			latitude: 'lat',
			longitude: 'long',
			date: 'date',
			killed: 'best',
			type: 'type',
			group: 'group'
		});
		expect(guessMapping(['yy', 'xx', 'today', 'latitude_deg', 'longitude_deg'])).toMatchObject({
			latitude: 'latitude_deg',
			longitude: 'longitude_deg',
			date: ''
		});
	});
	it('guesses nothing for names it does not know, rather than a wrong column', () => {
		expect(guessMapping(['a', 'b', 'idx', 'identity', 'placed', 'l_a_t', 'xy', 'yx', 'dates_note_day'])).toEqual({ ...NONE, date: 'dates_note_day' });
		expect(guessMapping(['event_idx', 'the_place', 'my_id'])).toEqual(NONE);
	});
});

describe('MAPPING_FIELDS', () => {
	it('requires latitude, longitude and date only, each with a label for the dialog', () => {
		expect(MAPPING_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual(['latitude', 'longitude', 'date']);
		expect(MAPPING_FIELDS.map((f) => f.label)).toEqual([
			'Latitude',
			'Longitude',
			'Date',
			'Casualties (killed)',
			'Event type',
			'Group / actor',
			'Event id',
			'Place name'
		]);
	});
});

describe('mappedRow', () => {
	const mapping: ColumnMapping = { latitude: 'lat', longitude: 'lon', date: 'when', killed: '', type: '', group: '', id: '', place: '' };
	const ctx = (): RowContext => ({ decimalComma: false, truncated: 0 });
	const row = { lat: '34.01', lon: '71.58', when: '2023-01-01', ref: ' R-7 ', who: 'TEST group', kind: 'TEST type', where: 'TEST place', dead: '3' };
	it('gives a row without a mapped id its row number, and takes day and exact precision as the user’s claim', () => {
		const c = ctx();
		expect(mappedRow(mapping)(row, 12, c)).toMatchObject({
			id: 'row-12',
			date: '2023-01-01',
			datePrecision: 'day',
			placePrecision: 'exact',
			lat: 34.01,
			lon: 71.58
		});
		expect(c.generatedId).toBe(true);
		expect(mappedRow({ ...mapping, id: 'ref' })({ ...row, ref: '  ' }, 13, ctx()).id).toBe('row-13');
	});
	it('reads the optional columns only when they are mapped', () => {
		const c = ctx();
		const full = mappedRow({ ...mapping, id: 'ref', group: 'who', type: 'kind', place: 'where', killed: 'dead' })(row, 1, c);
		expect(full).toMatchObject({ id: 'R-7', actor: 'TEST group', eventType: 'TEST type', place: 'TEST place', killed: 3 });
		expect(c.generatedId).toBeUndefined();
		expect(mappedRow(mapping)(row, 1, ctx())).toMatchObject({ actor: null, eventType: null, place: null, killed: null });
	});
});

describe('previewColumns', () => {
	it('lists a column mapped to two fields once, and counts it once against the limit', () => {
		const mapping: ColumnMapping = { latitude: 'a', longitude: 'a', date: 'b', killed: '', type: '', group: '', id: '', place: '' };
		expect(previewColumns(['a', 'b', 'c', 'd'], mapping, 1)).toEqual(['a', 'b']);
		expect(previewColumns(['a', 'b', 'c', 'd'], mapping, 3)).toEqual(['a', 'b', 'c']);
	});
});
