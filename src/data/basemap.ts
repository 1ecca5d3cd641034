/**
 * The offline basemap on the live map: geodata/basemap.json (Natural Earth) and the gazetteer's
 * towns, fetched after the first shaded frame and added beneath the districts and among the labels
 * (src/style/basemap).
 */
import basemapUrl from '$geodata/basemap.json?url';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { townFeatures, type BasemapFile } from '$lib/basemap/index.js';
import { basemapInsertions, basemapLayerIds, basemapSources } from '$style/basemap/index.js';
import { loadGazetteer } from './towns.js';

async function fetchBasemap(): Promise<BasemapFile> {
	const response = await fetch(basemapUrl);
	if (!response.ok) throw new Error(`the basemap could not be read (HTTP ${response.status})`);
	return (await response.json()) as BasemapFile;
}

/** Adds the basemap to a map whose labels are on; resolves once its sources and layers are in. */
export async function addBasemap(m: MapLibreMap, visible: () => boolean): Promise<void> {
	const [file, towns] = await Promise.all([fetchBasemap(), loadGazetteer()]);
	if (!m.getStyle()) return; // the map was removed meanwhile
	for (const [id, source] of Object.entries(basemapSources(file, townFeatures(towns)))) m.addSource(id, source);
	for (const { layer, before } of basemapInsertions()) m.addLayer(layer, before);
	showBasemap(m, visible());
}

export function showBasemap(m: MapLibreMap, visible: boolean): void {
	for (const id of basemapLayerIds()) if (m.getLayer(id)) m.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}
