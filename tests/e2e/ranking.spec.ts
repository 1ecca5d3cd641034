/** The ranking table: it fits its panel, its columns are the reader's choice and ride in the link, and a count is not said twice. */
import { expect, test, type Page } from '@playwright/test';
import { expectedFor } from './expected.js';
import { openDashboard, waitForView } from './map-page.js';
import { defaultView, shadingKey } from '../../src/lib/viewstate/index.js';
import { formatCount } from '../../src/lib/format/index.js';

const base = defaultView('gtd-2008');
const headers = (page: Page) => page.getByTestId('ranking-table').locator('thead th').allInnerTexts();
/** The table's width against its box's, and the page's against the window's. */
const widths = (page: Page) =>
	page.evaluate(() => {
		const table = document.querySelector<HTMLElement>('[data-testid="ranking-table"]')!;
		return { table: table.scrollWidth, box: table.parentElement!.clientWidth, page: document.documentElement.scrollWidth, window: window.innerWidth };
	});

test.use({ viewport: { width: 1440, height: 900 } });

test('at 1440 px the table fits its panel; more columns scroll in the table’s own box, and the choice rides in the link', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	expect((await headers(page)).map((h) => h.replace(/ [▲▼]$/, ''))).toEqual(['#', 'District', 'per 1,000 km²', 'Incidents', 'Killed', 'Trend']);
	let w = await widths(page);
	expect(w.table, 'the default columns fit the panel').toBeLessThanOrEqual(w.box);

	await page.getByTestId('column-chooser').locator('summary').click();
	await page.getByTestId('column-wounded').check();
	await page.getByTestId('column-casualties').check();
	await page.getByTestId('column-incidents').uncheck();
	await expect(page).toHaveURL(/[?&]cols=killed%2Cwounded%2Ccasualties%2Cz(&|$)/);
	expect((await headers(page)).map((h) => h.replace(/ [▲▼]$/, ''))).toEqual(['#', 'District', 'per 1,000 km²', 'Killed', 'Wounded', 'Casualties', 'Trend']);
	const expected = expectedFor(base).bySlug.get('peshawar')!;
	const peshawar = page.getByTestId('ranking-table').locator('tr[data-slug="peshawar"]');
	await expect(peshawar.locator('[data-col="wounded"]')).toHaveText(formatCount(expected.totals.wounded));
	await expect(peshawar.locator('[data-col="incidents"]')).toHaveCount(0);
	w = await widths(page);
	expect(w.page, 'the page itself never scrolls sideways').toBe(w.window);

	await page.reload();
	await waitForView(page, shadingKey(base));
	await expect(page.getByTestId('ranking-table').locator('thead th')).toHaveCount(7);
	await expect(page.getByTestId('column-incidents')).not.toBeChecked();
});

test('in count mode the value column is the count, named as such, and not repeated', async ({ page }) => {
	await openDashboard(page, '?dataset=gtd-2008&per=count');
	await waitForView(page, shadingKey({ ...base, per: 'count' }));
	const names = (await headers(page)).map((h) => h.replace(/ [▲▼]$/, ''));
	expect(names).toEqual(['#', 'District', 'Incidents', 'Killed', 'Trend']);
	const expected = expectedFor({ ...base, per: 'count' }).bySlug.get('peshawar')!;
	await expect(page.getByTestId('ranking-table').locator('tr[data-slug="peshawar"] [data-col="value"]')).toHaveText(formatCount(expected.totals.incidents));
	await page.getByTestId('column-chooser').locator('summary').click();
	await expect(page.getByTestId('column-chooser')).toContainText('Incidents (the mapped value)');
});
