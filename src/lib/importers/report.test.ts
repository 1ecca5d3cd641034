import { describe, expect, it } from 'vitest';
import { createRowImporter, hxlNote, isHxlTagRow, partResult, reasonKind } from './report.js';
import { mappedRow, type ColumnMapping } from './mapping.js';
import { tableIncidents } from '../table/index.js';
import type { RowMapper } from './formats.js';

const MAPPING: ColumnMapping = { latitude: 'lat', longitude: 'lon', date: 'when', killed: '', type: '', group: '', id: 'ref', place: '' };
const row = (ref: string, more: Record<string, string> = {}) => ({ ref, lat: '34.01', lon: '71.58', when: '2023-01-01', ...more });

describe('isHxlTagRow and its note', () => {
	it('takes a row of hashtags and empty cells, with at least one hashtag, for a tag row', () => {
		expect(isHxlTagRow([' #date+year ', '', '#geo+lat'])).toBe(true);
		expect(isHxlTagRow(['', ' '])).toBe(false);
		expect(isHxlTagRow(['#date', '2023'])).toBe(false);
	});
	it('counts tag rows in words, one or more', () => {
		expect(hxlNote(1)).toMatch(/^1 HXL tag row \(not an event\): the row under the header holds HXL hashtags/);
		expect(hxlNote(2)).toMatch(/^2 HXL tag rows \(not an event\)/);
	});
});

describe('reasonKind', () => {
	it('leaves out quoted values and numbers, signed, dotted or dashed, so like problems count together', () => {
		expect(reasonKind('latitude', 'latitude -91.5 is out of range')).toBe('latitude: latitude … is out of range');
		expect(reasonKind('date_start', '2023-02-30 is not a calendar date')).toBe('date_start: … is not a calendar date');
		expect(reasonKind('best', '"12,5" is not a number')).toBe('best: … is not a number');
		expect(reasonKind('id', 'duplicate id "a"')).toBe('id: duplicate id …');
	});
});

describe('createRowImporter', () => {
	it('imports and rejects, counting rows read and imported as it goes', () => {
		const importer = createRowImporter('CSV', mappedRow(MAPPING), 'x.csv');
		importer.add(row('1'));
		importer.add(row('2', { lat: '34,5' }));
		expect([importer.rowsRead(), importer.imported()]).toEqual([2, 1]);
		const { report, rejections } = importer.finish(['given']);
		expect(report).toMatchObject({ rowsRead: 2, imported: 1, rejected: 1, notes: ['given'] });
		// Without decimalComma, "34,5" is not a number.
		expect(rejections[0]).toMatchObject({ row: 2, column: 'lat' });
	});
	it('reads a decimal comma only when told to', () => {
		const importer = createRowImporter('CSV', mappedRow(MAPPING), 'x.csv', { decimalComma: true });
		importer.add(row('1', { lat: '34,5' }));
		expect(tableIncidents(importer.part().table).map((i) => i.lat)).toEqual([34.5]);
	});
	it('rejects a duplicate id, quoting at most 60 characters, with the cells the caller gives', () => {
		const importer = createRowImporter('CSV', mappedRow(MAPPING), 'x.csv');
		const long = 'i'.repeat(80);
		importer.add(row(long));
		importer.add(row(long), () => ({ ...row(long), extra: 'all cells' }));
		const [dup] = importer.part().rejections;
		expect(dup).toMatchObject({ row: 2, column: 'id', problem: `duplicate id "${'i'.repeat(60)}"`, cells: { extra: 'all cells' } });
	});
	it('rejects a row whose mapper fails, by the column it names or as "(row)", with the caller’s cells', () => {
		const failing: RowMapper = (r) => {
			if (r.ref === 'boom') throw new Error('TEST mapper failure');
			return mappedRow(MAPPING)(r, 1, { decimalComma: false, truncated: 0 });
		};
		const importer = createRowImporter('CSV', failing, 'x.csv');
		importer.add(row('boom'), () => ({ all: 'cells' }));
		importer.add(row('2', { when: '' }), () => ({ all: 'cells 2' }));
		importer.add(row('3', { when: '' }));
		expect(importer.part().rejections.map((x) => [x.column, x.problem, x.cells])).toEqual([
			['(row)', 'TEST mapper failure', { all: 'cells' }],
			['when', 'date is missing', { all: 'cells 2' }],
			['when', 'date is missing', row('3', { when: '' })]
		]);
	});
	it('gives rows the file’s release unless they name their own', () => {
		const withRelease: RowMapper = (r, n, ctx) => ({ ...mappedRow(MAPPING)(r, n, ctx), ...(r.release ? { release: r.release } : {}) });
		const importer = createRowImporter('CSV', withRelease, 'x.csv', { release: 'UCDP GED 22.1' });
		importer.add(row('1'));
		importer.add(row('2', { release: 'UCDP Candidate 26.0.1' }));
		expect(tableIncidents(importer.part().table).map((i) => i.release)).toEqual(['UCDP GED 22.1', 'UCDP Candidate 26.0.1']);
		const none = createRowImporter('CSV', withRelease, 'x.csv');
		none.add(row('1'));
		expect(tableIncidents(none.part().table)[0]!.release).toBeUndefined();
	});
	it('keeps a first part’s ids, and a later part’s row numbers past its first 1,024 rows', () => {
		const first = createRowImporter('CSV', mappedRow(MAPPING), 'x.csv');
		first.add(row('a'));
		expect(first.part()).toMatchObject({ rowNumbers: null });
		expect(first.part().ids).not.toBeNull();
		const later = createRowImporter('CSV', mappedRow(MAPPING), 'x.csv', { laterPart: true });
		later.add(row('1', { when: '' }));
		for (let k = 2; k <= 1500; k++) later.add(row(String(k)));
		const part = later.part();
		expect(part.ids).toBeNull();
		expect([...part.rowNumbers!]).toEqual(Array.from({ length: 1499 }, (_, k) => k + 2));
	});
});

describe('partResult', () => {
	it('adds the HXL note only when the part skipped a tag row', () => {
		const importer = createRowImporter('CSV', mappedRow(MAPPING), 'x.csv');
		importer.add(row('1'));
		expect(partResult(importer.part(), ['given']).report.notes).toEqual(['given']);
		importer.addHxlRow();
		expect(partResult(importer.part(), ['given']).report.notes).toEqual(['given', hxlNote(1)]);
		expect(partResult(importer.part()).report.notes).toEqual([hxlNote(1)]);
	});
});
