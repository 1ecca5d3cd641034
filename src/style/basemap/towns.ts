/**
 * Towns of the bundled gazetteer (GeoNames): a dot and a name, bigger towns from lower zooms
 * (src/lib/basemap TOWN_TIERS), capitals always. Afghan towns are drawn fainter: the map is about
 * Pakistan's side, but a reader near the border needs the towns across it.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { TOWN_TIERS } from '../../lib/basemap/index.js';
import { BASEMAP_LAYER, BASEMAP_SOURCE, townLabelLayer } from './ids.js';
import { FONT, INK } from '../palette.js';

const faint = (pakistan: string, elsewhere: string): ExpressionSpecification => ['case', ['==', ['get', 'country'], 'PK'], pakistan, elsewhere];
/** A dot of 2.5 px for the towns of `tier` and below, none for the others. */
const dotUpTo = (tier: number): ExpressionSpecification => ['case', ['<=', ['get', 'tier'], tier], 2.5, 0];

/** A town's dot shows from its tier's zoom, as its label does (a step, not a fade). */
export function townDotLayers(): LayerSpecification[] {
	const [first, ...rest] = TOWN_TIERS;
	const radius = [
		'step',
		['zoom'],
		dotUpTo(first.tier),
		...rest.flatMap(({ tier, minzoom }) => [minzoom, dotUpTo(tier)])
	] as unknown as ExpressionSpecification;
	return [
		{
			id: BASEMAP_LAYER.townDots,
			type: 'circle',
			source: BASEMAP_SOURCE.towns,
			paint: { 'circle-radius': radius, 'circle-color': faint('#333333', '#8a8a8a'), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.8 }
		}
	];
}

/** One label layer per tier (a layer's minzoom: filters on zoom are evaluated only at whole zooms). */
export function townLabelLayers(): LayerSpecification[] {
	return TOWN_TIERS.map(({ tier, minzoom }) => ({
		id: townLabelLayer(tier),
		type: 'symbol',
		source: BASEMAP_SOURCE.towns,
		minzoom,
		filter: ['==', ['get', 'tier'], tier],
		layout: {
			'text-field': ['get', 'name'],
			'text-font': FONT,
			'text-size': tier === 0 ? 13 : tier <= 2 ? 12 : 11,
			'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
			'text-radial-offset': 0.5,
			'symbol-sort-key': ['-', 0, ['get', 'population']]
		},
		paint: { 'text-color': faint(INK, '#8a8a8a'), 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 }
	}));
}
