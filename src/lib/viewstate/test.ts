import { describe, expect, it } from 'vitest';
import { decodeView, defaultView, encodeView, shadingKey, viewFilter, windowDays, type ViewState } from './index.js';
import { dayNumber } from '../columns/index.js';

describe('view state in the URL', () => {
	it('round-trips every field', () => {
		const view: ViewState = {
			...defaultView('gtd-2008'),
			metric: 'killed',
			per: 'people',
			classMethod: 'quantile',
			classCount: 4,
			scheme: 'Purples',
			window: ['2008-03', '2008-05'],
			actor: ['Tehrik-i-Taliban Pakistan (TTP)', 'Unknown'],
			eventType: ['Bombing/Explosion'],
			target: ['Police'],
			suicide: 'yes',
			minCasualties: 5,
			precision: ['exact', 'district'],
			compare: { mode: 'percent', a: ['2008-01', '2008-06'], b: ['2008-07', '2008-12'] },
			hotspots: true,
			points: true,
			district: 'peshawar',
			camera: { lon: 71.5, lat: 34, zoom: 7.25 }
		};
		const url = encodeView(view).toString();
		expect(decodeView(new URLSearchParams(url), 'other')).toEqual(view);
	});
	it('keeps the URL short for the default view', () => {
		expect(encodeView(defaultView('gtd-2008')).toString()).toBe('dataset=gtd-2008');
	});
	it('falls back to defaults for malformed parameters', () => {
		const v = decodeView(new URLSearchParams('metric=bogus&k=99&window=2008-13..2008-01&map=1,2&precision=nowhere&compare=percent'), 'gtd-2008');
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
