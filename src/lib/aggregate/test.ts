import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { aggregate, assignColumns, assignIncidents, COARSE_LOCATION, metricValue, monthlyOf, OUTSIDE, rankDescending, UNLOCATED } from './index.js';
import { formatMetric } from '../format/index.js';
import { classBreaks, classOf, NO_FIGURE_CLASS } from '../classify/index.js';
import { dayNumber, emptyColumns, isoMonth, PRECISIONS, toColumns, type IncidentColumns } from '../columns/index.js';
import { aggregateWindow, buildTimeCube, cubeKey, monthWindow } from './timecube.js';
import { groupCells } from './cells.js';
import { buildJoinIndex } from '../join/index.js';
import { seededRandom, syntheticColumns } from '../join/synthetic.js';
import { windowDays } from '../viewstate/index.js';
import type { IncidentFilter } from '../filter/index.js';
import type { Incident } from '../incident/index.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';
import { squareDistrict } from '../districts/test-squares.js';

const { districts } = committedBaseMap();
const slugIndex = (slug: string) => districts.findIndex((d) => d.properties.slug === slug);

describe('assignIncidents on the bundled GTD 2008 data', () => {
	const { incidents } = committedDataset('gtd-2008');
	const assignment = assignIncidents(incidents, districts);
	const cols = toColumns(incidents);
	const totals = aggregate(cols, assignment, districts.length);

	it('puts a real 2008 Peshawar incident in Peshawar', () => {
		const peshawar = incidents.findIndex((i) => i.place === 'Peshawar' && i.placePrecision === 'exact');
		expect(peshawar).toBeGreaterThanOrEqual(0);
		expect(assignment[peshawar]).toBe(slugIndex('peshawar'));
	});
	it('reports the 2 null-geometry rows as unlocated and the 5 province centroids separately', () => {
		expect(totals.unlocated.incidents).toBe(2);
		expect(totals.coarse.incidents).toBe(5);
	});
	// The expected figures do not come from the code's own sums: each district's count is a naive
	// Turf loop over the raw rows, and the totals are the file's (567 rows: 491 in a district, 69 in
	// Sindh, Punjab or Afghanistan, 5 at province centroids, 2 without a point).
	it('adds up: 491 in districts + 69 outside + 5 coarse + 2 unlocated = 567 rows, each district as Turf counts it', () => {
		expect([totals.inDistricts.incidents, totals.outside.incidents, totals.coarse.incidents, totals.unlocated.incidents, totals.rows]).toEqual([
			491, 69, 5, 2, 567
		]);
		const turfCount = new Array<number>(districts.length).fill(0);
		for (const i of incidents) {
			if (i.lon === null || i.lat === null || !['exact', 'near', 'district'].includes(i.placePrecision)) continue;
			const d = districts.findIndex((district) => booleanPointInPolygon([i.lon!, i.lat!], district));
			if (d >= 0) turfCount[d]!++;
		}
		expect(totals.byDistrict.map((t) => t.incidents)).toEqual(turfCount);
	});
	// Independent of the code's sums: each district-month's known killed and wounded read off the raw rows.
	it('lays known killed and wounded out per district and month, as the raw rows give them', () => {
		const monthCount = totals.months.last - totals.months.first + 1;
		const killed = new Float64Array(districts.length * monthCount);
		const wounded = new Float64Array(districts.length * monthCount);
		incidents.forEach((inc, i) => {
			if (assignment[i]! < 0) return;
			const at = assignment[i]! * monthCount + (Number(inc.date.slice(0, 4)) - 1970) * 12 + Number(inc.date.slice(5, 7)) - 1 - totals.months.first;
			killed[at]! += inc.killed ?? 0;
			wounded[at]! += inc.wounded ?? 0;
		});
		expect([...totals.killedMonthly]).toEqual([...killed]);
		expect([...totals.woundedMonthly]).toEqual([...wounded]);
		expect(Array.from(monthlyOf(totals, 'casualties')).reduce((a, b) => a + b, 0)).toBe(totals.inDistricts.killed + totals.inDistricts.wounded);
	});
	it('agrees with the naive Turf loop for every located incident', () => {
		incidents.forEach((incident, i) => {
			if (assignment[i]! < 0) return;
			expect(booleanPointInPolygon([incident.lon!, incident.lat!], districts[assignment[i]!]!)).toBe(true);
		});
		const outsideIdx = incidents.findIndex((_, i) => assignment[i] === OUTSIDE);
		const o = incidents[outsideIdx]!;
		expect(districts.some((d) => booleanPointInPolygon([o.lon!, o.lat!], d))).toBe(false);
	});
	it('puts incidents recorded in Sindh/Punjab outside, and most recorded in Balochistan in a Balochistan district', () => {
		const located = incidents.map((inc, i) => ({ inc, code: assignment[i]! })).filter(({ code }) => code !== UNLOCATED && code !== COARSE_LOCATION);
		const sindh = located.filter(({ inc }) => inc.provinceRecorded === 'Sindh');
		expect(sindh.length).toBeGreaterThan(30);
		expect(sindh.every(({ code }) => code === OUTSIDE)).toBe(true);
		const bal = located.filter(({ inc }) => inc.provinceRecorded === 'Balochistan');
		const inBal = bal.filter(({ code }) => code >= 0 && districts[code]!.properties.province === 'Balochistan');
		expect(inBal.length / bal.length).toBeGreaterThan(0.95);
	});
	it('re-aggregates a date window from the typed columns, and the identity still holds', () => {
		const march = aggregate(cols, assignment, districts.length, { dayFrom: dayNumber('2008-03-01'), dayTo: dayNumber('2008-03-31') });
		const expected = incidents.filter((i) => i.date >= '2008-03-01' && i.date <= '2008-03-31');
		expect(march.rows).toBe(expected.length);
		expect(march.inDistricts.incidents + march.outside.incidents + march.coarse.incidents + march.unlocated.incidents).toBe(march.rows);
		const peshawar = slugIndex('peshawar');
		expect(march.byDistrict[peshawar]!.incidents).toBe(expected.filter((i) => assignment[incidents.indexOf(i)] === peshawar).length);
	});
	it('sums killed over known tolls only and counts unknown tolls', () => {
		const known = incidents.filter((i) => i.killed !== null).reduce((s, i) => s + i.killed!, 0);
		const all = totals.inDistricts.killed + totals.outside.killed + totals.coarse.killed + totals.unlocated.killed;
		expect(all).toBe(known);
		const unknown = totals.inDistricts.killedUnknown + totals.outside.killedUnknown + totals.coarse.killedUnknown + totals.unlocated.killedUnknown;
		expect(unknown).toBe(incidents.filter((i) => i.killed === null).length);
	});
});

describe('edge rule (test fixture squares, not real districts)', () => {
	const squares = [squareDistrict('a-west', 0), squareDistrict('b-east', 1)];
	const at = (lon: number, lat: number, placePrecision: Incident['placePrecision'] = 'exact') =>
		({ lon, lat, placePrecision, date: '2008-01-01', killed: null, wounded: null }) as Incident;

	it('gives a point on a shared edge or vertex to the first district in slug order', () => {
		expect([...assignIncidents([at(1, 0.5), at(1, 1), at(2, 0.5)], squares)]).toEqual([0, 0, 1]);
	});
	it('sorts coarse and unlocated points before any geometry test', () => {
		expect([...assignIncidents([at(0.5, 0.5, 'province'), { ...at(0, 0), lon: null, lat: null }, at(5, 5)], squares)]).toEqual([
			COARSE_LOCATION,
			UNLOCATED,
			OUTSIDE
		]);
	});
});

describe('metrics and ranks', () => {
	const six = { incidents: 6, killed: 3, wounded: 0, killedUnknown: 0, woundedUnknown: 0 };
	it('computes density per 1,000 km²', () => {
		expect(metricValue(six, 'incidents', 'area', { areaKm2: 1500, population: null })).toBeCloseTo(4);
	});
	it('computes rates per 100,000 people', () => {
		expect(metricValue(six, 'killed', 'people', { areaKm2: 1500, population: 300_000 })).toBeCloseTo(1);
		expect(metricValue(six, 'incidents', 'count', { areaKm2: 1500, population: 300_000 })).toBe(6);
	});
	it('gives no figure (NaN, never 0) per person where the census has no population', () => {
		expect(metricValue(six, 'incidents', 'people', { areaKm2: 1500, population: null })).toBeNaN();
		expect(formatMetric(NaN, true)).toBe('no census figure');
	});
	it('ranks with ties sharing a rank', () => {
		expect(rankDescending([5, 9, 5, 0])).toEqual([2, 1, 2, 4]);
	});
	it('leaves a district without a figure unranked, and out of every class', () => {
		expect(rankDescending([5, NaN, 9])).toEqual([2, NaN, 1]);
		const breaks = classBreaks([5, NaN, 9, 0], { method: 'equal', count: 2 });
		expect(breaks.counts.reduce((a, b) => a + b, 0) + breaks.zeroCount).toBe(3);
		expect(classOf(NaN, breaks)).toBe(NO_FIGURE_CLASS);
	});
});

describe('time cube: a window from per-month sums equals a full pass (property test)', () => {
	const { districts } = committedBaseMap();
	const rnd = seededRandom(2026);
	const pick = <T>(xs: readonly T[], p: number) => xs.filter(() => rnd() < p);
	/** Real datasets, and synthetic rows with random categories, casualties and precisions. */
	function synthetic(n: number) {
		const cols = syntheticColumns(n, [60.9, 24.9, 74.1, 36.9], [dayNumber('2019-01-01'), dayNumber('2026-10-31')], 7);
		cols.labels = { actor: ['(not recorded)', 'A', 'B', 'C', 'D'], eventType: ['(not recorded)', 'x', 'y'], target: ['(not recorded)', 'p', 'q', 'r'] };
		for (let i = 0; i < n; i++) {
			cols.actor[i] = Math.floor(rnd() * 5);
			cols.eventType[i] = Math.floor(rnd() * 3);
			cols.target[i] = Math.floor(rnd() * 4);
			cols.suicide[i] = Math.floor(rnd() * 3) - 1;
			cols.precision[i] = Math.floor(rnd() * PRECISIONS.length);
			if (rnd() < 0.05) cols.lon[i] = cols.lat[i] = NaN;
		}
		return cols;
	}
	const sets = [...['gtd-2008', 'gtd-2015-bombings'].map((id) => toColumns(committedDataset(id).incidents)), synthetic(20_000)].map((cols) => {
		const assignment = assignColumns(cols, buildJoinIndex(districts));
		return { cols, assignment, cells: groupCells(cols, assignment, districts.length) };
	});

	function randomFilter(cols: IncidentColumns): IncidentFilter {
		const months: number[] = [];
		for (let i = 0; i < cols.length; i++) months.push(cols.month[i]!);
		const [lo, hi] = [Math.min(...months), Math.max(...months)];
		const a = lo - 2 + Math.floor(rnd() * (hi - lo + 5));
		const b = a + Math.floor(rnd() * (hi - lo + 3));
		const window = rnd() < 0.2 ? {} : windowDays([isoMonth(a), isoMonth(Math.max(a, b))]);
		return {
			...window,
			actor: pick(cols.labels.actor, 0.3),
			eventType: pick(cols.labels.eventType, 0.3),
			target: pick(cols.labels.target, 0.2),
			...(rnd() < 0.2 ? { suicide: rnd() < 0.5 ? ('yes' as const) : ('no' as const) } : {}),
			minCasualties: rnd() < 0.2 ? Math.floor(rnd() * 4) : 0,
			precision: pick(PRECISIONS, 0.2)
		};
	}

	it('matches district totals, buckets, passing rows, facets and histograms on 300 random filters: 0 mismatches', () => {
		let mismatches = 0;
		for (let run = 0; run < 300; run++) {
			const { cols, assignment, cells } = sets[run % sets.length]!;
			const filter = randomFilter(cols);
			const window = monthWindow(filter);
			expect(window).not.toBeNull();
			const fast = aggregateWindow(buildTimeCube(cells, filter), window!);
			const exact = aggregate(cols, assignment, districts.length, filter);
			if (JSON.stringify(fast) !== JSON.stringify(exact)) {
				mismatches++;
				expect(fast, `run ${run}: ${JSON.stringify(filter)}`).toEqual(exact);
			}
		}
		expect(mismatches).toBe(0);
	});

	it('reuses one cube across windows, and leaves windows that cut months to the full pass', () => {
		const { cols, assignment, cells } = sets[0]!;
		const cube = buildTimeCube(cells, { actor: [] });
		for (const [a, b] of [
			['2008-01', '2008-03'],
			['2008-06', '2008-06'],
			['2007-01', '2009-12']
		] as const) {
			const filter = { ...windowDays([a, b]), actor: [] };
			expect(JSON.stringify(aggregateWindow(cube, monthWindow(filter)!))).toBe(JSON.stringify(aggregate(cols, assignment, districts.length, filter)));
		}
		expect(monthWindow({ dayFrom: dayNumber('2008-01-02'), dayTo: dayNumber('2008-01-31') })).toBeNull();
		expect(monthWindow({ dayFrom: dayNumber('2008-01-01'), dayTo: dayNumber('2008-01-30') })).toBeNull();
		expect(cubeKey({ dayFrom: 1, dayTo: 2, actor: ['A'] })).toBe(cubeKey({ actor: ['A'] }));
	});
});

describe('groupCells: rows no filter, district or month tells apart', () => {
	// Hand-made rows: [actor, month offset, district code, killed, wounded].
	const rows: [number, number, number, number, number][] = [
		[1, 0, 3, 1, 2], // casualties 3
		[1, 0, 3, 3, NaN], // casualties 3 too (known), so the same cell as the first
		[1, 0, 3, NaN, NaN], // unknown: a cell of its own
		[1, 1, 3, 1, 2], // next month
		[1, 0, 4, 1, 2], // another district
		[2, 0, 3, 1, 2], // another actor
		[1, 0, OUTSIDE, 1.5, 0], // a fractional figure, outside every district
		[1, 0, OUTSIDE, 0, 1.5] // the same casualty figure
	];
	const cols = emptyColumns(rows.length);
	cols.labels.actor = ['(not recorded)', 'A', 'B'];
	const assignment = new Int32Array(rows.length);
	rows.forEach(([actor, month, code, k, w], i) => {
		cols.actor[i] = actor;
		cols.month[i] = 600 + month;
		cols.day[i] = 18_262 + month * 31;
		cols.killed[i] = k;
		cols.wounded[i] = w;
		assignment[i] = code;
	});
	const cells = groupCells(cols, assignment, districts.length);
	const cellTotals = (c: number) => Array.from(cells.totals.subarray(c * 5, c * 5 + 5));

	it('puts rows the filters cannot tell apart in one cell, and sums their totals there', () => {
		expect(cells.cellCount).toBe(6);
		expect(cells.ofRow[0]).toBe(cells.ofRow[1]);
		expect(cellTotals(cells.ofRow[0]!)).toEqual([2, 4, 2, 0, 1]); // incidents, killed, wounded, killed unknown, wounded unknown
		expect(cells.ofRow[6]).toBe(cells.ofRow[7]);
		expect(cellTotals(cells.ofRow[6]!)).toEqual([2, 1.5, 1.5, 0, 0]);
		expect(new Set([0, 2, 3, 4, 5].map((i) => cells.ofRow[i])).size).toBe(5);
		expect(cells.rows.reduce((a, b) => a + b, 0)).toBe(rows.length);
	});

	it('orders cells by district or bucket, then month, and records each slot', () => {
		const keys = Array.from({ length: cells.cellCount }, (_, c) => cells.slot[c]! * cells.monthCount + cells.cols.month[c]! - cells.months.first);
		expect(keys).toEqual([...keys].sort((a, b) => a - b));
		expect(cells.slot[cells.ofRow[6]!]).toBe(districts.length); // OUTSIDE is the first slot after the districts
	});

	it('answers a casualty filter for every row of a cell as for the row itself', () => {
		for (const minCasualties of [1, 2, 3, 4]) {
			const filter = { minCasualties };
			expect(JSON.stringify(aggregateWindow(buildTimeCube(cells, filter), monthWindow(filter)!))).toBe(
				JSON.stringify(aggregate(cols, assignment, districts.length, filter))
			);
		}
	});
});
