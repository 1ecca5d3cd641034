/** The 2023 geography in the browser: people-based rates, census context, old district links. */
import { expect, test } from '@playwright/test';
import { expectedView } from './expected.js';
import { checkShading, openDashboard, waitForView } from './map-page.js';
import { formatCount, formatMetric, formatShare } from '../../src/lib/format/index.js';
import { committedCensus } from '../unit/sources.js';

const census = committedCensus();

test('shading per 100,000 people re-shades the map and ranks by the census population', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('per-people').check();
	await waitForView(page, 'gtd-2008|incidents|people');
	const expected = expectedView('gtd-2008', 'incidents', 'people');
	await checkShading(page, expected);
	await expect(page).toHaveURL(/per=people/);
	await expect(page.getByTestId('legend')).toContainText('Incidents per 100,000 people');
	const top = [...expected.bySlug.values()].find((e) => e.rank === 1)!;
	const first = page.getByTestId('ranking-table').locator('tbody tr').first();
	await expect(first).toHaveAttribute('data-slug', top.district.slug);
	await expect(first.locator('[data-col="value"]')).toHaveText(formatMetric(top.value, true));
	expect(top.value).toBeCloseTo((top.totals.incidents / top.district.population!) * 1e5, 9);
});

test('the district panel shows rates and census context, each with its source', async ({ page }) => {
	await openDashboard(page, '?district=chaman');
	await waitForView(page, 'gtd-2008|incidents|area');
	const chaman = expectedView('gtd-2008', 'incidents', 'area').bySlug.get('chaman')!;
	const figures = census.districts.chaman!;
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'chaman');
	await expect(page.getByTestId('panel-incidents')).toHaveText(formatCount(chaman.totals.incidents));
	await expect(page.getByTestId('panel-density')).toHaveText(formatMetric((chaman.totals.incidents / figures.areaKm2!) * 1000, true));
	await expect(page.getByTestId('panel-area-basis')).toHaveText(`of ${formatCount(figures.areaKm2!)} km² (PBS Census 2023 Table 1)`);
	await expect(page.getByTestId('panel-per-people')).toHaveText(formatMetric((chaman.totals.incidents / figures.population) * 1e5, true));
	const facts = page.getByTestId('census-facts');
	await expect(facts.getByTestId('census-population')).toHaveText(formatCount(figures.population));
	await expect(facts.getByTestId('census-households')).toHaveText(formatCount(figures.households));
	await expect(facts.getByTestId('census-literacy')).toHaveText(formatShare(figures.literacyRate!));
	await expect(facts.getByTestId('census-water')).toHaveText(formatShare(figures.improvedWaterShare!));
	await expect(facts.getByTestId('census-no-toilet')).toHaveText(formatShare(figures.noToiletShare!));
	await expect(facts).toContainText('PBS Census 2023, Table 12');
	await expect(facts).toContainText('measured on the OpenStreetMap outline');
});

test('an old district link opens today’s district with a one-line explanation, never a silent reset', async ({ page }) => {
	await openDashboard(page, '?district=chitral');
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'upper-chitral');
	await expect(page.getByTestId('slug-note')).toHaveText('Chitral was split into Upper Chitral and Lower Chitral in 2018.');
	await expect(page).toHaveURL(/district=upper-chitral/);
	await page.getByTestId('district-select').selectOption('lower-chitral');
	await expect(page.getByTestId('slug-note')).toHaveCount(0);

	await openDashboard(page, '?district=atlantis');
	await expect(page.getByTestId('slug-note')).toContainText('“atlantis”, which is not in the 2023 census layout');
	await expect(page.getByTestId('district-panel')).toHaveCount(0);
});

test('the map credits OpenStreetMap, the census and the incident source', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('© OpenStreetMap contributors');
	await expect(page.locator('.credit')).toContainText('OpenStreetMap contributors, ODbL');
	await expect(page.locator('.credit')).toContainText('Global Terrorism Database');
	await page.getByRole('button', { name: 'About & sources' }).click();
	await expect(page.getByTestId('about')).toContainText('Open Database Licence');
	await expect(page.getByTestId('about')).toContainText('Pakistan Bureau of Statistics');
});
