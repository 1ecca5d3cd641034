import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import { loadBaseMap, loadBundledDataset, loadCensus, loadManifest } from '../data/bundled.js';
import { loadMapLibre } from '../data/maplibre.js';

export const load: PageLoad = async ({ fetch, url }) => {
	// Start the MapLibre chunk now, in parallel with the geodata; the map awaits the same promise.
	void loadMapLibre();
	try {
		const [baseMap, manifest, census] = await Promise.all([loadBaseMap(fetch), loadManifest(fetch), loadCensus(fetch)]);
		const requested = url.searchParams.get('dataset');
		const datasetId = manifest.datasets.some((d) => d.id === requested) ? requested! : manifest.datasets[0]!.id;
		const dataset = await loadBundledDataset(fetch, manifest, datasetId);
		return { baseMap, manifest, census, dataset };
	} catch (err) {
		error(500, (err as Error).message);
	}
};
