/**
 * Where two sources disagree: the same districts counted from two datasets over the months both
 * cover, their rank correlation, and which events each records that the other does not (matched
 * events, ./match.ts). Pure: incidents, their district and the covered months in; figures out.
 */
import { sampleRankCorrelation } from 'simple-statistics';
import { codebookOf } from '../actors/index.js';
import { dayNumber, monthNumber } from '../columns/index.js';
import { coveredSpans } from '../coverage/index.js';
import { countsInDistrict, type DatasetInfo, type Incident } from '../incident/index.js';
import { matchEvents, MATCH_RULE, type CheckedEvent, type EventPair, type MatchOptions } from './match.js';

export { MATCH_RULE, type CheckedEvent, type EventPair } from './match.js';

/** Inclusive month-number spans. */
export type Spans = { from: number; to: number }[];

/** The months both datasets cover (and, given a window, within it): the only months their counts can be set side by side. */
export function commonSpans(
	a: Pick<DatasetInfo, 'releases' | 'dateRange'>,
	b: Pick<DatasetInfo, 'releases' | 'dateRange'>,
	window: Spans[number] | null = null
): Spans {
	const spans = (info: typeof a) => coveredSpans({ ...info, format: 'CSV' }).map(({ from, to }) => ({ from, to }));
	const common = intersect(spans(a), spans(b));
	return window ? intersect(common, [window]) : common;
}

function intersect(x: Spans, y: Spans): Spans {
	const out: Spans = [];
	for (const s of x)
		for (const t of y) {
			const from = Math.max(s.from, t.from);
			const to = Math.min(s.to, t.to);
			if (from <= to) out.push({ from, to });
		}
	return out.sort((p, q) => p.from - q.from);
}

export interface SourceEvent extends CheckedEvent {
	/** Row in the dataset's incidents. */
	row: number;
	district: number;
}

/** The events a cross-check counts: in one of the districts (the map's join) and in the common months. */
export function checkedEvents(incidents: readonly Incident[], assignment: ArrayLike<number>, spans: Spans): SourceEvent[] {
	const out: SourceEvent[] = [];
	incidents.forEach((inc, row) => {
		const district = assignment[row]!;
		const month = monthNumber(inc.date);
		if (district < 0 || !spans.some((s) => month >= s.from && month <= s.to)) return;
		const matchable = inc.datePrecision === 'day' && inc.lon !== null && inc.lat !== null && countsInDistrict(inc.placePrecision);
		out.push({ row, district, day: dayNumber(inc.date), lon: inc.lon ?? NaN, lat: inc.lat ?? NaN, matchable });
	});
	return out;
}

export interface DistrictCheck {
	a: number;
	b: number;
	/** B − A. */
	difference: number;
	/** Events of each source in the district matched with one of the other's (wherever that one lies). */
	matchedA: number;
	matchedB: number;
	/** Matched share of each source's events in the district; null with none. */
	shareA: number | null;
	shareB: number | null;
}

export interface CrossCheck {
	districts: DistrictCheck[];
	totals: { a: number; b: number; pairs: number; unmatchableA: number; unmatchableB: number; shareA: number | null; shareB: number | null };
	/** Spearman's ρ of the two counts over every district (midranks for ties); null when one source has the same count everywhere. */
	spearman: number | null;
	/** The districts whose ranks differ most, most first. */
	disagree: { district: number; rankA: number; rankB: number }[];
	pairs: EventPair[];
	/** Index into `a` / `b` events of each one left unmatched (the matchable ones and the others alike). */
	unmatchedA: number[];
	unmatchedB: number[];
}

const share = (matched: number, of: number) => (of === 0 ? null : matched / of);

/** @param a, b each source's events (checkedEvents); @param districtCount the districts they are counted in. */
export function crossCheck(a: readonly SourceEvent[], b: readonly SourceEvent[], districtCount: number, rule: MatchOptions = MATCH_RULE, most = 5): CrossCheck {
	const { pairs, partnerOfA, partnerOfB } = matchEvents(a, b, rule);
	const districts: DistrictCheck[] = Array.from({ length: districtCount }, () => ({
		a: 0,
		b: 0,
		difference: 0,
		matchedA: 0,
		matchedB: 0,
		shareA: null,
		shareB: null
	}));
	a.forEach((e, i) => {
		districts[e.district]!.a++;
		if (partnerOfA[i] !== -1) districts[e.district]!.matchedA++;
	});
	b.forEach((e, j) => {
		districts[e.district]!.b++;
		if (partnerOfB[j] !== -1) districts[e.district]!.matchedB++;
	});
	for (const d of districts) Object.assign(d, { difference: d.b - d.a, shareA: share(d.matchedA, d.a), shareB: share(d.matchedB, d.b) });
	const countsA = districts.map((d) => d.a);
	const countsB = districts.map((d) => d.b);
	const rho = districtCount > 1 ? sampleRankCorrelation(countsA, countsB) : NaN;
	const [ranksA, ranksB] = [rankDescending(countsA), rankDescending(countsB)];
	const disagree = districts
		.map((_, district) => ({ district, rankA: ranksA[district]!, rankB: ranksB[district]! }))
		.filter((d) => d.rankA !== d.rankB)
		.sort((x, y) => Math.abs(y.rankA - y.rankB) - Math.abs(x.rankA - x.rankB) || x.district - y.district)
		.slice(0, most);
	const unmatched = (partner: Int32Array) => [...partner.keys()].filter((i) => partner[i] === -1);
	return {
		districts,
		totals: {
			a: a.length,
			b: b.length,
			pairs: pairs.length,
			unmatchableA: a.filter((e) => !e.matchable).length,
			unmatchableB: b.filter((e) => !e.matchable).length,
			shareA: share(pairs.length, a.length),
			shareB: share(pairs.length, b.length)
		},
		spearman: Number.isFinite(rho) ? rho : null,
		disagree,
		pairs,
		unmatchedA: unmatched(partnerOfA),
		unmatchedB: unmatched(partnerOfB)
	};
}

/** Rank 1 = most events; tied counts share the mean of their ranks (as Spearman's ρ ranks them). */
export function rankDescending(values: readonly number[]): number[] {
	const order = values.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]);
	const ranks = new Array<number>(values.length);
	for (let i = 0; i < order.length;) {
		let j = i;
		while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
		for (let k = i; k <= j; k++) ranks[order[k]![1]] = (i + j) / 2 + 1;
		i = j + 1;
	}
	return ranks;
}

/** What each source counts, and how the two differ: every codebook's inclusion rule, and a dataset holding one event type only. */
const CODEBOOK_SCOPE = {
	GTD: 'terrorist attacks, with or without deaths (GTD inclusion criteria)',
	'UCDP GED': 'organised violence with at least one death (state-based, non-state and one-sided)',
	ACLED: 'political violence and protest events (ACLED)',
	mapped: null
} as const;

export function scopeOf(info: Pick<DatasetInfo, 'format' | 'codebook'>, eventTypes: readonly string[]): string {
	const rule = CODEBOOK_SCOPE[codebookOf(info)] ?? 'the events the file holds';
	return eventTypes.length === 1 ? `${rule}; ${eventTypes[0]} only` : rule;
}

/** A sentence when the two scopes differ (the counts then differ by design, not only by error); null when they agree. */
export function scopeDifference(a: { name: string; scope: string }, b: { name: string; scope: string }): string | null {
	if (a.scope === b.scope) return null;
	return `Their scopes differ: ${a.name} counts ${a.scope}; ${b.name} counts ${b.scope}. Some of the difference is by design.`;
}
