/**
 * Emerging hot spots: how each district's Gi* hot- or cold-spot status changed over a window of
 * steps (years, quarters or months), in the categories of ArcGIS Pro's Emerging Hot Spot Analysis
 * (also R sfdep's `emerging_hotspot_analysis`). README "Statistics" and docs/decisions/0008.
 *
 * - Gi* per step on the district values, as the map computes it (src/lib/hotspot: binary queen
 *   weights with the district itself, population standard deviation; all values equal: z = 0).
 * - A step is hot at z ≥ 1.645 and cold at z ≤ −1.645 (90 %).
 * - The trend is Mann–Kendall on the district's z series (tie-corrected variance, continuity
 *   correction), significant at a two-sided p ≤ 0.10.
 * - Steps are covered steps only: a step that touches a month the dataset does not cover is left
 *   out and named (src/lib/coverage), never counted as a step of zeros.
 *
 * Pure: month numbers (src/lib/columns) and numbers in, categories and words out.
 */
import { errorFunction } from 'simple-statistics';
import { isoMonth } from '../columns/index.js';
import { getisOrdGiStar } from '../hotspot/index.js';

export type StepUnit = 'year' | 'quarter' | 'month';

/** One step of the window: its months (month numbers, inclusive) and its label ("2015", "2015 Q3", "2015-07"). */
export interface Step {
	label: string;
	from: number;
	to: number;
}

/** z at or past which a step is a hot (or, negated, cold) spot: 90 % two-sided. */
export const HOT_Z = 1.645;
/** Two-sided p at or under which a Mann–Kendall trend is significant. */
export const TREND_P = 0.1;
/** Share of steps a district must be hot (or cold) in to be persistent, intensifying, diminishing or historical. */
export const MOST_STEPS = 0.9;

const MONTHS_PER: Record<StepUnit, number> = { year: 12, quarter: 3, month: 1 };

function stepLabel(unit: StepUnit, from: number): string {
	const iso = isoMonth(from);
	if (unit === 'year') return iso.slice(0, 4);
	if (unit === 'quarter') return `${iso.slice(0, 4)} Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
	return iso;
}

/** A step left out of the window, and why ("cut by the window", "not covered", "not loaded yet"). */
export interface LeftOut {
	step: Step;
	reason: string;
}

/**
 * The steps of the months `first`–`last` (month numbers), whole calendar steps only: a year or
 * quarter the window cuts is left out. `unusable(m)` gives why month m cannot be used ("not
 * covered"), or null; a step with such a month is left out too, with that month's reason.
 */
export function windowSteps(first: number, last: number, unit: StepUnit, unusable: (month: number) => string | null): { steps: Step[]; leftOut: LeftOut[] } {
	const size = MONTHS_PER[unit];
	const steps: Step[] = [];
	const leftOut: LeftOut[] = [];
	// Calendar steps start on a multiple of their size (month 0 is January 1970).
	const start = Math.floor(first / size) * size;
	for (let from = start; from <= last; from += size) {
		const step = { label: stepLabel(unit, from), from, to: from + size - 1 };
		const reason =
			step.from < first || step.to > last
				? 'cut by the window'
				: monthsOf(step)
						.map(unusable)
						.find((r) => r !== null);
		if (reason) leftOut.push({ step, reason });
		else steps.push(step);
	}
	return { steps, leftOut };
}

const monthsOf = (step: Step) => Array.from({ length: step.to - step.from + 1 }, (_, k) => step.from + k);

/** Left-out steps in a few words, runs of one reason joined: "2006 cut by the window; 2022–2025 not covered". */
export function leftOutWords(leftOut: readonly LeftOut[]): string {
	const runs: { from: string; to: string; reason: string }[] = [];
	for (const { step, reason } of leftOut) {
		const last = runs.at(-1);
		if (last && last.reason === reason) last.to = step.label;
		else runs.push({ from: step.label, to: step.label, reason });
	}
	return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${r.reason}`).join('; ');
}

/**
 * Each step's value per district, summed from a district × month matrix (the aggregation's
 * `districtMonthly[d * monthCount + (m − firstMonth)]`): `values[step][district]`.
 */
export function stepTotals(monthly: ArrayLike<number>, districtCount: number, firstMonth: number, monthCount: number, steps: readonly Step[]): number[][] {
	return steps.map((step) => {
		const totals = new Array<number>(districtCount).fill(0);
		for (let d = 0; d < districtCount; d++) {
			for (let m = Math.max(step.from, firstMonth); m <= Math.min(step.to, firstMonth + monthCount - 1); m++)
				totals[d]! += monthly[d * monthCount + (m - firstMonth)]!;
		}
		return totals;
	});
}

export interface MannKendall {
	/** S: concordant minus discordant pairs. */
	s: number;
	/** Var(S), corrected for ties. */
	variance: number;
	/** The standardised statistic, with the continuity correction (0 when S = 0). */
	z: number;
	/** Two-sided p-value under the normal approximation. */
	p: number;
}

const normalCdf = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/**
 * Mann–Kendall trend test (Kendall 1975; Hipel & McLeod 1994, eq. 23.5–23.7): S = Σ_{i<j}
 * sign(x_j − x_i); Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18 over groups of t tied values;
 * Z = (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, else 0.
 */
export function mannKendall(series: readonly number[]): MannKendall {
	const n = series.length;
	let s = 0;
	for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(series[j]! - series[i]!);
	const ties = new Map<number, number>();
	for (const x of series) ties.set(x, (ties.get(x) ?? 0) + 1);
	let tieTerm = 0;
	for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
	const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
	const z = variance > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
	return { s, variance, z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

export type Side = 'hot' | 'cold';
export type Pattern = 'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'oscillating' | 'historical';
/** A district's category: a pattern on the hot or cold side, or none. */
export type EmergingCategory = { side: Side; pattern: Pattern } | { side: null; pattern: 'no pattern' };

/** Every category, in the legend's order: hot, then cold, then no pattern. */
export const CATEGORIES: readonly EmergingCategory[] = [
	...(['hot', 'cold'] as const).flatMap((side) =>
		(['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const).map((pattern) => ({
			side,
			pattern
		}))
	),
	{ side: null, pattern: 'no pattern' }
];

/** "new hot spot", "historical cold spot", "no pattern". */
export const categoryName = (c: EmergingCategory) => (c.side ? `${c.pattern} ${c.side} spot` : 'no pattern');

/**
 * The category of one district from its z per step and its trend: first match wins (README
 * "Statistics"). The cold side mirrors the hot one, with the trend's sign flipped: a cold spot
 * intensifies as its z falls.
 */
export function emergingCategory(z: readonly number[], trend: Pick<MannKendall, 'z' | 'p'>): { category: EmergingCategory; reason: string } {
	const n = z.length;
	if (n === 0) return { category: { side: null, pattern: 'no pattern' }, reason: 'no covered step in the window' };
	for (const side of ['hot', 'cold'] as const) {
		const sign = side === 'hot' ? 1 : -1;
		const on = z.map((v) => sign * v >= HOT_Z);
		const opposite = z.map((v) => -sign * v >= HOT_Z);
		const count = on.filter(Boolean).length;
		const most = count >= MOST_STEPS * n;
		const share = `${side} in ${count} of ${n} steps`;
		if (!on[n - 1]) {
			if (most) return { category: { side, pattern: 'historical' }, reason: `${share}, but not in the last` };
			continue;
		}
		if (most) {
			const significant = trend.p <= TREND_P;
			const rising = sign * trend.z > 0;
			const trendWords = `Mann–Kendall z ${trend.z.toFixed(2)}, p ${trend.p.toFixed(3)}`;
			if (significant && rising)
				return {
					category: { side, pattern: 'intensifying' },
					reason: `${share}, the last included; ${side === 'hot' ? 'rising' : 'falling'} significantly (${trendWords})`
				};
			if (significant)
				return {
					category: { side, pattern: 'diminishing' },
					reason: `${share}, the last included; ${side === 'hot' ? 'falling' : 'rising'} significantly (${trendWords})`
				};
			return { category: { side, pattern: 'persistent' }, reason: `${share}, the last included; no significant trend (${trendWords})` };
		}
		if (count === 1) return { category: { side, pattern: 'new' }, reason: `${side} in the last step only, of ${n}` };
		let run = 0;
		while (run < n && on[n - 1 - run]) run++;
		if (run === count && run >= 2) return { category: { side, pattern: 'consecutive' }, reason: `${side} in the last ${run} steps only, of ${n}` };
		if (opposite.some(Boolean)) {
			const other = opposite.filter(Boolean).length;
			return { category: { side, pattern: 'oscillating' }, reason: `${share}, the last included, and ${side === 'hot' ? 'cold' : 'hot'} in ${other}` };
		}
		return { category: { side, pattern: 'sporadic' }, reason: `${share}, the last included, on and off, never ${side === 'hot' ? 'cold' : 'hot'}` };
	}
	return {
		category: { side: null, pattern: 'no pattern' },
		reason: `hot in ${z.filter((v) => v >= HOT_Z).length} and cold in ${z.filter((v) => v <= -HOT_Z).length} of ${n} steps, not in the last`
	};
}

export interface EmergingDistrict {
	/** Gi* z per step. */
	z: number[];
	trend: MannKendall;
	category: EmergingCategory;
	/** One sentence: why the district is in its category. */
	reason: string;
}

/**
 * Emerging hot spots of every district: `values[step][district]` (a step's value per district)
 * and each district's queen neighbours (src/lib/hotspot).
 */
export function emergingHotSpots(values: readonly (readonly number[])[], neighbours: readonly (readonly number[])[]): EmergingDistrict[] {
	const giByStep = values.map((stepValues) => getisOrdGiStar(stepValues, neighbours).z);
	return neighbours.map((_, d) => {
		const z = giByStep.map((stepZ) => stepZ[d]!);
		const trend = mannKendall(z);
		return { z, trend, ...emergingCategory(z, trend) };
	});
}

/** How many districts fall in each category (the legend's counts), in CATEGORIES' order. */
export function categoryCounts(districts: readonly Pick<EmergingDistrict, 'category'>[]): { category: EmergingCategory; count: number }[] {
	return CATEGORIES.map((category) => ({
		category,
		count: districts.filter((d) => d.category.side === category.side && d.category.pattern === category.pattern).length
	}));
}

/**
 * Emerging hot spots of a window from an aggregation's district × month counts (`monthly`,
 * `districtMonthly[d * monthCount + (m − months.first)]`): the steps used, those left out, and
 * each district's figures (null when no step is left to use).
 */
export function emergingOverWindow(
	monthly: { districtMonthly: ArrayLike<number>; months: { first: number; last: number } },
	neighbours: readonly (readonly number[])[],
	window: { first: number; last: number },
	unit: StepUnit,
	unusable: (month: number) => string | null
): { steps: Step[]; leftOut: LeftOut[]; results: EmergingDistrict[] | null } {
	const { steps, leftOut } = windowSteps(window.first, window.last, unit, unusable);
	const monthCount = Math.max(0, monthly.months.last - monthly.months.first + 1);
	const values = stepTotals(monthly.districtMonthly, neighbours.length, monthly.months.first, monthCount, steps);
	return { steps, leftOut, results: steps.length ? emergingHotSpots(values, neighbours) : null };
}
