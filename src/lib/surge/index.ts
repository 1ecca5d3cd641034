/**
 * Surges: districts whose incidents in the newest covered month are at least SURGE_MIN and at
 * least SURGE_RATIO times their mean over the SURGE_BASELINE covered months before it (issue #24).
 * A month not covered is no month of the baseline (a gap is not a run of quiet months); with
 * fewer than SURGE_BASELINE covered months before, or one of them not loaded yet, nothing is
 * flagged and the reason is given instead. Pure: months and counts in, figures and words out.
 */
import { isoMonth } from '../columns/index.js';
import { monthWords, type TimelineState as MonthState } from '../coverage/index.js';
import { labelPoint, type District } from '../districts/index.js';
import type { FeatureCollection, Point } from 'geojson';

export const SURGE_MIN = 3;
export const SURGE_RATIO = 2;
export const SURGE_BASELINE = 12;

export interface DistrictSurge {
	/** Incidents in the newest covered month. */
	count: number;
	/** Mean incidents a month over the baseline months. */
	baseline: number;
	surging: boolean;
}

export type Surges =
	{ kind: 'figures'; month: string; baselineMonths: [string, string]; districts: DistrictSurge[] } | { kind: 'refused'; month: string | null; reason: string };

const usable = (s: MonthState | undefined) => s === 'covered' || s === 'preliminary';

/**
 * `states[k]` is month `timelineFirst + k`; `monthly[d * monthCount + (m − firstMonth)]` a
 * district's incidents in month m (the aggregation's districtMonthly, filters but the dates).
 */
export function surges(
	monthly: ArrayLike<number>,
	districtCount: number,
	firstMonth: number,
	monthCount: number,
	states: readonly MonthState[],
	timelineFirst: number
): Surges {
	let newest = states.length - 1;
	while (newest >= 0 && !usable(states[newest])) newest--;
	if (newest < 0) return { kind: 'refused', month: null, reason: 'no covered month' };
	const baseline: number[] = [];
	for (let k = newest - 1; k >= 0 && baseline.length < SURGE_BASELINE; k--) {
		if (states[k] === 'not-loaded')
			return { kind: 'refused', month: isoMonth(timelineFirst + newest), reason: `the months before it are not loaded yet (${isoMonth(timelineFirst + k)})` };
		if (usable(states[k])) baseline.push(timelineFirst + k);
	}
	const month = isoMonth(timelineFirst + newest);
	if (baseline.length < SURGE_BASELINE)
		return {
			kind: 'refused',
			month,
			reason: `only ${baseline.length} covered month${baseline.length === 1 ? '' : 's'} before it, fewer than ${SURGE_BASELINE}`
		};
	const at = (d: number, m: number) => (m >= firstMonth && m < firstMonth + monthCount ? monthly[d * monthCount + (m - firstMonth)]! : 0);
	const districts = Array.from({ length: districtCount }, (_, d) => {
		const count = at(d, timelineFirst + newest);
		const mean = baseline.reduce((a, m) => a + at(d, m), 0) / baseline.length;
		return { count, baseline: mean, surging: count >= SURGE_MIN && count >= SURGE_RATIO * mean };
	});
	return { kind: 'figures', month, baselineMonths: [isoMonth(baseline.at(-1)!), isoMonth(baseline[0]!)], districts };
}

/** One district's surge in words, the baseline quoted: "7 incidents in 2026-01, 3.5× its mean of 2.00 a month over 2021-01 – 2021-12". */
export function surgeWords(s: DistrictSurge, month: string, baselineMonths: [string, string]): string {
	const times = s.baseline > 0 ? `${(s.count / s.baseline).toFixed(1)}× its mean of ${s.baseline.toFixed(2)}` : 'against a mean of 0';
	return `${s.count} incidents in ${month}, ${times} a month over ${baselineMonths[0]} – ${baselineMonths[1]}`;
}

/** A marker at the label point of each surging district, with its name and its baseline in words; none when surges are refused. */
export function surgeMarks(districts: readonly District[], s: Surges): FeatureCollection<Point, { slug: string; name: string; words: string }> {
	if (s.kind !== 'figures') return { type: 'FeatureCollection', features: [] };
	return {
		type: 'FeatureCollection',
		features: districts.flatMap((d, i) => {
			const surge = s.districts[i]!;
			if (!surge.surging) return [];
			const properties = { slug: d.properties.slug, name: d.properties.name, words: surgeWords(surge, s.month, s.baselineMonths) };
			return [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: labelPoint(d) }, properties }];
		})
	};
}

/** The legend's line for the markers ("Surge in Jan 2026 (2 districts; see Surges)"), or null when none is marked. */
export function surgeKey(s: Surges, marked: number): string | null {
	return marked && s.kind === 'figures' ? `Surge in ${monthWords(s.month)} (${marked} district${marked === 1 ? '' : 's'}; see Surges)` : null;
}
