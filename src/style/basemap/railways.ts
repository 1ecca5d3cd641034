/** Railways (Natural Earth): a thin dark line with cross-ties drawn as a dash. */
import type { LayerSpecification } from 'maplibre-gl';
import { BASEMAP_LAYER, BASEMAP_SOURCE } from './ids.js';

export const RAIL_COLOUR = '#5c5c5c';

export function railwayLayers(): LayerSpecification[] {
	return [
		{
			id: BASEMAP_LAYER.railways,
			type: 'line',
			source: BASEMAP_SOURCE.railways,
			paint: { 'line-color': RAIL_COLOUR, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 10, 1.6], 'line-dasharray': [4, 2] }
		}
	];
}
