import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, buffer, lineString } from '@turf/turf';
import { corridorTally, rankSegments, routeExposure, routeSummary, type RouteSummaryInput } from './index.js';
import { ROLES } from '../actors/index.js';
import { countsInDistrict, type Incident } from '../incident/index.js';
import { committedDataset } from '../../../tests/unit/sources.js';
import { incidentWith } from '../incident/blank.js';
import { lazy } from '../../../tests/unit/lazy.js';

// Test fixture incidents (not real) near a straight route along the equator.
const at = (lon: number, lat: number, killed = 1): Incident =>
	incidentWith({
		id: `${lon},${lat}`,
		date: '2023-01-01',
		lon,
		lat,
		placePrecision: 'exact',
		killed,
		wounded: 0
	});

describe('routeExposure', () => {
	const route: [number, number][] = [
		[70, 0],
		[70.9, 0]
	]; // 100.08 km
	const incidents = [at(70.05, 0.03), at(70.5, 0.06), at(70.52, -0.02, 3), at(70.53, 0.01, 2), at(71.5, 0)];
	const r = lazy(() => routeExposure(route, incidents, [1, 1, 1, 1, 1], { halfWidthKm: 5, segmentKm: 10 }));
	it('cuts the route into 10 km segments', () => {
		expect(r().lengthKm).toBeCloseTo(100.08, 1);
		expect(r().segments).toHaveLength(11);
		expect(r().segments[0]!.toKm).toBeCloseTo(10, 6);
	});
	it('finds the incidents within the corridor distance (the drawn buffer agrees away from its edge)', () => {
		const corridor = buffer(lineString(route), 5, { units: 'kilometers' })!;
		const inBuffer = incidents.map((inc, i) => (booleanPointInPolygon([inc.lon!, inc.lat!], corridor) ? i : -1)).filter((i) => i >= 0);
		expect(r().inCorridor).toEqual(inBuffer);
		expect(r().inCorridor).toEqual([0, 2, 3]); // 3.3 km in; 6.7 km out; 2.2 and 1.1 km in; beyond the end out
	});
	it('ranks the segments by the incidents nearest to each', () => {
		const ranked = rankSegments(r().segments);
		expect(ranked[0]).toMatchObject({ index: 5, incidents: 2, killed: 5 }); // 50–60 km: two incidents
		expect(ranked[1]).toMatchObject({ index: 0, incidents: 1 });
		expect(r().segments.reduce((a, s) => a + s.incidents, 0)).toBe(3);
	});
	const summary = (over: Partial<RouteSummaryInput> = {}) =>
		routeSummary({
			exposure: r(),
			waypoints: 2,
			halfWidthKm: 5,
			dataset: 'fixture',
			dateRange: ['2023-01-01', '2023-01-31'],
			filters: 'none',
			roles: ROLES.GTD,
			...over
		});
	it('says the route check in one paragraph, every figure from the exposure', () => {
		expect(summary()).toBe(
			'Within a route of 100.1 km (2 points), 5 km either side, the loaded data (fixture, 1 Jan 2023 – 31 Jan 2023) record 3 incidents, with 6 killed and 0 wounded. ' +
				'The most exposed of its 11 segments is km 50–60, with 2 incidents; 9 record none.'
		);
	});
	it('names the filters, and says the wounded are not recorded where the source records none', () => {
		const text = summary({ filters: 'type: Bombing', roles: ROLES['UCDP GED'] });
		expect(text).toContain(
			'(fixture, 1 Jan 2023 – 31 Jan 2023; filters: type: Bombing) record 3 incidents, with 6 killed; the wounded are not recorded by UCDP.'
		);
		expect(text).not.toContain('0 wounded');
	});
	it('says when the corridor holds no incident', () => {
		const none = routeExposure(route, incidents, [0, 0, 0, 0, 0], { halfWidthKm: 5, segmentKm: 10 });
		expect(summary({ exposure: none, dateRange: null })).toBe(
			'The loaded data (fixture) record no incident within a route of 100.1 km (2 points), 5 km either side.'
		);
	});
});

describe('routeExposure at the ends of the route, and what it leaves out', () => {
	const route: [number, number][] = [
		[70, 0],
		[70.9, 0]
	];
	const incidents = [
		at(69.99, 0.01), // 1.6 km before the start: inside the corridor's round end
		{ ...at(70.91, 0), killed: null, wounded: 2 }, // 1.1 km past the end
		at(70.5, 0.01), // on the route, but left out by the filter
		{ ...at(70.3, 0.01), placePrecision: 'province' as const }, // only a province: not placed on the route
		{ ...at(70.4, 0, 4), lon: null } // no coordinates
	];
	const r = lazy(() => routeExposure(route, incidents, [1, 1, 0, 1, 1], { halfWidthKm: 5, segmentKm: 10 }));
	it('counts incidents past either end that are within the corridor, in the end segments', () => {
		expect(r().inCorridor).toEqual([0, 1]);
		expect(r().segments[0]).toMatchObject({ incidents: 1, killed: 1, wounded: 0 });
		expect(r().segments.at(-1)).toMatchObject({ incidents: 1, killed: 0, wounded: 2 });
	});
	it('counts a toll the source does not give apart, never as 0', () => {
		expect(r().segments.at(-1)).toMatchObject({ killedUnknown: 1, woundedUnknown: 0 });
		expect(r().segments[0]).toMatchObject({ killedUnknown: 0, woundedUnknown: 0 });
		expect(corridorTally(r().segments)).toEqual({ incidents: 2, killed: 1, wounded: 2, killedUnknown: 1, woundedUnknown: 0, districtLevel: 0 });
	});
	it('ranks by killed when incidents tie, then by route order', () => {
		expect(rankSegments(r().segments).map((s) => s.index)).toEqual([0, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});
	it('refuses a route of one point', () => {
		expect(() => routeExposure([[70, 0]], incidents, [1, 1, 1, 1, 1], { halfWidthKm: 5, segmentKm: 10 })).toThrow('A route needs at least two points.');
	});
});

/** Great-circle brute force, independent of Turf: sample the route every ~20 m by spherical interpolation. */
const R = 6371.0088;
const rad = Math.PI / 180;
const toVec = ([lon, lat]: [number, number]) =>
	[Math.cos(lat * rad) * Math.cos(lon * rad), Math.cos(lat * rad) * Math.sin(lon * rad), Math.sin(lat * rad)] as const;
const haversineKm = (a: [number, number], b: [number, number]) => {
	const h = Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
	return 2 * R * Math.asin(Math.sqrt(h));
};
function sampleRoute(route: [number, number][], stepKm: number): { p: [number, number]; alongKm: number }[] {
	const out: { p: [number, number]; alongKm: number }[] = [];
	let along = 0;
	for (let k = 0; k + 1 < route.length; k++) {
		const a = toVec(route[k]!);
		const b = toVec(route[k + 1]!);
		const omega = Math.acos(Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
		const legKm = omega * R;
		const n = Math.ceil(legKm / stepKm);
		for (let i = 0; i <= n; i++) {
			const t = i / n;
			const wa = Math.sin((1 - t) * omega) / Math.sin(omega);
			const wb = Math.sin(t * omega) / Math.sin(omega);
			const [x, y, z] = [wa * a[0] + wb * b[0], wa * a[1] + wb * b[1], wa * a[2] + wb * b[2]];
			out.push({ p: [Math.atan2(y, x) / rad, Math.atan2(z, Math.hypot(x, y)) / rad], alongKm: along + t * legKm });
		}
		along += legKm;
	}
	return out;
}

describe('routeExposure on real data, against a brute-force distance to the route', () => {
	// Peshawar → Kohat → Bannu → Dera Ismail Khan (district seats), GTD 2008.
	const route: [number, number][] = [
		[71.5785, 34.008],
		[71.4419, 33.5869],
		[70.604, 32.986],
		[70.902, 31.832]
	];
	const { incidents } = committedDataset('gtd-2008');
	const include = new Uint8Array(incidents.length).fill(1);
	const halfWidthKm = 10;
	const segmentKm = 20;
	const r = lazy(() => routeExposure(route, incidents, include, { halfWidthKm, segmentKm }));
	const samples = sampleRoute(route, 0.02);

	it('counts the same incidents per segment, apart from points within 50 m of an edge (listed)', () => {
		const expected = new Array(r().segments.length).fill(0);
		const edge: string[] = [];
		const inCorridor = new Set(r().inCorridor);
		let differences = 0;
		incidents.forEach((inc, i) => {
			if (inc.lon === null || inc.lat === null || !countsInDistrict(inc.placePrecision)) return;
			let best = { km: Infinity, alongKm: 0 };
			for (const s of samples) {
				const km = haversineKm([inc.lon, inc.lat], s.p);
				if (km < best.km) best = { km, alongKm: s.alongKm };
			}
			const nearCorridorEdge = Math.abs(best.km - halfWidthKm) < 0.05;
			// Between two segments (not the route's start or end, which border no other segment).
			const cut = Math.round(best.alongKm / segmentKm);
			const boundary = cut > 0 && cut < r().segments.length && Math.abs(best.alongKm - cut * segmentKm) < 0.05;
			if (nearCorridorEdge || (best.km <= halfWidthKm && boundary)) {
				edge.push(`${inc.id}: ${best.km.toFixed(3)} km from the route at ${best.alongKm.toFixed(2)} km`);
				// Either answer is right here; count it where the engine did, so the rest compares exactly.
				if (inCorridor.has(i)) expected[r().segments.findIndex((s) => s.fromKm <= best.alongKm + 0.05 && best.alongKm - 0.05 <= s.toKm)]++;
				return;
			}
			if (best.km > halfWidthKm) {
				if (inCorridor.has(i)) differences++;
				return;
			}
			if (!inCorridor.has(i)) differences++;
			expected[Math.min(r().segments.length - 1, Math.floor(best.alongKm / segmentKm))]++;
		});
		if (edge.length) console.log(`route cross-check: ${edge.length} incident(s) within 50 m of an edge:\n  ${edge.join('\n  ')}`);
		expect(differences).toBe(0);
		expect(r().segments.map((s) => s.incidents)).toEqual(expected);
		// A real test: the corridor holds a good share of the year's incidents along this road.
		expect(r().inCorridor.length).toBeGreaterThan(40);
		expect(r().lengthKm).toBeCloseTo(samples.at(-1)!.alongKm, 0);
	});
});
