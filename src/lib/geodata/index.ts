/**
 * Decoding of the committed geodata (TopoJSON written by scripts/build-geodata.ts) into GeoJSON.
 * Shared by the page loader, the tests and Node scripts.
 */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { District, DistrictProps } from '../districts/index.js';

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
	/** The Afghanistan–Pakistan border (Natural Earth), as one line feature. */
	border: Feature<MultiLineString, { name: string }>;
}

function collection<P>(topology: Topology, name: string): Feature<Polygon | MultiPolygon, P>[] {
	const object = topology.objects[name];
	if (!object) throw new Error(`geodata: topology has no object "${name}"`);
	return (feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, P>).features;
}

export function decodeBaseMap(districtsTopology: Topology, contextTopology: Topology): BaseMap {
	const borderObject = contextTopology.objects.border as GeometryCollection | undefined;
	if (!borderObject) throw new Error('geodata: context topology has no "border" object');
	return {
		districts: collection<DistrictProps>(districtsTopology, 'districts'),
		provinces: collection<ProvinceProps>(districtsTopology, 'provinces'),
		countries: collection<CountryProps>(contextTopology, 'countries'),
		border: {
			type: 'Feature',
			properties: { name: 'Afghanistan–Pakistan border' },
			geometry: mesh(contextTopology, borderObject)
		}
	};
}
