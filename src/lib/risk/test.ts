import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { distanceToLine, districtAt, monthsBefore, riskSummary, siteRisk } from './index.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';
import { at } from './test-helpers.js';
import { ROLES } from '../actors/index.js';
import { lazy } from '../../../tests/unit/lazy.js';

describe('siteRisk (hand-checked on the equator)', () => {
	// One degree of arc on Turf's sphere (R = 6,371.0088 km) is 111.195 km.
	const incidents = [
		at(0.04, '2023-01-10'),
		at(0.2, '2023-11-02', { placePrecision: 'district', killed: null }),
		at(0.3, '2023-12-20'),
		at(0.01, '2023-12-01', { placePrecision: 'province' })
	];
	// Worked out on first use in a test (tests/unit/lazy.ts says why).
	const r = lazy(() => siteRisk([70, 0], incidents, [1, 1, 1, 1], { radiusKm: 25, recentMonths: 3 }));
	it('counts incidents within the radius, geodesically', () => {
		expect(distance([70, 0], [70, 1], { units: 'kilometers' })).toBeCloseTo(111.195, 3);
		expect(r().within.map((w) => w.index)).toEqual([0, 1]); // 4.45 km and 22.24 km; 33.4 km is out
		expect(r().within[0]!.km).toBeCloseTo(4.448, 3);
		expect(r().all).toEqual({ incidents: 2, killed: 1, wounded: 4, killedUnknown: 1, woundedUnknown: 0, districtLevel: 1 });
	});
	it('leaves province-level centroids out, and counts the last N months of the data', () => {
		expect(r().coarseExcluded).toBe(1);
		expect(r().recentFrom).toBe('2023-10-01'); // latest date Dec 2023 → Oct, Nov, Dec
		expect(r().recent.incidents).toBe(1);
		expect(r().nearest.map((n) => n.index)).toEqual([0, 1, 2]);
		expect(monthsBefore('2024-02-29', 12)).toBe('2023-03-01');
	});
	it('writes a summary from the figures only', () => {
		const text = riskSummary({
			placeName: 'TEST',
			site: [70, 0],
			risk: r(),
			nearest: incidents[r().nearest[0]!.index]!,
			dataset: 'fixture',
			dateRange: ['2023-01-10', '2023-12-20'],
			filters: 'none',
			district: null,
			borderKm: 12.34,
			roles: ROLES.GTD
		});
		expect(text).toContain(
			'Within 25 km of TEST (0.0000, 70.0000), the loaded data (fixture, 10 Jan 2023 – 20 Dec 2023) record 2 incidents, with 1 killed and 4 wounded (tolls not given for 1 incident).'
		);
		expect(text).toContain('1 of them is located only at district level.');
		expect(text).toContain('1 incident falls in the last 3 months of the data (from Oct 2023).');
		expect(text).toContain('The nearest recorded incident is 4.4 km away (10 Jan 2023, TEST FIXTURE).');
		expect(text).toContain('12.3 km from the Afghanistan–Pakistan border.');
		expect(text).not.toMatch(/\b(high|low|dangerous|safe|significant|severe)\b/i);
	});
});

describe('siteRisk and border distance on the real data', () => {
	const { districts, border } = committedBaseMap();
	const { incidents } = committedDataset('gtd-2008');
	it('matches Turf computed independently: incidents within 25 km of Peshawar', () => {
		const site: [number, number] = [71.57849, 34.008];
		const r = siteRisk(site, incidents, new Uint8Array(incidents.length).fill(1), { radiusKm: 25, recentMonths: 12 });
		const expected = incidents.filter(
			(i) => i.lon !== null && ['exact', 'near', 'district'].includes(i.placePrecision) && distance(site, [i.lon!, i.lat!], { units: 'kilometers' }) <= 25
		);
		expect(r.all.incidents).toBe(expected.length);
		expect(r.all.incidents).toBeGreaterThan(30);
	});
	// Known places, not a second point-in-polygon: a check by the code's own method could not fail.
	it('districtAt: towns fall in the district they are the seat of, and places outside in none', () => {
		const at = (lon: number, lat: number) => districts[districtAt([lon, lat], districts)]?.properties.slug ?? 'none';
		expect(at(71.57849, 34.008)).toBe('peshawar'); // Peshawar, Qissa Khwani
		expect(at(66.998, 30.192)).toBe('quetta'); // Quetta, Liaquat Bazaar
		expect(at(71.441, 33.586)).toBe('kohat'); // Kohat town
		expect(at(70.904, 31.832)).toBe('dera-ismail-khan'); // Dera Ismail Khan town
		expect(at(62.325, 25.126)).toBe('gwadar'); // Gwadar port
		expect(at(69.172, 34.528)).toBe('none'); // Kabul, Afghanistan
		expect(at(67.01, 24.86)).toBe('none'); // Karachi, Sindh
	});
	it('lists the incidents within the radius and the nearest ones as a sort of every distance would', () => {
		const site: [number, number] = [71.57849, 34.008];
		const include = Uint8Array.from(incidents, (_, k) => (k % 4 === 0 ? 0 : 1));
		const all = incidents
			.map((i, index) => ({
				index,
				km:
					i.lon !== null && include[index] && ['exact', 'near', 'district'].includes(i.placePrecision)
						? distance(site, [i.lon, i.lat!], { units: 'kilometers' })
						: NaN
			}))
			.filter((n) => !Number.isNaN(n.km))
			.sort((a, b) => a.km - b.km || a.index - b.index);
		for (const nearest of [0, 1, 5, 40]) {
			const r = siteRisk(site, incidents, include, { radiusKm: 10, recentMonths: 12, nearest });
			expect(r.nearest).toEqual(all.slice(0, nearest));
			expect(r.within).toEqual(all.filter((n) => n.km <= 10));
		}
		// Ties (the same point twice) keep file order.
		const twice = [incidents[0]!, incidents[0]!];
		expect(siteRisk(site, twice, Uint8Array.of(1, 1), { radiusKm: 1, recentMonths: 12, nearest: 1 }).nearest.map((n) => n.index)).toEqual([0]);
	});
	it('gives the distance to the Afghan border: Landi Kotal is close, Quetta farther, Karachi far', () => {
		expect(distanceToLine([71.07, 34.1], border)).toBeLessThan(15);
		const quetta = distanceToLine([67.0, 30.19], border);
		expect(quetta).toBeGreaterThan(40);
		expect(quetta).toBeLessThan(120);
		expect(distanceToLine([67.01, 24.86], border)).toBeGreaterThan(400);
	});
});
