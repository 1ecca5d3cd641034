/** The site check's edge cases and its summary, sentence by sentence (fixture incidents on the equator, not real). */
import { describe, expect, it } from 'vitest';
import { distanceToLine, monthsBefore, riskSummary, siteRisk, type SiteRisk, type SummaryInput } from './index.js';
import { at } from './test-helpers.js';
import { ROLES } from '../actors/index.js';

const options = { radiusKm: 25, recentMonths: 3 };

describe('siteRisk: what it leaves out', () => {
	it('takes the recent window from the latest incident the filters keep, not an excluded one', () => {
		const incidents = [at(0.04, '2023-01-10'), at(0.05, '2023-06-15'), at(0.06, '2024-05-01')];
		const r = siteRisk([70, 0], incidents, [1, 1, 0], options);
		expect(r.recentFrom).toBe('2023-04-01');
		expect(r.all.incidents).toBe(2);
		expect(r.recent.incidents).toBe(1);
	});
	it('skips rows without coordinates, and counts unknown tolls apart', () => {
		const incidents = [at(0.04, '2023-01-10', { wounded: null }), at(0, '2023-01-11', { lon: null, lat: null }), at(0.05, '2023-01-12', { killed: null })];
		const r = siteRisk([70, 0], incidents, [1, 1, 1], options);
		expect(r.all).toEqual({ incidents: 2, killed: 1, wounded: 2, killedUnknown: 1, woundedUnknown: 1, districtLevel: 0 });
		expect(r.nearest.map((n) => n.index)).toEqual([0, 2]);
		expect(r.coarseExcluded).toBe(0);
	});
	it('keeps, of two at the same distance, the earlier row as the nearest', () => {
		const r = siteRisk([70, 0], [at(0.1, '2023-01-01'), at(-0.1, '2023-01-02'), at(0.05, '2023-01-03')], [1, 1, 1], { ...options, nearest: 2 });
		expect(r.nearest.map((n) => n.index)).toEqual([2, 0]);
	});
	it('monthsBefore: the first day of the window of the last N months', () => {
		expect(monthsBefore('2023-12-20', 3)).toBe('2023-10-01');
		expect(monthsBefore('2024-01-31', 1)).toBe('2024-01-01');
	});
	it('distanceToLine: the nearest part of a multi-line', () => {
		const line = {
			type: 'Feature' as const,
			properties: {},
			geometry: {
				type: 'MultiLineString' as const,
				coordinates: [
					[
						[70, 1],
						[71, 1]
					],
					[
						[70, 0.1],
						[71, 0.1]
					]
				]
			}
		};
		expect(distanceToLine([70.5, 0], line)).toBeCloseTo(11.12, 1);
	});
});

describe('riskSummary, sentence by sentence', () => {
	const risk = (over: Partial<SiteRisk> = {}): SiteRisk => ({
		radiusKm: 25,
		recentMonths: 3,
		recentFrom: '2023-10-01',
		all: { incidents: 2, killed: 3, wounded: 4, killedUnknown: 0, woundedUnknown: 0, districtLevel: 0 },
		recent: { incidents: 2, killed: 0, wounded: 0, killedUnknown: 0, woundedUnknown: 0, districtLevel: 0 },
		within: [],
		nearest: [{ index: 0, km: 4.448 }],
		coarseExcluded: 0,
		...over
	});
	const input = (over: Partial<SummaryInput> = {}): SummaryInput => ({
		placeName: 'TEST',
		site: [70, 0],
		risk: risk(),
		nearest: at(0.04, '2023-01-10'),
		dataset: 'fixture',
		dateRange: null,
		filters: 'none',
		district: { name: 'Peshawar', province: 'Khyber Pakhtunkhwa', rank: 3, of: 69, unit: 'incidents per 1,000 km²' },
		borderKm: 12.34,
		roles: ROLES.GTD,
		...over
	});
	it('writes every sentence from the figures, joined by spaces', () => {
		expect(riskSummary(input())).toBe(
			'Within 25 km of TEST (0.0000, 70.0000), the loaded data (fixture) record 2 incidents, with 3 killed and 4 wounded. ' +
				'2 incidents fall in the last 3 months of the data (from Oct 2023). ' +
				'The nearest recorded incident is 4.4 km away (10 Jan 2023, TEST FIXTURE). ' +
				'The site lies in Peshawar (Khyber Pakhtunkhwa), ranked 3 of 69 districts by incidents per 1,000 km², 12.3 km from the Afghanistan–Pakistan border.'
		);
	});
	it('says when nothing is recorded, naming a bare coordinate once and the filters', () => {
		const text = riskSummary(
			input({
				placeName: '0.0000, 70.0000',
				risk: risk({ all: { ...risk().all, incidents: 0 }, nearest: [] }),
				nearest: null,
				filters: 'type: Bombing',
				district: null
			})
		);
		expect(text).toBe(
			'The loaded data (fixture; filters: type: Bombing) record no incident within 25 km of 0.0000, 70.0000. The site lies outside the districts of Khyber Pakhtunkhwa and Balochistan, 12.3 km from the Afghanistan–Pakistan border.'
		);
	});
	it('counts unknown tolls by the larger of the two unknowns', () => {
		const all = { incidents: 3, killed: 1, wounded: 0, killedUnknown: 0, woundedUnknown: 2, districtLevel: 1 };
		expect(riskSummary(input({ risk: risk({ all }) }))).toContain(
			'with 1 killed and 0 wounded (tolls not given for 2 incidents). 1 of them is located only at district level.'
		);
	});
	it('says the wounded are not recorded where the source records none (UCDP), never "0 wounded"', () => {
		const all = { incidents: 3, killed: 5, wounded: 0, killedUnknown: 1, woundedUnknown: 3, districtLevel: 0 };
		const text = riskSummary(input({ risk: risk({ all }), roles: ROLES['UCDP GED'] }));
		expect(text).toContain('record 3 incidents, with 5 killed (deaths not given for 1 incident); the wounded are not recorded by UCDP.');
		expect(text).not.toContain('0 wounded');
		expect(text).not.toContain('tolls not given for 3');
	});
	it('one recent incident "falls"; no recent window, no sentence; no nearest row, no nearest sentence', () => {
		expect(riskSummary(input({ risk: risk({ recent: { ...risk().recent, incidents: 1 } }) }))).toContain('1 incident falls in the last 3 months');
		const text = riskSummary(input({ risk: risk({ recentFrom: null }), nearest: null }));
		expect(text).not.toContain('months of the data');
		expect(text).not.toContain('nearest');
	});
});
