import { describe, expect, it } from 'vitest';
import { polygon } from '@turf/turf';
import { getisOrdGiStar, hotspotClass, queenNeighbours } from './index.js';
import { committedBaseMap } from '../../../tests/unit/sources.js';

describe('queenNeighbours', () => {
	it('counts shared corners, not only shared edges (3×3 test grid)', () => {
		const cells = [];
		for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) cells.push(polygon([[[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1], [c, r]]]));
		const nb = queenNeighbours(cells);
		expect(nb[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]); // the centre touches all eight
		expect(nb[0]).toEqual([1, 3, 4]); // a corner cell: two edges and one corner
	});
	it('finds plausible neighbours in the real district layer', () => {
		const { districts } = committedBaseMap();
		const nb = queenNeighbours(districts);
		const name = (i: number) => districts[i]!.properties.name;
		const peshawar = districts.findIndex((d) => d.properties.slug === 'peshawar');
		expect(nb[peshawar]!.map(name)).toEqual(expect.arrayContaining(['Charsadda', 'Nowshera', 'Khyber']));
		expect(nb.every((n, i) => n.every((j) => nb[j]!.includes(i)))).toBe(true); // symmetric
		expect(nb.filter((n) => n.length === 0)).toHaveLength(0);
	});
});

describe('getisOrdGiStar (hand-computed)', () => {
	// Five areas in a row with values 1, 2, 3, 10, 12; neighbours are the adjacent areas.
	// n = 5, mean = 5.6, S = sqrt(258/5 − 5.6²) = 4.498889.
	// Area 4: members {3,4}: (22 − 5.6·2) / (4.498889 · sqrt((5·2 − 2²)/4)) = 10.8 / 5.509990 = 1.960076
	// Area 0: members {0,1}: (3 − 11.2) / 5.509990 = −1.488206
	// Area 2: members {1,2,3}: (15 − 16.8) / (4.498889 · sqrt((15 − 9)/4)) = −0.326679
	const values = [1, 2, 3, 10, 12];
	const neighbours = [[1], [0, 2], [1, 3], [2, 4], [3]];
	const { z, p } = getisOrdGiStar(values, neighbours);
	it('matches the hand computation', () => {
		expect(z[4]).toBeCloseTo(1.960076, 5);
		expect(z[0]).toBeCloseTo(-1.488206, 5);
		expect(z[2]).toBeCloseTo(-0.326679, 5);
		expect(p[4]).toBeCloseTo(0.05, 3);
	});
	it('classifies confidence levels', () => {
		expect(hotspotClass(z[4]!)).toBe(95);
		expect(hotspotClass(-1.7)).toBe(-90);
		expect(hotspotClass(2.6)).toBe(99);
		expect(hotspotClass(1.0)).toBe(0);
	});
	it('gives 0 for constant values (no variance)', () => {
		expect(getisOrdGiStar([3, 3, 3], [[1], [0, 2], [1]]).z).toEqual([0, 0, 0]);
	});
});
