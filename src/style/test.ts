import { describe, expect, it } from 'vitest';
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, labelLayers, LAYER } from './layers.js';
import { BASEMAP_LAYER, basemapInsertions, basemapLayerIds, basemapSources, townLabelLayer } from './basemap/index.js';
import { townFeatures, type BasemapFile } from '../lib/basemap/index.js';
import type { GazetteerTown } from '../lib/place/index.js';
import { committedBaseMap } from '../../tests/unit/sources.js';
import { everyFillColour } from '../lib/shading/colours.js';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r, g, b] = [1, 3, 5].map((i) => {
			const c = parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

const FILLS = everyFillColour();

describe('Gi* hot- and cold-spot outlines', () => {
	const layers = buildStyle(committedBaseMap()).layers;
	const at = (id: string) => layers.findIndex((l) => l.id === id);
	const paint = (id: string) => (layers[at(id)] as LineLayerSpecification).paint!;
	const lineColours = paint(LAYER.hotspots)['line-color'] as unknown as [string, unknown, string, string];
	const outlines = { hot: lineColours[2], cold: lineColours[3] };
	const casing = paint(LAYER.hotspotCasing)['line-color'] as string;

	it('sit on a casing drawn beneath them, wider at every confidence level', () => {
		expect(at(LAYER.hotspotCasing)).toBe(at(LAYER.hotspots) - 1);
		expect(paint(LAYER.hotspotCasing)['line-offset']).toEqual(paint(LAYER.hotspots)['line-offset']);
	});

	// The dark red outline alone had a contrast of 1.5 with YlOrRd's top class: a hot spot vanished
	// exactly where the fill says the most.
	it.each(Object.entries(outlines))('%s: the outline or its casing stands out (contrast ≥ 3) from every fill colour', (_, colour) => {
		const hidden = FILLS.filter((fill) => Math.max(contrast(colour, fill), contrast(casing, fill)) < 3);
		expect(hidden).toEqual([]);
	});
});

describe('the style with its labels and the basemap in', () => {
	// As the map builds it: the initial style, the labels after the first frame, then the basemap.
	function fullStyle() {
		const style = buildStyle(committedBaseMap());
		const file = JSON.parse(readFileSync('geodata/basemap.json', 'utf8')) as BasemapFile;
		const towns = townFeatures((JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')) as { places: GazetteerTown[] }).places);
		const layers = [...style.layers, ...labelLayers()];
		for (const { layer, before } of basemapInsertions())
			layers.splice(
				layers.findIndex((l) => l.id === before),
				0,
				layer
			);
		return { ...style, sources: { ...style.sources, ...basemapSources(file, towns) }, layers };
	}

	it('is a valid MapLibre style', () => {
		expect(validateStyleMin(fullStyle()).map((e) => e.message)).toEqual([]);
	});

	it('draws roads, rail and water under the district fill, towns over it, and the border label on top', () => {
		const ids = fullStyle().layers.map((l) => l.id);
		const at = (id: string) => ids.indexOf(id);
		for (const id of [BASEMAP_LAYER.roads, BASEMAP_LAYER.railways, BASEMAP_LAYER.rivers, BASEMAP_LAYER.lakes])
			expect(at(id)).toBeLessThan(at(LAYER.districtFill));
		expect(at(BASEMAP_LAYER.roads)).toBeGreaterThan(at('provinces-fill'));
		// MapLibre places the top layer's labels first: the border's label never gives way, capitals next,
		// then district names, then towns from the biggest tier down.
		const symbols = fullStyle()
			.layers.filter((l) => l.type === 'symbol')
			.map((l) => l.id)
			.reverse();
		expect(symbols.slice(0, 3)).toEqual([LAYER.borderLabel, townLabelLayer(0), LAYER.districtLabels]);
		expect(symbols.filter((id) => id.startsWith('basemap-town-labels-'))).toEqual([0, 1, 2, 3, 4].map(townLabelLayer));
		expect(basemapLayerIds()).toHaveLength(fullStyle().layers.filter((l) => 'source' in l && String(l.source).startsWith('basemap-')).length);
	});

	it('lets the basemap show through the fill from zoom 8 only', () => {
		const fill = buildStyle(committedBaseMap()).layers.find((l) => l.id === LAYER.districtFill) as FillLayerSpecification;
		const opacity = fill.paint!['fill-opacity'] as unknown as (string | number | string[])[];
		expect(opacity.slice(3)).toEqual([7, 1, 8, 0.55]);
	});
});
