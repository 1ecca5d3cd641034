/**
 * NGO planning from a shared link, and the hazard × need view: every figure on screen equals the
 * analytic core's, computed here in Node from the committed geodata and census.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { baseMap } from './expected.js';
import { districtColour, dominantColour, openDashboard, project, waitForView, colourDistance } from './map-page.js';
import { committedCensus, committedDataset } from '../unit/sources.js';
import { siteRisk } from '../../src/lib/risk/index.js';
import { routeExposure } from '../../src/lib/route/index.js';
import { borderIndex, countInBands } from '../../src/lib/border/index.js';
import { aggregate, assignIncidents, districtMetrics } from '../../src/lib/aggregate/index.js';
import { toColumns } from '../../src/lib/columns/index.js';
import { bivariateClasses, classWords, highOnBoth, NEEDS, type BivariateRow } from '../../src/lib/bivariate/index.js';
import { labelPoint } from '../../src/lib/districts/index.js';
import { districtAt } from '../../src/lib/risk/index.js';
import { encodePlan } from '../../src/lib/viewstate/plan.js';
import { BIVARIATE_COLOURS, NO_DATA_COLOUR } from '../../src/lib/shading/index.js';
import { hexToRgb } from './expected.js';
import { formatMetric } from '../../src/lib/format/index.js';

const { incidents } = committedDataset('gtd-2008');
const everything = new Uint8Array(incidents.length).fill(1);
const census = committedCensus();

const plan = {
	tool: 'site' as const,
	site: { name: 'TEST clinic Bannu', lon: 70.604, lat: 32.986, kind: 'map point' as const, detail: '' },
	radiusKm: 10,
	recentMonths: 6,
	waypoints: [
		[71.5785, 34.008],
		[71.4419, 33.5869],
		[70.604, 32.986]
	] as [number, number][],
	halfWidthKm: 10,
	segmentKm: 20,
	bands: true
};

test('a shared plan link opens the same site figures, route and border bands', async ({ page }) => {
	const query = `?dataset=gtd-2008&${encodePlan(plan)}`;
	await openDashboard(page, query);
	await waitForView(page, 'gtd-2008|incidents|area');

	const p: [number, number] = [plan.site.lon, plan.site.lat];
	const risk = siteRisk(p, incidents, everything, { radiusKm: 10, recentMonths: 6 });
	await expect(page.getByTestId('site-name')).toHaveText('TEST clinic Bannu');
	await expect(page.getByTestId('radius')).toHaveValue('10');
	await expect(page.getByTestId('site-incidents')).toHaveText(String(risk.all.incidents));
	await expect(page.getByTestId('site-recent')).toHaveText(String(risk.recent.incidents));
	await expect(page.getByTestId('site-district')).toHaveText('Bannu');
	// The district's need figures beside the violence figures, each with its census table.
	const bannu = census.districts.bannu!;
	const need = page.getByTestId('site-need');
	await expect(need).toContainText(
		`${((1 - bannu.improvedWaterShare!) * 100).toFixed(1)} % households without an improved drinking-water source (PBS Census 2023, Table 23`
	);
	await expect(need).toContainText(`${(bannu.noToiletShare! * 100).toFixed(1)} % households without a toilet (PBS Census 2023, Table 24`);
	await expect(need).toContainText(`${((1 - bannu.literacyRate!) * 100).toFixed(1)} % illiteracy rate, people aged 10+`);

	const bands = countInBands(borderIndex(baseMap.border), baseMap.provinces, incidents, everything);
	for (const b of bands.bands)
		await expect(page.getByTestId('band-counts').locator(`tr[data-band="${b.toKm}"]`)).toContainText(`${b.fromKm}–${b.toKm} km${b.incidents}`);

	await page.getByTestId('tab-route').click();
	const route = routeExposure(plan.waypoints, incidents, everything, { halfWidthKm: 10, segmentKm: 20 });
	await expect(page.getByTestId('route-summary')).toContainText('10 km either side, the loaded data (');
	await expect(page.getByTestId('route-summary')).toContainText(`record ${route.inCorridor.length} incidents, with`);

	// The link survives: the URL still carries the plan, and a change to it is written back.
	expect(new URL(page.url()).searchParams.get('route')).toBe(encodePlan(plan).get('route'));
	await page.getByTestId('tab-site').click();
	await page.getByTestId('radius').selectOption('50');
	await expect.poll(() => new URL(page.url()).searchParams.get('radius')).toBe('50');
	await page.reload();
	await waitForView(page, 'gtd-2008|incidents|area');
	const fifty = siteRisk(p, incidents, everything, { radiusKm: 50, recentMonths: 6 });
	await expect(page.getByTestId('site-incidents')).toHaveText(String(fifty.all.incidents));
});

test('hazard × need: map classes, legend in words and the high-on-both list match the core', async ({ page }) => {
	const districts = baseMap.districts;
	const agg = aggregate(toColumns(incidents), assignIncidents(incidents, districts), districts.length);
	const violence = districtMetrics(districts, agg, 'incidents', 'people').values;
	const needs = districts.map((d) => {
		const c = census.districts[d.properties.slug];
		return (c ? NEEDS.toilet.of(c) : null) ?? NaN;
	});
	const b = bivariateClasses(violence, needs)!;
	const rows: BivariateRow[] = districts.flatMap((d, i) =>
		b.classes[i] === null
			? []
			: [
					{
						slug: d.properties.slug,
						name: d.properties.name,
						province: d.properties.province,
						incidents: agg.byDistrict[i]!.incidents,
						population: d.properties.population,
						violence: violence[i]!,
						need: needs[i]!,
						cls: b.classes[i]!
					}
				]
	);
	const high = highOnBoth(rows);

	await openDashboard(page, '?dataset=gtd-2008&need=toilet');
	await waitForView(page, 'gtd-2008|incidents|area|need=toilet');
	const legend = page.getByTestId('legend');
	await expect(legend).toContainText('Hazard × need: incidents per 100,000 people × households without a toilet');
	for (let cls = 0; cls < 9; cls++) {
		const text = (await legend.locator(`li[data-class="b${cls}"]`).textContent())!.replace(/\s+/g, ' ').trim();
		expect(text).toBe(`${classWords(cls)} (${b.classes.filter((c) => c === cls).length})`);
	}
	await expect(page.getByTestId('high-both-list').locator('li')).toHaveCount(high.length);
	expect(
		await page
			.getByTestId('high-both-list')
			.locator('li')
			.evaluateAll((li) => li.map((l) => l.getAttribute('data-slug')))
	).toEqual(high.map((r) => r.slug));

	// The map: each district's colour is its class's, and a high-on-both district shows it.
	for (const [i, d] of districts.entries())
		expect(await districtColour(page, d.properties.slug), d.properties.slug).toBe(
			b.classes[i] === null || b.classes[i] === undefined ? NO_DATA_COLOUR : BIVARIATE_COLOURS[b.classes[i]!]
		);
	const largest = high.map((r) => districts.find((d) => d.properties.slug === r.slug)!).sort((x, y) => y.properties.areaKm2 - x.properties.areaKm2)[0]!;
	const at = labelPoint(largest);
	expect(districtAt(at, districts)).toBe(districts.indexOf(largest));
	const colour = await dominantColour(page, await project(page, at));
	expect(colourDistance(colour, hexToRgb(BIVARIATE_COLOURS[8]))).toBeLessThanOrEqual(6);

	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('high-both-csv').click()]);
	const parsed = Papa.parse<Record<string, string>>(readFileSync((await csv.path())!, 'utf8').trim(), { header: true }).data;
	expect(parsed.map((r) => r.district)).toEqual(high.map((r) => r.name));
	expect(parsed[0]).toMatchObject({ class: 'high violence, high need', incident_data: 'GTD 2008 — all attack types' });
	expect(parsed[0]!.census).toContain('as on 1 March 2023');
	expect(parsed[0]!.incident_dates).toMatch(/^2008-\d\d-\d\d – 2008-\d\d-\d\d$/);

	// The header and the ranking name what is mapped, and rank by its hazard axis (not per 1,000 km²).
	await expect(page.getByTestId('tab-districts')).toBeVisible();
	await expect(page.locator('header')).toContainText('shaded by hazard × need: incidents per 100,000 people × households without a toilet');
	await expect(page.getByTestId('ranking-title')).toHaveText('Districts by incidents per 100,000 people');
	await expect(page.getByTestId('ranking-mapped')).toHaveText('The map shows hazard × need: incidents per 100,000 people × households without a toilet.');
	const top = violence.reduce((best, v, i) => (Number.isNaN(v) || v <= violence[best]! ? best : i), 0);
	const first = page.getByTestId('ranking-table').locator('tbody tr').first();
	await expect(first).toHaveAttribute('data-slug', districts[top]!.properties.slug);
	await expect(first.locator('[data-col="value"]')).toHaveText(formatMetric(violence[top]!, true));
	await expect(page.getByTestId('sort-value')).toContainText('per 100,000 people');
});
