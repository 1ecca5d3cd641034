/** Hazard × need on hand-made figures: the need indicators, the breaks, the nine classes, the list and its CSV (fixtures, not real districts). */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { bivariateClasses, bivariateCsv, highOnBoth, NEEDS, tertileBreaks, tertileRange, type BivariateRow } from './index.js';
import type { DistrictCensus } from '../census/index.js';

const census = (over: Partial<DistrictCensus>): DistrictCensus => ({
	population: 1000,
	areaKm2: 10,
	households: 100,
	literacyRate: null,
	improvedWaterShare: null,
	flushToiletShare: null,
	noToiletShare: null,
	...over
});

describe('the need indicators', () => {
	it('are shares of need: the complement of access, the share without, null without a figure', () => {
		expect(NEEDS.water.of(census({ improvedWaterShare: 0.75 }))).toBe(0.25);
		expect(NEEDS.toilet.of(census({ noToiletShare: 0.2 }))).toBe(0.2);
		expect(NEEDS.illiteracy.of(census({ literacyRate: 0.6 }))).toBeCloseTo(0.4, 12);
		expect(NEEDS.water.of(census({}))).toBeNull();
		expect(NEEDS.illiteracy.of(census({}))).toBeNull();
		expect(Object.values(NEEDS).map((n) => [n.label, n.column])).toEqual([
			['households without an improved drinking-water source', 'households_without_improved_water_pct'],
			['households without a toilet', 'households_without_toilet_pct'],
			['illiteracy rate, people aged 10+', 'illiteracy_10plus_pct']
		]);
	});
});

describe('breaks and classes', () => {
	it('takes the breaks from the figures in any order, and none from fewer than three', () => {
		expect(tertileBreaks([6, NaN, 1, 4, 2, 5, 3])).toEqual([2, 4]);
		expect(tertileBreaks([1, 2, NaN])).toBeNull();
	});
	it('class = violence level × 3 + need level, and null where either figure is missing', () => {
		const violence = [1, 2, 3, 4, 5, 6, 7, 8, 9, NaN];
		const need = [1, 5, 9, 2, 6, 7, 3, 4, 8, 5];
		const b = bivariateClasses(violence, need)!;
		expect(b.violenceBreaks).toEqual([3, 6]);
		expect(b.needBreaks).toEqual([3, 6]);
		expect(b.classes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, null]);
	});
	it('gives no classes when one side has fewer than three figures, and refuses lists of different lengths', () => {
		expect(bivariateClasses([1, 2, 3, 4], [1, NaN, NaN, NaN])).toBeNull();
		expect(() => bivariateClasses([1, 2, 3], [1, 2])).toThrow('bivariateClasses: 3 violence values but 2 need values');
	});
	it('says each tertile in words', () => {
		expect([0, 1, 2].map((l) => tertileRange(l, [2, 5], (v) => `${v}%`))).toEqual(['≤ 2%', '2% – 5%', '> 5%']);
	});
});

describe('high on both, and its CSV', () => {
	const row = (name: string, violence: number, need: number, cls = 8): BivariateRow => ({
		slug: name.toLowerCase(),
		name,
		province: 'TEST province',
		incidents: 3,
		population: 1000,
		violence,
		need,
		cls
	});
	it('keeps class 8 only, by violence, then need, then name', () => {
		const rows = [row('TEST C', 5, 0.5), row('TEST B', 5, 0.5), row('TEST A', 5, 0.9), row('TEST D', 9, 0.1), row('TEST E', 99, 0.9, 7)];
		expect(highOnBoth(rows).map((r) => r.name)).toEqual(['TEST D', 'TEST A', 'TEST B', 'TEST C']);
	});
	it('writes the header and a row with the census source, and says when the data have no dates', () => {
		const csv = bivariateCsv([row('TEST A', 12.34567, 0.456)], { need: 'toilet', dataset: 'TEST data', dateRange: null, attribution: 'TEST', filters: 'none' });
		const [header, ...rows] = Papa.parse<string[]>(csv.trim()).data;
		expect(header).toEqual([
			'rank',
			'district',
			'province',
			'incidents',
			'population_2023',
			'incidents_per_100k',
			'households_without_toilet_pct',
			'class',
			'census',
			'incident_data',
			'incident_dates',
			'attribution',
			'filters'
		]);
		expect(rows[0]!.slice(0, 8)).toEqual(['1', 'TEST A', 'TEST province', '3', '1000', '12.346', '45.6', 'high violence, high need']);
		expect(rows[0]!.slice(9)).toEqual(['TEST data', 'no dated incidents', 'TEST', 'none']);
		expect(rows[0]![8]).toContain('Table 24');
	});
});
