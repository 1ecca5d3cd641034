import { describe, expect, it } from 'vitest';
import { comparePeriods, divergingBounds } from './index.js';

describe('comparePeriods', () => {
	const a = [10, 0, 4, 2];
	const b = [15, 6, 2, 1];
	const eventsA = [10, 0, 4, 2];
	const eventsB = [15, 6, 2, 1];
	it('gives B − A and keeps thin districts apart', () => {
		const r = comparePeriods(a, b, eventsA, eventsB, 'difference', 5);
		expect(r.change).toEqual([5, 6, -2, null]);
		expect(r.reason).toEqual([null, null, null, 'too-few-events']);
	});
	it('gives % change and never divides by a zero base', () => {
		const r = comparePeriods(a, b, eventsA, eventsB, 'percent', 5);
		expect(r.change).toEqual([50, null, -50, null]);
		expect(r.reason).toEqual([null, 'zero-base', null, 'too-few-events']);
	});
	it('splits the largest absolute change symmetrically', () => {
		expect(divergingBounds([5, -9, null, 3], 3)).toEqual([3, 6, 9]);
		expect(divergingBounds([null, 0], 3)).toEqual([]);
	});
});
