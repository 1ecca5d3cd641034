import { describe, expect, it } from 'vitest';
import { parseCoordinates, searchPlaces, type Place } from './index.js';

describe('parseCoordinates', () => {
	it('reads decimal pairs, hemisphere letters and DMS', () => {
		expect(parseCoordinates('34.01, 71.58')).toEqual({ lat: 34.01, lon: 71.58 });
		expect(parseCoordinates('34.01 71.58')).toEqual({ lat: 34.01, lon: 71.58 });
		expect(parseCoordinates('E71.58 N34.01')).toEqual({ lat: 34.01, lon: 71.58 });
		const dms = parseCoordinates(`34°0'36"N 71°34'48"E`) as { lat: number; lon: number };
		expect(dms.lat).toBeCloseTo(34.01, 6);
		expect(dms.lon).toBeCloseTo(71.58, 6);
		const spaced = parseCoordinates('30 11 24 N, 67 0 36 E') as { lat: number; lon: number };
		expect(spaced.lat).toBeCloseTo(30.19, 6);
	});
	it('explains what is wrong', () => {
		expect(parseCoordinates('71.58, 34.01')).toMatchObject({ error: expect.stringMatching(/outside Pakistan and Afghanistan.*latitude first/) });
		expect(parseCoordinates(`34°70'N 71°E`)).toMatchObject({ error: expect.stringMatching(/minutes < 60/) });
		expect(parseCoordinates('34.01')).toMatchObject({ error: expect.stringMatching(/not a coordinate pair/) });
		expect(parseCoordinates('95, 71')).toMatchObject({ error: expect.stringMatching(/not on Earth/) });
	});
	it('leaves names to the search', () => {
		expect(parseCoordinates('Peshawar')).toBeNull();
	});
});

describe('searchPlaces', () => {
	const places: Place[] = [
		{ name: 'Peshawar', lon: 71.58, lat: 34.01, kind: 'district', detail: '' },
		{ name: 'Peshawar', lon: 71.57, lat: 34.0, kind: 'town', detail: '' },
		{ name: 'Upper Peshawar road', lon: 71, lat: 34, kind: 'incident place', detail: '' },
		{ name: 'Quetta', lon: 67, lat: 30.2, kind: 'town', detail: '' }
	];
	it('ranks exact and prefix matches first, districts before towns', () => {
		expect(searchPlaces('pesh', places).map((p) => `${p.kind}:${p.name}`)).toEqual([
			'district:Peshawar',
			'town:Peshawar',
			'incident place:Upper Peshawar road'
		]);
		expect(searchPlaces('q', places)).toEqual([]);
	});
});
