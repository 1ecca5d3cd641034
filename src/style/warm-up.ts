/**
 * A layer drawn once and removed, only so MapLibre compiles a shader program before the map
 * needs it (src/data/warm-up.ts). Its paint is all constants, as are the surge marks' and the
 * incident dots': MapLibre keys a program by which paint properties are data-driven, so this one
 * program serves them all. A radius and stroke of 0 draw no pixel, yet the layer is drawn
 * (MapLibre skips a circle layer only when its opacities are 0).
 */
import type { CircleLayerSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import { LAYER, SOURCE } from './ids.js';

export function circleWarmUp(at: [number, number]): { source: GeoJSONSourceSpecification; layer: CircleLayerSpecification } {
	return {
		source: { type: 'geojson', data: { type: 'Point', coordinates: at } },
		layer: {
			id: LAYER.warmUp,
			type: 'circle',
			source: SOURCE.warmUp,
			paint: { 'circle-radius': 0, 'circle-stroke-width': 0, 'circle-color': '#000000', 'circle-stroke-color': '#000000' }
		}
	};
}
