/** A district's facts for its cards: under the map's current metric (the planning tools), and in two compared periods. */
import { metricValue, type Aggregation } from '$lib/aggregate/index.js';
import { classWords, NEED_INDICATORS, NEEDS } from '$lib/bivariate/index.js';
import { classOf, type ClassBreaks } from '$lib/classify/index.js';
import type { District } from '$lib/districts/index.js';
import { formatMetric } from '$lib/format/index.js';
import type { CensusFile } from '$lib/geodata/index.js';
import { districtAt } from '$lib/risk/index.js';
import type { DistrictFacts } from '../planning.svelte.js';
import type { ComparedDistrict } from '../../components/CompareCard.svelte';
import { spanWords } from '$lib/coverage/index.js';
import type { ViewState } from '$lib/viewstate/index.js';
import type { Result } from './engine.svelte.js';

export interface FactsInput {
	districts: readonly District[];
	census: CensusFile;
	agg: Aggregation;
	seq: { values: readonly number[]; breaks: ClassBreaks; ranks: readonly number[] };
	unit: string;
	fractional: boolean;
	bivariate: { classes: readonly (number | null)[] } | null;
}

/** The district a point lies in, with its class and rank under the current metric; null outside every district. */
export function districtFactsAt(p: [number, number], f: FactsInput): DistrictFacts | null {
	const i = districtAt(p, f.districts);
	if (i < 0) return null;
	const { seq, unit } = f;
	const cls = classOf(seq.values[i]!, seq.breaks);
	const fmt = (v: number) => formatMetric(v, f.fractional);
	const classLabel = cls < 0 ? '0 (none recorded)' : `${fmt(seq.breaks.lower[cls]!)} – ${fmt(seq.breaks.upper[cls]!)} ${unit}`;
	const d = f.districts[i]!.properties;
	const c = f.census.districts[d.slug];
	const needs = NEED_INDICATORS.map((k) => ({ label: NEEDS[k].label, share: c ? NEEDS[k].of(c) : null, source: NEEDS[k].source }));
	const perPeople = metricValue(f.agg.byDistrict[i]!, 'incidents', 'people', d);
	const bivariate = f.bivariate?.classes[i];
	return {
		name: d.name,
		province: d.province,
		rank: seq.ranks[i]!,
		of: f.districts.length,
		unit,
		classLabel,
		perHundredThousand: Number.isNaN(perPeople) ? null : perPeople,
		needs,
		hazardNeed: bivariate === null || bivariate === undefined ? null : classWords(bivariate)
	};
}

/** A district in each compared period and the change between them (A and B apart, not A + B); null when not comparing. */
export function comparedDistrict(
	i: number,
	c: { a: number[]; b: number[]; change: (number | null)[]; why: (string | null)[] } | null,
	r: Result | null,
	compare: ViewState['compare'],
	unit: string
): ComparedDistrict | null {
	if (!c || !r?.a || !r.b || !compare) return null;
	const period = (window: [string, string], x: Aggregation, values: number[]) => ({ span: spanWords(window), totals: x.byDistrict[i]!, value: values[i]! });
	return { a: period(compare.a, r.a, c.a), b: period(compare.b, r.b, c.b), change: c.change[i] ?? null, why: c.why[i] ?? null, mode: compare.mode, unit };
}
