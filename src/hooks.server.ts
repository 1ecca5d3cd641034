/**
 * Build-time HTML: the prerendered index gets the first paint (src/lib/firstpaint) in place of
 * the `%first-paint%` marker in app.html; every other page gets nothing there.
 */
import type { Handle } from '@sveltejs/kit';
import type { Topology } from 'topojson-specification';
import districtsTopology from '$geodata/districts.topo.json';
import contextTopology from '$geodata/context.topo.json';
import manifest from '$geodata/manifest.json';
import { decodeBaseMap } from '$lib/geodata/index.js';
import { firstPaintHtml } from '$lib/firstpaint/index.js';
import type { IncidentDataset } from '$lib/incident/index.js';

const datasetFiles = import.meta.glob<IncidentDataset>('../geodata/incidents/*.json', { eager: true, import: 'default' });

let firstPaint: string | null = null;
function indexFirstPaint(): string {
	if (firstPaint !== null) return firstPaint;
	const base = decodeBaseMap(districtsTopology as unknown as Topology, contextTopology as unknown as Topology);
	const first = manifest.datasets[0]!;
	const dataset = datasetFiles[`../geodata/${first.file}`];
	if (!dataset) throw new Error(`first paint: geodata/${first.file} not found`);
	firstPaint = firstPaintHtml(base, dataset);
	return firstPaint;
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%first-paint%', event.url.pathname === '/' ? indexFirstPaint() : '')
	});
