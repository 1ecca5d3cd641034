/**
 * The offline basemap under the districts: Natural Earth's main roads, railways, rivers, lakes and
 * airports (sources/basemap, read by the geodata build), and the towns of the bundled gazetteer
 * (GeoNames) with the zoom each is labelled from. Pure: GeoJSON in, GeoJSON out.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { SourceRowError } from '../incident/errors.js';
import type { GazetteerTown } from '../place/index.js';

/** The Natural Earth layers, by their file under sources/basemap/ (`<layer>.geojson`). */
export const BASEMAP_LAYERS = ['roads', 'railways', 'rivers', 'lakes', 'airports'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

/** Natural Earth's road `type`, in the three classes the map draws. */
export type RoadClass = 'major' | 'road' | 'other';
const ROAD_CLASS: Record<string, RoadClass> = { 'Major Highway': 'major', Road: 'road' };

export interface BasemapFile {
	attribution: string;
	/** What the layers leave out, said in the About panel. */
	gaps: string;
	roads: FeatureCollection<LineString, { class: RoadClass }>;
	railways: FeatureCollection<LineString, Record<string, never>>;
	rivers: FeatureCollection<LineString | MultiLineString, { name: string | null }>;
	lakes: FeatureCollection<Polygon | MultiPolygon, { name: string | null }>;
	airports: FeatureCollection<Point, { name: string; iata: string | null }>;
}

export const BASEMAP_ATTRIBUTION = 'Natural Earth (public domain); roads and railways: naturalearthtiles (ODbL)';
export const BASEMAP_GAPS =
	'Main roads only, without names or numbers, as Natural Earth drew them about 2012: Quetta–Zhob, the Makran coast (N-10, M-8), M-1 as its own line and every newer road are missing. Rivers: 14 named ones; the Kabul, Swat, Kurram, Gomal and Zhob are missing.';

/** Geometry types each layer may hold. */
const GEOMETRIES: Record<BasemapLayer, readonly Geometry['type'][]> = {
	roads: ['LineString'],
	railways: ['LineString'],
	rivers: ['LineString', 'MultiLineString'],
	lakes: ['Polygon', 'MultiPolygon'],
	airports: ['Point']
};

/** ~11 m: finer than any of these layers (roads are snapped to a ~70 m grid). */
const round = (n: number) => Math.round(n * 1e4) / 1e4;
function roundCoordinates(c: unknown): unknown {
	return typeof c === 'number' ? round(c) : (c as unknown[]).map(roundCoordinates);
}

/** Every coordinate a finite lon/lat pair; returns a reason or null. */
function coordinateProblem(c: unknown, depth: number): string | null {
	if (!Array.isArray(c)) return 'its coordinates are not a list';
	if (depth === 0) {
		const [lon, lat] = c as unknown[];
		if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
			return `a position is not two numbers (${JSON.stringify(c)})`;
		return Math.abs(lon) > 180 || Math.abs(lat) > 90 ? `the position ${lon}, ${lat} is not on Earth` : null;
	}
	if (c.length === 0) return 'it has an empty part';
	for (const part of c) {
		const problem = coordinateProblem(part, depth - 1);
		if (problem) return problem;
	}
	return null;
}
const DEPTH: Record<string, number> = { Point: 0, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * One layer's features checked and trimmed to what the map draws. A feature that cannot be drawn
 * stops the build with its file and feature number: a basemap that silently lost a road would
 * pass for a road that does not exist.
 */
export function basemapLayer<L extends BasemapLayer>(layer: L, raw: unknown, file: string): BasemapFile[L] {
	const collection = raw as Partial<FeatureCollection>;
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
	const features = collection.features.map((f: Feature, i) => {
		const where = (field: string, reason: string) => new SourceRowError(file, i + 1, field, reason);
		const geometry = f?.geometry;
		if (!geometry || !GEOMETRIES[layer].includes(geometry.type))
			throw where('geometry', `feature ${i + 1} has ${geometry ? `a ${geometry.type}` : 'no geometry'}; ${layer} are ${GEOMETRIES[layer].join(' or ')}`);
		const coordinates = (geometry as { coordinates: unknown }).coordinates;
		const problem = coordinateProblem(coordinates, DEPTH[geometry.type]!);
		if (problem) throw where('geometry', problem);
		const p = (f.properties ?? {}) as Record<string, unknown>;
		let properties: Record<string, unknown>;
		if (layer === 'roads') properties = { class: ROAD_CLASS[String(p.type)] ?? 'other' };
		else if (layer === 'airports') {
			const name = text(p.name);
			if (!name) throw where('name', 'an airport without a name');
			properties = { name, iata: text(p.iata_code) };
		} else if (layer === 'railways') properties = {};
		else properties = { name: text(p.name) };
		return { type: 'Feature', properties, geometry: { type: geometry.type, coordinates: roundCoordinates(coordinates) } } as Feature;
	});
	return { type: 'FeatureCollection', features } as unknown as BasemapFile[L];
}

/** The national and provincial capitals, labelled at every zoom (GeoNames ids). */
export const CAPITALS: Readonly<Record<number, string>> = {
	1176615: 'capital of Pakistan', // Islamabad
	1138958: 'capital of Afghanistan', // Kabul
	1168197: 'capital of Khyber Pakhtunkhwa', // Peshawar
	1167528: 'capital of Balochistan', // Quetta
	1172451: 'capital of Punjab', // Lahore
	1174872: 'capital of Sindh', // Karachi
	1178338: 'capital of Gilgit-Baltistan', // Gilgit
	1169607: 'capital of Azad Kashmir' // Muzaffarabad
};

/**
 * The zoom a town is labelled from, by population: a capital always; ≥ 250,000 from zoom 5;
 * ≥ 50,000 from 6.5; ≥ 10,000 from 7.5; smaller towns (or an unknown population) from 9.
 * The map draws one label layer per tier (a layer's minzoom), as filters on zoom are evaluated
 * only at whole zooms.
 */
export const TOWN_TIERS = [
	{ tier: 0, minzoom: 0, population: Infinity },
	{ tier: 1, minzoom: 5, population: 250_000 },
	{ tier: 2, minzoom: 6.5, population: 50_000 },
	{ tier: 3, minzoom: 7.5, population: 10_000 },
	{ tier: 4, minzoom: 9, population: 0 }
] as const;

export interface TownProps {
	name: string;
	country: string;
	population: number;
	tier: number;
	capital: string | null;
}

export function townTier(town: GazetteerTown): number {
	if (town.geonamesId !== undefined && CAPITALS[town.geonamesId]) return 0;
	return TOWN_TIERS.find((t) => t.tier > 0 && town.population >= t.population)?.tier ?? TOWN_TIERS.at(-1)!.tier;
}

/** The gazetteer's towns as labelled points, each with its tier (biggest first, so collisions keep them). */
export function townFeatures(towns: readonly GazetteerTown[]): FeatureCollection<Point, TownProps> {
	return {
		type: 'FeatureCollection',
		features: [...towns]
			.sort((a, b) => b.population - a.population)
			.map((t) => ({
				type: 'Feature',
				properties: {
					name: t.name,
					country: t.country,
					population: t.population,
					tier: townTier(t),
					capital: (t.geonamesId !== undefined && CAPITALS[t.geonamesId]) || null
				},
				geometry: { type: 'Point', coordinates: [t.lon, t.lat] }
			}))
	};
}
