/** Airports (Natural Earth): a dot, and the IATA code (or the name) from zoom 6.5. */
import type { LayerSpecification } from 'maplibre-gl';
import { BASEMAP_LAYER, BASEMAP_SOURCE } from './ids.js';
import { FONT } from '../palette.js';

export const AIRPORT_COLOUR = '#4b5563';

export function airportLayers(): LayerSpecification[] {
	return [
		{
			id: BASEMAP_LAYER.airports,
			type: 'circle',
			source: BASEMAP_SOURCE.airports,
			minzoom: 5.5,
			paint: { 'circle-radius': 3.5, 'circle-color': '#ffffff', 'circle-stroke-color': AIRPORT_COLOUR, 'circle-stroke-width': 1.5 }
		},
		{
			id: BASEMAP_LAYER.airportLabels,
			type: 'symbol',
			source: BASEMAP_SOURCE.airports,
			minzoom: 6.5,
			layout: {
				'text-field': ['concat', 'airport ', ['coalesce', ['get', 'iata'], ['get', 'name']]],
				'text-font': FONT,
				'text-size': 10,
				'text-anchor': 'top',
				'text-offset': [0, 0.6]
			},
			paint: { 'text-color': AIRPORT_COLOUR, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 }
		}
	];
}
