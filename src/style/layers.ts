/**
 * The map's style, built from the bundled geodata alone: no tile server, no glyph server (labels
 * use the browser's local fonts, which MapLibre ≥ 5.11 renders when `glyphs` is omitted), so the
 * dashboard works offline. One function per concept; colours of the choropleth live in choropleth.ts.
 */
import { along, bearing, length, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, Point } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { BaseMap } from '../lib/geodata/index.js';
import { labelPoint } from '../lib/districts/index.js';
import { ZERO_COLOUR } from '../lib/shading/index.js';

export const SOURCE = {
	countries: 'countries',
	provinces: 'provinces',
	districts: 'districts',
	districtLabels: 'district-labels',
	placeLabels: 'place-labels',
	border: 'afghan-border',
	borderLabel: 'afghan-border-label-path',
	points: 'incident-points',
	bands: 'border-bands',
	planArea: 'plan-area',
	planRoute: 'plan-route',
	planPoints: 'plan-points'
} as const;

/** Overlay sources the page fills with GeoJSON (empty collections draw nothing). */
export const OVERLAY_SOURCES = [SOURCE.bands, SOURCE.planArea, SOURCE.planRoute, SOURCE.planPoints] as const;
export type OverlaySource = (typeof OVERLAY_SOURCES)[number];

export const LAYER = {
	districtFill: 'district-fill',
	districtOutline: 'district-outline',
	districtHover: 'district-hover',
	districtSelected: 'district-selected',
	border: 'afghan-border-line',
	borderCasing: 'afghan-border-casing',
	borderLabel: 'afghan-border-label',
	hotspots: 'hotspot-outline',
	heatmap: 'incident-heatmap',
	pointCircles: 'incident-points'
} as const;

const WATER = '#c9dbe6';
const LAND = '#f2efe9';
const OTHER_PROVINCE = '#e6e2da';
const INK = '#222';
const FONT = ['sans-serif'];

function pointCollection(points: { coordinates: [number, number]; name: string; kind: string }[]): FeatureCollection<Point> {
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

function contextLayers(): LayerSpecification[] {
	return [
		{ id: 'background', type: 'background', paint: { 'background-color': WATER } },
		{ id: 'countries-fill', type: 'fill', source: SOURCE.countries, paint: { 'fill-color': LAND } },
		{ id: 'countries-outline', type: 'line', source: SOURCE.countries, paint: { 'line-color': '#a09a90', 'line-width': 0.8 } },
		{
			id: 'provinces-fill',
			type: 'fill',
			source: SOURCE.provinces,
			filter: ['!', ['get', 'focus']],
			paint: { 'fill-color': OTHER_PROVINCE }
		}
	];
}

function districtLayers(): LayerSpecification[] {
	return [
		// Each district's colour is its feature-state `colour` (src/components/IncidentMap). The
		// expression stays the same for every view: MapLibre lays a source's tiles out again whenever
		// a data-driven paint expression changes, and re-shading by swapping a step expression did that
		// to the full-detail outlines on every filter change and every step of play (issue #12).
		{ id: LAYER.districtFill, type: 'fill', source: SOURCE.districts, paint: { 'fill-color': ['to-color', ['feature-state', 'colour'], ZERO_COLOUR] } },
		{ id: LAYER.districtOutline, type: 'line', source: SOURCE.districts, paint: { 'line-color': '#ffffff', 'line-width': 0.8 } },
		{
			id: 'provinces-outline',
			type: 'line',
			source: SOURCE.provinces,
			paint: { 'line-color': '#6b6358', 'line-width': ['case', ['get', 'focus'], 1.6, 0.8] }
		},
		{
			id: LAYER.districtHover,
			type: 'line',
			source: SOURCE.districts,
			paint: { 'line-color': INK, 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0] }
		},
		{
			id: LAYER.districtSelected,
			type: 'line',
			source: SOURCE.districts,
			paint: { 'line-color': '#1d4ed8', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, 0] }
		}
	];
}

/**
 * Getis-Ord Gi* hot and cold spots as outlines over the choropleth: red for hot, blue for cold,
 * thicker for higher confidence. Feature-state `gi` holds ±90/95/99 (0 = not significant).
 */
function hotspotLayers(): LayerSpecification[] {
	const gi: ExpressionSpecification = ['to-number', ['feature-state', 'gi'], 0];
	const level: ExpressionSpecification = ['abs', gi];
	return [
		{
			id: LAYER.hotspots,
			type: 'line',
			source: SOURCE.districts,
			layout: { visibility: 'none', 'line-join': 'round' },
			paint: {
				'line-color': ['case', ['>', gi, 0], '#a50026', '#08519c'],
				'line-width': ['case', ['>=', level, 99], 4.5, ['>=', level, 95], 3, ['>=', level, 90], 1.8, 0],
				'line-offset': ['case', ['>=', level, 90], -1.5, 0]
			}
		}
	];
}

/** Incident points: a heatmap when zoomed in to a region, individual points closer still. */
function pointLayers(): LayerSpecification[] {
	return [
		{
			id: LAYER.heatmap,
			type: 'heatmap',
			source: SOURCE.points,
			minzoom: 6,
			layout: { visibility: 'none' },
			paint: {
				'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 6, 10, 9, 25],
				'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0, 6.5, 0.75, 8.5, 0.6, 9.5, 0]
			}
		},
		{
			id: LAYER.pointCircles,
			type: 'circle',
			source: SOURCE.points,
			minzoom: 8,
			layout: { visibility: 'none' },
			paint: { 'circle-radius': 4, 'circle-color': '#3f007d', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 }
		}
	];
}

/** Border bands: the nearer the border, the darker (feature property `fromKm`). */
function bandLayers(): LayerSpecification[] {
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
function planLayers(): LayerSpecification[] {
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

/** The Afghanistan–Pakistan border: a dark dashed line on a white casing (its label is in labelLayers). */
function borderLayers(): LayerSpecification[] {
	return [
		{
			id: LAYER.borderCasing,
			type: 'line',
			source: SOURCE.border,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 5, 9, 9] }
		},
		{
			id: LAYER.border,
			type: 'line',
			source: SOURCE.border,
			layout: { 'line-join': 'round' },
			paint: { 'line-color': '#3b0764', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2.5, 9, 5], 'line-dasharray': [3, 1.5] }
		}
	];
}

/**
 * Text labels. Without a glyph server MapLibre rasterises every glyph locally, which costs about
 * 300 ms on the first frame in headless Chromium, so the map adds these after the first shaded
 * frame (see IncidentMap) instead of listing them in the initial style.
 */
export function labelLayers(): LayerSpecification[] {
	return [
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
		},
		{
			id: 'place-labels',
			type: 'symbol',
			source: SOURCE.placeLabels,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': FONT,
				'text-size': ['match', ['get', 'kind'], 'country', 18, 12],
				'text-transform': ['match', ['get', 'kind'], 'country', 'uppercase', 'none'],
				'text-letter-spacing': ['match', ['get', 'kind'], 'country', 0.25, 0.05]
			},
			paint: { 'text-color': ['match', ['get', 'kind'], 'country', '#5b5347', '#7a7266'], 'text-halo-color': LAND, 'text-halo-width': 1.5 }
		},
		{
			id: 'district-labels',
			type: 'symbol',
			source: SOURCE.districtLabels,
			minzoom: 4.4,
			layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 4.4, 9, 8, 14], 'text-max-width': 7 },
			paint: { 'text-color': INK, 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.4 }
		}
	];
}

export function buildStyle(base: BaseMap): StyleSpecification {
	const districts: FeatureCollection = { type: 'FeatureCollection', features: base.districts };
	const placeLabels = [
		...base.countries.map((c) => ({ coordinates: labelPoint(c), name: c.properties.name, kind: 'country' })),
		...base.provinces.filter((p) => !p.properties.focus).map((p) => ({ coordinates: labelPoint(p), name: p.properties.name, kind: 'province' }))
	];
	return {
		version: 8,
		sources: {
			[SOURCE.countries]: { type: 'geojson', data: { type: 'FeatureCollection', features: base.countries } },
			[SOURCE.provinces]: { type: 'geojson', data: { type: 'FeatureCollection', features: base.provinces } },
			// promoteId lets feature-state (value, hover, selected) address districts by slug.
			[SOURCE.districts]: { type: 'geojson', data: districts, promoteId: 'slug' },
			[SOURCE.districtLabels]: {
				type: 'geojson',
				data: pointCollection(base.districts.map((d) => ({ coordinates: labelPoint(d), name: d.properties.name, kind: 'district' })))
			},
			[SOURCE.placeLabels]: { type: 'geojson', data: pointCollection(placeLabels) },
			[SOURCE.border]: { type: 'geojson', data: base.border },
			[SOURCE.borderLabel]: { type: 'geojson', data: borderLabelPoints(base.border) },
			[SOURCE.points]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
			...Object.fromEntries(OVERLAY_SOURCES.map((id) => [id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }]))
		},
		layers: [...contextLayers(), ...districtLayers(), ...hotspotLayers(), ...bandLayers(), ...pointLayers(), ...borderLayers(), ...planLayers()]
	};
}
