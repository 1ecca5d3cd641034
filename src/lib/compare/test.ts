import { describe, expect, it } from 'vitest';
import { comparePeriods, divergingBounds, notComparedWhy } from './index.js';

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

describe('notComparedWhy', () => {
	it('says, with the district’s own counts, why it is not compared', () => {
		const { reason } = comparePeriods([1, 0, 4], [2, 3, 8], [1, 0, 4], [2, 6, 8], 'percent');
		expect(reason.map((r, i) => notComparedWhy(r, [1, 0, 4][i]!, [2, 6, 8][i]!))).toEqual([
			'3 incidents in A and B together, fewer than 5',
			'no incidents in A (6 in B): a % change from 0 has no value',
			null
		]);
		expect(notComparedWhy('too-few-events', 1, 0)).toBe('1 incident in A and B together, fewer than 5');
	});
});
