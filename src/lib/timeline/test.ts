import { describe, expect, it } from 'vitest';
import { monthlyCounts } from './index.js';

describe('timeline', () => {
	it('counts by month and keeps year-only dates apart', () => {
		const r = monthlyCounts(
			[
				{ date: '2008-01-05', datePrecision: 'day' },
				{ date: '2008-01-01', datePrecision: 'month' },
				{ date: '2008-03-09', datePrecision: 'day' },
				{ date: '2008-01-01', datePrecision: 'year' }
			],
			['2008-01', '2008-02', '2008-03']
		);
		expect(r).toEqual({ counts: [2, 0, 1], yearOnly: 1 });
	});
});
