/** Accessibility by test: axe-core finds no WCAG 2 A/AA violations on the main views. */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openDashboard, waitForView } from './map-page.js';

async function violations(page: Page) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa'])
		// The WebGL canvas is a picture drawn by MapLibre; its contents are not DOM to audit.
		.exclude('.maplibregl-canvas')
		.analyze();
	return violations.map(
		(v) =>
			`${v.id}: ${v.help} — ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join('; ')}`
	);
}

test('the dashboard on a desktop', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	expect(await violations(page)).toEqual([]);
});

test('the map’s own first screen (UCDP, January 2026) and its whole record with the gap', async ({ page }) => {
	// axe over the whole record (445 months in each month picker, Kurram's list) takes 30 s alone here, more beside another worker.
	test.setTimeout(120_000);
	await openDashboard(page, '?dataset=ucdp');
	await waitForView(page, 'ucdp|incidents|area|window=2026-01..2026-01');
	expect(await violations(page)).toEqual([]);
	await page.getByTestId('all-dates').click();
	await waitForView(page, 'ucdp|incidents|area');
	await page.getByTestId('district-select').selectOption('kurram');
	expect(await violations(page)).toEqual([]);
});

test('the Get current data dialog, and the hazard × need view with a site check', async ({ page }) => {
	await openDashboard(page, '?dataset=gtd-2008&need=water&tool=site&site=32.986,70.604&sitename=TEST%20site');
	await waitForView(page, 'gtd-2008|incidents|area|need=water');
	await expect(page.getByTestId('site-need')).toBeVisible();
	expect(await violations(page)).toEqual([]);
	await page.getByTestId('get-current-data').click();
	await expect(page.getByTestId('current-data')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('a district page', async ({ page }) => {
	await page.goto('/district/chaman/');
	expect(await violations(page)).toEqual([]);
});

test('the page for a path that does not exist', async ({ page }) => {
	await page.goto('/district/peshawr/');
	await expect(page.getByTestId('not-found-suggestion')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
	test('the dashboard, and the open bottom sheet', async ({ page }) => {
		await openDashboard(page);
		await waitForView(page, 'gtd-2008|incidents|area');
		expect(await violations(page)).toEqual([]);
		await page.getByTestId('district-select').selectOption('quetta');
		await expect(page.getByTestId('side')).toHaveAttribute('data-sheet', 'half');
		expect(await violations(page)).toEqual([]);
	});
});

test('every district can be reached and opened with the keyboard alone', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	// The district chooser is reachable by Tab and lists all 69; choosing one opens it.
	const chooser = page.getByTestId('district-select');
	for (let i = 0; i < 200 && !(await chooser.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(chooser).toBeFocused();
	await expect(chooser.locator('option[value]:not([value=""])')).toHaveCount(69);
	await page.keyboard.press('ArrowDown'); // the first district, as a keyboard user picks it
	await expect(page.getByTestId('district-panel')).toHaveCount(1);
	// Every row of the ranking table names its district with a native button (in the tab order);
	// Enter on one opens it.
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('ranking-table').locator('tbody tr button.name')).toHaveCount(69);
	const quetta = page.getByTestId('ranking-table').locator('tr[data-slug="quetta"] button.name');
	await quetta.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'quetta');
});
