import { describe, expect, it } from 'vitest';
import { basemapLayer, CAPITALS, townFeatures, townTier, TOWN_TIERS } from './index.js';
import { readFileSync } from 'node:fs';

const line = (coordinates: number[][], properties: Record<string, unknown> = {}) => ({
	type: 'Feature',
	properties,
	geometry: { type: 'LineString', coordinates }
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
/** A short road anywhere in the region. */
const road = line([
	[70, 30],
	[71, 31]
]);

describe('basemapLayer', () => {
	it('keeps every road, with its class and coordinates to 4 decimals', () => {
		const roads = basemapLayer(
			'roads',
			collection(
				line(
					[
						[71.123456, 34.000049],
						[71.2, 34.1]
					],
					{ type: 'Major Highway', scalerank: 3 }
				),
				line(
					[
						[70, 33],
						[70.1, 33.1]
					],
					{ type: 'Road' }
				),
				line(
					[
						[69, 32],
						[69.1, 32.1]
					],
					{ type: 'Unknown' }
				)
			),
			'roads.geojson'
		);
		expect(roads.features.map((f) => f.properties)).toEqual([{ class: 'major' }, { class: 'road' }, { class: 'other' }]);
		expect(roads.features[0]!.geometry.coordinates[0]).toEqual([71.1235, 34]);
	});
	it('keeps an airport’s name and IATA code, and a river’s name (null when it has none)', () => {
		const airports = basemapLayer(
			'airports',
			collection({
				type: 'Feature',
				properties: { name: 'Peshawar Int’l', iata_code: 'PEW', wikipedia: 'x' },
				geometry: { type: 'Point', coordinates: [71.51, 33.99] }
			}),
			'a'
		);
		expect(airports.features[0]!.properties).toEqual({ name: 'Peshawar Int’l', iata: 'PEW' });
		const rivers = basemapLayer(
			'rivers',
			collection(
				line(
					[
						[70, 30],
						[71, 31]
					],
					{ name: 'Indus' }
				),
				line(
					[
						[70, 30],
						[71, 31]
					],
					{ name: null }
				)
			),
			'r'
		);
		expect(rivers.features.map((f) => f.properties.name)).toEqual(['Indus', null]);
	});
	it('stops on a feature it cannot draw, naming the file, the feature and what is wrong', () => {
		expect(() =>
			basemapLayer('roads', collection(road, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }), 'roads.geojson')
		).toThrow('roads.geojson, row 2, geometry: feature 2 has a Point; roads are LineString');
		expect(() =>
			basemapLayer(
				'roads',
				collection(
					line([
						[70, 30],
						[71, 'x' as unknown as number]
					])
				),
				'roads.geojson'
			)
		).toThrow('row 1, geometry: a position is not two numbers');
		expect(() =>
			basemapLayer(
				'railways',
				collection(
					line([
						[70, 30],
						[200, 31]
					])
				),
				'rail'
			)
		).toThrow('the position 200, 31 is not on Earth');
		expect(() => basemapLayer('lakes', collection({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } }), 'lakes')).toThrow(
			'an empty part'
		);
		expect(() => basemapLayer('airports', collection({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [70, 30] } }), 'air')).toThrow(
			'row 1, name: an airport without a name'
		);
		expect(() => basemapLayer('rivers', { type: 'Feature' }, 'rivers.geojson')).toThrow('rivers.geojson: not a GeoJSON FeatureCollection');
	});
	it('keeps all of each committed source layer', () => {
		for (const layer of ['roads', 'railways', 'rivers', 'lakes', 'airports'] as const) {
			const raw = JSON.parse(readFileSync(`sources/basemap/${layer}.geojson`, 'utf8')) as { features: unknown[] };
			expect(basemapLayer(layer, raw, layer).features).toHaveLength(raw.features.length);
		}
	});
});

describe('town tiers', () => {
	const town = (population: number, geonamesId?: number) => ({ name: 't', country: 'PK', lon: 70, lat: 30, population, geonamesId });
	it('labels a town from the zoom its population earns, a capital always', () => {
		expect([1_000_000, 250_000, 249_999, 50_000, 10_000, 9_999, 0].map((p) => townTier(town(p)))).toEqual([1, 1, 2, 2, 3, 4, 4]);
		expect(townTier(town(1000, 1167528))).toBe(0); // Quetta, however small its count
		expect(TOWN_TIERS.map((t) => t.minzoom)).toEqual([0, 5, 6.5, 7.5, 9]);
	});
	it('marks the capitals of the committed gazetteer, Peshawar and Quetta among them', () => {
		const { places } = JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')) as { places: Parameters<typeof townFeatures>[0] };
		const towns = townFeatures(places);
		expect(towns.features).toHaveLength(places.length);
		const capitals = towns.features.filter((f) => f.properties.tier === 0).map((f) => f.properties.name);
		expect(capitals).toHaveLength(Object.keys(CAPITALS).length);
		expect(capitals).toEqual(expect.arrayContaining(['Peshawar', 'Quetta', 'Islamabad', 'Kabul']));
		// Biggest first, so MapLibre keeps the bigger of two colliding labels.
		const populations = towns.features.map((f) => f.properties.population);
		expect(populations).toEqual([...populations].sort((a, b) => b - a));
	});
});
