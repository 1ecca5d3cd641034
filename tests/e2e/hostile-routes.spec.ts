/**
 * Route files a careless user or an attacker hands the route check: a GPS track too long for a
 * link, coordinates written as strings, points off the globe. Each is either used, with what the
 * link carries said, or refused with the point that is wrong; nothing is thrown past the panel.
 */
import { expect, test, type Page } from '@playwright/test';
import { openDashboard, waitForView } from './map-page.js';

/** A 5,000-point track from Peshawar towards Kohat (a TEST fixture, not a recorded journey). */
function longTrack(): string {
	const points = Array.from({ length: 5000 }, (_, i) => {
		const t = i / 4999;
		const lat = 34.01 - 0.43 * t + 0.004 * Math.sin(i / 7);
		const lon = 71.58 + 0.86 * t + 0.004 * Math.cos(i / 5);
		return `<trkpt lat="${lat.toFixed(6)}" lon="${lon.toFixed(6)}"></trkpt>`;
	});
	return `<?xml version="1.0"?><gpx version="1.1" creator="TEST"><trk><name>TEST track</name><trkseg>${points.join('')}</trkseg></trk></gpx>`;
}

const lineString = (coordinates: unknown) => JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } });

async function routeTab(page: Page, errors: string[]) {
	page.on('pageerror', (e) => errors.push(e.message));
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('tab-route').click();
}

const drop = (page: Page, name: string, text: string) =>
	page.getByTestId('route-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });

test('a 5,000-point track is used whole, and the link carries it simplified, saying so; the link reloads', async ({ page }) => {
	const errors: string[] = [];
	await routeTab(page, errors);
	await drop(page, 'track.gpx', longTrack());
	await expect(page.getByTestId('route-summary')).toContainText('(5,000 points)');
	await expect(page.getByTestId('route-link-note')).toHaveText(
		/^The link carries this route simplified to \d+ of its 5,000 points \(within \d+ m of it\): opened from the link, its figures are of the simplified route\.$/
	);
	await expect.poll(() => new URL(page.url()).searchParams.get('route')?.split(';').length ?? 0).toBeGreaterThan(1);
	const kept = new URL(page.url()).searchParams.get('route')!.split(';').length;
	expect(kept).toBeLessThanOrEqual(200);
	// The whole track put 98 KB in the URL, and the reload got HTTP 431.
	expect(page.url().length).toBeLessThan(8_000);
	const response = await page.reload();
	expect(response?.status()).toBe(200);
	await expect(page.getByTestId('route-summary')).toContainText(`(${kept} points)`);
	expect(errors).toEqual([]);
});

test('coordinates written as strings, and points off the globe, are refused naming the point', async ({ page }) => {
	const errors: string[] = [];
	await routeTab(page, errors);
	await drop(
		page,
		'strings.geojson',
		lineString([
			['71.5', '34.0'],
			['71.9', '33.9']
		])
	);
	await expect(page.getByTestId('route-error')).toHaveText('strings.geojson: point 1 of the line is not two numbers (["71.5","34.0"])');
	await drop(
		page,
		'far.geojson',
		lineString([
			[71.5, 34.0],
			[71.9, 95]
		])
	);
	await expect(page.getByTestId('route-error')).toHaveText('far.geojson: point 2 of the line is off the globe (longitude 71.9, latitude 95)');
	await drop(page, 'broken.gpx', '<gpx><trk><trkseg><trkpt lat="34"');
	await expect(page.getByTestId('route-error')).toHaveText('broken.gpx: the file is not well-formed XML');
	await expect(page.getByTestId('route-summary')).toHaveCount(0);
	expect(errors).toEqual([]);
});
