/**
 * The bench's floor (issue #27): a page with MapLibre and nothing else, showing the app's own
 * first style (src/style buildStyle: the same sources, layers and fonts) with the default view's
 * colours computed here in Node by the build's own code (src/lib/firstpaint defaultShading). No
 * Svelte, no workers of ours, no dataset. It fetches and decodes the same TopoJSON outlines and
 * marks `map:first-shaded` at MapLibre's first idle with the colours set and `map:on-screen` at
 * the frame after, as the dashboard does. Built with Vite into the preview server's client directory, so one server
 * serves both pages: /__bench-floor/?w=<map width>&h=<map height> (the dashboard's map area).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Topology } from 'topojson-specification';
import { decodeBaseMap } from '../src/lib/geodata/index.js';
import { defaultShading } from '../src/lib/firstpaint/index.js';
import { bundledDataset, type BundledEntry, type BundledFile } from '../src/lib/bundle/index.js';

const root = resolve(import.meta.dirname, '..');
const readJson = <T>(file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as T;

/** The default view's colour per district slug, for the first bundled dataset (the page's own default). */
function defaultColours(): Record<string, string> {
	const base = decodeBaseMap(readJson<Topology>('geodata/districts.topo.json'), readJson<Topology>('geodata/context.topo.json'));
	const entry = readJson<{ datasets: BundledEntry[] }>('geodata/manifest.json').datasets[0]!;
	const dataset = bundledDataset(
		entry,
		entry.parts.map((part) => ({ part, file: readJson<BundledFile>(`geodata/${part.file}`) }))
	);
	return Object.fromEntries(defaultShading(base, dataset).colours);
}

const MAIN = `
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox, featureCollection } from '@turf/turf';
import districtsUrl from '$geodata/districts.topo.json?url';
import contextUrl from '$geodata/context.topo.json?url';
import { decodeBaseMap } from '$lib/geodata/index.js';
import { buildStyle } from '$style/layers.js';
import { SOURCE } from '$style/layers.js';
import colours from './colours.json';

const params = new URLSearchParams(location.search);
const container = document.getElementById('map');
container.style.width = (params.get('w') ?? '1000') + 'px';
container.style.height = (params.get('h') ?? '800') + 'px';
maplibregl.setWorkerUrl(workerUrl);
const [d, c] = await Promise.all([fetch(districtsUrl).then((r) => r.json()), fetch(contextUrl).then((r) => r.json())]);
const base = decodeBaseMap(d, c);
const [w, s, e, n] = bbox(featureCollection(base.districts));
// The dashboard's own options (IncidentMap createMap), and its marks (src/data/marks.ts).
performance.mark('map:creating');
const map = new maplibregl.Map({
	container,
	style: buildStyle(base),
	bounds: [w, s, e, n],
	fitBoundsOptions: { padding: 24 },
	maxBounds: [[w - 12, s - 8], [e + 12, n + 8]],
	attributionControl: false,
	fadeDuration: 0
});
map.on('load', () => {
	performance.mark('map:loaded');
	for (const [slug, colour] of Object.entries(colours)) map.setFeatureState({ source: SOURCE.districts, id: slug }, { colour });
	map.once('idle', () => {
		performance.mark('map:first-shaded');
		// As the dashboard does (src/data/marks.ts onScreen): the frame after, when it is on screen.
		requestAnimationFrame(() => setTimeout(() => performance.mark('map:on-screen')));
	});
	map.triggerRepaint();
});
`;

/** Writes the floor page into `outDir` (a directory the preview server serves); unminified for a profile. */
export async function buildFloorPage(outDir: string, { minify = true } = {}): Promise<void> {
	const src = join(root, '.bench-floor-src');
	rmSync(src, { recursive: true, force: true });
	mkdirSync(src, { recursive: true });
	writeFileSync(join(src, 'colours.json'), JSON.stringify(defaultColours()));
	writeFileSync(join(src, 'main.js'), MAIN);
	writeFileSync(
		join(src, 'index.html'),
		'<!doctype html><html><head><meta charset="utf-8"><title>bench floor</title></head><body style="margin:0"><div id="map"></div><script type="module" src="./main.js"></script></body></html>'
	);
	try {
		await build({
			root: src,
			base: './',
			logLevel: 'warn',
			configFile: false,
			resolve: { alias: { $lib: join(root, 'src/lib'), $style: join(root, 'src/style'), $geodata: join(root, 'geodata') } },
			build: { outDir: resolve(root, outDir), emptyOutDir: true, assetsInlineLimit: 0, target: 'es2022', chunkSizeWarningLimit: 2000, minify }
		});
	} finally {
		rmSync(src, { recursive: true, force: true });
	}
}
