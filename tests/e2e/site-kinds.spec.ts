/**
 * A site is the place the user meant: "Quetta" the town ranks above "Quetta" the district's
 * centre, every result and the card say which it is, and the kind goes into the link and the saved
 * sites. A typed coordinate is placed against the nearest town.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openDashboard, waitForView } from './map-page.js';
import { committedDataset } from '../unit/sources.js';

const gazetteer = JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')) as {
	places: { name: string; lon: number; lat: number; population: number; country: string }[];
};
const quetta = gazetteer.places.find((p) => p.name === 'Quetta')!;
const { incidents } = committedDataset('gtd-2008');

/** Great-circle distance (km) on the mean Earth radius, written here without the app's code. */
function haversineKm([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
	const rad = Math.PI / 180;
	const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}
const within25 = (at: [number, number]) =>
	incidents.filter(
		(i) => i.lon !== null && i.lat !== null && (i.placePrecision === 'exact' || i.placePrecision === 'district') && haversineKm(at, [i.lon, i.lat]) <= 25
	).length;

test('Quetta the town before Quetta the district centre, the kind said everywhere it goes', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('tab-site').click();
	await page.getByTestId('place-search').click();
	await page.getByTestId('place-search').fill('Quetta');
	const results = page.getByTestId('place-results').getByRole('button');
	await expect(results.first()).toHaveText(`Quetta — town (GeoNames, Pakistan, pop. ${quetta.population.toLocaleString('en-GB')})`);
	await expect(results.nth(1)).toHaveText('Quetta — district centre (Balochistan)');

	await results.first().click();
	await expect(page.getByTestId('site-kind')).toContainText(
		`town (GeoNames, Pakistan, pop. ${quetta.population.toLocaleString('en-GB')}) · ${quetta.lat.toFixed(4)}, ${quetta.lon.toFixed(4)}`
	);
	await expect(page.getByTestId('site-incidents')).toHaveText(String(within25([quetta.lon, quetta.lat])));
	await expect.poll(() => new URL(page.url()).searchParams.get('sitekind')).toBe('town');

	// Saved, the site keeps its kind in the table.
	await page.getByTestId('save-site').click();
	await page.getByTestId('save-site-confirm').click();
	await page.getByTestId('tab-sites').click();
	await expect(page.locator('tr[data-site="Quetta"]').getByTestId('saved-site-kind')).toHaveText(
		`town (GeoNames) · ${quetta.lat.toFixed(4)}, ${quetta.lon.toFixed(4)}`
	);

	// The district's centre is another place, and says so, with the town nearest to it.
	await page.getByTestId('tab-site').click();
	await page.getByTestId('place-search').fill('Quetta');
	await page.getByTestId('place-results').getByRole('button').nth(1).click();
	await expect(page.getByTestId('site-kind')).toContainText('district centre (Balochistan)');
	await expect.poll(() => new URL(page.url()).searchParams.get('sitekind')).toBe('district');
});

test('typed coordinates name the nearest town and its distance', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('tab-site').click();
	await page.getByTestId('place-search').fill('30.17, 66.73');
	await page.getByTestId('place-search').press('Enter');
	const at: [number, number] = [66.73, 30.17];
	const nearest = gazetteer.places.map((t) => ({ t, km: haversineKm(at, [t.lon, t.lat]) })).sort((a, b) => a.km - b.km)[0]!;
	await expect(page.getByTestId('site-kind')).toHaveText(`typed coordinates · 30.1700, 66.7300 · nearest town ${nearest.t.name}, ${nearest.km.toFixed(1)} km`);
	await expect.poll(() => new URL(page.url()).searchParams.get('sitekind')).toBe('coordinates');
});

test('a town list that cannot be read is said where the towns are needed, and tried again', async ({ page }) => {
	let refuse = true;
	await page.route(/gazetteer[^/]*\.json$/, (route) => (refuse ? route.fulfill({ status: 500, body: '' }) : route.fallback()));
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('tab-site').click();
	await page.getByTestId('place-search').click();
	await expect(page.getByTestId('site-check').getByRole('alert')).toHaveText('The town list could not be loaded: the gazetteer could not be read (HTTP 500)');
	await page.getByTestId('tab-route').click();
	await page.getByTestId('route-names').click();
	await expect(page.getByTestId('route-check').getByRole('alert').first()).toHaveText(
		'The town list could not be loaded: the gazetteer could not be read (HTTP 500)'
	);
	// Back online: the next need fetches it again, and the error goes.
	refuse = false;
	await page.getByTestId('route-names').fill('Peshawar; Kohat');
	await page.getByTestId('route-names-go').click();
	await expect(page.getByTestId('route-names-message')).toHaveText('Route: Peshawar (town) → Kohat (town).');
	await expect(page.getByTestId('route-check').getByText('The town list could not be loaded')).toHaveCount(0);
});
