/**
 * The open UCDP series as a reader, an analyst and an NGO officer meet it: the first screen on the
 * newest month, UCDP's parties named as UCDP names them, the years it does not cover shown as not
 * covered (never as months without events), the national strip across the gap, and "Fill
 * 2022–2025" asking the UCDP API for those months only.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkShading, openDashboard, waitForView } from './map-page.js';
import { expectedFor, expectedView, openingView } from './expected.js';
import { formatCount } from '../../src/lib/format/index.js';
import { routeApis } from './api-routes.js';
import { MOCK_UCDP_TOKEN, startMockApis, ucdpFixtureEvents, type MockApis } from '../mock-apis/server.js';
import { committedDataset } from '../unit/sources.js';

const NEWEST = 'ucdp|incidents|area|window=2026-01..2026-01';
const WHOLE = 'ucdp|incidents|area';

/** Month indices (from the timeline's first month) that have a bar in a histogram path. */
async function barMonths(page: Page, which: 'on' | 'off'): Promise<number[]> {
	const d = (await page.getByTestId('histogram').locator(`path.${which}`).getAttribute('d')) ?? '';
	return [...d.matchAll(/M(\d+) /g)].map((m) => (Number(m[1]) - 1) / 10);
}

test('the first screen is the newest month, with UCDP’s parties named as UCDP names them', async ({ page }) => {
	await openDashboard(page, '?dataset=ucdp');
	await waitForView(page, NEWEST);
	await expect(page).toHaveTitle(/^January 2026 · UCDP Candidate 26\.0\.1, preliminary/);
	await expect(page.getByTestId('period')).toHaveText('January 2026 · UCDP Candidate 26.0.1, preliminary');
	const expected = expectedView('ucdp', 'incidents', 'area');
	expect(expected.agg.rows).toBe(87);
	await checkShading(page, expected);

	// Sides of a dyad, not a perpetrator and a target type; no suicide field; no wounded figure.
	await expect(page.getByTestId('facet-actor').locator('legend')).toHaveText('Party (side A or B)');
	await expect(page.getByTestId('facet-eventType').locator('legend')).toHaveText('Type of violence');
	await expect(page.getByTestId('facet-target').locator('legend')).toHaveText('Target (one-sided violence: civilians)');
	await expect(page.getByTestId('facet-actor')).not.toContainText('Perpetrator');
	await expect(page.getByTestId('facet-suicide')).toHaveCount(0);
	await expect(page.getByTestId('metric-wounded')).toBeDisabled();
	await expect(page.getByTestId('metric-casualties')).toBeDisabled();
	await expect(page.getByTestId('metric-why')).toHaveText('wounded and casualties: not recorded by UCDP');
	// A party option counts every event naming it on either side: TTP is side B of 34 and side A of 3.
	const ttp = page.getByTestId('facet-actor').locator('label', { hasText: /^\s*TTP\s*\d+\s*$/ });
	await expect(ttp.locator('.n')).toHaveText('37');
	await expect(page.getByTestId('facet-actor')).toContainText('Unidentified armed group in Pakistan (XXX770)');
	await expect(page.getByTestId('ranking-unrecorded')).toHaveText('Wounded and casualties: not recorded by UCDP, so they are not listed.');

	// The district card names the period and source of its figures, and what UCDP does not record.
	await page.getByTestId('district-select').selectOption('bannu');
	await expect(page.getByTestId('panel-period')).toHaveText('Figures: January 2026 · UCDP Candidate 26.0.1, preliminary');
	await expect(page.getByTestId('panel-incidents')).toHaveText(formatCount(expected.bySlug.get('bannu')!.totals.incidents));
	await expect(page.getByTestId('panel-wounded')).toHaveText('not recorded by UCDP');
	const candidate = committedDataset('ucdp').incidents.find(
		(i) => i.release === 'UCDP Candidate 26.0.1' && i.actor === 'Government of Pakistan' && i.districtRecorded === 'Bannu district'
	)!;
	await expect(page.locator(`[data-testid=incident-item][data-id="${candidate.id}"] [data-testid=incident-parties]`)).toHaveText(
		`Government of Pakistan – ${candidate.actor2}`
	);
	await expect(page.locator(`[data-testid=incident-item][data-id="${candidate.id}"]`)).toContainText('UCDP Candidate 26.0.1 (preliminary)');
});

test('GTD keeps a perpetrator group, a target type and the suicide field', async ({ page }) => {
	await openDashboard(page, '?dataset=gtd-2008');
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('facet-actor').locator('legend')).toHaveText('Perpetrator group');
	await expect(page.getByTestId('facet-eventType').locator('legend')).toHaveText('Attack type');
	await expect(page.getByTestId('facet-target').locator('legend')).toHaveText('Target type');
	await expect(page.getByTestId('facet-suicide')).toHaveCount(1);
	await expect(page.getByTestId('metric-wounded')).toBeEnabled();
	await expect(page.getByTestId('period')).toHaveText('all of Jan 2008 – Dec 2008 · GTD 2008 — all attack types');
});

test('the whole record: 2022–2025 is not covered (hatched, no bars), and a comparison across it is refused', async ({ page }) => {
	await openDashboard(page, '?dataset=ucdp');
	await waitForView(page, NEWEST);
	// Before it is chosen, 1989–2021 is covered but not loaded: said so, not drawn as empty months.
	await expect(page.getByTestId('not-loaded')).toHaveAttribute('data-from', '1989-01');
	await expect(page.getByTestId('not-loaded')).toHaveAttribute('data-to', '2021-12');
	expect(await barMonths(page, 'off')).toEqual([]);

	await page.getByTestId('all-dates').click();
	await waitForView(page, WHOLE);
	await checkShading(page, expectedFor({ ...openingView('ucdp'), window: null }));
	const gap = page.getByTestId('gap');
	await expect(gap).toHaveCount(1);
	await expect(gap).toHaveAttribute('data-from', '2022-01');
	await expect(gap).toHaveAttribute('data-to', '2025-12');
	await expect(gap.locator('title')).toContainText('UCDP GED 23.1–26.1');
	// 445 months from Jan 1989; months 396–443 are 2022-01 – 2025-12: no bar, not even one of height 0.
	const bars = await barMonths(page, 'on');
	expect(bars.length).toBe(445 - 48);
	expect(bars.filter((m) => m >= 396 && m <= 443)).toEqual([]);
	await expect(page.getByTestId('legend-coverage')).toHaveText('48 of the 445 months not covered (Jan 2022 – Dec 2025)');
	await expect(page.getByTestId('legend-period')).toHaveText('all of Jan 1989 – Jan 2026 · UCDP GED 22.1 + UCDP Candidate 26.0.1, preliminary');
	await expect(page.getByTestId('window-label')).toHaveText('Showing all of Jan 1989 – Jan 2026: 6,503 incidents; 48 of its months not covered');
	await expect(page.getByTestId('preliminary')).toHaveAttribute('data-from', '2026-01');

	// The default halves stay within covered months; a period reaching into the gap is refused.
	await page.getByTestId('compare-toggle').check();
	await expect(page.getByTestId('compare-a-from')).toHaveValue('1989-01');
	await expect(page.getByTestId('compare-b-to')).toHaveValue('2021-12');
	await expect(page.getByTestId('compare-refused')).toHaveCount(0);
	await page.getByTestId('compare-b-to').selectOption('2022-12');
	await expect(page.getByTestId('compare-refused')).toContainText(
		/Period B \(Jul 2005 – Dec 2022\) touches months this dataset does not cover \(Jan 2022 – Dec 2022\)/
	);
	// The map is not shaded as a comparison: the legend keeps the incidents' classes.
	await expect(page.locator('.legend-slot')).not.toContainText('not compared');
});

test('the national strip shows the Pakistan-wide GED 25.1 totals, 2023 and 2024 as the file has them', async ({ page }) => {
	await openDashboard(page, '?dataset=ucdp');
	await waitForView(page, NEWEST);
	const strip = page.getByTestId('national-strip');
	await expect(strip).toContainText('Pakistan-wide, UCDP GED 25.1, no locations');
	await expect(strip.locator('[data-testid=national-year][data-year="2023"]')).toHaveText('2023: 382 events (1,178 deaths)');
	await expect(strip.locator('[data-testid=national-year][data-year="2024"]')).toHaveText('2024: 687 events (1,885 deaths)');
	await expect(page.getByTestId('national-overlap')).toContainText(
		'GED 25.1 counts 6,502 events in Pakistan, the bundled UCDP GED 22.1 + Candidate 26.0.1 6,416'
	);
});

test.describe('Fill 2022–2025', () => {
	let mock: MockApis;
	test.beforeAll(async () => (mock = await startMockApis()));
	test.afterAll(() => mock.close());

	test('asks the UCDP API for the uncovered months only, and afterwards the gap is gone', async ({ page, context }) => {
		mock.reset();
		// The yearly release holds events from 2022 on (the mock's default starts in November 2022).
		mock.scenario.ucdpReleases.set('26.1', ucdpFixtureEvents(600, '2022-01-01', '2025-12-31'));
		const hits = await routeApis(context, mock);
		await openDashboard(page, '?dataset=ucdp');
		await waitForView(page, NEWEST);
		await page.getByTestId('open-fill').click();
		await expect(page.getByTestId('fill')).toContainText('Fill 2022–2025');
		await expect(page.getByTestId('fill-run')).toBeDisabled();
		await page.getByTestId('ucdp-token').fill(MOCK_UCDP_TOKEN);
		await page.getByTestId('fill-run').click();
		await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByTestId('import-report')).toContainText('Merged with the 6,503 rows of UCDP GED 22.1 + Candidate 26.0.1 by UCDP event id');
		await page.getByTestId('report-close').click();

		const asked = hits.map((h) => new URL(h)).map((u) => [u.pathname.split('/').at(-1), u.searchParams.get('StartDate'), u.searchParams.get('EndDate')]);
		expect(asked[0]).toEqual(['26.1', '2022-01-01', '2025-12-31']);
		expect(asked.filter(([v]) => v === '26.1').length).toBe(1); // 600 events: one page
		expect(asked.some(([v, from]) => v === '26.0.1' || from! < '2022-01-01')).toBe(false);
		expect(new Set(asked.slice(1).map(([v]) => v))).toEqual(
			new Set(['26.0.2', '26.0.3', '26.0.4', '26.0.5', '26.0.6', '26.0.7', '26.0.8', '26.0.9', '26.0.10'])
		);

		const id = await page.getByTestId('dataset').inputValue();
		expect(id).toMatch(/^import-/);
		// The filled series opens on all of itself: the whole record, with no gap left.
		await waitForView(page, `${id}|incidents|area`);
		await expect(page.getByTestId('gap')).toHaveCount(0);
		// (Chromium's en-GB calls September "Sept".)
		await expect(page.getByTestId('window-label')).toHaveText(
			new RegExp(`^Showing all of Jan 1989 – Sept? 2026: ${formatCount(6503 + 600 + 8 * 20)} incidents$`)
		);
	});
});
