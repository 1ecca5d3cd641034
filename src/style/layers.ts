/**
 * The map's style, built from the bundled geodata alone: no tile server, no glyph server (labels
 * use the browser's local fonts, which MapLibre ≥ 5.11 renders when `glyphs` is omitted), so the
 * dashboard works offline. One function per concept: the context, districts, hot spots, points and
 * border here; labels.ts and planning.ts hold theirs, ids.ts the ids, palette.ts the base colours.
 * The choropleth's colours are decided by src/lib/shading (shade()) and reach the map as feature state.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { BaseMap } from '../lib/geodata/index.js';
import { labelPoint } from '../lib/districts/index.js';
import { ZERO_COLOUR } from '../lib/shading/index.js';
import { LAYER, OVERLAY_SOURCES, SOURCE } from './ids.js';
import { surgeLayers } from './surges.js';
import { COLD_OUTLINE, HOT_OUTLINE, INK, LAND, OTHER_PROVINCE, OUTLINE_CASING, WATER } from './palette.js';
import { borderLabelPoints, pointCollection } from './labels.js';
import { bandLayers, planLayers } from './planning.js';

export { LAYER, OVERLAY_SOURCES, SOURCE, type OverlaySource } from './ids.js';
export { borderLabelPoints, labelLayers } from './labels.js';

function contextLayers(): LayerSpecification[] {
	return [
		{ id: 'background', type: 'background', paint: { 'background-color': WATER } },
		{ id: 'countries-fill', type: 'fill', source: SOURCE.countries, paint: { 'fill-color': LAND } },
		{ id: 'countries-outline', type: 'line', source: SOURCE.countries, paint: { 'line-color': '#a09a90', 'line-width': 0.8 } },
		// The two focus provinces get land beneath their districts, which is what shows through the
		// translucent fill when zoomed in (without it, the sea's blue did).
		{
			id: 'provinces-fill',
			type: 'fill',
			source: SOURCE.provinces,
			paint: { 'fill-color': ['case', ['get', 'focus'], LAND, OTHER_PROVINCE] }
		}
	];
}

/** Opaque up to zoom 7, so the choropleth's colours are exact; 55 % from zoom 8, to read the basemap through. */
export const DISTRICT_FILL_OPACITY: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 7, 1, 8, 0.55];

function districtLayers(): LayerSpecification[] {
	return [
		// Each district's colour is its feature-state `colour` (src/components/IncidentMap). The
		// expression stays the same for every view: MapLibre lays a source's tiles out again whenever
		// a data-driven paint expression changes, and re-shading by swapping a step expression did that
		// to the full-detail outlines on every filter change and every step of play (issue #12).
		// From zoom 8 the fill lets the basemap's roads and rivers beneath it show through.
		{
			id: LAYER.districtFill,
			type: 'fill',
			source: SOURCE.districts,
			paint: { 'fill-color': ['to-color', ['feature-state', 'colour'], ZERO_COLOUR], 'fill-opacity': DISTRICT_FILL_OPACITY }
		},
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
 * thicker for higher confidence, each on a white casing (dark red alone vanished on the top class
 * of YlOrRd). Feature-state `gi` holds ±90/95/99 (0 = not significant).
 */
function hotspotLayers(): LayerSpecification[] {
	const gi: ExpressionSpecification = ['to-number', ['feature-state', 'gi'], 0];
	const level: ExpressionSpecification = ['abs', gi];
	const width = (extra: number): ExpressionSpecification => [
		'case',
		['>=', level, 99],
		4.5 + extra,
		['>=', level, 95],
		3 + extra,
		['>=', level, 90],
		1.8 + extra,
		0
	];
	const offset: ExpressionSpecification = ['case', ['>=', level, 90], -1.5, 0];
	const line = (id: string, colour: string | ExpressionSpecification, extra: number): LayerSpecification => ({
		id,
		type: 'line',
		source: SOURCE.districts,
		layout: { visibility: 'none', 'line-join': 'round' },
		paint: { 'line-color': colour, 'line-width': width(extra), 'line-offset': offset }
	});
	return [line(LAYER.hotspotCasing, OUTLINE_CASING, 3), line(LAYER.hotspots, ['case', ['>', gi, 0], HOT_OUTLINE, COLD_OUTLINE], 0)];
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
		layers: [
			...contextLayers(),
			...districtLayers(),
			...hotspotLayers(),
			...bandLayers(),
			...pointLayers(),
			...borderLayers(),
			...surgeLayers(),
			...planLayers()
		]
	};
}
