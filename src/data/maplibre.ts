/**
 * MapLibre is most of the app's JavaScript (~295 KB gzip of ~330 KB), so it is its own chunk:
 * the page loader starts fetching it in parallel with the geodata, and the app shell (controls,
 * ranking, accounting) does not wait for it.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

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
