/**
 * Hazard × need colours: Joshua Stevens' 3 × 3 bivariate scheme — violence runs from grey to
 * magenta, need from grey to teal, both high is deep blue-violet. A district's class is violence × 3
 * + need (src/lib/bivariate); no census figure is "no data".
 */
import { NO_DATA_COLOUR, type LegendItem } from './choropleth.js';
import { classWords } from '../lib/bivariate/index.js';

/** Index = violence class × 3 + need class. */
export const BIVARIATE_COLOURS = ['#e8e8e8', '#ace4e4', '#5ac8c8', '#dfb0d6', '#a5add3', '#5698b9', '#be64ac', '#8c62aa', '#3b4994'] as const;

export const bivariateColour = (cls: number | null) => (cls === null ? NO_DATA_COLOUR : BIVARIATE_COLOURS[cls]!);

/** Legend rows in words, "high violence, high need" first, with the number of districts in each. */
export function bivariateLegend(classes: readonly (number | null)[]): LegendItem[] {
	const order = [8, 7, 6, 5, 4, 3, 2, 1, 0];
	return order.map((cls) => ({ key: `b${cls}`, colour: BIVARIATE_COLOURS[cls]!, label: classWords(cls), count: classes.filter((c) => c === cls).length }));
}
