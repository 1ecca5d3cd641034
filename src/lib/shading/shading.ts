/** What every shading mode gives the maps, the legend and the tooltips (see index.ts). */
import type { LegendItem } from './colours.js';

export type ShadingMode = 'sequential' | 'diverging' | 'bivariate' | 'emerging';

/** A district as a shading needs it: its key and its name. */
export interface ShadedDistrict {
	slug: string;
	name: string;
}

export interface Shading {
	mode: ShadingMode;
	/** Each district's colour by slug: both maps draw it (the WebGL map as feature-state). */
	colours: Map<string, string>;
	/** The mapped value per district, index-aligned (null: no figure, not compared, no class). */
	values: (number | null)[];
	/** Legend rows, and the districts without a class (no figure, not compared), if any. */
	legend: LegendItem[];
	noData: { colour: string; label: string; count: number } | null;
	/** The legend's title and how its classes are made, in words. */
	title: string;
	method: string;
	/** One district in words: "Quetta: 10.15 incidents per 1,000 km²" (tooltips, the SVG map). */
	describe: (slug: string) => string;
}

/** A Shading from per-district lists (index-aligned with `districts`). */
export function shading(s: {
	mode: ShadingMode;
	districts: readonly ShadedDistrict[];
	colours: readonly string[];
	values: (number | null)[];
	legend: LegendItem[];
	noData: Shading['noData'];
	title: string;
	method: string;
	describe: (d: ShadedDistrict, i: number) => string;
}): Shading {
	const index = new Map(s.districts.map((d, i) => [d.slug, i]));
	return {
		mode: s.mode,
		colours: new Map(s.districts.map((d, i) => [d.slug, s.colours[i]!])),
		values: s.values,
		legend: s.legend,
		noData: s.noData,
		title: s.title,
		method: s.method,
		describe: (slug) => {
			const i = index.get(slug);
			return i === undefined ? slug : s.describe(s.districts[i]!, i);
		}
	};
}
