/**
 * Matched events: an event of source A and one of source B are taken for the same event when their
 * dates are within `maxDays` and their points within `maxKm` (geodesic, turf.distance). Each event
 * is matched at most once, nearest pair first (ties: fewer days apart, then file order), so the
 * result does not depend on which source is called A.
 */
import { distance } from '@turf/turf';

export interface CheckedEvent {
	/** Days since 1970-01-01 (UTC). */
	day: number;
	lon: number;
	lat: number;
	/** Date known to the day and a place fine enough to count in a district: only these can be matched. */
	matchable: boolean;
}

export interface EventPair {
	a: number;
	b: number;
	km: number;
	days: number;
}

export interface MatchOptions {
	maxDays: number;
	maxKm: number;
}

export const MATCH_RULE: MatchOptions = { maxDays: 1, maxKm: 25 };

export interface Matches {
	/** The pairs, nearest first. */
	pairs: EventPair[];
	/** partnerOfA[i]: the B event matched with A's event i, or −1. */
	partnerOfA: Int32Array;
	partnerOfB: Int32Array;
}

/** Every pair of matchable events within the rule, from B's events grouped by day (a brute-force search is the test's). */
export function candidatePairs(a: readonly CheckedEvent[], b: readonly CheckedEvent[], { maxDays, maxKm }: MatchOptions = MATCH_RULE): EventPair[] {
	const byDay = new Map<number, number[]>();
	b.forEach((e, j) => {
		if (!e.matchable) return;
		const list = byDay.get(e.day);
		if (list) list.push(j);
		else byDay.set(e.day, [j]);
	});
	const pairs: EventPair[] = [];
	a.forEach((ea, i) => {
		if (!ea.matchable) return;
		for (let day = ea.day - maxDays; day <= ea.day + maxDays; day++) {
			for (const j of byDay.get(day) ?? []) {
				const eb = b[j]!;
				const km = distance([ea.lon, ea.lat], [eb.lon, eb.lat], { units: 'kilometers' });
				if (km <= maxKm) pairs.push({ a: i, b: j, km, days: Math.abs(day - ea.day) });
			}
		}
	});
	return pairs;
}

/** Nearest first, each event at most once (greedy over the candidate pairs sorted by distance). */
export function matchEvents(a: readonly CheckedEvent[], b: readonly CheckedEvent[], options: MatchOptions = MATCH_RULE): Matches {
	return greedyMatch(candidatePairs(a, b, options), a.length, b.length);
}

/** The greedy assignment over given candidates: shared by the indexed search and the test's brute force. */
export function greedyMatch(candidates: EventPair[], aCount: number, bCount: number): Matches {
	const sorted = [...candidates].sort((x, y) => x.km - y.km || x.days - y.days || x.a - y.a || x.b - y.b);
	const partnerOfA = new Int32Array(aCount).fill(-1);
	const partnerOfB = new Int32Array(bCount).fill(-1);
	const pairs: EventPair[] = [];
	for (const p of sorted) {
		if (partnerOfA[p.a] !== -1 || partnerOfB[p.b] !== -1) continue;
		partnerOfA[p.a] = p.b;
		partnerOfB[p.b] = p.a;
		pairs.push(p);
	}
	return { pairs, partnerOfA, partnerOfB };
}
