/**
 * MapLibre is most of the app's JavaScript (~295 KB gzip of ~330 KB), so it is its own chunk:
 * the page loader starts fetching it in parallel with the geodata, and the app shell (controls,
 * ranking, accounting) does not wait for it.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapView } from '$lib/planreport/index.js';

type MapLibre = typeof import('maplibre-gl');
let pending: Promise<MapLibre> | null = null;

export function loadMapLibre(): Promise<MapLibre> {
	pending ??= import('maplibre-gl').then((maplibregl) => {
		// maplibre-gl 6 is ESM-only and needs to be told where its worker module is.
		maplibregl.setWorkerUrl(workerUrl);
		return maplibregl;
	});
	return pending;
}

/**
 * A map copied into a canvas (read during the render event, so no need to keep the WebGL buffer):
 * as drawn now, or at `view` (a report framed on its place) once everything in it is drawn, after
 * which the camera goes back to where the user had it.
 */
export async function captureCanvas(m: MapLibreMap, view?: MapView): Promise<HTMLCanvasElement> {
	if (!view) return copyOnRender(m);
	const camera = { center: m.getCenter(), zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
	m.jumpTo({ center: view.centre, zoom: view.zoom, bearing: 0, pitch: 0 });
	await new Promise((resolve) => m.once('idle', resolve));
	try {
		return await copyOnRender(m);
	} finally {
		m.jumpTo(camera);
	}
}

function copyOnRender(m: MapLibreMap): Promise<HTMLCanvasElement> {
	return new Promise((resolve) => {
		m.once('render', () => {
			const src = m.getCanvas();
			const copy = document.createElement('canvas');
			copy.width = src.width;
			copy.height = src.height;
			copy.getContext('2d')!.drawImage(src, 0, 0);
			resolve(copy);
		});
		m.triggerRepaint();
	});
}
