import { describe, expect, it } from 'vitest';
import { classOf, naturalBreaks } from './index.js';

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
