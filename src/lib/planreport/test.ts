import { describe, expect, it } from 'vitest';
import { circleBounds } from '../frame/index.js';
import { fitView, scaleBar, segmentTable } from './index.js';
import { ROLES } from '../actors/index.js';
import { routeExposure } from '../route/index.js';
import { committedDataset } from '../../../tests/unit/sources.js';

/** A point `km` from `from` on `bearing` on the mean Earth sphere, written without Turf. */
function greatCircle([lon, lat]: [number, number], km: number, bearing: number): [number, number] {
	const rad = Math.PI / 180;
	const d = km / 6371.0088;
	const [b, f] = [bearing * rad, lat * rad];
	const lat2 = Math.asin(Math.sin(f) * Math.cos(d) + Math.cos(f) * Math.sin(d) * Math.cos(b));
	const lon2 = lon * rad + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(f), Math.cos(d) - Math.sin(f) * Math.sin(lat2));
	return [lon2 / rad, lat2 / rad];
}

describe('the site report’s map', () => {
	it('shows the whole radius circle, in a wide and in a tall picture', () => {
		const quetta: [number, number] = [67.00141, 30.18414];
		for (const [width, height] of [
			[1200, 700],
			[700, 1000]
		] as [number, number][]) {
			const { extent } = fitView(circleBounds(quetta, 25), width, height);
			const [w, s, e, n] = extent;
			const outside = Array.from({ length: 720 }, (_, i) => greatCircle(quetta, 25, i / 2)).filter(([lon, lat]) => lon < w || lon > e || lat < s || lat > n);
			expect(outside).toEqual([]);
			// Framed on it, not on the region: the circle spans most of the picture's narrower side.
			const spanKm = Math.min((e - w) * 111.32 * Math.cos((30.18 * Math.PI) / 180), (n - s) * 110.57);
			expect(spanKm).toBeLessThan(50 * 1.5);
		}
	});
	it('gets a scale bar of a round length whose pixels match the view’s metres', () => {
		const view = fitView(circleBounds([67, 30.2], 25), 1000, 700);
		const bar = scaleBar(view, 150);
		expect([1, 2, 5, 10, 20, 50]).toContain(bar.km);
		// Independently: the picture is (e - w) degrees of longitude at the centre's latitude across 1000 px.
		const [w, , e] = view.extent;
		const kmPerPx = ((e - w) * (Math.PI / 180) * 6378.137 * Math.cos((view.centre[1] * Math.PI) / 180)) / 1000;
		expect(bar.px * kmPerPx).toBeCloseTo(bar.km, 1);
		expect(bar.px).toBeLessThanOrEqual(150);
		expect(bar.px).toBeGreaterThan(150 / 5);
	});
});

describe('the route report', () => {
	it('holds the segment table, ranked as the panel ranks it', () => {
		const { incidents } = committedDataset('gtd-2008');
		const route: [number, number][] = [
			[71.5785, 34.008],
			[71.4419, 33.5869],
			[70.604, 32.986]
		];
		const exposure = routeExposure(route, incidents, new Uint8Array(incidents.length).fill(1), { halfWidthKm: 10, segmentKm: 10 });
		const table = segmentTable(exposure, ROLES.GTD);
		expect(table[0]).toEqual(['Rank', 'Segment', 'km along the route', 'Incidents', 'Killed', 'Wounded']);
		expect(table).toHaveLength(exposure.segments.length + 1);
		// Every segment once, most incidents first.
		expect(
			table
				.slice(1)
				.map((r) => Number(r[1]))
				.sort((a, b) => a - b)
		).toEqual(exposure.segments.map((s) => s.index + 1));
		const counts = table.slice(1).map((r) => Number(r[3]!.replace(/,/g, '')));
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(exposure.segments.reduce((a, s) => a + s.incidents, 0));
		// A source that records no wounded (UCDP) reads so in every row, never 0.
		expect(
			new Set(
				segmentTable(exposure, ROLES['UCDP GED'])
					.slice(1)
					.map((r) => r[5])
			)
		).toEqual(new Set(['not recorded by UCDP']));
	});
});
