import { describe, expect, it } from 'vitest';
import { formatDate } from './index.js';

describe('formatDate', () => {
	it('writes a day, a month or a year, before 1970 too', () => {
		expect(formatDate('2023-01-15', 'day')).toBe('15 Jan 2023');
		expect(formatDate('1969-12-01', 'month')).toBe('Dec 1969');
		expect(formatDate('1905-01-01', 'year')).toBe('1905');
	});
	// It threw "Invalid time value", and one such stored date stopped the page.
	it('shows a stored date that is not one as written, never throws', () => {
		expect(formatDate('2023-13-01', 'day')).toBe('2023-13-01 (not a valid date)');
		expect(formatDate('', 'month')).toBe('date not given');
	});
});
