/**
 * Decoding of the committed geodata (TopoJSON written by scripts/build-geodata.ts) into GeoJSON.
 * Shared by the page loader, the tests and Node scripts.
 */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { District, DistrictProps } from '../districts/index.js';
import type { DistrictCensus } from '../census/index.js';

/** Credit line for the map's geography, on the map, in exports and in the About panel. */
export const BOUNDARY_CREDIT =
	'Districts (2023 census layout) and border: © OpenStreetMap contributors, ODbL; census figures: Pakistan Bureau of Statistics, Census 2023';

/** The map's own attribution control (incidents are credited under the map, per dataset). */
export const MAP_ATTRIBUTION =
	'<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a> (ODbL) · PBS Census 2023 · basemap: <a href="https://www.naturalearthdata.com">Natural Earth</a>, naturalearthtiles (ODbL), towns <a href="https://www.geonames.org">GeoNames</a> (CC BY 4.0) · incidents: see credit below';

export interface ProvinceProps {
	name: string;
	/** True for Khyber Pakhtunkhwa and Balochistan, the provinces the map analyses. */
	focus: boolean;
}

export interface CountryProps {
	id: string;
	name: string;
}

export interface BaseMap {
	districts: District[];
	provinces: Feature<Polygon | MultiPolygon, ProvinceProps>[];
	countries: Feature<Polygon | MultiPolygon, CountryProps>[];
	/** The Afghanistan–Pakistan border: the stretch of the district layer's outline facing Afghanistan. */
	border: Feature<MultiLineString, { name: string }>;
}

function collection<P>(topology: Topology, name: string): Feature<Polygon | MultiPolygon, P>[] {
	const object = topology.objects[name];
	if (!object) throw new Error(`geodata: topology has no object "${name}"`);
	return (feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, P>).features;
}

export function decodeBaseMap(districtsTopology: Topology, contextTopology: Topology): BaseMap {
	// The border lives in the districts' topology, so it shares their arcs (same vertices at every zoom).
	const borderObject = districtsTopology.objects.border as GeometryCollection | undefined;
	if (!borderObject) throw new Error('geodata: districts topology has no "border" object');
	return {
		districts: collection<DistrictProps>(districtsTopology, 'districts'),
		provinces: collection<ProvinceProps>(districtsTopology, 'provinces'),
		countries: collection<CountryProps>(contextTopology, 'countries'),
		border: {
			type: 'Feature',
			properties: { name: 'Afghanistan–Pakistan border' },
			geometry: mesh(districtsTopology, borderObject)
		}
	};
}

/** geodata/census.json: PBS Census 2023 figures per district slug (null = no census figure). */
export interface CensusFile {
	source: string;
	vintage: string;
	fieldSources: Record<keyof DistrictCensus, string>;
	districts: Record<string, DistrictCensus | null>;
}
