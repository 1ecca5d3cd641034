/**
 * Small multiples on UCDP GED 22.1, 2007–2021, by year: one map per year, every district coloured by
 * one set of classes made over all fifteen years (worked out here in Node from the raw rows' yearly
 * counts), saved as SVG (parsed by the browser's XML parser) and PNG, printed alone, refused when
 * the steps are too many.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { booleanPointInPolygon } from '@turf/turf';
import { openDashboard, waitForView } from './map-page.js';
import { baseMap } from './expected.js';
import { defaultView, shadingKey } from '../../src/lib/viewstate/index.js';
import { perValue } from '../../src/lib/aggregate/index.js';
import { classBreaks } from '../../src/lib/classify/index.js';
import { formatMetric } from '../../src/lib/format/index.js';
import { shade } from '../../src/lib/shading/index.js';
import { committedDataset } from '../unit/sources.js';

const view = { ...defaultView('ucdp'), window: ['2007-01', '2021-12'] as [string, string] };
const YEARS = Array.from({ length: 15 }, (_, k) => String(2007 + k));

/** Each district's mapped value per year, from the rows' own dates and a Turf point-in-polygon loop (not the app's join or aggregation). */
function expected() {
	const { districts } = baseMap;
	const { incidents } = committedDataset('ucdp');
	const located = new Set(['exact', 'near', 'district']);
	const counts = YEARS.map(() => new Array<number>(districts.length).fill(0));
	for (const inc of incidents) {
		const year = YEARS.indexOf(inc.date.slice(0, 4));
		if (year < 0 || inc.lon === null || inc.lat === null || !located.has(inc.placePrecision)) continue;
		const d = districts.findIndex((district) => booleanPointInPolygon([inc.lon!, inc.lat!], district));
		if (d >= 0) counts[year]![d]!++;
	}
	const values = counts.map((step) => step.map((n, i) => perValue(n, view.per, districts[i]!.properties)));
	const breaks = classBreaks(values.flat(), { method: view.classMethod, count: view.classCount });
	const shaded = districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name }));
	const shadeStep = (step: number[]) =>
		shade({
			mode: 'sequential',
			districts: shaded,
			values: step,
			breaks,
			scheme: view.scheme,
			method: view.classMethod,
			unit: 'incidents',
			fractional: view.per !== 'count'
		});
	const colours = values.map((step) => {
		const byslug = shadeStep(step).colours;
		return shaded.map((d) => byslug.get(d.slug));
	});
	return { counts, values, breaks, colours, legend: shadeStep(values[0]!).legend.map((l) => l.label) };
}

test('small multiples: a map per covered year on one set of classes, saved as SVG and PNG, printed alone', async ({ page }) => {
	await openDashboard(page, '?dataset=ucdp&window=2007-01..2021-12');
	await waitForView(page, shadingKey(view));
	await page.getByTestId('multiples-year').click();
	const grid = page.getByTestId('multiples-grid');
	await expect(grid.locator('g.step')).toHaveCount(15);
	await expect(grid.locator('g.step > text:first-child')).toHaveText(YEARS);
	const e = expected();
	// Every district of every year in the colour of its class under the pooled classes.
	const fills = await grid.locator('g.step').evaluateAll((steps) => steps.map((g) => [...g.querySelectorAll('use[fill]')].map((u) => u.getAttribute('fill'))));
	expect(fills).toEqual(e.colours);
	await expect(grid.locator('g.legend text')).toHaveText([...e.legend, 'Afghanistan–Pakistan border']);
	await expect(grid.locator('g.step[data-step="2008"] > text').nth(1)).toHaveText(
		`${formatMetric(
			e.counts[1]!.reduce((a, b) => a + b, 0),
			false
		)} incidents`
	);

	const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('multiples-save-svg').click()]);
	expect(svgFile.suggestedFilename()).toBe('ucdp-incidents-small-multiples-2007-2021.svg');
	const svg = readFileSync((await svgFile.path())!, 'utf8');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			steps: doc.querySelectorAll('g.step').length,
			width: Number(doc.documentElement.getAttribute('width'))
		};
	}, svg);
	expect(parsed).toMatchObject({ error: null, steps: 15 });
	expect(svg).toContain('UCDP');

	const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('multiples-save-png').click()]);
	const png = readFileSync((await pngFile.path())!);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect(png.readUInt32BE(16)).toBe(2 * parsed.width); // IHDR width: twice the SVG's

	// Printed, the grid is all there is on the page.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('multiples')).toBeVisible();
	await expect(page.getByTestId('map')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	// Escape closes it, and focus goes back to the button that opened it.
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('multiples')).toBeHidden();
	await expect(page.getByTestId('multiples-year')).toBeFocused();

	// 180 months are too many maps: refused, with what to do instead.
	await page.getByTestId('multiples-month').click();
	await expect(page.getByTestId('multiples-refused')).toHaveText('180 monthly steps: at most 60 maps. Choose a shorter window or longer steps.');
	await expect(page.getByTestId('multiples-grid')).toHaveCount(0);
});
