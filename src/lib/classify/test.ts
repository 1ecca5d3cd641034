import { describe, expect, it } from 'vitest';
import { classBreaks, classOf } from './index.js';

const naturalBreaks = (values: number[], count: number) => classBreaks(values, { method: 'natural', count });

describe('naturalBreaks', () => {
	it('keeps zero apart and splits positive values at natural gaps', () => {
		const b = naturalBreaks([0, 0, 1, 2, 2, 10, 11, 50], 3);
		expect(b.zeroCount).toBe(2);
		expect(b.lower).toEqual([1, 10, 50]);
		expect(b.upper).toEqual([2, 11, 50]);
		expect(b.counts).toEqual([3, 2, 1]);
		expect([0, 1, 2, 10, 11, 50].map((v) => classOf(v, b))).toEqual([-1, 0, 0, 1, 1, 2]);
	});
	it('uses fewer classes than asked when there are fewer distinct values', () => {
		expect(naturalBreaks([0, 3, 3, 3], 5).lower).toEqual([3]);
		expect(naturalBreaks([0, 0], 5).lower).toEqual([]);
	});
});

describe('classBreaks by method (hand-checked)', () => {
	const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100];
	it('equal intervals split [min, max] of the positive values evenly', () => {
		const b = classBreaks(values, { method: 'equal', count: 4 });
		expect(b.lower).toEqual([1, 25.75, 50.5, 75.25]);
		expect(b.counts).toEqual([10, 0, 0, 1]);
		expect(b.upper).toEqual([10, 25.75, 50.5, 100]);
	});
	it('quantiles put about the same number of values in each class', () => {
		const b = classBreaks(values, { method: 'quantile', count: 4 });
		expect(b.counts.reduce((a, c) => a + c, 0)).toBe(11);
		expect(Math.max(...b.counts) - Math.min(...b.counts)).toBeLessThanOrEqual(1);
		expect(b.zeroCount).toBe(1);
	});
	it('natural breaks isolate the outlier', () => {
		expect(classBreaks(values, { method: 'natural', count: 2 }).lower).toEqual([1, 100]);
	});
});
