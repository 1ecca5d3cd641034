import { expect, test } from '@playwright/test';
import { baseMap, expectedView, hexToRgb } from './expected.js';
import { checkShading, colourDistance, dominantColour, openDashboard, project, waitForView } from './map-page.js';
import { formatCount, formatMetric } from '../../src/lib/format/index.js';

test('the map renders districts shaded by class, with the border drawn', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await checkShading(page, expectedView('gtd-2008', 'incidents', 'area'));

	// The Afghan border: sample along its vertices inside the view; its dark dashes must be there.
	const line = baseMap.border.geometry.coordinates[0]!;
	const samples = line.filter((_, i) => i % 12 === 0);
	let hits = 0;
	for (const ll of samples) {
		const at = await project(page, ll as [number, number]);
		if (at.x < 40 || at.y < 40) continue;
		const pixel = await dominantColour(page, at, 2);
		if (colourDistance(pixel, hexToRgb('#3b0764')) < 40) hits++;
	}
	expect(hits, `border pixels found at ${hits} of ${samples.length} sampled vertices`).toBeGreaterThan(samples.length / 3);
	await expect(page.getByTestId('legend')).toContainText('Afghanistan–Pakistan border');
});

test('clicking a district opens its panel with the counts the aggregation computed', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	const view = expectedView('gtd-2008', 'incidents', 'area');
	const quetta = view.bySlug.get('quetta')!;
	const at = await project(page, quetta.labelAt);
	const box = (await page.getByTestId('map').boundingBox())!;
	await page.mouse.click(box.x + at.x, box.y + at.y);

	const panel = page.getByTestId('district-panel');
	await expect(panel).toHaveAttribute('data-slug', 'quetta');
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Quetta');
	await expect(panel).toContainText('Balochistan');
	await expect(page.getByTestId('panel-incidents')).toHaveText(formatCount(quetta.totals.incidents));
	await expect(page.getByTestId('panel-killed')).toContainText(formatCount(quetta.totals.killed));
	await expect(page.getByTestId('panel-wounded')).toContainText(formatCount(quetta.totals.wounded));
	await expect(page.getByTestId('panel-density')).toHaveText(formatMetric((quetta.totals.incidents / quetta.district.areaKm2) * 1000, true));
	await expect(page.getByTestId('panel-rank')).toContainText(`${quetta.rank} of ${baseMap.districts.length}`);
	await expect(page.getByTestId('incident-item')).toHaveCount(quetta.incidentCount);
	expect(quetta.incidentCount).toBeGreaterThan(5);
	// By date, then in the source's order (as an import's paged list reads).
	const listed = await page.getByTestId('incident-item').evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
	const { incidents } = view.dataset;
	const quettaRows = view.rowsByDistrict[baseMap.districts.findIndex((d) => d.properties.slug === 'quetta')]!;
	expect(listed).toEqual(
		quettaRows
			.filter((k) => view.agg.passing[k])
			.map((k) => incidents[k]!)
			.sort((a, b) => a.date.localeCompare(b.date))
			.map((inc) => inc.id)
	);
	await expect(page).toHaveURL(/district=quetta/);

	// Escape closes it; the close button closes a panel opened from the list.
	await page.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	await page.getByTestId('district-select').selectOption('peshawar');
	await expect(panel).toHaveAttribute('data-slug', 'peshawar');
	await expect(page.getByTestId('panel-incidents')).toHaveText(formatCount(view.bySlug.get('peshawar')!.totals.incidents));
	await panel.getByRole('button', { name: 'Close district details' }).click();
	await expect(panel).toHaveCount(0);
});

test('hovering a district shows its name and value', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	const chaghi = expectedView('gtd-2008', 'incidents', 'area').bySlug.get('chagai')!;
	const at = await project(page, chaghi.labelAt);
	const box = (await page.getByTestId('map').boundingBox())!;
	await page.mouse.move(box.x + at.x, box.y + at.y + 12);
	await expect(page.getByRole('tooltip')).toHaveText(`Chagai: ${formatMetric(chaghi.value, true)} incidents per 1,000 km²`);
});

test('metric and dataset switches re-shade the map and the legend', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');

	await page.getByRole('radio', { name: 'killed' }).check();
	await page.getByRole('radio', { name: 'count' }).check();
	await waitForView(page, 'gtd-2008|killed|count');
	const killed = expectedView('gtd-2008', 'killed', 'count');
	await checkShading(page, killed);
	await expect(page.getByTestId('legend')).toContainText('Killed');
	await expect(page.getByTestId('legend').locator('li[data-class="zero"]')).toContainText(`(${killed.breaks.zeroCount})`);
	// GTD 2008 gives no death toll for some incidents in the districts: the legend says the sums leave them out.
	const unknownDeaths = killed.agg.inDistricts.killedUnknown;
	expect(unknownDeaths).toBeGreaterThan(0);
	await expect(page.getByTestId('legend-note')).toHaveText(`Deaths not given for ${unknownDeaths} incidents: the figures add up those given.`);

	await page.getByTestId('dataset').selectOption('gtd-2015-bombings');
	await waitForView(page, 'gtd-2015-bombings|killed|count');
	const bombings = expectedView('gtd-2015-bombings', 'killed', 'count');
	await checkShading(page, bombings);
	// Every 2015 bombing gives its death toll: no note.
	await expect(page.getByTestId('legend-note')).toHaveCount(0);
	await expect(page.getByTestId('acc-rows')).toHaveText('625');
	await expect(page.getByTestId('acc-unlocated')).toHaveText(String(bombings.agg.unlocated.incidents));
	await expect(page.getByTestId('acc-coarse')).toHaveText(String(bombings.agg.coarse.incidents));
	await expect(page.getByTestId('acc-districts')).toHaveText(String(bombings.agg.inDistricts.incidents));
	await expect(page.getByTestId('acc-outside')).toHaveText(String(bombings.agg.outside.incidents));
	await expect(page).toHaveURL(/dataset=gtd-2015-bombings/);
});

test('the accounting adds up on the page, and the About panel names every source', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	const read = async (id: string) => Number((await page.getByTestId(id).textContent())!.replace(/,/g, ''));
	const parts = await Promise.all(['acc-districts', 'acc-outside', 'acc-coarse', 'acc-unlocated'].map(read));
	expect(parts.reduce((a, b) => a + b, 0)).toBe(await read('acc-rows'));
	expect(parts[3]).toBe(2); // the two null-geometry rows of the 2008 extract

	await page.getByRole('button', { name: 'About & sources' }).click();
	const about = page.getByTestId('about');
	await expect(about).toContainText('Global Terrorism Database');
	await expect(about).toContainText('© OpenStreetMap contributors');
	await expect(about).toContainText('Pakistan Bureau of Statistics');
	await page.keyboard.press('Escape');
	await expect(about).toBeHidden();
});
