/**
 * Spatial join of incidents to districts and per-district totals.
 *
 * Every incident ends in exactly one bucket, so for every dataset and filter state
 *   districts + outside + coarse location + unlocated = rows   (DATA-MODEL.md)
 * - `unlocated`: no usable coordinates;
 * - `coarse`: coordinates exist but only at province/country level (GTD specificity ≥ 4), so
 *   they cannot be put in a district (they would pile up in whichever district holds the
 *   province centroid);
 * - `outside`: located, but in no KP/Balochistan district (other provinces, or abroad);
 * - otherwise the index of the district that contains the point.
 *
 * Edge rule (src/lib/join): a point on a boundary counts as inside (Turf's default), and when it
 * lies on an edge shared by several districts it goes to the first of them in slug order
 * (districts are sorted by slug), so the result is deterministic.
 */
import type { District, DistrictProps } from '../districts/index.js';
import { perHundredThousand } from '../census/index.js';
import type { Incident } from '../incident/index.js';
import { classBreaks, type ClassBreaks, type ClassOptions } from '../classify/index.js';
import { FIRST_COARSE_PRECISION, PRECISIONS, toColumns, type IncidentColumns } from '../columns/index.js';
import { BIT, compileFilter, failuresInto, type IncidentFilter } from '../filter/index.js';
import { buildJoinIndex, locate, type JoinIndex } from '../join/index.js';

export const OUTSIDE = -1;
export const COARSE_LOCATION = -2;
export const UNLOCATED = -3;

/** District index per incident, or OUTSIDE / COARSE_LOCATION / UNLOCATED. */
export type Assignment = Int32Array;

/** Accumulator slot of an assignment code: districts first, then OUTSIDE → n, COARSE_LOCATION → n + 1, UNLOCATED → n + 2. */
export const slotOf = (code: number, districtCount: number) => (code >= 0 ? code : districtCount - 1 - code);

/**
 * Buckets rows `[from, to)` of the columns into `out`: the spatial join (src/lib/join) runs only
 * for rows located finely enough to count in a district. Chunkable, so a worker can report progress.
 */
export function assignColumns(cols: IncidentColumns, index: JoinIndex, out: Assignment = new Int32Array(cols.length), from = 0, to = cols.length): Assignment {
	const scratch: number[] = [];
	for (let i = from; i < to; i++) {
		const x = cols.lon[i]!;
		const y = cols.lat[i]!;
		if (Number.isNaN(x) || Number.isNaN(y)) out[i] = UNLOCATED;
		else if (cols.precision[i]! >= FIRST_COARSE_PRECISION) out[i] = COARSE_LOCATION;
		else {
			const d = locate(index, x, y, scratch);
			out[i] = d < 0 ? OUTSIDE : d;
		}
	}
	return out;
}

/** Convenience for scripts and tests: columns, index and join in one call. */
export function assignIncidents(incidents: readonly Incident[], districts: readonly District[]): Assignment {
	return assignColumns(toColumns(incidents), buildJoinIndex(districts));
}

export interface Totals {
	incidents: number;
	/** Sum over incidents whose toll is known. */
	killed: number;
	wounded: number;
	/** Incidents whose toll the source does not give (unknown is not zero). */
	killedUnknown: number;
	woundedUnknown: number;
}

export interface Aggregation {
	/** Index-aligned with the districts array. */
	byDistrict: Totals[];
	inDistricts: Totals;
	outside: Totals;
	coarse: Totals;
	unlocated: Totals;
	/** Rows that pass the filter. */
	rows: number;
	/**
	 * 1 where the row passes the filter (for incident lists, point layers, planning tools and
	 * exports), or null when not asked for: the engine leaves it out while an import's rows are not
	 * on the page, as nothing there could read it (at 1 M rows it is most of a re-shading's cost).
	 */
	passing: Uint8Array | null;
	/**
	 * Live counts for the filter controls: for each option, the rows that would pass if only that
	 * control changed (every other filter applied). Index = category code / precision code;
	 * suicide is [no, yes, unknown].
	 */
	facets: { actor: Int32Array; eventType: Int32Array; target: Int32Array; suicide: Int32Array; precision: Int32Array };
	/** Months covered by the columns (month numbers, inclusive); histograms are indexed from `first`. */
	months: { first: number; last: number };
	/** Rows per month passing every filter except the dates (the time control's histogram). */
	histogram: Int32Array;
	/** The same per district: districtMonthly[d * monthCount + m] (sparklines). */
	districtMonthly: Int32Array;
	/**
	 * Known killed and wounded per district and month, laid out as districtMonthly (rows with an
	 * unknown figure add nothing): what play's fixed classes, emerging hot spots and small
	 * multiples read when the map shows killed, wounded or casualties.
	 */
	killedMonthly: Float64Array;
	woundedMonthly: Float64Array;
}

/** An aggregation of no rows (what the page shows before the first join returns). */
export function emptyAggregation(districtCount: number): Aggregation & { passing: Uint8Array } {
	return aggregate(toColumns([]), new Int32Array(), districtCount);
}

/** First and last month number in the columns (first > last when there are no rows). */
export function monthSpan(cols: IncidentColumns): { first: number; last: number } {
	let first = Infinity;
	let last = -Infinity;
	for (let i = 0; i < cols.length; i++) {
		const m = cols.month[i]!;
		if (m < first) first = m;
		if (m > last) last = m;
	}
	return first <= last ? { first, last } : { first: 0, last: -1 };
}

/** The sum of several totals (e.g. every district's: the "in a district" bucket). */
export function sumTotals(all: readonly Totals[]): Totals {
	return all.reduce<Totals>(
		(sum, t) => ({
			incidents: sum.incidents + t.incidents,
			killed: sum.killed + t.killed,
			wounded: sum.wounded + t.wounded,
			killedUnknown: sum.killedUnknown + t.killedUnknown,
			woundedUnknown: sum.woundedUnknown + t.woundedUnknown
		}),
		{ incidents: 0, killed: 0, wounded: 0, killedUnknown: 0, woundedUnknown: 0 }
	);
}

/**
 * Totals per district and per bucket, facet counts and monthly histograms, in one pass over the
 * typed columns: a filter change costs no geometry and no per-row objects.
 */
export function aggregate(
	cols: IncidentColumns,
	assignment: Assignment,
	districtCount: number,
	filter: IncidentFilter = {}
): Aggregation & { passing: Uint8Array } {
	if (assignment.length !== cols.length) throw new Error('aggregate: assignment and columns differ in length');
	const failing = failuresInto(compileFilter(cols, filter), cols, new Uint8Array(cols.length));
	// Slots: districts first, then the three buckets; five accumulators per slot.
	const acc = new Float64Array((districtCount + 3) * 5);
	const passing = new Uint8Array(cols.length);
	const facets = {
		actor: new Int32Array(cols.labels.actor.length),
		eventType: new Int32Array(cols.labels.eventType.length),
		target: new Int32Array(cols.labels.target.length),
		suicide: new Int32Array(3),
		precision: new Int32Array(PRECISIONS.length)
	};
	const months = monthSpan(cols);
	const monthCount = months.last - months.first + 1;
	const histogram = new Int32Array(monthCount);
	const districtMonthly = new Int32Array(districtCount * monthCount);
	const killedMonthly = new Float64Array(districtCount * monthCount);
	const woundedMonthly = new Float64Array(districtCount * monthCount);
	let rows = 0;
	for (let i = 0; i < cols.length; i++) {
		const fails = failing[i]!;
		// A row counts towards a control's options when it fails nothing but that control.
		if ((fails & ~BIT.actor) === 0) {
			// A row counts once for each party it names (the actor filter matches either).
			const a = cols.actor[i]!;
			const b = cols.actor2[i]!;
			facets.actor[a]!++;
			if (b !== 0 && b !== a) facets.actor[b]!++;
		}
		if ((fails & ~BIT.eventType) === 0) facets.eventType[cols.eventType[i]!]!++;
		if ((fails & ~BIT.target) === 0) facets.target[cols.target[i]!]!++;
		if ((fails & ~BIT.suicide) === 0) facets.suicide[cols.suicide[i] === -1 ? 2 : cols.suicide[i]!]!++;
		if ((fails & ~BIT.precision) === 0) facets.precision[cols.precision[i]!]!++;
		const code = assignment[i]!;
		const k = cols.killed[i]!;
		const w = cols.wounded[i]!;
		if ((fails & ~BIT.date) === 0) {
			const m = cols.month[i]! - months.first;
			histogram[m]!++;
			if (code >= 0) {
				const at = code * monthCount + m;
				districtMonthly[at]!++;
				if (k === k) killedMonthly[at]! += k;
				if (w === w) woundedMonthly[at]! += w;
			}
		}
		if (fails !== 0) continue;
		passing[i] = 1;
		rows++;
		const slot = slotOf(code, districtCount) * 5;
		acc[slot]!++;
		if (k === k) acc[slot + 1]! += k;
		else acc[slot + 3]!++;
		if (w === w) acc[slot + 2]! += w;
		else acc[slot + 4]!++;
	}
	const totals = (slot: number): Totals => ({
		incidents: acc[slot * 5]!,
		killed: acc[slot * 5 + 1]!,
		wounded: acc[slot * 5 + 2]!,
		killedUnknown: acc[slot * 5 + 3]!,
		woundedUnknown: acc[slot * 5 + 4]!
	});
	const byDistrict = Array.from({ length: districtCount }, (_, d) => totals(d));
	const inDistricts = sumTotals(byDistrict);
	return {
		byDistrict,
		inDistricts,
		outside: totals(districtCount),
		coarse: totals(districtCount + 1),
		unlocated: totals(districtCount + 2),
		rows,
		passing,
		facets,
		months,
		histogram,
		districtMonthly,
		killedMonthly,
		woundedMonthly
	};
}

/**
 * A metric's district × month matrix (laid out as `districtMonthly`, filters but the dates):
 * incidents, known killed, known wounded, or both added for casualties.
 */
export function monthlyOf(agg: Pick<Aggregation, 'districtMonthly' | 'killedMonthly' | 'woundedMonthly'>, metric: Metric): ArrayLike<number> {
	if (metric === 'incidents') return agg.districtMonthly;
	if (metric === 'killed') return agg.killedMonthly;
	if (metric === 'wounded') return agg.woundedMonthly;
	return agg.killedMonthly.map((k, i) => k + agg.woundedMonthly[i]!);
}

export type Metric = 'incidents' | 'killed' | 'wounded' | 'casualties';
export const METRICS: readonly Metric[] = ['incidents', 'killed', 'wounded', 'casualties'];

/** A metric's raw total: casualties = killed + wounded, over the known figures. */
export function metricTotal(totals: Totals, metric: Metric): number {
	return metric === 'casualties' ? totals.killed + totals.wounded : totals[metric];
}

/** What a metric is divided by: nothing, the district's area, or its people. */
export type Per = 'count' | 'area' | 'people';
export const PERS: readonly Per[] = ['count', 'area', 'people'];

/**
 * Raw total, per 1,000 km² of the district's area (`areaKm2`: PBS-published, see districts/), or
 * per 100,000 people of its PBS Census 2023 population. NaN when the district has no census
 * population: "no census figure", never 0.
 */
export function metricValue(totals: Totals, metric: Metric, per: Per, district: Pick<DistrictProps, 'areaKm2' | 'population'>): number {
	return perValue(metricTotal(totals, metric), per, district);
}

/** A raw figure as the map shows it: itself, per 1,000 km², or per 100,000 people (NaN: no census population). */
export function perValue(raw: number, per: Per, district: Pick<DistrictProps, 'areaKm2' | 'population'>): number {
	if (per === 'area') return (raw / district.areaKm2) * 1000;
	if (per === 'people') return perHundredThousand(raw, district.population) ?? NaN;
	return raw;
}

/**
 * Standard competition ranking ("1224"): 1 = highest value; equal values share a rank. A value
 * that is not a number (no census figure) has no rank (NaN) and does not push others down.
 */
export function rankDescending(values: readonly number[]): number[] {
	return values.map((v) => (Number.isNaN(v) ? NaN : 1 + values.filter((w) => w > v).length));
}

export interface DistrictMetrics {
	/** Metric value per district, index-aligned with the districts. */
	values: number[];
	/** Competition rank per district (1 = highest value). */
	ranks: number[];
	breaks: ClassBreaks;
}

/** Everything the choropleth, legend, ranking and panel show for one metric choice. */
export function districtMetrics(
	districts: readonly District[],
	agg: Aggregation,
	metric: Metric,
	per: Per,
	classes: ClassOptions = { method: 'natural', count: 5 }
): DistrictMetrics {
	const values = districts.map((d, i) => metricValue(agg.byDistrict[i]!, metric, per, d.properties));
	return { values, ranks: rankDescending(values), breaks: classBreaks(values, classes) };
}
