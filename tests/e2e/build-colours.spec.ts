/**
 * The build's colours and the engine's agree: for the default view of every bundled dataset, each
 * district's colour on the live map (the engine worker's join and aggregation, shaded on the page)
 * is the one the build computes for the first paint (src/lib/firstpaint defaultShading), so the
 * live map can start from the build's colours and the engine's later answer changes nothing.
 */
import { expect, test } from '@playwright/test';
import { baseMap, openingView } from './expected.js';
import { openDashboard, waitForView } from './map-page.js';
import { committedDataset, committedManifest } from '../unit/sources.js';
import { defaultShading } from '../../src/lib/firstpaint/index.js';
import { shadingKey } from '../../src/lib/viewstate/index.js';

for (const { id } of committedManifest().datasets) {
	test(`${id}: the engine shades its default view in the build's colours, district by district`, async ({ page }) => {
		const built = defaultShading(baseMap, committedDataset(id)).colours;
		await openDashboard(page, `?dataset=${id}`);
		await waitForView(page, shadingKey(openingView(id)));
		const live = await page.evaluate(
			(slugs) => slugs.map((slug) => window.__incidentMap!.getFeatureState({ source: 'districts', id: slug }).colour as string | undefined),
			baseMap.districts.map((d) => d.properties.slug)
		);
		const differing = baseMap.districts.flatMap((d, i) =>
			live[i] === built.get(d.properties.slug) ? [] : [`${d.properties.slug}: live ${live[i]}, build ${built.get(d.properties.slug)}`]
		);
		expect(differing).toEqual([]);
		// Not one colour for all: the comparison means something.
		expect(new Set(live).size).toBeGreaterThan(2);
	});
}
