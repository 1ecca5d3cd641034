/**
 * Text: the border's label, country and province names, district names. Built from the geodata
 * at load; added after the first shaded frame (see labelLayers).
 */
import { along, bearing, length, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, Point } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { LAYER, SOURCE } from './ids.js';
import { FONT, INK, LAND } from './palette.js';

export function pointCollection(points: { coordinates: [number, number]; name: string; kind: string }[]): FeatureCollection<Point> {
	return {
		type: 'FeatureCollection',
		features: points.map(({ coordinates, name, kind }) => ({ type: 'Feature', properties: { name, kind }, geometry: { type: 'Point', coordinates } }))
	};
}

/**
 * Points along the border for its label, each anchored so the text sits on the Afghan side
 * (west of a north–south stretch, north of an east–west one). Text along the line itself is not
 * used: Natural Earth's border is too jagged for MapLibre to fit text along it at these zooms.
 */
export function borderLabelPoints(border: Feature<MultiLineString>, fractions = [0.4, 0.88]): FeatureCollection<Point> {
	const longest = border.geometry.coordinates.reduce((a, b) => (b.length > a.length ? b : a));
	const line = lineString(longest);
	const km = length(line);
	return {
		type: 'FeatureCollection',
		features: fractions.map((f) => {
			const at = along(line, f * km);
			const ahead = along(line, Math.min(km, f * km + 40));
			const heading = Math.abs(bearing(at, ahead));
			const eastWest = heading > 60 && heading < 120;
			return { ...at, properties: { anchor: eastWest ? 'bottom' : 'right' } };
		})
	};
}

/**
 * Text labels. Without a glyph server MapLibre rasterises every glyph locally, which costs about
 * 300 ms on the first frame in headless Chromium, so the map adds these after the first shaded
 * frame (see IncidentMap) instead of listing them in the initial style. The border's label is the
 * top layer: MapLibre places the top layer's symbols first, so every other label (a country's
 * name, a town's) gives way to it rather than overlapping it.
 */
export function labelLayers(): LayerSpecification[] {
	return [
		{
			id: LAYER.placeLabels,
			type: 'symbol',
			source: SOURCE.placeLabels,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': FONT,
				'text-size': ['match', ['get', 'kind'], 'country', 18, 12],
				'text-transform': ['match', ['get', 'kind'], 'country', 'uppercase', 'none'],
				'text-letter-spacing': ['match', ['get', 'kind'], 'country', 0.25, 0.05],
				// Free to move off the border's label, which is placed first and never gives way.
				'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
				'text-radial-offset': 1
			},
			paint: { 'text-color': ['match', ['get', 'kind'], 'country', '#5b5347', '#7a7266'], 'text-halo-color': LAND, 'text-halo-width': 1.5 }
		},
		{
			id: LAYER.districtLabels,
			type: 'symbol',
			source: SOURCE.districtLabels,
			minzoom: 4.4,
			layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 4.4, 9, 8, 14], 'text-max-width': 7 },
			paint: { 'text-color': INK, 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.4 }
		},
		{
			id: LAYER.borderLabel,
			type: 'symbol',
			source: SOURCE.borderLabel,
			layout: {
				'text-field': 'Afghanistan–Pakistan border',
				'text-font': FONT,
				'text-size': 12,
				'text-max-width': 9,
				'text-anchor': ['get', 'anchor'],
				'text-radial-offset': 0.8,
				'text-allow-overlap': true
			},
			paint: { 'text-color': '#3b0764', 'text-halo-color': '#ffffff', 'text-halo-width': 2 }
		}
	];
}
