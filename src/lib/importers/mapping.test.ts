import { describe, expect, it } from 'vitest';
import { columnChoices, guessMapping, LISTED_COLUMNS, previewColumns } from './mapping.js';

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
