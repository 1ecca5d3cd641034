/**
 * Sequential shading: a metric's classes (src/lib/classify), zero its own grey-blue class and "no
 * census figure" mid grey; the legend highest class first, zero last.
 */
import { CLASS_METHOD_LABEL, classOf, NO_FIGURE_CLASS, type ClassBreaks, type ClassMethod } from '../classify/index.js';
import { formatMetric, NO_CENSUS_FIGURE } from '../format/index.js';
import type { SchemeName } from '../viewstate/index.js';
import { classColours, NO_DATA_COLOUR, ZERO_COLOUR, type LegendItem } from './colours.js';
import { shading, type Shading, type ShadedDistrict } from './shading.js';

export interface SequentialInput {
	mode: 'sequential';
	districts: readonly ShadedDistrict[];
	/** The metric per district, index-aligned; NaN: no figure (no census population). */
	values: readonly number[];
	breaks: ClassBreaks;
	scheme: SchemeName;
	method: ClassMethod;
	/** What the values are: "incidents per 1,000 km²". */
	unit: string;
	/** Rates print with decimals, counts without. */
	fractional: boolean;
	/**
	 * The months the classes hold still over while playing ("2008-01 – 2008-12"); null while
	 * playing with no covered step to hold them over (they follow each frame); absent when not playing.
	 */
	heldOver?: string | null;
	/** Classes typed by hand (src/lib/classify typedBreaks): the method gives way to them, and the legend says so. */
	typed?: readonly number[] | null;
}

/** The colour a value gets under the classes. */
export function sequentialColour(v: number, breaks: ClassBreaks, scheme: SchemeName = 'YlOrRd'): string {
	const cls = classOf(v, breaks);
	if (cls === NO_FIGURE_CLASS) return NO_DATA_COLOUR;
	return cls < 0 ? ZERO_COLOUR : classColours(breaks.lower.length, scheme)[cls]!;
}

/** Legend rows, highest class first, zero last. */
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

export function sequential(input: SequentialInput): Shading {
	const { districts, values, breaks, scheme, unit, fractional } = input;
	const format = (v: number) => formatMetric(v, fractional);
	return shading({
		mode: 'sequential',
		districts,
		colours: values.map((v) => sequentialColour(v, breaks, scheme)),
		values: values.map((v) => (Number.isNaN(v) ? null : v)),
		legend: sequentialLegend(breaks, scheme, format),
		title: `${unit[0]!.toUpperCase()}${unit.slice(1)}`,
		method: input.typed
			? `Classes fixed by hand at ${input.typed.map(format).join(', ')}`
			: CLASS_METHOD_LABEL[input.method] +
				(input.heldOver
					? `; classes fixed over ${input.heldOver}`
					: input.heldOver === null
						? '; classes follow each frame (no covered step to fix them over)'
						: ''),
		noData: null,
		describe: (d, i) => (Number.isNaN(values[i]!) ? `${d.name}: ${NO_CENSUS_FIGURE}` : `${d.name}: ${format(values[i]!)} ${unit}`)
	});
}
