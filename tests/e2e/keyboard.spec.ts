/** Keyboard only: skip links, arrow keys over the focused map (as src/lib/districts/toward moves), and focus given back on Escape. */
import { expect, test, type Page } from '@playwright/test';
import { baseMap } from './expected.js';
import { openDashboard, waitForView } from './map-page.js';
import { labelPoint } from '../../src/lib/districts/index.js';
import { districtToward, nearestTo } from '../../src/lib/districts/toward.js';

const points = baseMap.districts.map((d) => labelPoint(d));
const slugs = baseMap.districts.map((d) => d.properties.slug);
const toward = (slug: string, direction: 'left' | 'right' | 'up' | 'down') => slugs[districtToward(points, slugs.indexOf(slug), direction)!]!;
const focusedTestId = (page: Page) =>
	page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.tagName);

test('from page load, a district opens in four key presses, and Escape gives focus back to the map', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('skip-map')).toBeFocused();
	await expect(page.getByTestId('skip-map')).toBeInViewport();
	await page.keyboard.press('Enter');
	const canvas = page.locator('#map .maplibregl-canvas');
	await expect(canvas).toBeFocused();
	const centre = await page.evaluate(() => window.__incidentMap!.getCenter().toArray() as [number, number]);
	await page.keyboard.press('ArrowRight');
	// The first press lands on the district at the map's centre; the live region names it and its figures.
	const announcer = page.getByTestId('map-announcer');
	const atCentre = baseMap.districts[nearestTo(points, centre)]!.properties;
	await expect(announcer).toContainText(`${atCentre.name}`);
	await expect(announcer).toContainText('Enter opens its details');
	await page.keyboard.press('Enter');
	const panel = page.getByTestId('district-panel');
	await expect(panel).toHaveCount(1);
	await expect(panel).toHaveAttribute('data-slug', atCentre.slug);
	await page.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	await expect(canvas).toBeFocused();
});

test('arrow keys move from district to district as the core finds them, the map’s own panning aside', async ({ page }) => {
	await openDashboard(page, '?district=peshawar');
	await waitForView(page, 'gtd-2008|incidents|area');
	const canvas = page.locator('#map .maplibregl-canvas');
	await canvas.focus();
	await page.keyboard.press('ArrowLeft'); // lands on the open district first
	await expect(page.getByTestId('map-announcer')).toContainText('Peshawar');
	let at = 'peshawar';
	for (const direction of ['right', 'down', 'down', 'left'] as const) {
		const next = toward(at, direction);
		await page.keyboard.press({ right: 'ArrowRight', down: 'ArrowDown', left: 'ArrowLeft', up: 'ArrowUp' }[direction]);
		const name = baseMap.districts.find((d) => d.properties.slug === next)!.properties.name;
		await expect(page.getByTestId('map-announcer'), `${direction} of ${at}`).toContainText(name);
		at = next;
	}
	// The cursor is highlighted as a hover is; Enter opens it.
	expect(await page.evaluate((slug) => window.__incidentMap!.getFeatureState({ source: 'districts', id: slug }).hover, at)).toBe(true);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', at);
});

test('skip links reach the district list and the ranking table; Escape returns to the row that opened the card', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('skip-districts')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('district-select')).toBeFocused();
	await page.reload();
	await waitForView(page, 'gtd-2008|incidents|area');
	for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
	await expect(page.getByTestId('skip-table')).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await focusedTestId(page)).toBe('ranking-table');
	const row = await page.evaluate(() => document.activeElement!.closest('tr')!.getAttribute('data-slug'));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', row!);
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('district-panel')).toHaveCount(0);
	await expect(page.locator(`[data-testid="ranking-table"] tr[data-slug="${row}"] button.name`)).toBeFocused();
});
