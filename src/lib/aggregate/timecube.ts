/**
 * Re-shading after a time change without touching the rows: one pass over the columns, for a
 * fixed set of non-date filters, builds per-month cubes (totals per district/bucket × month, and
 * facet counts per option × month); any month window is then a sum over its months — a few
 * thousand additions instead of a pass over a million rows. Time-play and the time slider move
 * only the window, so they run on the cube; any other filter change builds a new cube.
 *
 * The answer is the same as `aggregate` over the same filter (a property test compares every
 * field); windows that do not cover whole months are left to `aggregate`.
 */
import { PRECISIONS, monthNumber, isoDate, type IncidentColumns } from '../columns/index.js';
import { BIT, compileFilter, failures, type IncidentFilter } from '../filter/index.js';
import { monthSpan, sumTotals, type Aggregation, type Assignment, type Totals } from './index.js';

const FACETS = ['actor', 'eventType', 'target', 'suicide', 'precision'] as const;
type Facet = (typeof FACETS)[number];

export interface TimeCube {
	districtCount: number;
	rowCount: number;
	months: { first: number; last: number };
	monthCount: number;
	/** [slot × monthCount + m] × 5 accumulators; slots: districts, then outside, coarse, unlocated. */
	totals: Float64Array;
	/** Per facet: [option × monthCount + m] rows failing nothing but that control (and the dates). */
	facets: Record<Facet, Int32Array>;
	optionCounts: Record<Facet, number>;
	/** 1 where the row passes every non-date filter. */
	passesOtherFilters: Uint8Array;
	/** Rows ordered by month (a counting sort), and where each month starts in that order. */
	rowsByMonth: Int32Array;
	monthStart: Int32Array;
	histogram: Int32Array;
	districtMonthly: Int32Array;
}

/** The non-date part of a filter, as a key: the same key, the same cube. */
export function cubeKey(filter: IncidentFilter): string {
	const { dayFrom: _from, dayTo: _to, ...rest } = filter;
	return JSON.stringify(rest, Object.keys(rest).sort());
}

/** The month window a day window covers exactly, or null if it does not start and end on month edges. */
export function monthWindow(filter: IncidentFilter): { from: number; to: number } | null {
	const from = filter.dayFrom ?? -Infinity;
	const to = filter.dayTo ?? Infinity;
	const mFrom = Number.isFinite(from) ? monthNumber(isoDate(from)) : -Infinity;
	const mTo = Number.isFinite(to) ? monthNumber(isoDate(to)) : Infinity;
	if (Number.isFinite(from) && !isoDate(from).endsWith('-01')) return null;
	if (Number.isFinite(to) && monthNumber(isoDate(to + 1)) === mTo) return null;
	return { from: mFrom, to: mTo };
}

/** One pass: the cubes for the filter's non-date components (its dates are ignored). */
export function buildTimeCube(cols: IncidentColumns, assignment: Assignment, districtCount: number, filter: IncidentFilter): TimeCube {
	if (assignment.length !== cols.length) throw new Error('buildTimeCube: assignment and columns differ in length');
	const f = compileFilter(cols, { ...filter, dayFrom: undefined, dayTo: undefined });
	const months = monthSpan(cols);
	const monthCount = months.last - months.first + 1;
	const optionCounts: Record<Facet, number> = {
		actor: cols.labels.actor.length,
		eventType: cols.labels.eventType.length,
		target: cols.labels.target.length,
		suicide: 3,
		precision: PRECISIONS.length
	};
	const facets = Object.fromEntries(FACETS.map((k) => [k, new Int32Array(optionCounts[k] * monthCount)])) as Record<Facet, Int32Array>;
	const totals = new Float64Array((districtCount + 3) * monthCount * 5);
	const passesOtherFilters = new Uint8Array(cols.length);
	const rowMonth = new Int32Array(cols.length);
	const monthStart = new Int32Array(monthCount + 1);
	const histogram = new Int32Array(monthCount);
	const districtMonthly = new Int32Array(districtCount * monthCount);
	for (let i = 0; i < cols.length; i++) {
		const fails = failures(f, cols, i);
		const m = cols.month[i]! - months.first;
		rowMonth[i] = m;
		monthStart[m + 1]!++;
		if ((fails & ~BIT.actor) === 0) facets.actor[cols.actor[i]! * monthCount + m]!++;
		if ((fails & ~BIT.eventType) === 0) facets.eventType[cols.eventType[i]! * monthCount + m]!++;
		if ((fails & ~BIT.target) === 0) facets.target[cols.target[i]! * monthCount + m]!++;
		if ((fails & ~BIT.suicide) === 0) facets.suicide[(cols.suicide[i] === -1 ? 2 : cols.suicide[i]!) * monthCount + m]!++;
		if ((fails & ~BIT.precision) === 0) facets.precision[cols.precision[i]! * monthCount + m]!++;
		if (fails !== 0) continue;
		const code = assignment[i]!;
		histogram[m]!++;
		if (code >= 0) districtMonthly[code * monthCount + m]!++;
		passesOtherFilters[i] = 1;
		const at = ((code >= 0 ? code : districtCount - 1 - code) * monthCount + m) * 5;
		const k = cols.killed[i]!;
		const w = cols.wounded[i]!;
		totals[at]!++;
		if (k === k) totals[at + 1]! += k;
		else totals[at + 3]!++;
		if (w === w) totals[at + 2]! += w;
		else totals[at + 4]!++;
	}
	for (let m = 0; m < monthCount; m++) monthStart[m + 1]! += monthStart[m]!;
	const rowsByMonth = new Int32Array(cols.length);
	const next = monthStart.slice(0, monthCount);
	for (let i = 0; i < cols.length; i++) rowsByMonth[next[rowMonth[i]!]!++] = i;
	return { districtCount, rowCount: cols.length, months, monthCount, totals, facets, optionCounts, passesOtherFilters, rowsByMonth, monthStart, histogram, districtMonthly };
}

/** The aggregation of a month window, from the cube: what `aggregate` returns for the same filter. */
export function aggregateWindow(cube: TimeCube, window: { from: number; to: number }): Aggregation {
	const { districtCount, monthCount, months } = cube;
	const from = Math.max(0, (Number.isFinite(window.from) ? window.from : months.first) - months.first);
	const to = Math.min(monthCount - 1, (Number.isFinite(window.to) ? window.to : months.last) - months.first);
	const sumSlot = (slot: number): Totals => {
		const t = [0, 0, 0, 0, 0];
		for (let m = from; m <= to; m++) {
			const at = (slot * monthCount + m) * 5;
			for (let k = 0; k < 5; k++) t[k]! += cube.totals[at + k]!;
		}
		return { incidents: t[0]!, killed: t[1]!, wounded: t[2]!, killedUnknown: t[3]!, woundedUnknown: t[4]! };
	};
	const byDistrict = Array.from({ length: districtCount }, (_, d) => sumSlot(d));
	const inDistricts = sumTotals(byDistrict);
	const [outside, coarse, unlocated] = [districtCount, districtCount + 1, districtCount + 2].map(sumSlot) as [Totals, Totals, Totals];
	const facet = (k: Facet) => {
		const out = new Int32Array(cube.optionCounts[k]);
		const cells = cube.facets[k];
		for (let o = 0; o < out.length; o++) {
			let n = 0;
			for (let m = from; m <= to; m++) n += cells[o * monthCount + m]!;
			out[o] = n;
		}
		return out;
	};
	// Only the window's rows are visited: a year of a decade is a tenth of the rows.
	const passing = new Uint8Array(cube.rowCount);
	const { passesOtherFilters, rowsByMonth, monthStart } = cube;
	if (from <= to) {
		for (let k = monthStart[from]!, end = monthStart[to + 1]!; k < end; k++) {
			const i = rowsByMonth[k]!;
			passing[i] = passesOtherFilters[i]!;
		}
	}
	return {
		byDistrict,
		inDistricts,
		outside,
		coarse,
		unlocated,
		rows: inDistricts.incidents + outside.incidents + coarse.incidents + unlocated.incidents,
		passing,
		facets: { actor: facet('actor'), eventType: facet('eventType'), target: facet('target'), suicide: facet('suicide'), precision: facet('precision') },
		months,
		histogram: cube.histogram.slice(),
		districtMonthly: cube.districtMonthly.slice()
	};
}
