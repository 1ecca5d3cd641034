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
	/** Why each district is not compared, in words (src/lib/compare notComparedWhy); null where it is. */
	why?: readonly (string | null)[];
	/** The legend's title when the change is not between two periods (two sources: "UCDP − GTD 2008, incidents in 2008"). */
	title?: string;
}

/**
 * Class of a change under positive limits t0 < t1 < … < t(k−1) for increases and d0 < … < d(k−1)
 * for decreases (`down`, the same by default), as an index into divergingColours(k): 0 … k−1
 * decreases (strongest first), k no change, k+1 … 2k increases. Increases: (0, t0) → k+1,
 * [t0, t1) → k+2, …; decreases mirror them: [−d0, 0) → k−1, …
 */
export function divergingClass(v: number, bounds: readonly number[], down: readonly number[] = bounds): number {
	const k = bounds.length;
	if (v === 0) return k;
	let c = v > 0 ? k + 1 : 0;
	for (let i = 0; i < k - 1; i++) {
		if (v > 0 && v >= bounds[i]!) c = k + 2 + i;
		if (v < 0 && v >= -down[i]!) c = Math.max(c, k - 1 - i);
	}
	return c;
}

/**
 * The decrease side's limits: a % change cannot fall below −100 %, so its decreases are equal
 * steps of that (−33, −67, −100 % with three a side), whatever the largest increase; a
 * difference mirrors the increases.
 */
export function decreaseBounds(bounds: readonly number[], compare: CompareMode): number[] {
	return compare === 'percent' ? bounds.map((_, i) => (100 * (i + 1)) / bounds.length) : [...bounds];
}

/** A change's colour under the bounds (no bounds: every change was zero, "no change"). */
export function divergingColour(v: number, bounds: readonly number[], down: readonly number[] = bounds): string {
	if (!bounds.length) return divergingColours(1)[1]!;
	return divergingColours(bounds.length)[divergingClass(v, bounds, down)]!;
}

/** Legend rows for a change, largest increase first; the class next to no change starts at an unsigned 0. */
export function divergingLegend(
	bounds: readonly number[],
	change: readonly (number | null)[],
	format: (v: number) => string,
	down: readonly number[] = bounds
): LegendItem[] {
	const k = bounds.length;
	if (k === 0) return [];
	const c = divergingColours(k);
	const counts = c.map(() => 0);
	for (const v of change) if (v !== null) counts[divergingClass(v, bounds, down)]!++;
	// Zero has no sign: "0 to +3", "0 to −3", never "+0" or "−0".
	const up = (i: number) => (i < 0 ? format(0) : `+${format(bounds[i]!)}`);
	const fall = (i: number) => (i < 0 ? format(0) : `−${format(down[i]!)}`);
	return c
		.map((colour, cls) => {
			const label = cls === k ? 'no change' : cls > k ? `${up(cls - k - 2)} to ${up(cls - k - 1)}` : `${fall(k - 2 - cls)} to ${fall(k - 1 - cls)}`;
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
	const down = decreaseBounds(bounds, input.compare);
	const format = changeFormat(input.compare, input.fractional);
	const notCompared = 'not compared (too few events)';
	return shading({
		mode: 'diverging',
		districts,
		colours: change.map((v) => (v === null ? NO_DATA_COLOUR : divergingColour(v, bounds, down))),
		values: [...change],
		legend: divergingLegend(bounds, change, format, down),
		title: input.title ?? `Change in ${unit} (${input.compare === 'percent' ? '%' : 'B − A'})`,
		method: input.compare === 'percent' ? 'Equal steps up to the largest increase, and down to −100 %' : 'Equal steps either side of no change',
		noData: { colour: NO_DATA_COLOUR, label: notCompared, count: change.filter((v) => v === null).length },
		describe: (d, i) => {
			const v = change[i];
			if (v === null || v === undefined) return `${d.name}: not compared (${input.why?.[i] ?? 'too few events'})`;
			return `${d.name}: ${v > 0 ? '+' : ''}${format(v)}`;
		}
	});
}
