/**
 * Which area a rate divides by: a district whose PBS area and outline area disagree by more than
 * 25 % is flagged on its card and its page with both figures, and a setting kept in the link
 * divides by the outline instead, which the legend says.
 */
import { expect, test } from '@playwright/test';
import { baseMap } from './expected.js';
import { openDashboard, waitForView } from './map-page.js';
import { formatCount, formatMetric } from '../../src/lib/format/index.js';

const surab = baseMap.districts.find((d) => d.properties.slug === 'surab')!.properties;
// Lower Dir: 1.70× (GTD 2008 has incidents there, none in Surab).
const lowerDir = baseMap.districts.find((d) => d.properties.slug === 'lower-dir')!.properties;

test('Surab and Lower Dir: both areas on the card and page; the map can divide by the outline', async ({ page }) => {
	await openDashboard(page, '?district=surab');
	await waitForView(page, 'gtd-2008|incidents|area');
	const warning = page.getByTestId('district-panel').getByTestId('area-mismatch');
	await expect(warning).toContainText(`PBS publishes ${formatCount(surab.areaKm2)} km²`);
	await expect(warning).toContainText(
		`measures ${formatCount(Math.round(surab.measuredAreaKm2))} km² (${(surab.measuredAreaKm2 / surab.areaKm2).toFixed(1)}×)`
	);
	await expect(page.getByTestId('panel-area-basis')).toContainText(`of ${formatCount(surab.areaKm2)} km² (PBS Census 2023 Table 1)`);

	await page.getByTestId('district-select').selectOption('lower-dir');
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'lower-dir');
	await expect(page.getByTestId('district-panel').getByTestId('area-mismatch')).toContainText('(1.7×)');
	const incidents = Number((await page.getByTestId('panel-incidents').textContent())!.replace(/,/g, ''));
	expect(incidents).toBeGreaterThan(0);
	await expect(page.getByTestId('panel-density')).toHaveText(formatMetric((incidents / lowerDir.areaKm2) * 1000, true));
	await page.getByTestId('area-basis').selectOption('measured');
	await expect(page.getByTestId('panel-density')).toHaveText(formatMetric((incidents / lowerDir.measuredAreaKm2) * 1000, true));
	await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('measured');
	await expect(page.getByTestId('panel-area-basis')).toContainText(`of ${formatCount(lowerDir.measuredAreaKm2)} km² (measured on the OSM geometry)`);
	await expect(page.getByTestId('legend')).toContainText('km² of the OSM outlines');
	// A district whose areas agree says nothing.
	await page.goto(`/?dataset=gtd-2008&district=peshawar&area=measured`);
	await expect(page.getByTestId('district-panel')).toBeVisible();
	await expect(page.getByTestId('area-mismatch')).toHaveCount(0);
	await expect(page.getByTestId('area-basis')).toHaveValue('measured');

	await page.goto('/district/surab/');
	await expect(page.getByTestId('area-mismatch')).toContainText(`PBS publishes ${formatCount(surab.areaKm2)} km²`);
});
