import { describe, expect, it } from 'vitest';
import {
	categoryCounts,
	categoryName,
	CATEGORIES,
	emergingCategory,
	emergingHotSpots,
	leftOutWords,
	mannKendall,
	stepTotals,
	windowSteps,
	type EmergingCategory
} from './index.js';
import { emergingCsv } from './csv.js';
import { monthNumber } from '../columns/index.js';
import { monthStates } from '../coverage/index.js';
import { committedManifest } from '../../../tests/unit/sources.js';

describe('mannKendall (in/out fixtures)', () => {
	it('a rising series of 5: S = 10, Var = 5·4·15/18, Z = (S − 1)/√Var', () => {
		const r = mannKendall([1, 2, 3, 4, 5]);
		expect(r.s).toBe(10);
		expect(r.variance).toBeCloseTo(16.6667, 4);
		expect(r.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 10);
		expect(r.p).toBeCloseTo(0.02749, 4);
	});
	it('agrees with scipy’s Kendall τ on S (τ·n(n−1)/2, no ties: scipy 1.17 gives −0.7333 and 0.7143)', () => {
		expect(mannKendall([5, 3, 4, 1, 2, 0]).s).toBe(-11);
		expect(mannKendall([0.5, -1.2, 2.2, 1.9, 3.4, 3.0, 4.8]).s).toBe(15);
		// A falling series: Z = (S + 1)/√Var.
		const falling = mannKendall([5, 3, 4, 1, 2, 0]);
		expect(falling.z).toBeCloseTo(-10 / Math.sqrt((6 * 5 * 17) / 18), 10);
	});
	it('corrects the variance for ties: [1, 1, 2, 3] has S = 5 and Var = (4·3·13 − 2·1·9)/18', () => {
		const r = mannKendall([1, 1, 2, 3]);
		expect(r.s).toBe(5);
		expect(r.variance).toBeCloseTo(138 / 18, 10);
		expect(r.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 10);
	});
	it('gives Z = 0 and p = 1 for a flat series, one value and none', () => {
		for (const series of [[2, 2, 2, 2], [7], []]) {
			expect(mannKendall(series)).toMatchObject({ s: 0, z: 0 });
			expect(mannKendall(series).p).toBeCloseTo(1, 6);
		}
	});
});

describe('emergingCategory (each rule, first match wins)', () => {
	const flat = { z: 0, p: 1 };
	const rising = { z: 2.5, p: 0.012 };
	const falling = { z: -2.5, p: 0.012 };
	const of = (z: number[], trend = flat) => emergingCategory(z, trend).category;
	const hot = (pattern: string): EmergingCategory => ({ side: 'hot', pattern }) as EmergingCategory;
	const cold = (pattern: string): EmergingCategory => ({ side: 'cold', pattern }) as EmergingCategory;
	const H = 2;
	const C = -2;
	it('hot in ≥ 90 % of steps, the last included: intensifying, diminishing or persistent by the trend', () => {
		const mostlyHot = [H, H, H, H, H, H, H, H, H, 0, H]; // 10 of 11 = 91 %
		expect(of(mostlyHot, rising)).toEqual(hot('intensifying'));
		expect(of(mostlyHot, falling)).toEqual(hot('diminishing'));
		expect(of(mostlyHot, flat)).toEqual(hot('persistent'));
		// A trend that is not significant (p > 0.10) is no trend.
		expect(of(mostlyHot, { z: 1.6, p: 0.11 })).toEqual(hot('persistent'));
		expect(of(mostlyHot, { z: 1.7, p: 0.1 })).toEqual(hot('intensifying'));
		// 8 of 10 (80 %) is under the 90 %: not persistent but on and off.
		expect(of([H, H, H, H, 0, H, H, H, 0, H], rising)).toEqual(hot('sporadic'));
	});
	it('the cold side mirrors it, with the trend’s sign flipped', () => {
		const mostlyCold = [C, C, C, C, C, C, C, C, C, C];
		expect(of(mostlyCold, falling)).toEqual(cold('intensifying'));
		expect(of(mostlyCold, rising)).toEqual(cold('diminishing'));
		expect(of(mostlyCold)).toEqual(cold('persistent'));
	});
	it('under 90 %: new, then consecutive, then oscillating, then sporadic', () => {
		expect(of([0, 0, 0, H])).toEqual(hot('new'));
		expect(of([C, 0, 0, H])).toEqual(hot('new')); // new is matched before oscillating
		expect(of([0, 0, H, H])).toEqual(hot('consecutive'));
		expect(of([C, 0, H, H])).toEqual(hot('consecutive'));
		expect(of([H, 0, H, H])).toEqual(hot('sporadic')); // a hot step before the final run
		expect(of([H, C, 0, H])).toEqual(hot('oscillating'));
		expect(of([H, 0, 0, H])).toEqual(hot('sporadic'));
		expect(of([0, 0, C, C])).toEqual(cold('consecutive'));
		expect(of([C, H, 0, C])).toEqual(cold('oscillating'));
	});
	it('not hot in the last step: historical after ≥ 90 % hot, else no pattern', () => {
		expect(of([H, H, H, H, H, H, H, H, H, H, 0])).toEqual(hot('historical'));
		expect(of([C, C, C, C, C, C, C, C, C, C, 0])).toEqual(cold('historical'));
		expect(of([H, H, 0, 0])).toEqual({ side: null, pattern: 'no pattern' });
		expect(of([])).toEqual({ side: null, pattern: 'no pattern' });
	});
	it('takes z = ±1.645 as hot or cold, and just inside it as neither', () => {
		expect(of([0, 1.645])).toEqual(hot('new'));
		expect(of([0, -1.645])).toEqual(cold('new'));
		expect(of([0, 1.644])).toEqual({ side: null, pattern: 'no pattern' });
	});
	it('says why, in one sentence with the figures', () => {
		expect(emergingCategory([0, 0, H, H], flat).reason).toBe('hot in the last 2 steps only, of 4');
		expect(emergingCategory([H, H, H, H, H, H, H, H, H, H], rising).reason).toBe(
			'hot in 10 of 10 steps, the last included; rising significantly (Mann–Kendall z 2.50, p 0.012)'
		);
		expect(emergingCategory([H, 0, 0, 0], flat).reason).toBe('hot in 1 and cold in 0 of 4 steps, not in the last');
	});
	it('names the categories in words, and counts them in the legend’s order', () => {
		expect(CATEGORIES.map(categoryName).slice(0, 3)).toEqual(['new hot spot', 'consecutive hot spot', 'intensifying hot spot']);
		expect(CATEGORIES).toHaveLength(17);
		const counts = categoryCounts([{ category: hot('new') }, { category: hot('new') }, { category: { side: null, pattern: 'no pattern' } }]);
		expect(counts.filter((c) => c.count > 0).map((c) => [categoryName(c.category), c.count])).toEqual([
			['new hot spot', 2],
			['no pattern', 1]
		]);
	});
});

describe('windowSteps and stepTotals', () => {
	const all = () => null;
	it('cuts a window into calendar years, quarters or months, leaving out the ones it cuts', () => {
		const { steps, leftOut } = windowSteps(monthNumber('2006-07'), monthNumber('2009-12'), 'year', all);
		expect(steps.map((s) => s.label)).toEqual(['2007', '2008', '2009']);
		expect(leftOut.map((l) => [l.step.label, l.reason])).toEqual([['2006', 'cut by the window']]);
		expect(windowSteps(monthNumber('2015-04'), monthNumber('2015-12'), 'quarter', all).steps.map((s) => s.label)).toEqual(['2015 Q2', '2015 Q3', '2015 Q4']);
		expect(windowSteps(monthNumber('2015-11'), monthNumber('2016-01'), 'month', all).steps.map((s) => s.label)).toEqual(['2015-11', '2015-12', '2016-01']);
		// Before 1970, month numbers are negative; the steps still start in January.
		expect(windowSteps(monthNumber('1969-01'), monthNumber('1970-12'), 'year', all).steps.map((s) => [s.label, s.from, s.to])).toEqual([
			['1969', -12, -1],
			['1970', 0, 11]
		]);
	});
	it('leaves out and names a step that touches a month the dataset does not cover', () => {
		const info = committedManifest().datasets.find((d) => d.id === 'ucdp')!;
		const first = monthNumber('2020-01');
		const states = monthStates(info, first, monthNumber('2026-01'));
		const { steps, leftOut } = windowSteps(first, monthNumber('2026-01'), 'year', (m) => (states[m - first] === 'not-covered' ? 'not covered' : null));
		expect(steps.map((s) => s.label)).toEqual(['2020', '2021']);
		expect(leftOut.map((l) => `${l.step.label}: ${l.reason}`)).toEqual([
			'2022: not covered',
			'2023: not covered',
			'2024: not covered',
			'2025: not covered',
			'2026: cut by the window'
		]);
		expect(leftOutWords(leftOut)).toBe('2022–2025 not covered; 2026 cut by the window');
	});
	it('sums a district × month matrix into steps, months outside the matrix adding nothing', () => {
		// Two districts, months 10–13: district 0 has 1, 2, 3, 4; district 1 has 0, 0, 5, 0.
		const monthly = Int32Array.from([1, 2, 3, 4, 0, 0, 5, 0]);
		const steps = [
			{ label: 'a', from: 8, to: 11 },
			{ label: 'b', from: 12, to: 15 }
		];
		expect(stepTotals(monthly, 2, 10, 4, steps)).toEqual([
			[3, 0],
			[7, 5]
		]);
	});
});

describe('emergingHotSpots', () => {
	it('computes Gi* per step and a trend per district (a row of five areas, a hot spot moving in)', () => {
		const neighbours = [[1], [0, 2], [1, 3], [2, 4], [3]];
		const values = [
			[1, 1, 1, 1, 1],
			[0, 0, 1, 2, 9],
			[0, 0, 1, 10, 12],
			[0, 0, 1, 10, 12]
		];
		const result = emergingHotSpots(values, neighbours);
		expect(result[4]!.z[0]).toBe(0); // a step of equal values: z = 0
		// Step 2: n = 5, mean 4.6, S = √(245/5 − 4.6²) = 5.27636; area 4 with area 3:
		// (22 − 2·4.6) / (5.27636 · √((5·2 − 2²)/4)) = 12.8 / 6.46220 = 1.98075.
		expect(result[4]!.z[2]).toBeCloseTo(1.98075, 4);
		// Area 1 with areas 0 and 2: (1 − 3·4.6) / 6.46220 = −1.98075, cold in the last two steps.
		expect(result[1]!.z[2]).toBeCloseTo(-1.98075, 4);
		expect(result.map((d) => categoryName(d.category))).toEqual(['no pattern', 'consecutive cold spot', 'no pattern', 'no pattern', 'consecutive hot spot']);
	});
});

describe('emergingCsv', () => {
	it('writes one row per district with its category, trend and z per step, stamped with data and method', () => {
		const districts = ['a', 'b'].map((slug) => ({ slug, name: slug.toUpperCase(), province: 'TEST' }));
		const steps = [
			{ label: '2020', from: 600, to: 611 },
			{ label: '2021', from: 612, to: 623 }
		];
		const results = emergingHotSpots(
			[
				[1, 3],
				[0, 4]
			],
			[[1], [0]]
		);
		const info = committedManifest().datasets.find((d) => d.id === 'ucdp')!;
		const csv = emergingCsv(
			districts,
			{ steps, leftOut: [{ step: { label: '2022', from: 624, to: 635 }, reason: 'not covered' }], results },
			{ dataset: info, filters: 'none' }
		);
		const [header, first] = csv.split('\r\n');
		expect(header).toBe(
			'slug,district,province,category,reason,trend_s,trend_z,trend_p,gi_z_2020,gi_z_2021,dataset,attribution,licence,filters,steps_left_out,method'
		);
		expect(first).toMatch(/^a,A,TEST,no pattern,"hot in 0 and cold in 0 of 2 steps, not in the last",0,0,1,0,0,UCDP GED 22\.1/);
		expect(first).toContain(',CC BY 4.0,none,2022 not covered,');
	});
});
