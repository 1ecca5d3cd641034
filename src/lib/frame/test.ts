import { describe, expect, it } from 'vitest';
import { circleBounds, contains, corridorBounds, inView, type Bounds } from './index.js';

/** A point `km` from `from` on `bearing`, on the mean Earth sphere, written without Turf. */
function greatCircle([lon, lat]: [number, number], km: number, bearing: number): [number, number] {
	const R = 6371.0088;
	const rad = Math.PI / 180;
	const d = km / R;
	const b = bearing * rad;
	const f = lat * rad;
	const lat2 = Math.asin(Math.sin(f) * Math.cos(d) + Math.cos(f) * Math.sin(d) * Math.cos(b));
	const lon2 = lon * rad + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(f), Math.cos(d) - Math.sin(f) * Math.sin(lat2));
	return [lon2 / rad, lat2 / rad];
}
const holds = ([w, s, e, n]: Bounds, [lon, lat]: [number, number]) => lon >= w && lon <= e && lat >= s && lat <= n;

describe('circleBounds', () => {
	it('holds every point of the radius circle, at 0.1° steps round it', () => {
		for (const [centre, km] of [
			[[67.00141, 30.18414], 25],
			[[71.58, 34.01], 100],
			[[74.5, 36.9], 50]
		] as [[number, number], number][]) {
			const box = circleBounds(centre, km);
			const outside = Array.from({ length: 3600 }, (_, i) => greatCircle(centre, km, i / 10)).filter((p) => !holds(box, p));
			expect(outside).toEqual([]);
		}
	});
	it('is tight: with no margin, the circle touches each side within 0.1 %', () => {
		const centre: [number, number] = [67, 30.2];
		const [w, s, e, n] = circleBounds(centre, 25, 0);
		const ring = Array.from({ length: 3600 }, (_, i) => greatCircle(centre, 25, i / 10));
		expect(Math.min(...ring.map((p) => p[0]))).toBeCloseTo(w, 3);
		expect(Math.max(...ring.map((p) => p[0]))).toBeCloseTo(e, 3);
		expect(Math.min(...ring.map((p) => p[1]))).toBeCloseTo(s, 3);
		expect(Math.max(...ring.map((p) => p[1]))).toBeCloseTo(n, 3);
	});
});

describe('corridorBounds', () => {
	it('holds the route and the corridor either side of every vertex', () => {
		const route: [number, number][] = [
			[71.58, 34.01],
			[71.44, 33.59],
			[70.6, 32.99]
		];
		const box = corridorBounds(route, 10)!;
		for (const p of route) for (let b = 0; b < 360; b += 5) expect(holds(box, greatCircle(p, 10, b))).toBe(true);
		expect(corridorBounds([], 5)).toBeNull();
	});
});

describe('contains and inView', () => {
	it('say whether a box holds another, and whether a screen box is clear of the sheet', () => {
		expect(contains([0, 0, 10, 10], [1, 1, 9, 9])).toBe(true);
		expect(contains([0, 0, 10, 10], [1, 1, 11, 9])).toBe(false);
		const room = { width: 400, height: 800, cover: { top: 10, bottom: 440 }, pad: 10 };
		expect(inView([20, 20, 380, 340], room)).toBe(true);
		expect(inView([20, 19, 380, 340], room)).toBe(false);
		expect(inView([20, 20, 380, 351], room)).toBe(false);
		expect(inView([5, 20, 380, 300], room)).toBe(false);
	});
});
