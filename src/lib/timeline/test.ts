import { describe, expect, it } from 'vitest';
import { monthlyCounts, monthsBetween } from './index.js';

describe('timeline', () => {
	it('lists months across a year boundary', () => {
		expect(monthsBetween('2007-11-20', '2008-02-03')).toEqual(['2007-11', '2007-12', '2008-01', '2008-02']);
	});
	it('counts by month and keeps year-only dates apart', () => {
		const r = monthlyCounts(
			[
				{ date: '2008-01-05', datePrecision: 'day' },
				{ date: '2008-01-01', datePrecision: 'month' },
				{ date: '2008-03-09', datePrecision: 'day' },
				{ date: '2008-01-01', datePrecision: 'year' }
			],
			monthsBetween('2008-01-01', '2008-03-31')
		);
		expect(r).toEqual({ counts: [2, 0, 1], yearOnly: 1 });
	});
});
