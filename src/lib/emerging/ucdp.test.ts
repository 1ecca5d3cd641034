import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import { categoryCounts, categoryName, emergingHotSpots, stepTotals, windowSteps } from './index.js';
import { monthNumber, toColumns } from '../columns/index.js';
import { aggregate, assignIncidents } from '../aggregate/index.js';
import { queenNeighbours } from '../hotspot/index.js';
import { monthStates } from '../coverage/index.js';
import { committedBaseMap, committedDataset, fullResolutionDistricts } from '../../../tests/unit/sources.js';
import { lazy } from '../../../tests/unit/lazy.js';

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
