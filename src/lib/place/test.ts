import { describe, expect, it } from 'vitest';
import { kindWords, nearestTown, parseCoordinates, resolveWaypoints, searchPlaces, type Place } from './index.js';

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
	it('ranks exact and prefix matches first, a town before the district of its name', () => {
		expect(searchPlaces('pesh', places).map((p) => `${p.kind}:${p.name}`)).toEqual([
			'town:Peshawar',
			'district:Peshawar',
			'incident place:Upper Peshawar road'
		]);
		expect(searchPlaces('peshawar', [...places].reverse()).map((p) => p.kind)).toEqual(['town', 'district', 'incident place']);
		expect(searchPlaces('q', places)).toEqual([]);
	});
});

describe('kindWords and nearestTown', () => {
	it('says what each kind of place is', () => {
		expect(kindWords('town', 'Pakistan, pop. 733,675')).toBe('town (GeoNames, Pakistan, pop. 733,675)');
		expect(kindWords('district', 'Balochistan')).toBe('district centre (Balochistan)');
		expect(kindWords('district')).toBe('district centre');
		expect(kindWords('incident place', 'GTD 2008')).toBe('place named by incidents (GTD 2008)');
		expect(kindWords('coordinates')).toBe('typed coordinates');
		expect(kindWords('map point')).toBe('point picked on the map');
	});
	it('finds the nearest town by geodesic distance, ignoring districts', () => {
		const towns: Place[] = [
			{ name: 'Quetta', lon: 67.00141, lat: 30.18414, kind: 'town', detail: '' },
			{ name: 'Kuchlak', lon: 66.96, lat: 30.41, kind: 'town', detail: '' },
			{ name: 'Quetta', lon: 66.73, lat: 30.17, kind: 'district', detail: '' }
		];
		// The district centre of Quetta is 26 km from the town (issue #25).
		const near = nearestTown(66.73, 30.17, towns)!;
		expect(near.town.name).toBe('Quetta');
		expect(near.km).toBeCloseTo(26.1, 1);
		expect(nearestTown(66.96, 30.4, towns)!.town.name).toBe('Kuchlak');
		expect(nearestTown(70, 30, [])).toBeNull();
	});
});

describe('resolveWaypoints', () => {
	const places: Place[] = [
		{ name: 'Kohat', lon: 71.44, lat: 33.58, kind: 'district', detail: '' },
		{ name: 'Peshawar', lon: 71.58, lat: 34.01, kind: 'district', detail: '' },
		{ name: 'Peshawar', lon: 71.5785, lat: 34.008, kind: 'town', detail: '' },
		{ name: 'Kohat', lon: 71.4419, lat: 33.5869, kind: 'town', detail: '' },
		{ name: 'Bannu', lon: 70.604, lat: 32.986, kind: 'town', detail: '' }
	];
	it('turns typed names into the towns they name, in order', () => {
		const r = resolveWaypoints('Peshawar; kohat;\nBannu', places);
		expect('stops' in r && r.stops.map((p) => `${p.kind}:${p.name}:${p.lon}`)).toEqual(['town:Peshawar:71.5785', 'town:Kohat:71.4419', 'town:Bannu:70.604']);
	});
	it('takes typed coordinates as a stop, and refuses a route with a name it cannot find', () => {
		const r = resolveWaypoints('Peshawar; 33.6, 71.4', places);
		expect('stops' in r && r.stops[1]).toMatchObject({ lon: 71.4, lat: 33.6, kind: 'coordinates' });
		expect(resolveWaypoints('Peshawar; Atlantis; Bannu; Kohatt', places)).toEqual({ unknown: ['Atlantis', 'Kohatt'] });
		expect(resolveWaypoints('Peshawar', places)).toEqual({ error: expect.stringMatching(/at least two places/) });
	});
});
