import { describe, expect, it } from 'vitest';
import { decodeView, defaultView, encodeView, shadingKey, viewFilter, windowDays, type ViewState } from './index.js';
import { dayNumber } from '../columns/index.js';
import { DEFAULT_PLAN, decodePlan, encodePlan, PLAN_PARAMS, type PlanState } from './plan.js';

describe('view state in the URL', () => {
	it('round-trips every field', () => {
		const view: ViewState = {
			...defaultView('gtd-2008'),
			metric: 'killed',
			per: 'people',
			classMethod: 'quantile',
			classCount: 4,
			scheme: 'Purples',
			breaks: [0.5, 2, 10],
			window: ['2008-03', '2008-05'],
			actor: ['Tehrik-i-Taliban Pakistan (TTP)', 'Unknown'],
			eventType: ['Bombing/Explosion'],
			target: ['Police'],
			suicide: 'yes',
			minCasualties: 5,
			precision: ['exact', 'district'],
			compare: { mode: 'percent', a: ['2008-01', '2008-06'], b: ['2008-07', '2008-12'] },
			hotspots: true,
			emerging: 'quarter',
			versus: 'ucdp',
			points: true,
			basemap: false,
			area: 'measured',
			need: 'toilet',
			district: 'peshawar',
			camera: { lon: 71.5, lat: 34, zoom: 7.25 }
		};
		const url = encodeView(view).toString();
		expect(decodeView(new URLSearchParams(url), 'other')).toEqual(view);
	});
	it('keeps the basemap on unless the link turns it off', () => {
		expect(decodeView(new URLSearchParams('dataset=gtd-2008'), 'x').basemap).toBe(true);
		expect(decodeView(new URLSearchParams('dataset=gtd-2008&basemap=0'), 'x').basemap).toBe(false);
		expect(encodeView({ ...defaultView('gtd-2008'), basemap: false }).get('basemap')).toBe('0');
	});
	it('keeps the URL short for the default view', () => {
		expect(encodeView(defaultView('gtd-2008')).toString()).toBe('dataset=gtd-2008');
	});
	it('falls back to defaults for malformed parameters', () => {
		const v = decodeView(
			new URLSearchParams('metric=bogus&k=99&window=2008-13..2008-01&map=1,2&precision=nowhere&compare=percent&emerging=weekly&breaks=5,1'),
			'gtd-2008'
		);
		expect(v).toEqual(defaultView('gtd-2008'));
	});
});

describe('filters and keys from a view', () => {
	it('turns a month window into inclusive day bounds', () => {
		expect(windowDays(['2008-02', '2008-02'])).toEqual({ dayFrom: dayNumber('2008-02-01'), dayTo: dayNumber('2008-02-29') });
	});
	it('builds the incident filter and a shading key that ignores overlays', () => {
		const v = { ...defaultView('gtd-2008'), window: ['2008-03', '2008-04'] as [string, string], suicide: 'yes' as const };
		expect(viewFilter(v)).toMatchObject({ dayFrom: dayNumber('2008-03-01'), dayTo: dayNumber('2008-04-30'), suicide: 'yes' });
		expect(shadingKey(defaultView('gtd-2008'))).toBe('gtd-2008|incidents|area');
		expect(shadingKey({ ...v, hotspots: true, district: 'quetta' })).toBe('gtd-2008|incidents|area|window=2008-03..2008-04&suicide=yes');
	});
});

describe('plan in the URL', () => {
	const plan: PlanState = {
		tool: 'route',
		site: { name: 'TEST clinic, Landi Kotal', lon: 71.14589, lat: 34.09861, kind: 'map point', detail: '' },
		radiusKm: 10,
		recentMonths: 6,
		waypoints: [
			[71.5785, 34.008],
			[71.44191, 33.58691],
			[70.604, 32.986]
		],
		halfWidthKm: 10,
		segmentKm: 20,
		bands: true
	};
	it('round-trips every field, writing only what differs from the defaults', () => {
		const p = encodePlan(plan);
		expect(decodePlan(new URLSearchParams(p.toString()))).toEqual(plan);
		expect(p.get('site')).toBe('34.09861,71.14589');
		expect(p.get('route')).toBe('34.008,71.5785;33.58691,71.44191;32.986,70.604');
		expect(encodePlan(DEFAULT_PLAN).toString()).toBe('');
	});
	it('does not clash with the analyst view’s parameters', () => {
		const view = encodeView(defaultView('gtd-2008'));
		for (const k of PLAN_PARAMS) expect(view.has(k)).toBe(false);
		expect(decodeView(encodePlan(plan), 'gtd-2008')).toEqual(defaultView('gtd-2008'));
	});
	it('falls back to defaults on malformed values and opens the tool a link carries', () => {
		const p = decodePlan(new URLSearchParams('site=95,71&radius=7&recent=x&route=34,71;oops&corridor=3&bands=yes'));
		expect(p).toEqual(DEFAULT_PLAN);
		expect(decodePlan(new URLSearchParams('site=34.01,71.58')).tool).toBe('site');
		expect(decodePlan(new URLSearchParams('site=34.01,71.58')).site).toEqual({ lon: 71.58, lat: 34.01, name: '34.0100, 71.5800', kind: null, detail: '' });
	});
});
