/**
 * The offline basemap (src/lib/basemap): lines and water under the districts, towns and airports
 * with the labels. The map adds it after the first shaded frame (IncidentMap), as it does the labels.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { BasemapFile, TownProps } from '../../lib/basemap/index.js';
import type { Point } from 'geojson';
import { airportLayers } from './airports.js';
import { BASEMAP_SOURCE } from './ids.js';
import { LAYER } from '../ids.js';
import { railwayLayers } from './railways.js';
import { roadLayers } from './roads.js';
import { townDotLayers, townLabelLayers } from './towns.js';
import { riverLabelLayers, waterLayers } from './water.js';

export { BASEMAP_LAYER, BASEMAP_SOURCE, townLabelLayer } from './ids.js';

export function basemapSources(file: BasemapFile, towns: FeatureCollection<Point, TownProps>): Record<string, SourceSpecification> {
	return {
		[BASEMAP_SOURCE.roads]: { type: 'geojson', data: file.roads },
		[BASEMAP_SOURCE.railways]: { type: 'geojson', data: file.railways },
		[BASEMAP_SOURCE.rivers]: { type: 'geojson', data: file.rivers },
		[BASEMAP_SOURCE.lakes]: { type: 'geojson', data: file.lakes },
		[BASEMAP_SOURCE.airports]: { type: 'geojson', data: file.airports },
		[BASEMAP_SOURCE.towns]: { type: 'geojson', data: towns }
	};
}

/**
 * The basemap's layers in two groups, each in drawing order (bottom first): `under` goes beneath
 * the district fill (which turns translucent from zoom 8, see districtLayers), `over` among the
 * labels, beneath the district names, so a district's name wins a collision with a small town's.
 */
export function basemapLayers(): { under: LayerSpecification[]; over: LayerSpecification[]; capitals: LayerSpecification[] } {
	const [capitals, ...others] = townLabelLayers();
	return {
		under: [...waterLayers(), ...railwayLayers(), ...roadLayers()],
		// Bottom first: the smallest towns' labels lowest, so MapLibre places the bigger ones first.
		over: [...riverLabelLayers(), ...airportLayers(), ...townDotLayers(), ...others.reverse()],
		// Capitals above the district names: always labelled (only the border's label is above them).
		capitals: [capitals!]
	};
}

/** Each basemap layer with the layer it goes beneath (MapLibre's `beforeId`), in the order to add them. */
export function basemapInsertions(): { layer: LayerSpecification; before: string }[] {
	const { under, over, capitals } = basemapLayers();
	return [
		...under.map((layer) => ({ layer, before: LAYER.districtFill })),
		...over.map((layer) => ({ layer, before: LAYER.districtLabels })),
		...capitals.map((layer) => ({ layer, before: LAYER.borderLabel }))
	];
}

/** Every basemap layer id (for the layer toggle). */
export function basemapLayerIds(): string[] {
	const { under, over, capitals } = basemapLayers();
	return [...under, ...over, ...capitals].map((l) => l.id);
}
