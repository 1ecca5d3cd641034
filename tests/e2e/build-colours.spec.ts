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

/** The live map's colour for every district, in slug order (undefined where it has none). */
const liveColours = (page: import('@playwright/test').Page) =>
	page.evaluate(
		(slugs) => slugs.map((slug) => window.__incidentMap!.getFeatureState({ source: 'districts', id: slug }).colour as string | undefined),
		baseMap.districts.map((d) => d.properties.slug)
	);

test.describe('with the engine held back (its worker never starts)', () => {
	test.beforeEach(async ({ context }) => {
		await context.route('**/engine.worker-*.js', (route) => route.abort());
	});

	test("the page's own view shades at once, in the build's colours", async ({ page }) => {
		const built = defaultShading(baseMap, committedDataset('ucdp')).colours;
		await openDashboard(page, '?dataset=ucdp');
		const map = page.getByTestId('map');
		await expect(map).toHaveAttribute('data-shaded', 'true', { timeout: 45_000 });
		await expect(page.locator('#first-paint')).toHaveCount(0);
		// Shaded by the build's colours alone: the engine has not answered.
		await expect(map).toHaveAttribute('data-rendered', '');
		expect(await liveColours(page)).toEqual(baseMap.districts.map((d) => built.get(d.properties.slug)));
	});

	test("a link to another view does not pass the build's colours off as its own", async ({ page }) => {
		await openDashboard(page, '?dataset=gtd-2008');
		// First, while the first paint is up (after 10 s without a shaded map it gives way regardless).
		await expect(page.locator('#first-paint')).toHaveClass(/fp-other/);
		await page.waitForFunction(() => window.__incidentMap?.loaded() === true, null, { timeout: 45_000 });
		// Drawn and settled: a repaint, then its idle.
		await page.evaluate(
			() =>
				new Promise((resolve) => {
					window.__incidentMap!.once('idle', resolve);
					window.__incidentMap!.triggerRepaint();
				})
		);
		await expect(page.getByTestId('map')).toHaveAttribute('data-shaded', 'false');
		expect(new Set(await liveColours(page))).toEqual(new Set([undefined]));
	});
});

test('before the first shaded frame the map is sent nothing its style already holds (no empty overlay or points)', async ({ page }) => {
	// Each GeoJSON source's data sent after MapLibre's load, until the first paint gives way.
	await page.addInitScript(() => {
		const sent: string[] = [];
		(window as unknown as { __sentBeforeShaded: string[] }).__sentBeforeShaded = sent;
		let map: import('maplibre-gl').Map | undefined;
		Object.defineProperty(window, '__incidentMap', {
			configurable: true,
			get: () => map,
			set(m: import('maplibre-gl').Map) {
				map = m;
				m.once('load', () =>
					m.on('sourcedataloading', (e: { sourceId?: string }) => {
						if (document.getElementById('first-paint') && e.sourceId) sent.push(e.sourceId);
					})
				);
			}
		});
	});
	await openDashboard(page, '?dataset=ucdp');
	await expect(page.getByTestId('map')).toHaveAttribute('data-shaded', 'true', { timeout: 45_000 });
	// Each re-sent source is re-tiled in MapLibre's worker and redrawn: frames the first one waited for.
	expect(await page.evaluate(() => (window as unknown as { __sentBeforeShaded: string[] }).__sentBeforeShaded)).toEqual([]);
});
