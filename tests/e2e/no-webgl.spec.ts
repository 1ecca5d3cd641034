/** No dead ends: without WebGL the page keeps an SVG map of the same figures, clickable and keyboard-operable. */
import { expect, test } from '@playwright/test';
import { expectedView } from './expected.js';
import { formatCount } from '../../src/lib/format/index.js';

test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		const original = HTMLCanvasElement.prototype.getContext;
		// As a browser with WebGL disabled answers: no context.
		HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
			if (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl') return null;
			return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
		} as typeof original;
	});
});

test('the SVG map shows the same colours, says why, and opens districts by click and by keyboard', async ({ page }) => {
	await page.goto('/');
	// The default view: the UCDP series on January 2026.
	const expected = expectedView('ucdp', 'incidents', 'area');
	const map = page.getByTestId('svg-map');
	await expect(map).toBeVisible();
	await expect(page.getByTestId('no-webgl')).toContainText('The interactive map is not available: this browser has WebGL turned off or does not support it.');
	await expect(map.locator('path[data-slug]')).toHaveCount(69);
	for (const slug of ['peshawar', 'quetta', 'chagai']) {
		await expect(map.locator(`path[data-slug="${slug}"]`)).toHaveAttribute('fill', expected.bySlug.get(slug)!.colour);
	}
	// Ranking table: every district listed.
	await expect(page.getByTestId('ranking-table').locator('tbody tr')).toHaveCount(69);

	await map.locator('path[data-slug="quetta"]').click();
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'quetta');
	await expect(page.getByTestId('panel-incidents')).toHaveText(formatCount(expected.bySlug.get('quetta')!.totals.incidents));
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('district-panel')).toHaveCount(0);

	// Keyboard alone: focus a district, Enter opens it.
	const swat = map.locator('path[data-slug="swat"]');
	await swat.focus();
	await expect(swat).toBeFocused();
	await expect(swat).toHaveAttribute('aria-label', /^Swat: [\d.,]+ incidents per 1,000 km²$/);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'swat');
});
