import { describe, expect, it } from 'vitest';
import { polygon } from '@turf/turf';
import { getisOrdGiStar, hotspotClass, queenNeighbours } from './index.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';
import { aggregate, assignIncidents } from '../aggregate/index.js';
import { toColumns } from '../columns/index.js';

describe('queenNeighbours', () => {
	it('counts shared corners, not only shared edges (3×3 test grid)', () => {
		const cells = [];
		for (let r = 0; r < 3; r++)
			for (let c = 0; c < 3; c++)
				cells.push(
					polygon([
						[
							[c, r],
							[c + 1, r],
							[c + 1, r + 1],
							[c, r + 1],
							[c, r]
						]
					])
				);
		const nb = queenNeighbours(cells);
		expect(nb[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]); // the centre touches all eight
		expect(nb[0]).toEqual([1, 3, 4]); // a corner cell: two edges and one corner
	});
	it('equals a vertex-by-vertex reference on the real district layer (shapes sharing any exact vertex)', () => {
		const { districts } = committedBaseMap();
		const owners = new Map<string, Set<number>>();
		districts.forEach((d, i) => {
			for (const ring of d.geometry.type === 'Polygon' ? d.geometry.coordinates : d.geometry.coordinates.flat()) {
				for (const [x, y] of ring) owners.set(`${x},${y}`, (owners.get(`${x},${y}`) ?? new Set()).add(i));
			}
		});
		const reference = districts.map((_, i) =>
			[...new Set([...owners.values()].filter((s) => s.has(i)).flatMap((s) => [...s]))].filter((j) => j !== i).sort((a, b) => a - b)
		);
		expect(queenNeighbours(districts)).toEqual(reference);
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
	it('knows the 2023 layout’s new districts and their neighbours', () => {
		const { districts } = committedBaseMap();
		const nb = queenNeighbours(districts);
		const of = (slug: string) => nb[districts.findIndex((d) => d.properties.slug === slug)]!.map((j) => districts[j]!.properties.slug);
		// Chaman was carved out of Killa Abdullah on the Afghan border and touches no other district.
		expect(of('chaman')).toEqual(['killa-abdullah']);
		expect(of('upper-chitral')).toContain('lower-chitral');
		expect(of('duki')).toContain('loralai');
	});
});

describe('Gi* on the 2023 layout, checked by hand', () => {
	// GTD 2008 incidents per district, and Gi* for Peshawar worked out directly from the formula
	// (Getis & Ord 1992, binary weights, self included): z = (Σw·x − x̄·Σw) / (S·sqrt((nΣw² − (Σw)²)/(n−1))).
	const { districts } = committedBaseMap();
	const { incidents } = committedDataset('gtd-2008');
	const agg = aggregate(toColumns(incidents), assignIncidents(incidents, districts), districts.length);
	const x = agg.byDistrict.map((t) => t.incidents);
	const nb = queenNeighbours(districts);
	it('matches the formula for Peshawar and its neighbours', () => {
		const i = districts.findIndex((d) => d.properties.slug === 'peshawar');
		const members = [i, ...nb[i]!];
		const n = x.length;
		const mean = x.reduce((a, b) => a + b, 0) / n;
		const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean);
		const w = members.length;
		const sum = members.reduce((a, j) => a + x[j]!, 0);
		const byHand = (sum - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
		expect(getisOrdGiStar(x, nb).z[i]).toBeCloseTo(byHand, 10);
		expect(hotspotClass(byHand)).toBe(90); // Peshawar and its ring: a 90 % hotspot in 2008 (z ≈ 1.86)
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
