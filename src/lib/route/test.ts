import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, buffer, lineString } from '@turf/turf';
import { rankSegments, routeExposure } from './index.js';
import type { Incident } from '../incident/index.js';

// Test fixture incidents (not real) near a straight route along the equator.
const at = (lon: number, lat: number, killed = 1): Incident => ({
	id: `${lon},${lat}`, date: '2023-01-01', datePrecision: 'day', lon, lat, placePrecision: 'exact', place: null, provinceRecorded: null,
	districtRecorded: null, eventType: null, subType: null, target: null, actor: null, killed, wounded: 0, suicide: null, summary: null, source: null
});

describe('routeExposure', () => {
	const route: [number, number][] = [[70, 0], [70.9, 0]]; // 100.08 km
	const incidents = [at(70.05, 0.03), at(70.5, 0.06), at(70.52, -0.02, 3), at(70.53, 0.01, 2), at(71.5, 0)];
	const r = routeExposure(route, incidents, [1, 1, 1, 1, 1], { halfWidthKm: 5, segmentKm: 10 });
	it('cuts the route into 10 km segments', () => {
		expect(r.lengthKm).toBeCloseTo(100.08, 1);
		expect(r.segments).toHaveLength(11);
		expect(r.segments[0]!.toKm).toBeCloseTo(10, 6);
	});
	it('finds the incidents in the corridor, as turf.buffer computed independently does', () => {
		const corridor = buffer(lineString(route), 5, { units: 'kilometers' })!;
		const expected = incidents.map((inc, i) => (booleanPointInPolygon([inc.lon!, inc.lat!], corridor) ? i : -1)).filter((i) => i >= 0);
		expect(r.inCorridor).toEqual(expected);
		expect(r.inCorridor).toEqual([0, 2, 3]); // 3.3 km in; 6.7 km out; 2.2 and 1.1 km in; beyond the end out
	});
	it('ranks the segments by the incidents nearest to each', () => {
		const ranked = rankSegments(r.segments);
		expect(ranked[0]).toMatchObject({ index: 5, incidents: 2, killed: 5 }); // 50–60 km: two incidents
		expect(ranked[1]).toMatchObject({ index: 0, incidents: 1 });
		expect(r.segments.reduce((a, s) => a + s.incidents, 0)).toBe(3);
	});
});
