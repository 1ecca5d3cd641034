/**
 * Hazard × vulnerability: districts classed 3 × 3 by attacks per 100,000 people (the data on
 * screen) and by a need indicator from the PBS Census 2023 — where violence and need are both
 * high is where an NGO's work is hardest and most needed.
 *
 * Pure: per-district values in, classes, words, a ranked list and a CSV out.
 */
import { CENSUS_FIELD_SOURCES, CENSUS_SOURCE, CENSUS_VINTAGE, type DistrictCensus } from '../census/index.js';
import { toCsv } from '../export/index.js';

export const NEED_INDICATORS = ['water', 'toilet', 'illiteracy'] as const;
export type NeedIndicator = (typeof NEED_INDICATORS)[number];

export interface NeedDefinition {
	/** As the legend and the site check say it. */
	label: string;
	/** Column name in the CSV. */
	column: string;
	source: string;
	/** The indicator as a share 0–1 (higher = more need), or null without a census figure. */
	of: (c: DistrictCensus) => number | null;
}

const complement = (v: number | null) => (v === null ? null : 1 - v);

export const NEEDS: Record<NeedIndicator, NeedDefinition> = {
	water: {
		label: 'households without an improved drinking-water source',
		column: 'households_without_improved_water_pct',
		source: CENSUS_FIELD_SOURCES.improvedWaterShare,
		of: (c) => complement(c.improvedWaterShare)
	},
	toilet: {
		label: 'households without a toilet',
		column: 'households_without_toilet_pct',
		source: CENSUS_FIELD_SOURCES.noToiletShare,
		of: (c) => c.noToiletShare
	},
	illiteracy: {
		label: 'illiteracy rate, people aged 10+',
		column: 'illiteracy_10plus_pct',
		source: CENSUS_FIELD_SOURCES.literacyRate,
		of: (c) => complement(c.literacyRate)
	}
};

export const LEVELS = ['low', 'medium', 'high'] as const;

/**
 * Tertile breaks of the values that are numbers: b1 is the value a third of the districts are at
 * or below, b2 two thirds (so class 0 ≤ b1 < class 1 ≤ b2 < class 2). Values, not interpolations:
 * each break is a district's own figure, which the legend can quote.
 */
export function tertileBreaks(values: readonly number[]): [number, number] | null {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length < 3) return null;
	return [sorted[Math.ceil(sorted.length / 3) - 1]!, sorted[Math.ceil((2 * sorted.length) / 3) - 1]!];
}

const tertile = (v: number, [b1, b2]: [number, number]) => (v <= b1 ? 0 : v <= b2 ? 1 : 2);

export interface Bivariate {
	/** Violence class × 3 + need class (0–8), or null where either figure is missing. */
	classes: (number | null)[];
	violenceBreaks: [number, number];
	needBreaks: [number, number];
}

/** Classes districts by tertiles of each measure (NaN = no figure: left unclassed). */
export function bivariateClasses(violence: readonly number[], need: readonly number[]): Bivariate | null {
	if (violence.length !== need.length) throw new Error(`bivariateClasses: ${violence.length} violence values but ${need.length} need values`);
	const both = violence.map((v, i) => Number.isFinite(v) && Number.isFinite(need[i]!));
	const violenceBreaks = tertileBreaks(violence.filter((_, i) => both[i]));
	const needBreaks = tertileBreaks(need.filter((_, i) => both[i]));
	if (!violenceBreaks || !needBreaks) return null;
	return { classes: violence.map((v, i) => (both[i] ? tertile(v, violenceBreaks) * 3 + tertile(need[i]!, needBreaks) : null)), violenceBreaks, needBreaks };
}

/** "high violence, high need" for a class 0–8. */
export function classWords(cls: number): string {
	return `${LEVELS[Math.floor(cls / 3)]} violence, ${LEVELS[cls % 3]} need`;
}

/** The range of a tertile in words: "≤ 2.1", "2.1 – 5.3", "> 5.3". */
export function tertileRange(level: number, [b1, b2]: [number, number], format: (v: number) => string): string {
	return level === 0 ? `≤ ${format(b1)}` : level === 1 ? `${format(b1)} – ${format(b2)}` : `> ${format(b2)}`;
}

export interface BivariateRow {
	slug: string;
	name: string;
	province: string;
	incidents: number;
	population: number | null;
	/** Attacks per 100,000 people. */
	violence: number;
	/** The need indicator, 0–1. */
	need: number;
	cls: number;
}

/** Districts high on both (class 8), by attacks per 100,000 people, then need, then name. */
export function highOnBoth(rows: readonly BivariateRow[]): BivariateRow[] {
	return rows.filter((r) => r.cls === 8).sort((a, b) => b.violence - a.violence || b.need - a.need || a.name.localeCompare(b.name));
}

export interface BivariateCsvMeta {
	need: NeedIndicator;
	dataset: string;
	dateRange: [string, string] | null;
	attribution: string;
	filters: string;
}

/** The ranked list as CSV, each row carrying the census vintage and the incident data's date range. */
export function bivariateCsv(rows: readonly BivariateRow[], meta: BivariateCsvMeta): string {
	const need = NEEDS[meta.need];
	const dates = meta.dateRange ? `${meta.dateRange[0]} – ${meta.dateRange[1]}` : 'no dated incidents';
	return toCsv(
		[
			'rank',
			'district',
			'province',
			'incidents',
			'population_2023',
			'incidents_per_100k',
			need.column,
			'class',
			'census',
			'incident_data',
			'incident_dates',
			'attribution',
			'filters'
		],
		rows.map((r, i) => [
			i + 1,
			r.name,
			r.province,
			r.incidents,
			r.population,
			Number(r.violence.toFixed(3)),
			Number((r.need * 100).toFixed(2)),
			classWords(r.cls),
			`${CENSUS_SOURCE} (${CENSUS_VINTAGE}); ${need.source}`,
			meta.dataset,
			dates,
			meta.attribution,
			meta.filters
		])
	);
}
