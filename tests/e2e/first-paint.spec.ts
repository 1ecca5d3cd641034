/** The first paint: the default view's choropleth is in the prerendered HTML, before any script. */
import { expect, test } from '@playwright/test';
import { expectedView } from './expected.js';
import { openDashboard, waitForView } from './map-page.js';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the index shows the shaded districts, the border and the legend the app computes', async ({ page }) => {
		await page.goto('/');
		// The map opens on the UCDP series' newest month (January 2026), the first paint too.
		const expected = expectedView('ucdp', 'incidents', 'area');
		const paint = page.locator('#first-paint');
		await expect(paint).toBeVisible();
		const fills = await paint.locator('svg g path[fill]').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
		// Two province outlines first, then the 69 districts in slug order.
		const districtFills = fills.slice(2);
		expect(districtFills).toEqual([...expected.bySlug.values()].map((e) => e.colour));
		await expect(paint.locator('svg > path[stroke-dasharray]')).toHaveCount(1); // the border
		await expect(paint.locator('.fp-legend li')).toHaveCount(expected.breaks.lower.length + 1);
		await expect(paint.locator('.fp-legend')).toContainText('Incidents per 1,000 km²');
		await expect(paint.locator('.fp-head')).toContainText('January 2026 · UCDP Candidate 26.0.1, preliminary');
		// Readers without JavaScript can still reach every district.
		await expect(paint.locator('noscript, .fp-districts').first()).toBeAttached();
		await expect(page.locator('.fp-districts a')).toHaveCount(69);
	});
});

test('the interactive map takes over: the static first paint is gone once MapLibre has drawn', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.locator('#first-paint')).toHaveCount(0);
});

/** Holds back the requests for one bundled dataset's file until `release` is called. */
async function holdDataset(page: import('@playwright/test').Page, file: string) {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(`**/${file}*.json`, async (route) => (await held, route.continue()));
	return release;
}

test('a link to another view greys the first paint and says that view is being worked out', async ({ page }) => {
	const release = await holdDataset(page, 'gtd-2008');
	await page.goto('/?dataset=gtd-2008&window=2008-01..2008-12');
	const paint = page.locator('#first-paint');
	await expect(paint).toHaveClass(/fp-other/);
	await expect(paint.locator('.fp-head')).toHaveText(
		'Attacks in Khyber Pakhtunkhwa & Balochistan · the view in this link is being worked out: its colours come with the interactive map…'
	);
	// The default view's colours and legend do not pass for the link's.
	const fills = await paint.locator('.fp-d path').evaluateAll((paths) => [...new Set(paths.map((p) => getComputedStyle(p).fill))]);
	expect(fills).toEqual(['rgb(220, 216, 207)']);
	await expect(paint.locator('.fp-legend ul')).toBeHidden();
	release();
	await waitForView(page, 'gtd-2008|incidents|area|window=2008-01..2008-12');
	await expect(paint).toHaveCount(0);
});

test('a link to the default view (a district named, nothing else) keeps the first paint as it is', async ({ page }) => {
	const release = await holdDataset(page, 'ucdp-candidate-26-0-1');
	await page.goto('/?district=kech');
	// The link's view is known once its dataset is asked for (+page.ts).
	await page.waitForFunction(() => performance.getEntriesByName('bundled:requested').length > 0);
	const paint = page.locator('#first-paint');
	await expect(paint).not.toHaveClass(/fp-other/);
	await expect(paint.locator('.fp-head')).toContainText('January 2026 · UCDP Candidate 26.0.1, preliminary');
	expect(await paint.locator('.fp-d path').evaluateAll((paths) => new Set(paths.map((p) => getComputedStyle(p).fill)).size)).toBeGreaterThan(2);
	release();
	await expect(page.getByTestId('map')).toHaveAttribute('data-rendered', /^ucdp\|/, { timeout: 30_000 });
});

test('the frame that shows the live map carries neither the engine’s start nor the labels', async ({ page }) => {
	// The page's own view: the live map shades in the build's colours, and what follows waits for
	// the frame that shows it (src/data/marks.ts afterNextFrame). In that frame, the engine's start
	// (a worker, the outlines sent) or new label layers (a redraw of the map) cost 130–170 ms here.
	await page.goto('/');
	await waitForView(page, 'ucdp|incidents|area|window=2026-01..2026-01');
	const at = await page.evaluate(() =>
		Object.fromEntries(
			['map:first-shaded', 'map:on-screen', 'engine:started', 'map:labels-added'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])
		)
	);
	expect(at['map:first-shaded'], 'the build’s colours shaded the map').not.toBeNull();
	expect(at['engine:started']!, 'the engine starts after the live map is on screen').toBeGreaterThan(at['map:on-screen']!);
	expect(at['map:labels-added']!, 'the labels go in after the live map is on screen').toBeGreaterThan(at['map:on-screen']!);
});
