/**
 * The offline basemap on the live map: geodata/basemap.json (Natural Earth) and the gazetteer's
 * towns, fetched after the first shaded frame and added beneath the districts and among the labels
 * (src/style/basemap).
 */
import basemapUrl from '$geodata/basemap.json?url';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { townFeatures, type BasemapFile } from '$lib/basemap/index.js';
import { basemapInsertions, basemapLayerIds, basemapSources } from '$style/basemap/index.js';
import { labelLayers } from '$style/layers.js';
import { loadGazetteer } from './towns.js';
import { warmUpPrograms } from './warm-up.js';
import { mark } from './marks.js';

async function fetchBasemap(): Promise<BasemapFile> {
	const response = await fetch(basemapUrl);
	if (!response.ok) throw new Error(`the basemap could not be read (HTTP ${response.status})`);
	return (await response.json()) as BasemapFile;
}

/** Layers added per task: a batch of MapLibre's addLayer runs ~1 ms a layer here, 3–4 on a slow CPU. */
const LAYERS_PER_TASK = 4;

/** Resolves in a later task, so the page can answer input between the basemap's steps. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Adds the basemap to a map whose labels are on; resolves once its sources and layers are in.
 * In steps, each its own task: the JSON's parse, the sources, then a few layers at a time. In one
 * task it ran 51 ms on CI, while the page was taking a 100,000-row import (large-import.spec.ts).
 * Layers go in bottom-up beneath fixed layers, so each step draws a correct, partial basemap.
 */
export async function addBasemap(m: MapLibreMap, visible: () => boolean): Promise<void> {
	const [file, towns] = await Promise.all([fetchBasemap(), loadGazetteer()]);
	await nextTask();
	if (!m.getStyle()) return; // the map was removed meanwhile
	for (const [id, source] of Object.entries(basemapSources(file, townFeatures(towns)))) m.addSource(id, source);
	const insertions = basemapInsertions();
	for (let i = 0; i < insertions.length; i += LAYERS_PER_TASK) {
		await nextTask();
		if (!m.getStyle()) return;
		for (const { layer, before } of insertions.slice(i, i + LAYERS_PER_TASK)) m.addLayer(withVisibility(layer, visible()), before);
	}
	showBasemap(m, visible()); // the toggle may have changed while the layers went in
}

/** A layer added already shown or hidden, so a hidden basemap never flashes while it goes in. */
function withVisibility(layer: LayerSpecification, visible: boolean): LayerSpecification {
	return { ...layer, layout: { ...layer.layout, visibility: visible ? 'visible' : 'none' } } as LayerSpecification;
}

/**
 * What follows the first shaded frame, in turn: the labels (see labelLayers for why they wait),
 * then, once they are drawn, the basemap (context, never in the way of the first frame), then the
 * shader programs the map will need later (src/data/warm-up.ts), whether or not the basemap came.
 * Resolves once the basemap is in and the warm-up drawn; null when the labels are already on (the
 * chain ran before).
 */
export function addContextLayers(m: MapLibreMap, basemap: () => boolean, onlabels: () => void): Promise<void> | null {
	if (m.getLayer(labelLayers()[0]!.id)) return null;
	for (const layer of labelLayers()) m.addLayer(layer);
	mark('map:labels-added');
	return new Promise((resolve) => m.once('idle', resolve)).then(() => (onlabels(), addBasemap(m, basemap))).finally(() => warmUpPrograms(m));
}

export function showBasemap(m: MapLibreMap, visible: boolean): void {
	for (const id of basemapLayerIds()) if (m.getLayer(id)) m.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}
