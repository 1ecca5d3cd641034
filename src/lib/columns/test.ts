import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate, isoMonth, monthNumber } from './index.js';

describe('month and day numbers', () => {
	it('turn every month from 1900 to 2027 into its number and back (before 1970 the numbers are negative)', () => {
		for (let year = 1900; year <= 2027; year++)
			for (let m = 1; m <= 12; m++) {
				const iso = `${year}-${String(m).padStart(2, '0')}`;
				expect(isoMonth(monthNumber(iso)), iso).toBe(iso);
			}
		expect(monthNumber('1900-01')).toBe(-840);
		expect(isoMonth(-1)).toBe('1969-12');
		expect(isoMonth(-839)).toBe('1900-02');
	});
	it('turn a day before 1970 into its number and back', () => {
		expect(isoDate(dayNumber('1900-01-01'))).toBe('1900-01-01');
		expect(isoDate(dayNumber('1969-07-20'))).toBe('1969-07-20');
		expect(dayNumber('1969-12-31')).toBe(-1);
	});
});
