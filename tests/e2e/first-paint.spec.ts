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
