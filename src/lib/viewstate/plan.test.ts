import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, decodePlan, encodePlan, routeLinkNote } from './plan.js';

describe('a long route in a link', () => {
	// A synthetic 5,000-point GPS track, Peshawar to Kohat, with 40 m of noise either side.
	const track: [number, number][] = Array.from({ length: 5000 }, (_, i) => [71.58 - (0.14 * i) / 4999 + (i % 2) * 0.0004, 34.01 - (0.42 * i) / 4999]);
	it('is simplified to fit the URL (it put 98 KB there, and the reload got HTTP 431), and the page says so', () => {
		const link = encodePlan({ ...DEFAULT_PLAN, tool: 'route', waypoints: track }).toString();
		expect(link.length).toBeLessThan(6000);
		const reopened = decodePlan(new URLSearchParams(link)).waypoints;
		expect(reopened.length).toBeLessThanOrEqual(200);
		expect(reopened[0]).toEqual([71.58, 34.01]);
		expect(routeLinkNote(track)).toMatch(
			/^The link carries this route simplified to \d+ of its 5,000 points \(within \d+ m of it\): opened from the link, its figures are of the simplified route\.$/
		);
	});
	it('a short route goes whole, with nothing to say', () => {
		const route = track.slice(0, 20);
		expect(decodePlan(encodePlan({ ...DEFAULT_PLAN, waypoints: route })).waypoints).toEqual(
			route.map(([lon, lat]) => [Number(lon.toFixed(5)), Number(lat.toFixed(5))])
		);
		expect(routeLinkNote(route)).toBeNull();
	});
});

describe('a site in a link', () => {
	it('keeps what kind of place it is, and a link that does not say stays unsaid', () => {
		const site = { name: 'Quetta', lon: 67.00141, lat: 30.18414, kind: 'town' as const, detail: 'Pakistan, pop. 733,675' };
		const link = encodePlan({ ...DEFAULT_PLAN, tool: 'site', site });
		expect(link.get('sitekind')).toBe('town');
		expect(decodePlan(link).site).toEqual({ ...site, detail: '' });
		expect(decodePlan(new URLSearchParams('site=30.17,66.73&sitename=Quetta')).site!.kind).toBeNull();
		expect(decodePlan(new URLSearchParams('site=30.17,66.73&sitekind=fortress')).site!.kind).toBeNull();
	});
});
