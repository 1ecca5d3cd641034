/**
 * Choropleth colours: ColorBrewer YlOrRd (sequential, colour-blind safe) through d3-scale-chromatic,
 * and the MapLibre expression that maps a district's `value` feature-state onto them. The map is
 * restyled by swapping this expression, never by repainting features one by one.
 */
import { schemeYlOrRd } from 'd3-scale-chromatic';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { ClassBreaks } from '../lib/classify/index.js';

/** Zero is neutral grey-blue, clearly apart from the palest class colour. */
export const ZERO_COLOUR = '#dfe3e8';
export const NO_DATA_COLOUR = '#9e9e9e';

export function classColours(classCount: number): string[] {
	if (classCount <= 0) return [];
	if (classCount < 3) return [...schemeYlOrRd[3]!].slice(3 - classCount);
	return [...schemeYlOrRd[Math.min(classCount, 9)]!];
}

/** `fill-color` for districts whose feature-state `value` holds the current metric. */
export function choroplethFillColor(breaks: ClassBreaks): ExpressionSpecification {
	const colours = classColours(breaks.lower.length);
	const stops: (number | string)[] = [];
	breaks.lower.forEach((lower, i) => stops.push(lower, colours[i]!));
	const value: ExpressionSpecification = ['to-number', ['feature-state', 'value'], -1];
	return [
		'case',
		['<', value, 0],
		NO_DATA_COLOUR,
		stops.length ? (['step', value, ZERO_COLOUR, ...stops] as unknown as ExpressionSpecification) : ZERO_COLOUR
	];
}
