import { describe, expect, it } from 'vitest';
import type { District } from '../districts/index.js';
import type { Incident } from '../incident/index.js';
import { districtPlaces, incidentPlaces, townPlaces } from './index.js';
import { incidentWith } from '../incident/blank.js';
import { squareRing } from '../districts/test-squares.js';

const incident = (id: string, place: string | null, over: Partial<Incident> = {}): Incident =>
	incidentWith({
		id,
		date: '2024-03-01',
		lon: 71.5,
		lat: 34,
		placePrecision: 'exact',
		place,
		...over
	});

describe('incidentPlaces', () => {
	it('names each exactly located place once, at its first incident', () => {
		const places = incidentPlaces(
			[
				incident('a', 'Landi Kotal', { lon: 71.03, lat: 34.1 }),
				incident('b', 'Landi Kotal', { lon: 71.9, lat: 34.9 }),
				incident('c', 'Bara', { placePrecision: 'district' }),
				incident('d', 'Jamrud', { lon: null, lat: null }),
				incident('e', null)
			],
			'GTD'
		);
		expect(places).toEqual([{ name: 'Landi Kotal', lon: 71.03, lat: 34.1, kind: 'incident place', detail: 'GTD' }]);
	});
});

describe('districtPlaces', () => {
	it('puts a district at a point inside its largest part, with its province', () => {
		const district = {
			type: 'Feature',
			properties: { name: 'Khyber', slug: 'khyber', province: 'Khyber Pakhtunkhwa' },
			geometry: { type: 'MultiPolygon', coordinates: [squareRing(0, 0, 0.1), squareRing(70, 33, 1)] }
		} as unknown as District;
		const [place] = districtPlaces([district]);
		expect(place).toMatchObject({ name: 'Khyber', kind: 'district', detail: 'Khyber Pakhtunkhwa' });
		expect(place!.lon).toBeGreaterThan(70);
		expect(place!.lon).toBeLessThan(71);
		expect(place!.lat).toBeGreaterThan(33);
		expect(place!.lat).toBeLessThan(34);
	});
});

describe('townPlaces', () => {
	it('says the country and population', () => {
		expect(
			townPlaces([
				{ name: 'Peshawar', country: 'PK', lon: 71.57, lat: 34.01, population: 1970042 },
				{ name: 'Jalalabad', country: 'AF', lon: 70.45, lat: 34.43, population: 200331 }
			]).map((p) => p.detail)
		).toEqual(['Pakistan, pop. 1,970,042', 'Afghanistan, pop. 200,331']);
	});
});
