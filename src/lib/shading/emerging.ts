/**
 * Emerging hot spots shading (src/lib/emerging): one colour per category, warm for the hot side
 * and cool for the cold side, darker for a pattern that holds or grows; "no pattern" pale grey.
 * The legend lists the categories found, in words, with their counts.
 */
import { categoryName, type EmergingCategory, type EmergingDistrict, type Pattern } from '../emerging/index.js';
import { type LegendItem } from './colours.js';
import { shading, type Shading, type ShadedDistrict } from './shading.js';

export interface EmergingInput {
	mode: 'emerging';
	districts: readonly ShadedDistrict[];
	/** Index-aligned with the districts; null for all: no covered step (the legend says why). */
	results: readonly EmergingDistrict[] | null;
	/** "incidents, yearly steps 2007–2021 (15)" */
	over: string;
	/** Steps left out of the window, in words ("2022–2025 not covered"), or ''. */
	leftOut: string;
}

const HOT: Record<Pattern, string> = {
	new: '#fdd0a2',
	consecutive: '#fd8d3c',
	intensifying: '#7f0000',
	persistent: '#d7301f',
	diminishing: '#fc8d59',
	sporadic: '#f768a1',
	oscillating: '#ae017e',
	historical: '#bc9b8f'
};
const COLD: Record<Pattern, string> = {
	new: '#deebf7',
	consecutive: '#9ecae1',
	intensifying: '#08306b',
	persistent: '#2171b5',
	diminishing: '#6baed6',
	sporadic: '#7fcdbb',
	oscillating: '#1d91c0',
	historical: '#9aa9b8'
};
export const NO_PATTERN_COLOUR = '#f2f2f2';

export const emergingColour = (c: EmergingCategory) => (c.side === 'hot' ? HOT[c.pattern] : c.side === 'cold' ? COLD[c.pattern] : NO_PATTERN_COLOUR);

const keyOf = (c: EmergingCategory) => (c.side ? `${c.side}-${c.pattern}` : 'none');

export function emerging(input: EmergingInput): Shading {
	const { districts, results } = input;
	const found = new Map<string, LegendItem>();
	for (const r of results ?? []) {
		const key = keyOf(r.category);
		const item = found.get(key) ?? { key, colour: emergingColour(r.category), label: categoryName(r.category), count: 0 };
		item.count++;
		found.set(key, item);
	}
	// Hot first, then cold, then no pattern; within a side, the order of CATEGORIES.
	const order = (key: string) => (key === 'none' ? 99 : (key.startsWith('hot') ? 0 : 20) + Object.keys(HOT).indexOf(key.split('-')[1]!));
	const legend = [...found.values()].sort((a, b) => order(a.key) - order(b.key));
	return shading({
		mode: 'emerging',
		districts,
		colours: districts.map((_, i) => (results ? emergingColour(results[i]!.category) : NO_PATTERN_COLOUR)),
		values: districts.map((_, i) => (results ? results[i]!.trend.z : null)),
		legend,
		noData: results ? null : { colour: NO_PATTERN_COLOUR, label: 'not computed: no covered step in the window', count: districts.length },
		title: 'Emerging hot spots',
		method: `Gi* per step of ${input.over} (hot or cold at |z| ≥ 1.645), Mann–Kendall trend of each district's z (p ≤ 0.10)${input.leftOut ? `; left out: ${input.leftOut}` : ''}`,
		describe: (d, i) => (results ? `${d.name}: ${categoryName(results[i]!.category)} (${results[i]!.reason})` : `${d.name}: not computed`)
	});
}
