/**
 * Choropleth colours (ColorBrewer schemes through d3-scale-chromatic, colour-blind safe): each
 * district's class colour, which both maps draw (the WebGL map as the feature-state `colour`, see
 * src/style/layers.ts; the SVG map as a fill), and the legend rows that explain them.
 */
import { schemeOrRd, schemePurples, schemeRdBu, schemeReds, schemeYlGnBu, schemeYlOrRd } from 'd3-scale-chromatic';
import { classOf, NO_FIGURE_CLASS, type ClassBreaks } from '../lib/classify/index.js';
import type { SchemeName } from '../lib/viewstate/index.js';

/** Zero is neutral grey-blue, clearly apart from the palest class colour and from "no data". */
export const ZERO_COLOUR = '#dfe3e8';
/** No data: a mid grey, darker than zero, never mistaken for a low value. */
export const NO_DATA_COLOUR = '#8c8c8c';

const SCHEMES: Record<SchemeName, readonly (readonly string[])[]> = {
	YlOrRd: schemeYlOrRd,
	OrRd: schemeOrRd,
	Reds: schemeReds,
	Purples: schemePurples,
	YlGnBu: schemeYlGnBu
};

export function classColours(classCount: number, scheme: SchemeName = 'YlOrRd'): string[] {
	if (classCount <= 0) return [];
	const ramp = SCHEMES[scheme];
	if (classCount < 3) return [...ramp[3]!].slice(3 - classCount);
	return [...ramp[Math.min(classCount, 9)]!];
}

/** Blue for a decrease, red for an increase, near-white for no change (RdBu reversed). */
export function divergingColours(perSide: number): string[] {
	return [...schemeRdBu[2 * perSide + 1]!].reverse();
}

/**
 * Class of a change under positive limits t0 < t1 < … < t(k−1) (see divergingBounds), as an index
 * into divergingColours(k): 0 … k−1 decreases (strongest first), k no change, k+1 … 2k increases.
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

/** A change's colour under divergingBounds (no bounds: every change was zero, "no change"). */
export function divergingColour(v: number, bounds: readonly number[]): string {
	if (!bounds.length) return divergingColours(1)[1]!;
	return divergingColours(bounds.length)[divergingClass(v, bounds)]!;
}

export interface LegendItem {
	colour: string;
	label: string;
	/** Districts in this class. */
	count: number;
	key: string;
}

/** Legend rows for a sequential metric, highest class first, zero last. */
export function sequentialLegend(breaks: ClassBreaks, scheme: SchemeName, format: (v: number) => string): LegendItem[] {
	const colours = classColours(breaks.lower.length, scheme);
	const items = breaks.lower.map((lower, i) => ({
		colour: colours[i]!,
		label: lower === breaks.upper[i] ? format(lower) : `${format(lower)} – ${format(breaks.upper[i]!)}`,
		count: breaks.counts[i]!,
		key: String(i)
	}));
	return [...items.reverse(), { colour: ZERO_COLOUR, label: '0 (none recorded)', count: breaks.zeroCount, key: 'zero' }];
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

/** Colour a district gets under a sequential classification (tests compare pixels with it). */
export function sequentialColour(v: number, breaks: ClassBreaks, scheme: SchemeName = 'YlOrRd'): string {
	const cls = classOf(v, breaks);
	if (cls === NO_FIGURE_CLASS) return NO_DATA_COLOUR;
	return cls < 0 ? ZERO_COLOUR : classColours(breaks.lower.length, scheme)[cls]!;
}
