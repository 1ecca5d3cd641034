/**
 * Hazard × need shading (src/lib/bivariate): 3 × 3 classes of attacks per 100,000 people against
 * a census need indicator, a legend in words ("high violence, high need" first), and "no census
 * figure" in mid grey.
 */
import { classWords, LEVELS, NEEDS, tertileRange, type NeedIndicator } from '../bivariate/index.js';
import { formatMetric } from '../format/index.js';
import { BIVARIATE_COLOURS, NO_DATA_COLOUR, type LegendItem } from './colours.js';
import { shading, type Shading, type ShadedDistrict } from './shading.js';

export interface BivariateInput {
	mode: 'bivariate';
	districts: readonly ShadedDistrict[];
	/** Class per district (violence × 3 + need), null: no census figure. */
	classes: readonly (number | null)[];
	/** Incidents per 100,000 people, and the need as a share 0–1, per district. */
	violence: readonly number[];
	needs: readonly number[];
	need: NeedIndicator;
	violenceBreaks: [number, number];
	needBreaks: [number, number];
}

export const bivariateColour = (cls: number | null) => (cls === null ? NO_DATA_COLOUR : BIVARIATE_COLOURS[cls]!);

/** Legend rows in words, "high violence, high need" first, with the number of districts in each. */
export function bivariateLegend(classes: readonly (number | null)[]): LegendItem[] {
	const order = [8, 7, 6, 5, 4, 3, 2, 1, 0];
	return order.map((cls) => ({ key: `b${cls}`, colour: BIVARIATE_COLOURS[cls]!, label: classWords(cls), count: classes.filter((c) => c === cls).length }));
}

const rate = (v: number) => formatMetric(v, true);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export function bivariate(input: BivariateInput): Shading {
	const { districts, classes, violence, needs, need } = input;
	const ranges = (f: (v: number) => string, breaks: [number, number]) => LEVELS.map((l, i) => `${l} ${tertileRange(i, breaks, f)}`).join(', ');
	return shading({
		mode: 'bivariate',
		districts,
		colours: districts.map((_, i) => bivariateColour(classes[i] ?? null)),
		values: violence.map((v, i) => (classes[i] === null || classes[i] === undefined ? null : v)),
		legend: bivariateLegend(classes),
		title: `Hazard × need: incidents per 100,000 people × ${NEEDS[need].label}`,
		method: `Thirds of the districts. Violence per 100,000 people: ${ranges(rate, input.violenceBreaks)}. Need: ${ranges(pct, input.needBreaks)}. PBS Census 2023, ${NEEDS[need].source.replace('PBS Census 2023, ', '')}`,
		noData: { colour: NO_DATA_COLOUR, label: 'no census figure', count: classes.filter((c) => c === null).length },
		describe: (d, i) => {
			const cls = classes[i];
			if (cls === null || cls === undefined) return `${d.name}: no census figure`;
			return `${d.name}: ${classWords(cls)} (${rate(violence[i]!)} incidents per 100,000 people; ${(needs[i]! * 100).toFixed(1)} % ${NEEDS[need].label})`;
		}
	});
}
