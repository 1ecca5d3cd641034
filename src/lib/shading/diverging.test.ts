import { describe, expect, it } from 'vitest';
import { diverging, divergingClass, divergingColour, divergingLegend } from './diverging.js';
import { divergingColours, NO_DATA_COLOUR } from './colours.js';

describe('diverging classes', () => {
	const bounds = [3, 6, 9];
	it('mirrors classes around an exact-zero "no change" class', () => {
		expect([-9, -6, -3.5, -3, -1, 0, 1, 3, 5.9, 6, 9].map((v) => divergingClass(v, bounds))).toEqual([0, 1, 1, 2, 2, 3, 4, 5, 5, 6, 6]);
	});
	it('uses blue for decreases and red for increases', () => {
		const c = divergingColours(3);
		expect(c).toHaveLength(7);
		expect(parseInt(c[0]!.slice(5, 7), 16)).toBeGreaterThan(parseInt(c[0]!.slice(1, 3), 16)); // blue > red
		expect(parseInt(c[6]!.slice(1, 3), 16)).toBeGreaterThan(parseInt(c[6]!.slice(5, 7), 16)); // red > blue
	});
	it('colours a change by its class, and every change neutral when there are no bounds (all were zero)', () => {
		const c = divergingColours(3);
		expect([-9, -1, 0, 2, 7].map((v) => divergingColour(v, bounds))).toEqual([c[0], c[2], c[3], c[4], c[6]]);
		expect(divergingColour(0, [])).toBe(divergingColours(1)[1]);
	});
	it('counts each district in the legend row of its class', () => {
		const legend = divergingLegend(bounds, [-9, -1, 0, 0, 2, 7, null], String);
		expect(legend.map((l) => [l.label, l.count])).toEqual([
			['+6 to +9', 1],
			['+3 to +6', 0],
			['0 to +3', 1],
			['no change', 2],
			['0 to −3', 1],
			['−3 to −6', 0],
			['−6 to −9', 1]
		]);
	});
});

describe('diverging shading of a comparison', () => {
	const districts = [
		{ slug: 'a', name: 'A' },
		{ slug: 'b', name: 'B' },
		{ slug: 'c', name: 'C' }
	];
	it('colours each change by its class, a district not compared mid grey, and says which is which', () => {
		const s = diverging({
			mode: 'diverging',
			districts,
			change: [-9, null, 7],
			bounds: [3, 6, 9],
			compare: 'difference',
			unit: 'incidents',
			fractional: false
		});
		const c = divergingColours(3);
		expect([...s.colours.values()]).toEqual([c[0], NO_DATA_COLOUR, c[6]]);
		expect(s.noData).toEqual({ colour: NO_DATA_COLOUR, label: 'not compared (too few events)', count: 1 });
		expect(s.title).toBe('Change in incidents (B − A)');
		expect([s.describe('a'), s.describe('b'), s.describe('c')]).toEqual(['A: -9', 'B: not compared (too few events)', 'C: +7']);
		const why = diverging({
			mode: 'diverging',
			districts,
			change: [-9, null, 7],
			bounds: [3, 6, 9],
			compare: 'difference',
			unit: 'incidents',
			fractional: false,
			why: [null, '3 incidents in A and B together, fewer than 5', null]
		});
		expect(why.describe('b')).toBe('B: not compared (3 incidents in A and B together, fewer than 5)');
		expect(s.values).toEqual([-9, null, 7]);
	});
	it('writes a % change as a whole percentage', () => {
		const s = diverging({
			mode: 'diverging',
			districts,
			change: [12.4, 0, -50],
			bounds: [20, 40, 60],
			compare: 'percent',
			unit: 'incidents',
			fractional: true
		});
		expect(s.title).toBe('Change in incidents (%)');
		expect(s.describe('a')).toBe('A: +12 %');
		expect(s.legend[0]!.label).toBe('+40 % to +60 %');
	});
	// GTD 2015 by half-years once listed −100 % to −300 %: a % change cannot fall below −100 %.
	it('never lists a % class below −100 %, and writes zero without a sign', () => {
		const s = diverging({
			mode: 'diverging',
			districts,
			change: [250, -50, -100],
			bounds: [100, 200, 300],
			compare: 'percent',
			unit: 'incidents',
			fractional: true
		});
		expect(s.legend.map((l) => [l.label, l.count])).toEqual([
			['+200 % to +300 %', 1],
			['+100 % to +200 %', 0],
			['0 % to +100 %', 0],
			['no change', 0],
			['0 % to −33 %', 0],
			['−33 % to −67 %', 1],
			['−67 % to −100 %', 1]
		]);
		const c = divergingColours(3);
		expect([...s.colours.values()]).toEqual([c[6], c[1], c[0]]);
		expect(s.method).toBe('Equal steps up to the largest increase, and down to −100 %');
	});
});
