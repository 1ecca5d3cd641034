import { describe, expect, it } from 'vitest';
import { binCounts, binMonths, monthlyCounts } from './index.js';

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

describe('binned months (a chart narrower than decades of months)', () => {
	it('sums k months a bin, keeps a wholly uncovered bin a gap, and flags a partly covered one', () => {
		const counts = [1, 2, 3, null, null, null, 4, null];
		expect(binCounts(counts, 3)).toEqual({
			k: 3,
			bins: [
				{ count: 6, partial: false },
				{ count: null, partial: false },
				{ count: 4, partial: true }
			]
		});
		expect(binCounts(counts, 100).k).toBe(1);
		expect(binMonths(['2021-11', '2021-12', '2022-01', '2022-02'], [5, 0, null, null], 2)).toEqual([
			{ from: '2021-11', to: '2021-12', count: 5, partial: false },
			{ from: '2022-01', to: '2022-02', count: null, partial: false }
		]);
	});
	it('keeps every event: the bins sum to the months', () => {
		const counts = Array.from({ length: 445 }, (_, i) => (i >= 396 && i <= 443 ? null : i % 7));
		const { bins } = binCounts(counts, 80);
		expect(bins.length).toBeLessThanOrEqual(80);
		expect(bins.reduce((n, b) => n + (b.count ?? 0), 0)).toBe(counts.reduce<number>((n, c) => n + (c ?? 0), 0));
	});
});
