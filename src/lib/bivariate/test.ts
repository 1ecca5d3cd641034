import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { booleanPointInPolygon } from '@turf/turf';
import { bivariateClasses, bivariateCsv, classWords, highOnBoth, NEEDS, tertileBreaks, tertileRange, type BivariateRow } from './index.js';
import { aggregate, assignIncidents, districtMetrics } from '../aggregate/index.js';
import { toColumns } from '../columns/index.js';
import { countsInDistrict } from '../incident/index.js';
import { committedBaseMap, committedCensus, committedDataset, fullResolutionDistricts } from '../../../tests/unit/sources.js';
import { lazy } from '../../../tests/unit/lazy.js';

describe('tertiles and classes (fixtures)', () => {
	it('splits nine values into three classes of three', () => {
		const breaks = tertileBreaks([9, 1, 5, 3, 7, 2, 8, 4, 6])!;
		expect(breaks).toEqual([3, 6]);
		const b = bivariateClasses([1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 8, 7, 6, 5, 4, 3, 2, 1])!;
		// Low violence with high need → class 2; high violence with low need → 6.
		expect(b.classes).toEqual([2, 2, 2, 4, 4, 4, 6, 6, 6]);
	});
	it('leaves districts without a figure unclassed and out of the breaks', () => {
		const b = bivariateClasses([1, 2, 3, NaN, 100], [1, 2, 3, 0.5, NaN])!;
		expect(b.classes[3]).toBeNull();
		expect(b.classes[4]).toBeNull();
		expect(b.violenceBreaks[1]).toBeLessThanOrEqual(3);
	});
	it('reads in words', () => {
		expect(classWords(8)).toBe('high violence, high need');
		expect(classWords(0)).toBe('low violence, low need');
		expect(classWords(5)).toBe('medium violence, high need');
		expect(tertileRange(0, [2, 5], String)).toBe('≤ 2');
		expect(tertileRange(2, [2, 5], String)).toBe('> 5');
	});
});

describe('hazard × need on real data (GTD 2008, PBS Census 2023), against a brute-force count', () => {
	const base = committedBaseMap();
	const census = committedCensus();
	const { info, incidents } = committedDataset('gtd-2008');
	const web = base.districts;
	const agg = aggregate(toColumns(incidents), assignIncidents(incidents, web), web.length);
	const violence = districtMetrics(web, agg, 'incidents', 'people', { method: 'quantile', count: 3 }).values;
	const need = web.map((d) => {
		const c = census.districts[d.properties.slug];
		const v = c ? NEEDS.water.of(c) : null;
		return v === null ? NaN : v;
	});
	// Worked out on first use in a test (tests/unit/lazy.ts says why).
	const result = lazy(() => bivariateClasses(violence, need)!);

	it('attacks per 100,000 people equal a point-by-point count on the full-resolution outlines', () => {
		const full = fullResolutionDistricts();
		const counts = new Map<string, number>();
		for (const inc of incidents) {
			if (inc.lon === null || inc.lat === null || !countsInDistrict(inc.placePrecision)) continue;
			const d = full.find((f) => booleanPointInPolygon([inc.lon!, inc.lat!], f));
			if (d) counts.set(d.properties.slug, (counts.get(d.properties.slug) ?? 0) + 1);
		}
		web.forEach((d, i) => {
			const population = census.districts[d.properties.slug]?.population;
			const expected = population ? ((counts.get(d.properties.slug) ?? 0) / population) * 100_000 : NaN;
			if (Number.isNaN(expected)) expect(violence[i], d.properties.slug).toBeNaN();
			else expect(violence[i], d.properties.slug).toBeCloseTo(expected, 9);
		});
	});

	it('classes every district by where it falls against the two breaks, and the tertiles hold a third each', () => {
		const classed = result().classes.filter((c) => c !== null).length;
		expect(classed).toBeGreaterThan(60);
		result().classes.forEach((cls, i) => {
			if (cls === null) return expect(Number.isNaN(violence[i]!) || Number.isNaN(need[i]!)).toBe(true);
			const level = (v: number, [b1, b2]: [number, number]) => (v <= b1 ? 0 : v <= b2 ? 1 : 2);
			expect(cls).toBe(level(violence[i]!, result().violenceBreaks) * 3 + level(need[i]!, result().needBreaks));
		});
		// Need has no ties to speak of: each need tertile holds about a third of the districts.
		const needLevels = [0, 1, 2].map((l) => result().classes.filter((c) => c !== null && c % 3 === l).length);
		for (const n of needLevels) expect(Math.abs(n - classed / 3)).toBeLessThanOrEqual(1);
	});

	it('lists the districts high on both, ranked, and exports them with the census vintage and the data’s dates', () => {
		const rows: BivariateRow[] = web.flatMap((d, i) =>
			result().classes[i] === null
				? []
				: [
						{
							slug: d.properties.slug,
							name: d.properties.name,
							province: d.properties.province,
							incidents: agg.byDistrict[i]!.incidents,
							population: d.properties.population,
							violence: violence[i]!,
							need: need[i]!,
							cls: result().classes[i]!
						}
					]
		);
		const list = highOnBoth(rows);
		expect(list.length).toBeGreaterThan(0);
		for (const r of list) expect(r.violence > result().violenceBreaks[1] && r.need > result().needBreaks[1]).toBe(true);
		expect(list.map((r) => r.violence)).toEqual([...list.map((r) => r.violence)].sort((a, b) => b - a));
		const csv = bivariateCsv(list, { need: 'water', dataset: info.name, dateRange: info.dateRange, attribution: info.attribution, filters: 'none' });
		const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
		expect(parsed).toHaveLength(list.length);
		expect(parsed[0]).toMatchObject({
			rank: '1',
			district: list[0]!.name,
			class: 'high violence, high need',
			incident_data: info.name,
			incident_dates: `${info.dateRange![0]} – ${info.dateRange![1]}`
		});
		expect(parsed[0]!.census).toBe(
			'Pakistan Bureau of Statistics, 7th Population and Housing Census 2023 (as on 1 March 2023); PBS Census 2023, Table 23 (households, improved source)'
		);
		expect(Number(parsed[0]!.households_without_improved_water_pct)).toBeCloseTo(list[0]!.need * 100, 2);
	});
});
