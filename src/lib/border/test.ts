import { describe, expect, it } from 'vitest';
import { along, bearing, booleanPointInPolygon, destination, distance, length, lineString, pointToLineDistance } from '@turf/turf';
import { BAND_LIMITS_KM, bandOf, borderIndex, countInBands, distanceToBorderKm, nearestBorderKm } from './index.js';
import { distanceToLine } from '../risk/index.js';
import type { Incident } from '../incident/index.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';
import { incidentWith } from '../incident/blank.js';
import { lazy } from '../../../tests/unit/lazy.js';

const { border, provinces: pakistan } = committedBaseMap();
const inPakistan = (p: [number, number]) => pakistan.some((part) => booleanPointInPolygon(p, part));
// Built on first use in a test (tests/unit/lazy.ts says why).
const index = lazy(() => borderIndex(border));

describe('the distance to the border, however far', () => {
	it('equals the whole line measured, near it, far from it and on the Afghan side', () => {
		const places: [number, number][] = [
			[71.58, 34.01], // Peshawar
			[67.01, 30.19], // Quetta
			[71.09, 34.09], // Torkham, at the border
			[67.0, 24.86], // Karachi, 500 km and more away
			[74.34, 31.55], // Lahore
			[69.17, 34.53], // Kabul
			[2.35, 48.86] // Paris: past every box
		];
		for (const [lon, lat] of places) expect(nearestBorderKm(index(), lon, lat), `${lon}, ${lat}`).toBeCloseTo(distanceToLine([lon, lat], border), 9);
	});
	it('equals the whole line measured at 40 scattered points of the region', () => {
		for (let k = 0; k < 40; k++) {
			// A fixed scatter (golden-ratio steps) over 60–78° E, 23–38° N.
			const lon = 60 + ((k * 0.618034) % 1) * 18;
			const lat = 23 + ((k * 0.381966 + 0.1) % 1) * 15;
			expect(nearestBorderKm(index(), lon, lat), `${lon}, ${lat}`).toBeCloseTo(distanceToLine([lon, lat], border), 9);
		}
	});
});

describe('border bands by geodesic distance', () => {
	// Points set off perpendicular to the border, into Pakistan, at distances either side of each
	// band limit (turf.destination), at places where the border runs straight enough that the
	// offset is the distance (checked against the whole line); each must land in its band.
	const line = lineString(border.geometry.coordinates[0]!);
	const total = length(line);
	const offsets = [9.9, 10.1, 24.9, 25.1, 49.9, 50.1];
	const cases = lazy(() => {
		const cases: { km: number; at: [number, number] }[] = [];
		for (let f = 0.02; f < 0.98 && cases.length < 3 * offsets.length; f += 0.01) {
			const a = along(line, total * f).geometry.coordinates;
			const heading = bearing(along(line, total * f - 3).geometry.coordinates, along(line, total * f + 3).geometry.coordinates);
			for (const side of [90, -90]) {
				if (!inPakistan(destination(a, 5, heading + side).geometry.coordinates as [number, number])) continue; // the Afghan side
				const probes = offsets.map((km) => ({ km, at: destination(a, km, heading + side).geometry.coordinates as [number, number] }));
				// Quick screen with the index, then the whole line (no index) for the ones kept.
				if (!probes.every((p) => Math.abs(distanceToBorderKm(index(), p.at[0], p.at[1], 60) - p.km) < 0.02)) continue;
				if (!probes.every((p) => Math.abs(distanceToLine(p.at, border) - p.km) < 0.02 && inPakistan(p.at))) continue;
				cases.push(...probes);
			}
		}
		return cases;
	});

	it('constructs points on the Pakistani side at each test distance', () => {
		expect(cases().length).toBe(3 * offsets.length);
	});
	it('puts 9.9/10.1, 24.9/25.1, 49.9/50.1 km in the bands their distance says', () => {
		const expectedBand: Record<number, number> = { 9.9: 0, 10.1: 1, 24.9: 1, 25.1: 2, 49.9: 2, 50.1: -1 };
		for (const c of cases()) expect(bandOf(distanceToBorderKm(index(), c.at[0], c.at[1], 50)), `${c.km} km at ${c.at}`).toBe(expectedBand[c.km]);
		expect(bandOf(10)).toBe(0);
		expect(bandOf(10.0001)).toBe(1);
	});
	it('counts those points per band and leaves out coarse locations', () => {
		const incident = (i: number, at: [number, number], placePrecision: Incident['placePrecision'] = 'exact'): Incident =>
			incidentWith({
				id: `t${i}`,
				date: '2023-01-01',
				lon: at[0],
				lat: at[1],
				placePrecision,
				place: 'TEST FIXTURE'
			});
		const rows = [...cases().map((c, i) => incident(i, c.at)), incident(999, cases()[0]!.at, 'province')];
		const counts = countInBands(index(), pakistan, rows, new Uint8Array(rows.length).fill(1));
		const expected = BAND_LIMITS_KM.map((_, k) => cases().filter((c) => bandOf(c.km) === k).length);
		expect(counts.bands.map((b) => b.incidents)).toEqual(expected);
		expect(counts.total).toBe(rows.length);
	});
});

describe('border bands on the real data', () => {
	const { incidents } = committedDataset('gtd-2015-bombings');
	// Brute force: every incident's distance to the line, segment by segment (turf.pointToLineDistance,
	// no index). A segment whose endpoints are both more than 50 km + the longest segment away cannot
	// come within 50 km (triangle inequality), so only the others are measured: the same band.
	const vertices = border.geometry.coordinates[0]!;
	const longestSegment = Math.max(...vertices.slice(1).map((v, i) => distance(vertices[i]!, v)));
	const kmToLine = (p: [number, number]): number => {
		const near = vertices.map((v) => distance(p, v) <= 50 + longestSegment);
		let km = Infinity;
		for (let k = 0; k + 1 < vertices.length; k++) {
			if (near[k] || near[k + 1]) km = Math.min(km, pointToLineDistance(p, lineString([vertices[k]!, vertices[k + 1]!]), { units: 'kilometers' }));
		}
		return km;
	};
	it('equal an independent brute-force distance count', () => {
		const counts = countInBands(index(), pakistan, incidents, new Uint8Array(incidents.length).fill(1));
		const byDistance = [0, 0, 0];
		for (const inc of incidents) {
			if (inc.lon === null || !['exact', 'near', 'district'].includes(inc.placePrecision)) continue;
			const p: [number, number] = [inc.lon, inc.lat!];
			if (!inPakistan(p)) continue;
			const km = kmToLine(p);
			if (km <= 10) byDistance[0]!++;
			else if (km <= 25) byDistance[1]!++;
			else if (km <= 50) byDistance[2]!++;
		}
		expect(counts.bands.map((b) => b.incidents)).toEqual(byDistance);
		expect(counts.total).toBe(625);
		expect(byDistance.reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
	});
});
