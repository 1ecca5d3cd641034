/**
 * Diverging shading of a period comparison: equal steps of the largest absolute change either
 * side of an exact "no change" class (RdBu reversed, so red is an increase); districts with too
 * few events are "not compared", mid grey.
 */
import { formatMetric } from '../format/index.js';
import type { CompareMode } from '../compare/index.js';
import { divergingColours, NO_DATA_COLOUR, type LegendItem } from './colours.js';
import { shading, type Shading, type ShadedDistrict } from './shading.js';

export interface DivergingInput {
	mode: 'diverging';
	districts: readonly ShadedDistrict[];
	/** B − A or the % change per district; null: not compared. */
	change: readonly (number | null)[];
	/** Positive class limits (src/lib/compare divergingBounds). */
	bounds: readonly number[];
	compare: CompareMode;
	/** What changed: "incidents per 1,000 km²". */
	unit: string;
	fractional: boolean;
}

/**
 * Class of a change under positive limits t0 < t1 < … < t(k−1), as an index into
 * divergingColours(k): 0 … k−1 decreases (strongest first), k no change, k+1 … 2k increases.
 * Increases: (0, t0) → k+1, [t0, t1) → k+2, …; decreases mirror them: [−t0, 0) → k−1, …
 */
export function divergingClass(v: number, bounds: readonly number[]): number {
	const k = bounds.length;
	if (v === 0) return k;
	let c = v > 0 ? k + 1 : 0;
	for (let i = 0; i < k - 1; i++) {
		if (v > 0 && v >= bounds[i]!) c = k + 2 + i;
		if (v < 0 && v >= -bounds[i]!) c = Math.max(c, k - 1 - i);
	}
	return c;
}

/** A change's colour under the bounds (no bounds: every change was zero, "no change"). */
export function divergingColour(v: number, bounds: readonly number[]): string {
	if (!bounds.length) return divergingColours(1)[1]!;
	return divergingColours(bounds.length)[divergingClass(v, bounds)]!;
}

/** Legend rows for a change, largest increase first. */
export function divergingLegend(bounds: readonly number[], change: readonly (number | null)[], format: (v: number) => string): LegendItem[] {
	const k = bounds.length;
	if (k === 0) return [];
	const c = divergingColours(k);
	const counts = c.map(() => 0);
	for (const v of change) if (v !== null) counts[divergingClass(v, bounds)]!++;
	const limit = (i: number) => (i < 0 ? 0 : bounds[i]!);
	return c
		.map((colour, cls) => {
			const label =
				cls === k
					? 'no change'
					: cls > k
						? `+${format(limit(cls - k - 2))} to +${format(limit(cls - k - 1))}`
						: `−${format(limit(k - 2 - cls))} to −${format(limit(k - 1 - cls))}`;
			return { colour, label, count: counts[cls]!, key: String(cls - k) };
		})
		.reverse();
}

/** A change in words: "12 %" or "+3.50". */
export function changeFormat(compare: CompareMode, fractional: boolean): (v: number) => string {
	return (v) => (compare === 'percent' ? `${Math.round(v)} %` : formatMetric(v, fractional || !Number.isInteger(v)));
}

export function diverging(input: DivergingInput): Shading {
	const { districts, change, bounds, unit } = input;
	const format = changeFormat(input.compare, input.fractional);
	const notCompared = 'not compared (too few events)';
	return shading({
		mode: 'diverging',
		districts,
		colours: change.map((v) => (v === null ? NO_DATA_COLOUR : divergingColour(v, bounds))),
		values: [...change],
		legend: divergingLegend(bounds, change, format),
		title: `Change in ${unit} (${input.compare === 'percent' ? '%' : 'B − A'})`,
		method: 'Equal steps either side of no change',
		noData: { colour: NO_DATA_COLOUR, label: notCompared, count: change.filter((v) => v === null).length },
		describe: (d, i) => {
			const v = change[i];
			return `${d.name}: ${v === null || v === undefined ? notCompared : `${v > 0 ? '+' : ''}${format(v)}`}`;
		}
	});
}
