import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import { loadBaseMap, loadBundledDataset, loadManifest } from '../data/bundled.js';

export const load: PageLoad = async ({ fetch, url }) => {
	try {
		const [baseMap, manifest] = await Promise.all([loadBaseMap(fetch), loadManifest(fetch)]);
		const requested = url.searchParams.get('dataset');
		const datasetId = manifest.datasets.some((d) => d.id === requested) ? requested! : manifest.datasets[0]!.id;
		const dataset = await loadBundledDataset(fetch, manifest, datasetId);
		return { baseMap, manifest, dataset, initialDistrict: url.searchParams.get('district') };
	} catch (err) {
		error(500, (err as Error).message);
	}
};
