import { describe, expect, it } from 'vitest';
import { aggregate, assignIncidents } from '../aggregate/index.js';
import { toColumns } from '../columns/index.js';
import { windowDays } from '../viewstate/index.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';
import { lazy } from '../../../tests/unit/lazy.js';
import { checkedEvents, commonSpans, crossCheck, rankDescending, scopeDifference, scopeOf, type SourceEvent } from './index.js';
import { greedyMatch, matchEvents, type CheckedEvent, type EventPair } from './match.js';
import { crossCheckDistrictsCsv, crossCheckEventsCsv } from './csv.js';
import { monthNumber } from '../columns/index.js';

/** One degree of latitude is 111.195 km on turf's sphere (6371.0088 km): km → degrees north. */
const north = (km: number) => km / 111.19508;
const at = (day: number, latKm: number, matchable = true): CheckedEvent => ({ day, lon: 70, lat: 30 + north(latKm), matchable });

describe('matchEvents: same event within 1 day and 25 km, each once, nearest first', () => {
	it('pairs nearest first: the closer pair wins, the farther one is left unmatched', () => {
		// A0 is 1 km from B0; A1 is 3 km from B0 and 30 km from B1 (too far): A1 stays unmatched.
		const a = [at(0, 0), at(0, 2)];
		const b = [at(0, 1), at(0, 32)];
		const m = matchEvents(a, b);
		expect(m.pairs.map((p) => [p.a, p.b])).toEqual([[0, 0]]);
		expect([...m.partnerOfA]).toEqual([0, -1]);
		expect([...m.partnerOfB]).toEqual([0, -1]);
	});
	it('a nearer pair claims its event before a farther one does, whatever the order of the files', () => {
		// A0–B0 5 km, A1–B0 1 km, A0–B1 10 km: nearest first gives A1–B0 then A0–B1.
		const a = [at(0, 0), at(0, 6)];
		const b = [at(0, 5), at(0, -10)];
		expect(
			matchEvents(a, b)
				.pairs.map((p) => [p.a, p.b])
				.sort()
		).toEqual([
			[0, 1],
			[1, 0]
		]);
	});
	it('1 day apart matches, 2 days do not; 24.9 km matches, 25.1 km does not', () => {
		expect(matchEvents([at(10, 0)], [at(11, 0)]).pairs).toHaveLength(1);
		expect(matchEvents([at(10, 0)], [at(12, 0)]).pairs).toHaveLength(0);
		expect(matchEvents([at(0, 0)], [at(0, 24.9)]).pairs).toHaveLength(1);
		expect(matchEvents([at(0, 0)], [at(0, 25.1)]).pairs).toHaveLength(0);
	});
	it('never matches an event dated only to the month or placed coarser than a district', () => {
		expect(matchEvents([at(0, 0, false)], [at(0, 0)]).pairs).toHaveLength(0);
		expect(matchEvents([at(0, 0)], [at(0, 0, false)]).pairs).toHaveLength(0);
	});
});

describe('rankDescending and Spearman', () => {
	it('ranks most first, ties at their mean rank', () => {
		expect(rankDescending([5, 9, 5, 1])).toEqual([2.5, 1, 2.5, 4]);
	});
	it('equals 1 − 6Σd²/(n(n²−1)) when nothing ties, and null when a source counts the same everywhere', () => {
		const a = [10, 20, 30, 40, 50].map((n, district) => Array.from({ length: n }, (): SourceEvent => ({ ...at(0, 0, false), row: 0, district }))).flat();
		const bCounts = [2, 1, 4, 3, 5];
		const b = bCounts.flatMap((n, district) => Array.from({ length: n }, (): SourceEvent => ({ ...at(0, 0, false), row: 0, district })));
		const d2 = [1, 2, 3, 4, 5].reduce((s, r, i) => s + (r - [2, 1, 4, 3, 5][i]!) ** 2, 0);
		expect(crossCheck(a, b, 5).spearman).toBeCloseTo(1 - (6 * d2) / (5 * 24), 12);
		expect(crossCheck(a, [], 5).spearman).toBeNull();
	});
});

describe('commonSpans and scopes', () => {
	const manifest = lazy(() => ({
		gtd2008: committedDataset('gtd-2008').info,
		gtd2015: committedDataset('gtd-2015-bombings').info,
		ucdp: committedDataset('ucdp').info
	}));
	it('GTD 2008 and UCDP share 2008; GTD 2008 and GTD 2015 share nothing', () => {
		const { gtd2008, gtd2015, ucdp } = manifest();
		expect(commonSpans(gtd2008, ucdp)).toEqual([{ from: monthNumber('2008-01'), to: monthNumber('2008-12') }]);
		expect(commonSpans(gtd2008, gtd2015)).toEqual([]);
		expect(commonSpans(ucdp, gtd2015, { from: monthNumber('2015-03'), to: monthNumber('2016-05') })).toEqual([
			{ from: monthNumber('2015-03'), to: monthNumber('2015-12') }
		]);
	});
	it('says when the scopes differ: one event type only, or another codebook', () => {
		const { gtd2015, gtd2008, ucdp } = manifest();
		const bombings = { name: gtd2015.name, scope: scopeOf(gtd2015, ['Bombing/Explosion']) };
		const ged = { name: ucdp.name, scope: scopeOf(ucdp, ['state-based', 'one-sided']) };
		expect(scopeDifference(bombings, ged)).toMatch(
			/GTD 2015 — bombings\/explosions counts terrorist attacks.*; Bombing\/Explosion only; UCDP GED 22\.1.*at least one death/
		);
		const all = { name: gtd2008.name, scope: scopeOf(gtd2008, ['Bombing/Explosion', 'Armed Assault']) };
		expect(scopeDifference(all, { ...all, name: 'another GTD extract' })).toBeNull();
	});
});

/**
 * The check the issue asks for: GTD 2008 against UCDP GED 2008. Counts per district equal each
 * dataset's own aggregation, and the matched count equals a brute-force search over every pair.
 */
describe('GTD 2008 against UCDP GED 2008', () => {
	const run = lazy(() => {
		const { districts } = committedBaseMap();
		const gtd = committedDataset('gtd-2008');
		const ucdp = committedDataset('ucdp');
		const spans = commonSpans(gtd.info, ucdp.info);
		const sides = [gtd, ucdp].map((ds) => {
			const assignment = assignIncidents(ds.incidents, districts);
			return { ds, assignment, events: checkedEvents(ds.incidents, assignment, spans) };
		});
		return { districts, sides, check: crossCheck(sides[0]!.events, sides[1]!.events, districts.length) };
	});

	it("counts each district as each dataset's own aggregation of 2008 does", () => {
		const { districts, sides, check } = run();
		const own = sides.map(
			({ ds, assignment }) => aggregate(toColumns(ds.incidents), assignment, districts.length, windowDays(['2008-01', '2008-12'])).byDistrict
		);
		expect(check.districts.map((d) => d.a)).toEqual(own[0]!.map((t) => t.incidents));
		expect(check.districts.map((d) => d.b)).toEqual(own[1]!.map((t) => t.incidents));
		expect(check.totals.a).toBeGreaterThan(300);
		expect(check.totals.b).toBeGreaterThan(100);
		expect(check.districts.every((d) => d.difference === d.b - d.a)).toBe(true);
	});

	it('matches as many events as a brute-force search over every pair, and leaves no matchable pair unmatched', () => {
		const { sides, check } = run();
		const [a, b] = [sides[0]!.events, sides[1]!.events];
		const all: EventPair[] = [];
		a.forEach((ea, i) =>
			b.forEach((eb, j) => {
				if (!ea.matchable || !eb.matchable || Math.abs(ea.day - eb.day) > 1) return;
				// Haversine written out (R = 6371.0088 km, turf's), not turf.distance.
				const rad = Math.PI / 180;
				const h = Math.sin(((eb.lat - ea.lat) * rad) / 2) ** 2 + Math.cos(ea.lat * rad) * Math.cos(eb.lat * rad) * Math.sin(((eb.lon - ea.lon) * rad) / 2) ** 2;
				const km = 2 * 6371.0088 * Math.asin(Math.sqrt(h));
				if (km <= 25) all.push({ a: i, b: j, km, days: Math.abs(ea.day - eb.day) });
			})
		);
		const brute = greedyMatch(all, a.length, b.length);
		expect(check.pairs.length).toBe(brute.pairs.length);
		expect(check.pairs.length).toBeGreaterThan(20);
		expect(check.pairs.map((p) => [p.a, p.b])).toEqual(brute.pairs.map((p) => [p.a, p.b]));
		// Maximal: no pair within the rule has both ends unmatched.
		const unmatchedA = new Set(check.unmatchedA);
		const unmatchedB = new Set(check.unmatchedB);
		expect(all.filter((p) => unmatchedA.has(p.a) && unmatchedB.has(p.b))).toEqual([]);
		expect(check.unmatchedA.length + check.pairs.length).toBe(a.length);
		expect(check.unmatchedB.length + check.pairs.length).toBe(b.length);
		// Matched per district adds up to the pairs, on either side.
		expect(check.districts.reduce((s, d) => s + d.matchedA, 0)).toBe(check.pairs.length);
		expect(check.districts.reduce((s, d) => s + d.matchedB, 0)).toBe(check.pairs.length);
	});

	it('writes every district and every event of both sources to CSV, with the match of each', () => {
		const { districts, sides, check } = run();
		const names = districts.map((d) => d.properties);
		const src = sides.map(({ ds, events }) => ({ info: ds.info, incidents: ds.incidents, events }));
		const byDistrict = crossCheckDistrictsCsv(names, check, src[0]!, src[1]!, '2008').trim().split('\r\n');
		expect(byDistrict).toHaveLength(districts.length + 1);
		const peshawar = districts.findIndex((d) => d.properties.slug === 'peshawar');
		expect(byDistrict[peshawar + 1]).toContain(`peshawar,Peshawar,Khyber Pakhtunkhwa,${check.districts[peshawar]!.a},${check.districts[peshawar]!.b},`);
		const events = crossCheckEventsCsv(names, check, src[0]!, src[1]!, '2008').trim().split('\r\n');
		expect(events).toHaveLength(1 + check.totals.a + check.totals.b);
		expect(events.filter((l) => l.includes(',matched,'))).toHaveLength(2 * check.pairs.length);
	});
});
