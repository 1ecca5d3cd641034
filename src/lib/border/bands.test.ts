/** Band polygons and band counts on a hand-made square "country" east of a straight north–south border (fixtures, not real places). */
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, lineString, polygon } from '@turf/turf';
import { bandPolygons, borderIndex, countInBands } from './index.js';
import { incidentWith } from '../incident/blank.js';

// The border runs along 70° E from 30° to 31° N; the country is the 1° square east of it.
const border = lineString([
	[70, 30],
	[70, 31]
]);
const east = polygon([
	[
		[70, 30],
		[71, 30],
		[71, 31],
		[70, 31],
		[70, 30]
	]
]);
// 1° of longitude at 30.5° N is about 95.9 km: points set off by that many km east of the line.
const kmEast = (km: number): [number, number] => [70 + km / 95.88, 30.5];

describe('bandPolygons', () => {
	it('cuts the buffers to the country and to each other: three strips, each as wide as its band', () => {
		const bands = bandPolygons(border, [east]);
		expect(bands.map((b) => b.properties)).toEqual([
			{ fromKm: 0, toKm: 10 },
			{ fromKm: 10, toKm: 25 },
			{ fromKm: 25, toKm: 50 }
		]);
		// Width × the line's 111 km, within the buffers' round ends and the projection's error.
		const km2 = bands.map((b) => area(b) / 1e6);
		expect(km2[0]! / (10 * 111.2)).toBeCloseTo(1, 1);
		expect(km2[1]! / (15 * 111.2)).toBeCloseTo(1, 1);
		expect(km2[2]! / (25 * 111.2)).toBeCloseTo(1, 1);
		expect(booleanPointInPolygon(kmEast(5), bands[0]!)).toBe(true);
		expect(booleanPointInPolygon(kmEast(15), bands[1]!)).toBe(true);
		expect(booleanPointInPolygon(kmEast(40), bands[2]!)).toBe(true);
		expect(booleanPointInPolygon(kmEast(5), bands[1]!)).toBe(false);
	});
	it('dissolves a country given in parts, and drops a band that lies outside it', () => {
		const north = polygon([
			[
				[70, 30.5],
				[70.1, 30.5],
				[70.1, 31],
				[70, 31],
				[70, 30.5]
			]
		]);
		const south = polygon([
			[
				[70, 30],
				[70.1, 30],
				[70.1, 30.5],
				[70, 30.5],
				[70, 30]
			]
		]);
		// The 0.1° strip is 9.6 km wide: the 10–25 and 25–50 km bands hold nothing of it.
		const bands = bandPolygons(border, [north, south]);
		expect(bands.map((b) => b.properties.toKm)).toEqual([10]);
		expect(() => bandPolygons(border, [])).toThrow();
	});
});

describe('countInBands', () => {
	const incident = (km: number, over = {}) =>
		incidentWith({ id: `k${km}`, date: '2023-01-01', lon: kmEast(km)[0], lat: 30.5, placePrecision: 'exact', ...over });
	it('counts each kept incident in its band, of all the kept ones; coarse, unlocated, excluded and foreign ones in none', () => {
		const incidents = [
			incident(5),
			incident(12),
			incident(30),
			incident(60),
			incident(6, { placePrecision: 'province' }),
			incident(7, { lon: null, lat: null }),
			incident(8),
			incidentWith({ id: 'west', date: '2023-01-01', lon: 69.95, lat: 30.5, placePrecision: 'exact' })
		];
		const r = countInBands(borderIndex(border), [east], incidents, [1, 1, 1, 1, 1, 1, 0, 1]);
		expect(r.total).toBe(7);
		expect(r.bands).toEqual([
			{ fromKm: 0, toKm: 10, incidents: 1, share: 1 / 7 },
			{ fromKm: 10, toKm: 25, incidents: 1, share: 1 / 7 },
			{ fromKm: 25, toKm: 50, incidents: 1, share: 1 / 7 }
		]);
		expect(countInBands(borderIndex(border), [east], [], []).bands.every((b) => b.share === 0)).toBe(true);
	});
});
