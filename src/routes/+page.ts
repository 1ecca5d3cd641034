import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import { bundledDefaultWindow, loadBaseMap, loadBundledDataset, loadCensus, loadManifest, loadNational } from '../data/bundled.js';
import { decodeView, viewWindows } from '$lib/viewstate/index.js';
import { loadMapLibre } from '../data/maplibre.js';
import { mark } from '../data/marks.js';
import { sayFirstPaintView } from '../data/first-paint.js';

export const load: PageLoad = async ({ fetch, url }) => {
	// Start the MapLibre chunk now, in parallel with the geodata; the map awaits the same promise.
	void loadMapLibre();
	try {
		const [baseMap, manifest, census, national] = await Promise.all([loadBaseMap(fetch), loadManifest(fetch), loadCensus(fetch), loadNational(fetch)]);
		const requested = url.searchParams.get('dataset');
		const datasetId = manifest.datasets.some((d) => d.id === requested) ? requested! : manifest.datasets[0]!.id;
		// Only the releases the view's windows need: the default (January 2026) is one small file.
		// (A URL naming an imported dataset gets it from storage later; meanwhile the default's window.)
		const view = decodeView(url.searchParams, datasetId, (id) => bundledDefaultWindow(manifest, id));
		// A link to another view than the prerendered default says so while its figures load.
		sayFirstPaintView(view);
		const windows = view.dataset === datasetId ? viewWindows(view) : [bundledDefaultWindow(manifest, datasetId)];
		const dataset = await loadBundledDataset(fetch, manifest, datasetId, windows);
		mark('start:data-loaded');
		return { baseMap, manifest, census, dataset, national };
	} catch (err) {
		error(500, (err as Error).message);
	}
};
