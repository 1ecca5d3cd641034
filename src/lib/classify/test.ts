import { describe, expect, it } from 'vitest';
import {
	CLASS_METHOD_LABEL,
	CLASS_METHODS,
	classBreaks,
	classOf,
	heldBreaks,
	NO_FIGURE_CLASS,
	parseTypedBreaks,
	typedBreaks,
	typedBreaksProblem
} from './index.js';

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

describe('quantiles and equal intervals, from values in any order', () => {
	// A skewed set given unsorted: quantile and equal-interval bounds differ, and both need the
	// positive values sorted first (min, max and quantileSorted read them in order).
	const values = [100, 0, 3, 1, 4, 2];
	it('quantiles: a bound at each share of the sorted positive values', () => {
		const b = classBreaks(values, { method: 'quantile', count: 2 });
		expect(b.lower).toEqual([1, 3]);
		expect(b.counts).toEqual([2, 3]);
		expect(b.upper).toEqual([2, 100]);
	});
	it('equal intervals: bounds evenly spaced from min to max, empty classes keep their bound', () => {
		const b = classBreaks(values, { method: 'equal', count: 3 });
		expect(b.lower).toEqual([1, 34, 67]);
		expect(b.counts).toEqual([4, 0, 1]);
		expect(b.upper).toEqual([4, 34, 100]);
	});
	it('a value with no figure (NaN) is class −2, apart from zero (−1)', () => {
		const b = classBreaks(values, { method: 'equal', count: 3 });
		expect([NaN, 0, -5, 1, 50, 100].map((v) => classOf(v, b))).toEqual([-2, -1, -1, 0, 1, 2]);
		expect(NO_FIGURE_CLASS).toBe(-2);
	});
	it('names each method as the legend and the controls do', () => {
		expect(CLASS_METHODS.map((m) => CLASS_METHOD_LABEL[m])).toEqual(['Natural breaks (ckmeans)', 'Quantiles', 'Equal intervals']);
	});
});

describe('heldBreaks', () => {
	it('takes its classes from the pool and its counts from the values', () => {
		const pool = [0, 1, 2, 3, 10, 11, 12, 30, 31, 0];
		const frame = [0, 2, 31, 0, 11];
		const held = heldBreaks(pool, frame, { method: 'natural', count: 3 });
		const ofPool = classBreaks(pool, { method: 'natural', count: 3 });
		expect([held.lower, held.upper]).toEqual([ofPool.lower, ofPool.upper]);
		expect(held.counts).toEqual([1, 1, 1]);
		expect(held.zeroCount).toBe(2);
		// The frame's own classes would differ: the frame alone ranks 31 differently.
		expect(classBreaks(frame, { method: 'natural', count: 3 }).lower).not.toEqual(held.lower);
	});
	it('counts no class for a value without a figure (NaN)', () => {
		const held = heldBreaks([1, 2, 3], [NaN, 2], { method: 'equal', count: 3 });
		expect(held.counts.reduce((a, b) => a + b, 0)).toBe(1);
		expect(held.zeroCount).toBe(0);
	});
});

describe('classes typed by hand', () => {
	it('reads "1, 5, 10" as breaks, and names what is wrong otherwise', () => {
		expect(parseTypedBreaks('1, 5, 10')).toEqual([1, 5, 10]);
		expect(parseTypedBreaks('0.5')).toEqual([0.5]);
		expect(typedBreaksProblem('1, 5, 10')).toBeNull();
		expect(typedBreaksProblem('5, 1')).toBe('1 does not come after 5: breaks go up');
		expect(typedBreaksProblem('1, 1')).toBe('1 does not come after 1: breaks go up');
		expect(typedBreaksProblem('0, 2')).toBe('“0” is not a number above 0');
		expect(typedBreaksProblem('1e3')).toBe('“1e3” is not a number above 0');
		expect(typedBreaksProblem('1,,2')).toBe('“” is not a number above 0');
		expect(typedBreaksProblem('1,2,3,4,5,6,7')).toBe('7 breaks, more than 6');
		expect(parseTypedBreaks('5, 1')).toBeNull();
	});
	it('puts each value in the class its breaks say, zero apart, with the breaks as the legend’s ranges', () => {
		const b = typedBreaks([1, 5, 10], [0, 0.2, 1, 4.9, 5, 12, 30]);
		expect([0.2, 1, 4.9, 5, 12, 30, 0].map((v) => classOf(v, b))).toEqual([0, 1, 1, 2, 3, 3, -1]);
		expect(b).toEqual({ lower: [0.2, 1, 5, 10], upper: [1, 5, 10, 30], counts: [1, 2, 1, 2], zeroCount: 1 });
	});
	it('keeps its classes when no value reaches them (the ranges do not follow the data)', () => {
		const b = typedBreaks([1, 5, 10], [2, 3]);
		expect(b).toEqual({ lower: [0, 1, 5, 10], upper: [1, 5, 10, 10], counts: [0, 2, 0, 0], zeroCount: 0 });
	});
});
