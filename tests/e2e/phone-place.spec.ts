/**
 * A phone keeps the place in view: a shared district or site link moves the camera so that the
 * place sits above the bottom sheet; the legend folds to one line; a tap elsewhere takes a tooltip
 * away. Also at 390×844: the basemap's N-25 (Quetta–Chaman) shows through the fill.
 */
import { expect, test, type Page } from '@playwright/test';
import { bbox } from '@turf/turf';
import { baseMap } from './expected.js';
import { openDashboard, waitForView } from './map-page.js';
import { circleBounds } from '../../src/lib/frame/index.js';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** The screen box (page px) of a lon/lat box on the map. */
async function screenBox(page: Page, [w, s, e, n]: number[]) {
	const map = (await page.getByTestId('map').boundingBox())!;
	const [a, b] = await page.evaluate(
		([w, s, e, n]) => [window.__incidentMap!.project([w!, n!]), window.__incidentMap!.project([e!, s!])].map((p) => ({ x: p.x, y: p.y })),
		[w, s, e, n]
	);
	return { left: map.x + a!.x, top: map.y + a!.y, right: map.x + b!.x, bottom: map.y + b!.y, mapTop: map.y };
}

async function sheetTop(page: Page) {
	return (await page.getByTestId('side').boundingBox())!.y;
}

/** Whether the box lies in the visible map: below the map's top, above the sheet, within the width. */
async function aboveSheet(page: Page, box: number[]) {
	const s = await screenBox(page, box);
	const top = await sheetTop(page);
	return s.top >= s.mapTop && s.bottom <= top && s.left >= 0 && s.right <= 390;
}

test('a shared district link on a phone: the district sits above the half-open sheet', async ({ page }) => {
	await openDashboard(page, '?district=dera-ismail-khan');
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('side')).toHaveAttribute('data-sheet', 'half');
	const district = baseMap.districts.find((d) => d.properties.slug === 'dera-ismail-khan')!;
	await expect.poll(() => aboveSheet(page, bbox(district)), { timeout: 15_000 }).toBe(true);
});

test('a shared site link on a phone: the whole radius circle sits above the sheet', async ({ page }) => {
	await openDashboard(page, '?tool=site&site=30.18414,67.00141&sitename=Quetta&sitekind=town');
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('site-incidents')).toBeVisible();
	const circle = circleBounds([67.00141, 30.18414], 25, 0);
	await expect.poll(() => aboveSheet(page, circle), { timeout: 15_000 }).toBe(true);
	// Framed on it: the circle fills a good part of the visible map's width, not a speck.
	const s = await screenBox(page, circle);
	expect(s.right - s.left).toBeGreaterThan(390 / 3);
});

test('the legend folds to one line, and a tap elsewhere takes the tooltip away', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	// On a phone the legend starts folded to its title line; a tap opens it, another folds it.
	const legend = page.getByTestId('legend');
	const toggle = page.getByTestId('legend-toggle');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	const folded = (await legend.boundingBox())!.height;
	expect(folded).toBeLessThan(40);
	await toggle.click();
	await expect(legend.locator('li').first()).toBeVisible();
	const open = (await legend.boundingBox())!.height;
	expect(folded).toBeLessThan(open / 3);
	await toggle.click();
	await expect(legend.locator('li').first()).toBeHidden();
	expect((await legend.boundingBox())!.height).toBe(folded);

	// A tap on a district's fill shows its tooltip (MapLibre reads the tap as a pointer move).
	const quetta = baseMap.districts.find((d) => d.properties.slug === 'quetta')!;
	const s = await screenBox(page, bbox(quetta));
	await page.mouse.move((s.left + s.right) / 2, (s.top + s.bottom) / 2);
	const tooltip = page.getByRole('tooltip');
	await expect(tooltip).toBeVisible();
	const box = (await tooltip.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	// A tap on the page outside the map.
	await page.getByTestId('sheet-handle').dispatchEvent('pointerdown', { pointerType: 'touch' });
	await expect(tooltip).toHaveCount(0);
});
