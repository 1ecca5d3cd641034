/**
 * Emerging hot spots on UCDP GED 22.1, 2007–2021, by year: the legend's categories and counts, the
 * districts' colours, the list, a district's card and the URL, against the same core run in Node.
 */
import { expect, test } from '@playwright/test';
import { districtColour, openDashboard, waitForView } from './map-page.js';
import { baseMap } from './expected.js';
import { defaultView, shadingKey } from '../../src/lib/viewstate/index.js';
import { aggregate, assignIncidents } from '../../src/lib/aggregate/index.js';
import { monthNumber, toColumns } from '../../src/lib/columns/index.js';
import { monthStates } from '../../src/lib/coverage/index.js';
import { categoryCounts, categoryName, emergingOverWindow } from '../../src/lib/emerging/index.js';
import { queenNeighbours } from '../../src/lib/hotspot/index.js';
import { shade } from '../../src/lib/shading/index.js';
import { surges, surgeWords } from '../../src/lib/surge/index.js';
import { committedDataset } from '../unit/sources.js';

const view = { ...defaultView('ucdp'), window: ['2007-01', '2021-12'] as [string, string], emerging: 'year' as const };

function expected() {
	const { districts } = baseMap;
	const { incidents, info } = committedDataset('ucdp');
	const agg = aggregate(toColumns(incidents), assignIncidents(incidents, districts), districts.length);
	const first = monthNumber('2007-01');
	const states = monthStates(info, first, monthNumber('2021-12'));
	const e = emergingOverWindow(agg, queenNeighbours(districts), { first, last: monthNumber('2021-12') }, 'year', (m) =>
		states[m - first] === 'not-covered' ? 'not covered' : null
	);
	const shaded = districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name }));
	const shading = shade({ mode: 'emerging', districts: shaded, results: e.results, over: '', leftOut: '' });
	return { ...e, results: e.results!, shading, slugs: shaded.map((d) => d.slug) };
}

test('emerging hot spots: legend in words with counts, colours, the list, a card and the link', async ({ page }) => {
	const e = expected();
	await openDashboard(page, '?dataset=ucdp&window=2007-01..2021-12&emerging=year');
	// The window reaches GED 22.1, which is fetched first (1.8 MB): give it longer than one view.
	await expect(page.getByTestId('map')).toHaveAttribute('data-rendered', shadingKey(view), { timeout: 45_000 });
	const legend = page.getByTestId('legend');
	await expect(legend.locator('h2')).toHaveText('Emerging hot spots');
	await expect(legend).toContainText('Gi* per step of incidents, yearly steps 2007–2021 (15)');
	await expect(page.getByText('emerging=year ignored')).toHaveCount(0);
	const rows = categoryCounts(e.results).filter((c) => c.count > 0);
	await expect(legend.locator('li[data-class]')).toHaveText(rows.map((c) => new RegExp(`${categoryName(c.category)}\\s*\\(${c.count}\\)`)));
	// Each district's colour on the map is its category's.
	for (const [k, slug] of e.slugs.entries()) {
		if (k % 7 !== 0 && e.results[k]!.category.side === null) continue;
		expect(await districtColour(page, slug), slug).toBe(e.shading.colours.get(slug));
	}
	// The panel lists the districts with a pattern; one opens its card with its z per step and why.
	const listed = e.results.map((r, i) => ({ r, slug: e.slugs[i]! })).filter(({ r }) => r.category.side !== null);
	expect(listed.length).toBeGreaterThan(0);
	await expect(page.getByTestId('emerging-steps')).toContainText('15 covered steps, 2007–2021');
	await expect(page.getByTestId('emerging-list').locator('li[data-slug]')).toHaveCount(listed.length);
	const pick = listed[0]!;
	await page.getByTestId('emerging-list').locator(`li[data-slug="${pick.slug}"] button`).click();
	const card = page.getByTestId('emerging-card');
	await expect(card.getByTestId('emerging-category')).toHaveText(categoryName(pick.r.category));
	await expect(card.getByTestId('emerging-reason')).toHaveText(`${pick.r.reason}.`);
	await expect(card.locator('rect[data-step]')).toHaveCount(15);
	expect(await card.locator('rect[data-step="2021"]').getAttribute('data-z')).toBe(pick.r.z[14]!.toFixed(3));
	await expect(page).toHaveURL(/emerging=year/);
	// Off again: the map goes back to its classes.
	await page.getByTestId('emerging-select').selectOption({ label: 'off' });
	await waitForView(page, shadingKey({ ...view, emerging: null }));
	await expect(legend.locator('h2')).not.toHaveText('Emerging hot spots');
});

test('surges: flagged against the 12 covered months before, the gap left out, or refused with the reason', async ({ page }) => {
	await openDashboard(page, '?dataset=gtd-2008');
	await expect(page.getByTestId('surges-refused')).toHaveText('Not flagged: only 11 covered months before it, fewer than 12.');
	// The UCDP series, whole: January 2026 against 2021 (2022–2025 are not covered, so not a baseline of zeros).
	const { districts } = baseMap;
	const { incidents, info } = committedDataset('ucdp');
	const agg = aggregate(toColumns(incidents), assignIncidents(incidents, districts), districts.length);
	const first = monthNumber('1989-01');
	const s = surges(
		agg.districtMonthly,
		districts.length,
		agg.months.first,
		agg.months.last - agg.months.first + 1,
		monthStates(info, first, monthNumber('2026-01')),
		first
	);
	if (s.kind !== 'figures') throw new Error(s.reason);
	expect(s.baselineMonths).toEqual(['2021-01', '2021-12']);
	const flagged = districts.flatMap((d, i) =>
		s.districts[i]!.surging ? [{ slug: d.properties.slug, words: surgeWords(s.districts[i]!, s.month, s.baselineMonths) }] : []
	);
	expect(flagged.length).toBeGreaterThan(0);
	await openDashboard(page, '?dataset=ucdp&window=all');
	await expect(page.getByTestId('surges').locator('h3')).toHaveText('Surges in Jan 2026', { timeout: 45_000 });
	const list = page.getByTestId('surges-list').locator('li[data-slug]');
	await expect(list).toHaveCount(flagged.length, { timeout: 45_000 });
	for (const f of flagged) await expect(page.getByTestId('surges-list').locator(`li[data-slug="${f.slug}"]`)).toContainText(f.words);
	// The map marks the same districts, and the legend says what the marks are.
	await expect
		.poll(() =>
			page.evaluate(() =>
				window
					.__incidentMap!.queryRenderedFeatures({ layers: ['surge-marks'] })
					.map((f) => String(f.properties.slug))
					.sort()
			)
		)
		.toEqual(flagged.map((f) => f.slug).sort());
	await expect(page.getByTestId('legend-surge')).toHaveText(`Surge in Jan 2026 (${flagged.length} district${flagged.length === 1 ? '' : 's'}; see Surges)`);
	// The ranking marks the same districts, the baseline in its words.
	const marks = page.getByTestId('ranking-table').getByTestId('surge-mark');
	await expect(marks).toHaveCount(flagged.length);
	for (const f of flagged)
		await expect(page.getByTestId('ranking-table').locator(`tr[data-slug="${f.slug}"]`).getByTestId('surge-mark')).toHaveAttribute(
			'title',
			`Surge: ${f.words}`
		);
});
