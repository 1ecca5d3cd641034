/** The NGO tools' layers: border bands, the site's radius, the route corridor and its segments. */
import type { LayerSpecification } from 'maplibre-gl';
import { SOURCE } from './ids.js';

/** Border bands: the nearer the border, the darker (feature property `fromKm`). */
export function bandLayers(): LayerSpecification[] {
	return [
		{
			id: 'border-bands-fill',
			type: 'fill',
			source: SOURCE.bands,
			paint: { 'fill-color': '#3f007d', 'fill-opacity': ['match', ['get', 'fromKm'], 0, 0.4, 10, 0.25, 0.12] }
		},
		{ id: 'border-bands-outline', type: 'line', source: SOURCE.bands, paint: { 'line-color': '#3f007d', 'line-width': 0.6, 'line-dasharray': [2, 2] } }
	];
}

/**
 * Planning overlays: the site's radius and the route corridor (planArea), the route's segments
 * coloured by exposure 0–1 (planRoute), and the site, waypoints and the incidents found
 * (planPoints, by `kind`).
 */
export function planLayers(): LayerSpecification[] {
	return [
		{ id: 'plan-area-fill', type: 'fill', source: SOURCE.planArea, paint: { 'fill-color': '#1d4ed8', 'fill-opacity': 0.1 } },
		{ id: 'plan-area-outline', type: 'line', source: SOURCE.planArea, paint: { 'line-color': '#1d4ed8', 'line-width': 2, 'line-dasharray': [3, 2] } },
		{
			id: 'plan-route-casing',
			type: 'line',
			source: SOURCE.planRoute,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': '#fff', 'line-width': 8 }
		},
		{
			id: 'plan-route-line',
			type: 'line',
			source: SOURCE.planRoute,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': ['interpolate', ['linear'], ['get', 'exposure'], 0, '#fed976', 0.5, '#fd8d3c', 1, '#800026'], 'line-width': 5 }
		},
		{
			id: 'plan-points',
			type: 'circle',
			source: SOURCE.planPoints,
			paint: {
				'circle-radius': ['match', ['get', 'kind'], 'site', 7, 'waypoint', 5, 4],
				'circle-color': ['match', ['get', 'kind'], 'site', '#1d4ed8', 'waypoint', '#111', '#e31a1c'],
				'circle-stroke-color': '#fff',
				'circle-stroke-width': 1.5
			}
		}
	];
}
