/** Surges (src/lib/surge): a marker at the label point of each district surging in the newest covered month. */
import type { LayerSpecification } from 'maplibre-gl';
import { LAYER, SOURCE } from './ids.js';
import { SURGE_MARK } from './palette.js';

export function surgeLayers(): LayerSpecification[] {
	return [
		{
			id: LAYER.surgeMarks,
			type: 'circle',
			source: SOURCE.surges,
			paint: { 'circle-radius': 6, 'circle-color': SURGE_MARK, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 }
		}
	];
}
