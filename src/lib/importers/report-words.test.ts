import { describe, expect, it } from 'vitest';
import { countOf, identityWords, keptWords, rowPlace } from './report-words.js';

describe('the import report’s sentences', () => {
	it('agree in number with their count', () => {
		expect(countOf(1, 'row')).toBe('1 row');
		expect(countOf(1200, 'row')).toBe('1,200 rows');
		expect(countOf(2, 'entry', 'entries')).toBe('2 entries');
		expect(keptWords({ coarse: 1, unlocated: 1, truncatedFields: 1 }).map((w) => w.text)).toEqual([
			'1 imported row is located only at province or country level: kept, not counted in a district.',
			'1 imported row has no coordinates: kept as "no coordinates".',
			'1 text field longer than 20,000 characters was cut.'
		]);
		expect(keptWords({ coarse: 2, unlocated: 3, truncatedFields: 4 }).map((w) => w.text)).toEqual([
			'2 imported rows are located only at province or country level: kept, not counted in a district.',
			'3 imported rows have no coordinates: kept as "no coordinates".',
			'4 text fields longer than 20,000 characters were cut.'
		]);
	});
	it('account for every row read, one row too', () => {
		expect(identityWords({ imported: 1, rejected: 0, rowsRead: 1 })).toBe('1 imported + 0 rejected = 1 row read');
		expect(identityWords({ imported: 3, rejected: 1, replaced: 2, rowsRead: 6 })).toBe('3 imported + 1 rejected + 2 replaced by a newer release = 6 rows read');
	});
	it('leave out a count of none', () => {
		expect(keptWords({ coarse: 0, unlocated: 5, truncatedFields: 0 }).map((w) => w.key)).toEqual(['unlocated']);
	});
	it('place a rejected row by the file line an editor shows, and its data row', () => {
		expect(rowPlace({ row: 2, line: 5 })).toBe('file line 5 (data row 2)');
		expect(rowPlace({ row: 12345, line: 12346 })).toBe('file line 12,346 (data row 12,345)');
		expect(rowPlace({ row: 3 }, 'GeoJSON')).toBe('feature 3');
		expect(rowPlace({ row: 3 })).toBe('row 3');
	});
});
