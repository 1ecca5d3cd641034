/**
 * How the map is shaded: one function for every mode, used by the dashboard, the first paint, the
 * SVG fallback and the browser tests' expectations alike, so that a district's colour, the legend
 * and the tooltip are decided in one place (a unit test checks no other module picks a colour).
 *
 *   shade({ mode: 'sequential', … })  a metric's classes (classify), zero and "no figure" apart
 *   shade({ mode: 'diverging', … })   a period comparison around "no change"
 *   shade({ mode: 'bivariate', … })   hazard × need, 3 × 3 classes in words
 *   shade({ mode: 'emerging', … })    emerging hot spots, a category per district in words
 *
 * Pure: per-district values in, colours by slug, legend rows, title, method and words out.
 */
import { bivariate, type BivariateInput } from './bivariate.js';
import { emerging, type EmergingInput } from './emerging.js';
import { diverging, type DivergingInput } from './diverging.js';
import { sequential, type SequentialInput } from './sequential.js';
import type { Shading } from './shading.js';

export type ShadeInput = SequentialInput | DivergingInput | BivariateInput | EmergingInput;

export function shade(input: ShadeInput): Shading {
	switch (input.mode) {
		case 'sequential':
			return sequential(input);
		case 'diverging':
			return diverging(input);
		case 'bivariate':
			return bivariate(input);
		case 'emerging':
			return emerging(input);
	}
}

export type { Shading, ShadingMode, ShadedDistrict } from './shading.js';
export type { SequentialInput } from './sequential.js';
export type { DivergingInput } from './diverging.js';
export type { BivariateInput } from './bivariate.js';
export type { EmergingInput } from './emerging.js';
export { changeFormat } from './diverging.js';
export { BIVARIATE_COLOURS, NO_DATA_COLOUR, ZERO_COLOUR, type LegendItem } from './colours.js';
