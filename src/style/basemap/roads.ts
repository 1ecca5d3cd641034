/** Main roads (Natural Earth, no names): wider and darker for a major highway, at every zoom. */
import type { LayerSpecification } from 'maplibre-gl';
import { BASEMAP_LAYER, BASEMAP_SOURCE } from './ids.js';

export const ROAD_COLOUR = { major: '#a0522d', road: '#b8865b', other: '#c4a584' } as const;

export function roadLayers(): LayerSpecification[] {
	return [
		{
			id: BASEMAP_LAYER.roads,
			type: 'line',
			source: BASEMAP_SOURCE.roads,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': ['match', ['get', 'class'], 'major', ROAD_COLOUR.major, 'road', ROAD_COLOUR.road, ROAD_COLOUR.other],
				'line-width': [
					'interpolate',
					['linear'],
					['zoom'],
					5,
					['match', ['get', 'class'], 'major', 1.2, 0.7],
					10,
					['match', ['get', 'class'], 'major', 3.5, 2.2]
				]
			}
		}
	];
}
