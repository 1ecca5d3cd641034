import { describe, expect, it } from 'vitest';
import { decodeView, defaultView, encodeView } from './index.js';
import { DEFAULT_PLAN, decodePlan, encodePlan } from './plan.js';
import { KNOWN_PARAMS, ignoredParams } from './notes.js';

describe('what a link asked for that the page ignores', () => {
	it('names each ignored parameter and why, in one line', () => {
		const p = new URLSearchParams('map=0,100,5&metric=deaths&k=99&window=2023-13..2024-01&route=34,71;95,71&foo=1&constructor=x');
		expect(ignoredParams(p)).toBe(
			'From the link: map=0,100,5 ignored: latitude 100 is outside −85…85; metric=deaths ignored: not one of incidents, killed, wounded, casualties; k=99 ignored: not one of 2, 3, 4, 5, 6, 7; window=2023-13..2024-01 ignored: not a month range YYYY-MM..YYYY-MM; route=34,71;95,71 ignored: waypoint 2: latitude 95 is outside −90…90; foo=1 ignored: not a parameter of this page; constructor=x ignored: not a parameter of this page.'
		);
	});
	// One rule for a position (camera.ts): what the note calls ignored, the plan does not use.
	it('names an emerging hot-spot step it does not know', () => {
		expect(ignoredParams(new URLSearchParams('emerging=weekly'))).toBe('From the link: emerging=weekly ignored: not one of year, quarter, month.');
		expect(ignoredParams(new URLSearchParams('emerging=year'))).toBeNull();
	});
	it('names typed class breaks it cannot use, and does not use them', () => {
		const p = new URLSearchParams('breaks=5,1');
		expect(ignoredParams(p)).toBe('From the link: breaks=5,1 ignored: 1 does not come after 5: breaks go up.');
		expect(decodeView(p, 'gtd-2008').breaks).toBeNull();
		expect(ignoredParams(new URLSearchParams('breaks=1,5,10'))).toBeNull();
	});
	it('a site the note ignores is not opened', () => {
		const p = new URLSearchParams('site=34,71,5');
		expect(ignoredParams(p)).toBe('From the link: site=34,71,5 ignored: not "latitude,longitude".');
		expect(decodePlan(p).site).toBeNull();
		expect(decodePlan(new URLSearchParams('site=34,71')).site).toMatchObject({ lat: 34, lon: 71 });
	});
	it('an impossible camera is not handed to the map', () => {
		expect(decodeView(new URLSearchParams('map=0,100,5'), 'x').camera).toBeNull();
		expect(decodeView(new URLSearchParams('map=71.5,34,7'), 'x').camera).toEqual({ lon: 71.5, lat: 34, zoom: 7 });
	});
	it('says nothing of a link the page wrote itself', () => {
		const view = {
			...defaultView('gtd-2008'),
			metric: 'killed' as const,
			per: 'people' as const,
			window: ['2008-01', '2008-06'] as [string, string],
			precision: ['exact' as const],
			suicide: 'yes' as const,
			minCasualties: 3,
			hotspots: true,
			emerging: 'quarter' as const,
			versus: 'ucdp',
			points: true,
			district: 'peshawar',
			camera: { lon: 71.5, lat: 34, zoom: 7 },
			compare: { mode: 'percent' as const, a: ['2008-01', '2008-03'] as [string, string], b: ['2008-04', '2008-06'] as [string, string] }
		};
		const plan = encodePlan({
			...DEFAULT_PLAN,
			tool: 'route',
			site: { lon: 71.5, lat: 34, name: 'TEST', kind: null, detail: '' },
			waypoints: [
				[71.5, 34],
				[71.4, 33.6]
			],
			bands: true
		});
		const link = new URLSearchParams(`${encodeView(view, defaultView('other'))}&${plan}`);
		expect([...link.keys()].every((k) => KNOWN_PARAMS.includes(k))).toBe(true);
		expect(ignoredParams(link)).toBeNull();
	});
});
