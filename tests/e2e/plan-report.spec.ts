/**
 * Results framed on their place: the live map fits a site's radius and a route's corridor when the
 * figures arrive (and from a shared link); the PNG and the printed report are the framed picture;
 * every planning tool copies its link, and the copied link opens the same tab.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openDashboard, waitForView } from './map-page.js';
import { circleBounds, contains, corridorBounds, type Bounds } from '../../src/lib/frame/index.js';
import { routeExposure } from '../../src/lib/route/index.js';
import { committedDataset } from '../unit/sources.js';

const quetta: [number, number] = [67.00141, 30.18414];
const route: [number, number][] = [
	[71.5785, 34.008],
	[71.4419, 33.5869],
	[70.604, 32.986]
];

const mapBounds = (page: Page) => page.evaluate(() => window.__incidentMap!.getBounds().toArray().flat() as [number, number, number, number]);
const settled = (page: Page) =>
	page.evaluate(() => new Promise<void>((resolve) => (window.__incidentMap!.isMoving() ? window.__incidentMap!.once('moveend', () => resolve()) : resolve())));

/** PNG width and height from its IHDR chunk. */
function pngSize(path: string) {
	const bytes = readFileSync(path);
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function framedOn(page: Page, box: Bounds) {
	await settled(page);
	const shown = await mapBounds(page);
	// Holds the place whole, and is framed on it: the view no more than 4× its size both ways.
	return contains(shown, box) && Math.min((shown[2] - shown[0]) / (box[2] - box[0]), (shown[3] - shown[1]) / (box[3] - box[1])) < 4;
}

test('a site: the map fits its radius, its PNG is the framed picture, the print shows only it', async ({ page }) => {
	await openDashboard(page, `?tool=site&site=${quetta[1]},${quetta[0]}&sitename=Quetta&sitekind=town`);
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('site-incidents')).toBeVisible();
	const circle = circleBounds(quetta, 25, 0);
	await expect.poll(() => framedOn(page, circle)).toBe(true);

	const before = await mapBounds(page);
	const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('site-png').click()]);
	const size = pngSize((await png.path())!);
	const map = (await page.getByTestId('map').boundingBox())!;
	expect(size.width).toBe(Math.round(map.width));
	expect(size.height).toBeGreaterThan(map.height);
	// The user's view is given back after the picture is taken.
	expect(await mapBounds(page)).toEqual(before);

	// Print: the same picture alone on the page, gone once printed.
	await page.evaluate(() => {
		window.print = () => {
			const img = document.querySelector<HTMLImageElement>('img.print-report');
			(window as unknown as { __printed: unknown }).__printed = img && {
				width: img.naturalWidth,
				alone: document.body.lastElementChild === img || !!img.parentElement
			};
		};
	});
	await page.getByRole('button', { name: 'Print report' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { __printed?: { width: number } }).__printed?.width)).toBe(size.width);
	await expect(page.getByTestId('print-report')).toHaveCount(0);
});

test('a route from a shared link: the map fits its corridor, and its PNG holds the segment table', async ({ page }) => {
	await openDashboard(page, `?tool=route&route=${route.map(([lon, lat]) => `${lat},${lon}`).join(';')}&corridor=10`);
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('route-segments')).toBeVisible();
	await expect.poll(() => framedOn(page, corridorBounds(route, 10, 0)!)).toBe(true);
	const rows = await page.getByTestId('route-segments').locator('tbody tr').count();
	const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Map (PNG)' }).click()]);
	const size = pngSize((await png.path())!);
	const map = (await page.getByTestId('map').boundingBox())!;
	// Below the map: a 16 px row per segment, its header and a gap, then the stamp lines.
	expect(size.height).toBeGreaterThan(map.height + (rows + 2) * 16);
});

test('Copy link on the saved sites tab opens that tab, and says the sites stay in this browser', async ({ page, context, browser }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('tab-sites').click();
	await expect(page.getByTestId('sites-empty')).toContainText('does not carry the sites');
	// With a site saved, "Link copied." says the link carries the tab, not the list.
	await page
		.getByTestId('saved-sites')
		.locator('input[type=file]')
		.setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from('name,latitude,longitude,note\nTEST clinic,34.1,71.03,\n') });
	await expect(page.getByTestId('sites-table').locator('tr[data-site="TEST clinic"]')).toBeVisible();
	await page.getByTestId('copy-link').click();
	await expect(page.getByTestId('copy-link-status')).toHaveText(/^Link copied\. A link opens this tab but does not carry the sites/);
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(new URL(link).searchParams.get('tool')).toBe('sites');
	const other = await (await browser.newContext()).newPage();
	await other.goto(link);
	await expect(other.getByTestId('tab-sites')).toHaveAttribute('aria-pressed', 'true');
	await expect(other.getByTestId('sites-csv')).toBeVisible();
	// The other browser has no sites, and is told why.
	await expect(other.getByTestId('sites-empty')).toContainText('A link opens this tab but does not carry the sites');
});

test('a route typed as place names runs through the towns, as the core counts it', async ({ page }) => {
	const { places } = JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')) as { places: { name: string; lon: number; lat: number; country: string }[] };
	const names = ['Peshawar', 'Kohat', 'Bannu', 'Dera Ismail Khan'];
	const stops = names.map((n) => places.find((p) => p.name === n && p.country === 'PK')!);
	const { incidents } = committedDataset('gtd-2008');
	const expected = routeExposure(
		stops.map((s) => [s.lon, s.lat]),
		incidents,
		new Uint8Array(incidents.length).fill(1),
		{ halfWidthKm: 5, segmentKm: 10 }
	);
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('tab-route').click();
	await page.getByTestId('route-names').fill(names.join('; '));
	await page.getByTestId('route-names-go').click();
	await expect(page.getByTestId('route-names-message')).toHaveText('Route: Peshawar (town) → Kohat (town) → Bannu (town) → Dera Ismail Khan (town).');
	await expect(page.getByTestId('route-summary')).toContainText(`record ${expected.inCorridor.length} incidents, with`);
	// A name it cannot find changes nothing, and says which.
	await page.getByTestId('route-names').fill('Peshawar; Atlantis');
	await page.getByTestId('route-names-go').click();
	await expect(page.getByTestId('route-names-message')).toHaveText('No town, district or incident place matches "Atlantis": the route is unchanged.');
	await expect(page.getByTestId('route-summary')).toContainText(`of its ${expected.segments.length} segments`);
});
