import { describe, expect, it } from 'vitest';
import { distance, lineString, pointToLineDistance } from '@turf/turf';
import { douglasPeucker, LINK_MAX_POINTS, RouteFileError, routeForLink, routeFromGeoJson } from './file.js';

describe('a route from a file', () => {
	it('is the first line of the file, its parts joined', () => {
		const fc = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [71, 34] } },
				{
					type: 'Feature',
					properties: {},
					geometry: {
						type: 'MultiLineString',
						coordinates: [
							[
								[71.5, 34],
								[71.6, 33.9]
							],
							[[71.7, 33.8]]
						]
					}
				}
			]
		} as const;
		expect(routeFromGeoJson(fc as never)).toEqual([
			[71.5, 34],
			[71.6, 33.9],
			[71.7, 33.8]
		]);
	});
	it('refuses a line whose points are strings, naming the point', () => {
		const g = {
			type: 'LineString',
			coordinates: [
				[71.5, 34],
				['71.6', '33.9']
			]
		};
		expect(() => routeFromGeoJson(g as never)).toThrow(new RouteFileError('point 2 of the line is not two numbers (["71.6","33.9"])'));
	});
	it('refuses a point off the globe, and a file without a line', () => {
		expect(() =>
			routeFromGeoJson({
				type: 'LineString',
				coordinates: [
					[71.5, 34],
					[710, 34]
				]
			})
		).toThrow('point 2 of the line is off the globe (longitude 710, latitude 34)');
		expect(() => routeFromGeoJson({ type: 'Point', coordinates: [71, 34] })).toThrow(/holds no line with at least two points/);
		expect(() => routeFromGeoJson(null)).toThrow(RouteFileError);
		expect(() => routeFromGeoJson({ type: 'LineString', coordinates: [[71.5, 34]] })).toThrow(/holds no line with at least two points/);
		expect(() => routeFromGeoJson('a string' as never)).toThrow(/holds no line/);
	});
});

describe('a route for a link', () => {
	// A 1,000-point zigzag track from Peshawar to Kohat (synthetic, 50 km).
	const track: [number, number][] = Array.from({ length: 1000 }, (_, i) => [71.58 - (0.14 * i) / 999 + (i % 2) * 0.0004, 34.01 - (0.42 * i) / 999]);
	it('carries a short route whole, up to its limit', () => {
		expect(routeForLink(track.slice(0, 50))).toEqual({ route: track.slice(0, 50), toleranceM: null });
		expect(routeForLink(track.slice(0, LINK_MAX_POINTS))).toEqual({ route: track.slice(0, LINK_MAX_POINTS), toleranceM: null });
	});
	it('simplifies a long one to fit, within the tolerance it states, keeping both ends', () => {
		const { route, toleranceM } = routeForLink(track);
		expect(route.length).toBeLessThanOrEqual(LINK_MAX_POINTS);
		expect(route.length).toBeGreaterThanOrEqual(2);
		expect(route[0]).toEqual(track[0]);
		expect(route.at(-1)).toEqual(track.at(-1));
		expect(toleranceM).toBeGreaterThanOrEqual(10);
		const simplified = lineString(route);
		const worst = Math.max(...track.filter((_, i) => i % 25 === 0).map((p) => pointToLineDistance(p, simplified, { units: 'meters' })));
		expect(worst).toBeLessThanOrEqual(toleranceM!);
		expect(distance(route[0]!, route.at(-1)!)).toBeGreaterThan(40);
	});
});

describe('douglasPeucker', () => {
	it('keeps the ends and the points further than the tolerance from the kept line', () => {
		// About 1.1 km east per step; the third point is about 111 m north of the line.
		const route: [number, number][] = [
			[70, 30],
			[70.01, 30],
			[70.02, 30.001],
			[70.03, 30],
			[70.04, 30]
		];
		expect(douglasPeucker(route, 200)).toEqual([route[0], route[4]]);
		expect(douglasPeucker(route, 60)).toEqual([route[0], route[2], route[4]]);
		// At 50 m the second point, 55 m below the line from the first to the third, is kept too.
		expect(douglasPeucker(route, 50)).toEqual(route);
		expect(douglasPeucker(route.slice(0, 2), 50)).toEqual(route.slice(0, 2));
		// Points exactly on the line go, even at a tolerance of 0.
		expect(douglasPeucker([route[0]!, route[1]!, route[3]!], 0)).toEqual([route[0], route[3]]);
	});
	it('measures east–west offsets shrunk by the cosine of the latitude', () => {
		// At 60° N, 0.001° of longitude is 55.7 m (at the equator, 111 m).
		const north: [number, number][] = [
			[10, 60],
			[10.001, 60.01],
			[10, 60.02]
		];
		expect(douglasPeucker(north, 80)).toEqual([north[0], north[2]]);
		expect(douglasPeucker(north, 40)).toEqual(north);
	});
	it('keeps the corners of a round trip, whose ends are one point', () => {
		const loop: [number, number][] = [
			[70, 30],
			[70.01, 30],
			[70.01, 30.01],
			[70, 30]
		];
		expect(douglasPeucker(loop, 10)).toEqual(loop);
	});
});
