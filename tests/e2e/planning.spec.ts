import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { baseMap } from './expected.js';
import { openDashboard, project, waitForView } from './map-page.js';
import { committedDataset } from '../unit/sources.js';
import { distanceToLine, siteRisk } from '../../src/lib/risk/index.js';
import { routeExposure, routeSummary } from '../../src/lib/route/index.js';
import { borderIndex, countInBands } from '../../src/lib/border/index.js';
import { tollText } from '../../src/lib/tally/index.js';
import { ROLES } from '../../src/lib/actors/index.js';

const { incidents, info } = committedDataset('gtd-2008');
const everything = new Uint8Array(incidents.length).fill(1);
// Landi Kotal in the GeoNames gazetteer (geodata/gazetteer.json).
const gazetteer = JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')) as { places: { name: string; lon: number; lat: number; population: number }[] };
const landiKotal = gazetteer.places.find((p) => p.name === 'Landi Kotal')!;

async function start(page: Page) {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
}

/** Opens the site check and finds Landi Kotal by typing `query` into the place search. */
async function checkLandiKotal(page: Page, query: string) {
	await start(page);
	await page.getByTestId('tab-site').click();
	await page.getByTestId('place-search').click();
	await page.getByTestId('place-search').fill(query);
	await page
		.getByTestId('place-results')
		.getByRole('button', { name: /^Landi Kotal — town \(GeoNames/ })
		.click();
}

test('search a town and read its site check, as the analytic core computes it', async ({ page }) => {
	await checkLandiKotal(page, 'Landi Kot');
	const p: [number, number] = [landiKotal.lon, landiKotal.lat];
	const risk = siteRisk(p, incidents, everything, { radiusKm: 25, recentMonths: 12 });
	await expect(page.getByTestId('site-name')).toHaveText('Landi Kotal');
	await expect(page.getByTestId('site-incidents')).toHaveText(String(risk.all.incidents));
	await expect(page.getByTestId('site-killed')).toHaveText(tollText(risk.all, 'killed', ROLES.GTD));
	await expect(page.getByTestId('site-wounded')).toHaveText(tollText(risk.all, 'wounded', ROLES.GTD));
	await expect(page.getByTestId('site-border')).toHaveText(`${distanceToLine(p, baseMap.border).toFixed(1)} km`);
	await expect(page.getByTestId('site-district')).toHaveText('Khyber');
	await expect(page.getByTestId('site-summary')).toContainText(`record ${risk.all.incidents} incidents`);
	await expect(page.getByTestId('site-nearest').locator('li')).toHaveCount(5);
	// The radius is drawn and the incidents in it highlighted.
	const drawn = await page.evaluate(() => window.__incidentMap!.querySourceFeatures('plan-points').filter((f) => f.properties.kind === 'incident').length);
	expect(drawn).toBeGreaterThan(0);

	await page.getByTestId('radius').selectOption('10');
	const ten = siteRisk(p, incidents, everything, { radiusKm: 10, recentMonths: 12 });
	await expect(page.getByTestId('site-incidents')).toHaveText(String(ten.all.incidents));

	const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('site-png').click()]);
	const bytes = readFileSync((await png.path())!);
	expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('site-csv').click()]);
	const text = readFileSync((await csv.path())!, 'utf8');
	// The site's kind goes with it: "town (GeoNames, Pakistan, pop. …)", quoted for its commas.
	expect(text).toContain(
		`Landi Kotal,"town (GeoNames, Pakistan, pop. ${landiKotal.population.toLocaleString('en-GB')})",${landiKotal.lat},${landiKotal.lon},10,${ten.all.incidents}`
	);
	expect(text).toContain('Global Terrorism Database');
});

test('typed coordinates are checked; errors say what is wrong', async ({ page }) => {
	await start(page);
	await page.getByTestId('tab-site').click();
	const search = page.getByTestId('place-search');
	await search.fill('71.58, 34.01');
	await search.press('Enter');
	await expect(page.getByTestId('place-error')).toContainText('outside Pakistan and Afghanistan');
	await search.fill(`34°0'36"N 71°34'48"E`);
	await search.press('Enter');
	await expect(page.getByTestId('site-name')).toHaveText('34.0100, 71.5800');
	await expect(page.getByTestId('site-district')).toHaveText('Peshawar');
});

test('draw a short route and get its segments ranked by exposure', async ({ page }) => {
	await start(page);
	await page.getByTestId('tab-route').click();
	await page.getByTestId('draw-route').click();
	const box = (await page.getByTestId('map').boundingBox())!;
	const waypoints: [number, number][] = [];
	for (const ll of [
		[71.3, 34.0],
		[71.58, 34.01],
		[71.9, 33.95]
	] as [number, number][]) {
		const at = await project(page, ll);
		waypoints.push(await page.evaluate(({ x, y }) => window.__incidentMap!.unproject([x, y]).toArray() as [number, number], at));
		await page.mouse.click(box.x + at.x, box.y + at.y);
	}
	const expected = routeExposure(waypoints, incidents, everything, { halfWidthKm: 5, segmentKm: 10 });
	await expect(page.getByTestId('route-summary')).toContainText(`record ${expected.inCorridor.length} incidents, with`);
	const ranked = [...expected.segments].sort((a, b) => b.incidents - a.incidents || b.killed - a.killed || a.index - b.index);
	const firstRow = page.getByTestId('route-segments').locator('tbody tr').first();
	await expect(firstRow).toHaveAttribute('data-segment', String(ranked[0]!.index));
	await expect(firstRow.locator('td').nth(2)).toHaveText(String(ranked[0]!.incidents));
	expect(ranked[0]!.incidents).toBeGreaterThan(0);
	// The segments are drawn once MapLibre's worker has the route's data.
	await expect.poll(() => page.evaluate(() => window.__incidentMap!.querySourceFeatures('plan-route').length)).toBeGreaterThan(0);
});

test('UCDP records no wounded: the site check, the route and its CSV say so, never 0 wounded', async ({ page }) => {
	const route = '34.008,71.5785;33.5869,71.4419;32.986,70.604';
	await openDashboard(page, `?dataset=ucdp&tool=route&route=${route}&site=${landiKotal.lat},${landiKotal.lon}&sitename=TEST%20site`);
	await waitForView(page, 'ucdp|incidents|area|window=2026-01..2026-01');
	await expect(page.getByTestId('route-summary')).toContainText('the wounded are not recorded by UCDP');
	const rows = page.getByTestId('route-segments').locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(3);
	expect(new Set(await rows.locator('td:nth-child(5)').allTextContents())).toEqual(new Set(['not recorded by UCDP']));
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('route-csv').click()]);
	const [header, first] = readFileSync((await csv.path())!, 'utf8').split(/\r?\n/);
	expect(header).toContain('killed,wounded,killed_unknown_incidents,wounded_unknown_incidents');
	expect(first).toMatch(/,\d+,not recorded by UCDP,\d+,not recorded by UCDP,/);
	await page.getByTestId('tab-site').click();
	await expect(page.getByTestId('site-wounded')).toHaveText('not recorded by UCDP');
	await expect(page.getByTestId('site-summary')).not.toContainText('0 wounded');
});

test('border bands count the incidents of the current filters', async ({ page }) => {
	await start(page);
	await page.getByTestId('bands-toggle').check();
	const counts = countInBands(borderIndex(baseMap.border), baseMap.provinces, incidents, everything);
	expect(counts.bands.reduce((a, b) => a + b.incidents, 0)).toBeGreaterThan(10);
	const table = page.getByTestId('band-counts');
	for (const b of counts.bands) {
		await expect(table.locator(`tr[data-band="${b.toKm}"]`)).toContainText(`${b.fromKm}–${b.toKm} km${b.incidents}${(b.share * 100).toFixed(1)} %`);
	}
	// The drawn bands arrive with the counts: three polygons in the map's band source.
	await expect.poll(() => page.evaluate(() => new Set(window.__incidentMap!.querySourceFeatures('border-bands').map((f) => f.properties.toKm)).size)).toBe(3);
});

test('a saved site is kept across reloads, with its figures in the table', async ({ page }) => {
	await checkLandiKotal(page, 'Landi Kotal');
	// Named inline (no browser prompt): the field starts with the site's name.
	page.on('dialog', (d) => {
		throw new Error(`unexpected browser dialog: ${d.message()}`);
	});
	await page.getByTestId('save-site').click();
	await expect(page.getByTestId('save-site-name')).toHaveValue('Landi Kotal');
	await page.getByTestId('save-site-name').fill('TEST clinic Landi Kotal');
	await page.getByTestId('save-site-confirm').click();
	await expect(page.getByTestId('save-site-form')).toHaveCount(0);
	await expect(page.getByTestId('tab-sites')).toHaveText('Saved sites (1)');

	await page.reload();
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('tab-sites').click();
	const row = page.getByTestId('sites-table').locator('tr[data-site="TEST clinic Landi Kotal"]');
	const risk = siteRisk([landiKotal.lon, landiKotal.lat], incidents, everything, { radiusKm: 25, recentMonths: 12 });
	await expect(row).toContainText('Khyber');
	await expect(row.locator('td').nth(2)).toHaveText(String(risk.all.incidents));
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sites-csv').click()]);
	const text = readFileSync((await csv.path())!, 'utf8');
	// Saved from the town search: its kind, "town", goes into the file.
	expect(text).toContain(`TEST clinic Landi Kotal,${landiKotal.lat},${landiKotal.lon},town,,Khyber,${risk.all.incidents}`);
});

test('a GPX track is imported as the route', async ({ page }) => {
	await start(page);
	await page.getByTestId('tab-route').click();
	await page.getByTestId('route-file').setInputFiles('tests/e2e/fixtures/route.gpx');
	const track: [number, number][] = [
		[71.3, 34.0],
		[71.58, 34.01],
		[71.9, 33.95]
	];
	const expected = routeExposure(track, incidents, everything, { halfWidthKm: 5, segmentKm: 10 });
	const summary = routeSummary({
		exposure: expected,
		waypoints: 3,
		halfWidthKm: 5,
		dataset: info.name,
		dateRange: info.dateRange,
		filters: 'none',
		roles: ROLES.GTD
	});
	expect(summary).toContain(`record ${expected.inCorridor.length} incidents`);
	await expect(page.getByTestId('route-summary')).toHaveText(summary);
});
