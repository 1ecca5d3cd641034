import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
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
import { monthNumber, toColumns } from '../columns/index.js';
import { aggregate, assignIncidents } from '../aggregate/index.js';
import { queenNeighbours } from '../hotspot/index.js';
import { monthStates } from '../coverage/index.js';
import { committedBaseMap, committedDataset, committedManifest, fullResolutionDistricts } from '../../../tests/unit/sources.js';
import { lazy } from '../../../tests/unit/lazy.js';

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

/**
 * The check the issue asks for: UCDP GED 22.1, 2007–2021, yearly steps, incidents. Each district's
 * category, z series and trend, worked out here without the app's code: per-district yearly
 * counts by point-in-polygon on the full-resolution outlines, neighbours from shared vertices,
 * Gi* from its textbook formula over an explicit weight matrix, Mann–Kendall by counting pairs,
 * and the categories from the rules as written in the README.
 */
describe('emerging hot spots on UCDP GED 22.1, 2007–2021 (independent computation)', () => {
	const YEARS = Array.from({ length: 15 }, (_, k) => 2007 + k);
	const app = lazy(() => {
		const { districts } = committedBaseMap();
		const { incidents, info } = committedDataset('ucdp');
		const agg = aggregate(toColumns(incidents), assignIncidents(incidents, districts), districts.length);
		const first = monthNumber('2007-01');
		const last = monthNumber('2021-12');
		const states = monthStates(info, first, last);
		const { steps, leftOut } = windowSteps(first, last, 'year', (m) => (states[m - first] === 'not-covered' ? 'not covered' : null));
		const monthCount = agg.months.last - agg.months.first + 1;
		const values = stepTotals(agg.districtMonthly, districts.length, agg.months.first, monthCount, steps);
		return { districts, steps, leftOut, values, result: emergingHotSpots(values, queenNeighbours(districts)) };
	});
	const reference = lazy(() => {
		const districts = fullResolutionDistricts();
		const { incidents } = committedDataset('ucdp');
		const counts = YEARS.map(() => new Array<number>(districts.length).fill(0));
		for (const inc of incidents) {
			const year = Number(inc.date.slice(0, 4));
			if (year < 2007 || year > 2021 || inc.lon === null || inc.lat === null) continue;
			if (!['exact', 'near', 'district'].includes(inc.placePrecision)) continue;
			const at = point([inc.lon, inc.lat]);
			const d = districts.findIndex((district) => booleanPointInPolygon(at, district));
			if (d >= 0) counts[year - 2007]![d]!++;
		}
		// Neighbours: districts that share a vertex.
		const n = districts.length;
		const vertices = districts.map(
			(d) => new Set((d.geometry.type === 'Polygon' ? d.geometry.coordinates : d.geometry.coordinates.flat()).flat().map(([x, y]) => `${x} ${y}`))
		);
		const w = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j || [...vertices[i]!].some((v) => vertices[j]!.has(v)) ? 1 : 0)));
		const gi = (x: number[]) => {
			const mean = x.reduce((a, b) => a + b, 0) / n;
			const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
			return x.map((_, i) => {
				const wi = w[i]!.reduce<number>((a, b) => a + b, 0);
				const num = w[i]!.reduce<number>((a, wij, j) => a + wij * x[j]!, 0) - mean * wi;
				const den = sd * Math.sqrt((n * wi - wi * wi) / (n - 1));
				return den > 0 ? num / den : 0;
			});
		};
		const zByYear = counts.map(gi);
		const Phi = (z: number) => {
			// Abramowitz & Stegun 7.1.26 for erf, good to 1.5e-7.
			const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
			const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-((z * z) / 2));
			return 0.5 * (1 + Math.sign(z) * erf);
		};
		return districts.map((d, i) => {
			const z = zByYear.map((row) => row[i]!);
			const m = z.length;
			let s = 0;
			for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) s += z[b]! > z[a]! ? 1 : z[b]! < z[a]! ? -1 : 0;
			const groups = [...z.reduce((g, v) => g.set(v, (g.get(v) ?? 0) + 1), new Map<number, number>()).values()];
			const variance = (m * (m - 1) * (2 * m + 5) - groups.reduce((a, t) => a + t * (t - 1) * (2 * t + 5), 0)) / 18;
			const trendZ = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
			const p = 2 * (1 - Phi(Math.abs(trendZ)));
			// The rules, in the README's words.
			let category = 'no pattern';
			for (const [side, sign] of [
				['hot', 1],
				['cold', -1]
			] as const) {
				const isOn = z.map((v) => sign * v >= 1.645);
				const isOpposite = z.map((v) => -sign * v >= 1.645);
				const share = isOn.filter(Boolean).length / m;
				const last = isOn[m - 1];
				if (last && share >= 0.9) category = p <= 0.1 && sign * trendZ > 0 ? 'intensifying' : p <= 0.1 ? 'diminishing' : 'persistent';
				else if (last && isOn.filter(Boolean).length === 1) category = 'new';
				// Consecutive: every hot step is in the final run (none before the last step that is not hot).
				else if (last && isOn.indexOf(true) > isOn.lastIndexOf(false) && isOn.filter(Boolean).length >= 2) category = 'consecutive';
				else if (last && isOpposite.includes(true)) category = 'oscillating';
				else if (last) category = 'sporadic';
				else if (share >= 0.9) category = 'historical';
				else continue;
				category = `${category} ${side} spot`;
				break;
			}
			return { slug: d.properties.slug, counts: counts.map((row) => row[i]!), z, s, trendZ, p, category };
		});
	});

	it('has the 15 yearly steps, none left out', () => {
		expect(app().steps.map((s) => s.label)).toEqual(YEARS.map(String));
		expect(app().leftOut).toEqual([]);
	});
	it('counts every district’s incidents per year as the full-resolution join does', () => {
		const { districts, values } = app();
		const bySlug = new Map(reference().map((r) => [r.slug, r.counts]));
		expect(districts.map((d, i) => [d.properties.slug, values.map((step) => step[i]!).join(' ')])).toEqual(
			districts.map((d) => [d.properties.slug, bySlug.get(d.properties.slug)!.join(' ')])
		);
	});
	it('gives all 69 districts the same z series, trend and category', () => {
		const { districts, result } = app();
		const bySlug = new Map(reference().map((r) => [r.slug, r]));
		expect(districts).toHaveLength(69);
		districts.forEach((d, i) => {
			const ref = bySlug.get(d.properties.slug)!;
			const mine = result[i]!;
			mine.z.forEach((z, y) => expect(z, `${d.properties.slug} ${2007 + y}`).toBeCloseTo(ref.z[y]!, 9));
			expect(mine.trend.s, d.properties.slug).toBe(ref.s);
			expect(mine.trend.z, d.properties.slug).toBeCloseTo(ref.trendZ, 9);
			expect(mine.trend.p, d.properties.slug).toBeCloseTo(ref.p, 6);
		});
		expect(result.map((r) => categoryName(r.category))).toEqual(districts.map((d) => bySlug.get(d.properties.slug)!.category));
	});
	it('finds hot spots where the violence was: some districts in a hot category, and says how many per category', () => {
		const counts = categoryCounts(app().result).filter((c) => c.count > 0);
		expect(counts.reduce((a, c) => a + c.count, 0)).toBe(69);
		expect(counts.some((c) => c.category.side === 'hot')).toBe(true);
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
