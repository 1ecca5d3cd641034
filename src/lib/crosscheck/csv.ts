/** A source cross-check as CSV: one row per district, and one row per event of either source with its match, each stamped with both sources and the rule. */
import { toCsv } from '../export/index.js';
import type { DatasetInfo, Incident } from '../incident/index.js';
import { MATCH_RULE, type CrossCheck, type SourceEvent } from './index.js';

export const CROSSCHECK_METHOD = `same event: dates within ${MATCH_RULE.maxDays} day and points within ${MATCH_RULE.maxKm} km (haversine), each matched at most once, nearest first; only events dated to the day and placed finer than a province are matched; Spearman rank correlation over every district, ties at mid-rank`;

export interface CheckedSource {
	info: DatasetInfo;
	incidents: readonly Incident[];
	events: readonly SourceEvent[];
}

const stampHeaders = ['source_a', 'source_b', 'months', 'method'];
const round = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);

export function crossCheckDistrictsCsv(
	districts: readonly { slug: string; name: string; province: string }[],
	check: CrossCheck,
	a: CheckedSource,
	b: CheckedSource,
	months: string
): string {
	const stamp = [a.info.name, b.info.name, months, CROSSCHECK_METHOD];
	return toCsv(
		[
			'slug',
			'district',
			'province',
			'incidents_a',
			'incidents_b',
			'difference_b_minus_a',
			'matched_a',
			'matched_b',
			'share_matched_a',
			'share_matched_b',
			...stampHeaders
		],
		districts.map((d, i) => {
			const c = check.districts[i]!;
			return [d.slug, d.name, d.province, c.a, c.b, c.difference, c.matchedA, c.matchedB, round(c.shareA), round(c.shareB), ...stamp];
		})
	);
}

export function crossCheckEventsCsv(districts: readonly { name: string }[], check: CrossCheck, a: CheckedSource, b: CheckedSource, months: string): string {
	const stamp = [a.info.name, b.info.name, months, CROSSCHECK_METHOD];
	const pairOf = new Map(
		check.pairs.flatMap((p) => [[`a${p.a}`, { other: b.events[p.b]!, source: b, p }] as const, [`b${p.b}`, { other: a.events[p.a]!, source: a, p }] as const])
	);
	const rows = (side: 'a' | 'b', s: CheckedSource) =>
		s.events.map((e, i) => {
			const inc = s.incidents[e.row]!;
			const m = pairOf.get(`${side}${i}`);
			const status = m ? 'matched' : e.matchable ? 'unmatched' : 'not matchable';
			const partner = m ? m.source.incidents[m.other.row]! : null;
			return [
				s.info.name,
				inc.id,
				inc.date,
				inc.datePrecision,
				inc.lon,
				inc.lat,
				inc.place,
				districts[e.district]!.name,
				status,
				partner?.id,
				partner?.date,
				round(m?.p.km ?? null),
				m?.p.days,
				...stamp
			];
		});
	return toCsv(
		[
			'source',
			'id',
			'date',
			'date_precision',
			'longitude',
			'latitude',
			'place',
			'district',
			'status',
			'matched_id',
			'matched_date',
			'matched_km',
			'matched_days',
			...stampHeaders
		],
		[...rows('a', a), ...rows('b', b)]
	);
}
