/** Rivers and lakes (Natural Earth), in the sea's colour, with river names along the line. */
import type { LayerSpecification } from 'maplibre-gl';
import { BASEMAP_LAYER, BASEMAP_SOURCE } from './ids.js';
import { FONT } from '../palette.js';

export const RIVER_COLOUR = '#7fa8c9';

export function waterLayers(): LayerSpecification[] {
	return [
		{ id: BASEMAP_LAYER.lakes, type: 'fill', source: BASEMAP_SOURCE.lakes, paint: { 'fill-color': RIVER_COLOUR } },
		{
			id: BASEMAP_LAYER.rivers,
			type: 'line',
			source: BASEMAP_SOURCE.rivers,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': RIVER_COLOUR, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.5] }
		}
	];
}

/** River names, along the line, from zoom 7 (drawn with the other labels, above the districts). */
export function riverLabelLayers(): LayerSpecification[] {
	return [
		{
			id: BASEMAP_LAYER.riverLabels,
			type: 'symbol',
			source: BASEMAP_SOURCE.rivers,
			minzoom: 7,
			filter: ['has', 'name'],
			layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11, 'text-letter-spacing': 0.1 },
			paint: { 'text-color': '#3f6f94', 'text-halo-color': 'rgba(255,255,255,0.8)', 'text-halo-width': 1.2 }
		}
	];
}
