/**
 * "Get current data" end to end: the page asks the real API origins (the only ones its CSP
 * allows), and the test answers them from the local mock APIs (tests/mock-apis). The page
 * cannot tell the difference: same URLs, same headers, same documented responses.
 */
import { expect, test } from '@playwright/test';
import { askUcdp, openFetchDialog, routeApis } from './api-routes.js';
import { districtColour, openDashboard, waitForView } from './map-page.js';
import { NO_DATA_COLOUR, ZERO_COLOUR } from '../../src/lib/shading/index.js';
import {
	FIXTURE_PLACES,
	MOCK_ACLED_EMAIL,
	MOCK_ACLED_PASSWORD,
	MOCK_UCDP_TOKEN,
	startMockApis,
	ucdpFixtureEvents,
	type MockApis
} from '../mock-apis/server.js';

let mock: MockApis;
test.beforeAll(async () => (mock = await startMockApis()));
test.afterAll(() => mock.close());
test.beforeEach(() => mock.reset());

const peshawarEvents = (from: string, to: string) => {
	const all = [...mock.scenario.ucdpReleases.values()].flat();
	return all.filter(
		(e) => String(e.where_coordinates).includes(FIXTURE_PLACES[0]![0]) && String(e.date_start).slice(0, 10) >= from && String(e.date_start).slice(0, 10) <= to
	).length;
};

test('UCDP: fetched on request, re-shades the map, survives a reload, refreshes with a diff', async ({ page, context }) => {
	const hits = await routeApis(context, mock);
	const csp: string[] = [];
	page.on('console', (m) => /Content Security Policy/i.test(m.text()) && csp.push(m.text()));
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	// Offline is the default: nothing goes to an API until the user asks.
	expect(hits).toEqual([]);
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(policy!.match(/connect-src ([^;]*)/)![1]!.trim()).toBe("'self' blob: https://ucdpapi.pcr.uu.se https://acleddata.com");

	await openFetchDialog(page);
	await page.getByTestId('fetch-to').fill('2026-11-26');
	await expect(page.getByTestId('fetch-run')).toBeDisabled();
	await page.getByTestId('ucdp-token').fill(MOCK_UCDP_TOKEN);
	await page.getByTestId('fetch-run').click();
	await expect(page.getByTestId('report-identity')).toHaveText('2,680 imported + 0 rejected = 2,680 rows read');
	await expect(page.getByTestId('import-report')).toContainText('UCDP has not published Candidate events from 2026-10-01 yet');
	await page.getByTestId('report-close').click();

	const id = await page.getByTestId('dataset').inputValue();
	expect(id).toMatch(/^import-/);
	await waitForView(page, `${id}|incidents|area`);
	const peshawar = page.getByTestId('ranking-table').locator('tr[data-slug="peshawar"] [data-col="incidents"]');
	await expect(peshawar).toHaveText(String(peshawarEvents('2022-11-28', '2026-11-26')));
	expect(await districtColour(page, 'peshawar')).toMatch(/^#[0-9a-f]{6}$/);
	expect([ZERO_COLOUR, NO_DATA_COLOUR]).not.toContain(await districtColour(page, 'peshawar'));

	// The token is in the request header only: not in the URL, the page, or storage (not remembered).
	expect(page.url()).not.toContain(MOCK_UCDP_TOKEN);
	expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(MOCK_UCDP_TOKEN);
	expect(mock.requests.every((r) => r.headers['x-ucdp-access-token'] === MOCK_UCDP_TOKEN && !JSON.stringify(r.query).includes(MOCK_UCDP_TOKEN))).toBe(true);

	await page.reload();
	await waitForView(page, `${id}|incidents|area`);
	await expect(page.getByTestId('imported-list')).toContainText('UCDP: Pakistan (GW 770), 2022-11-28 – 2026-11-26 (fetched');
	await expect(page.getByTestId('imported-list')).toContainText('GED 26.1 + Candidate 26.0.1–26.0.9');
	await expect(peshawar).toHaveText(String(peshawarEvents('2022-11-28', '2026-11-26')));
	await page.getByRole('button', { name: 'About & sources' }).click();
	await expect(page.getByTestId('about-fetched')).toContainText(
		'Fetched from the UCDP API (ucdpapi.pcr.uu.se), GED 26.1 + Candidate 26.0.1–26.0.9; query: Pakistan (GW 770), 2022-11-28 – 2026-11-26'
	);
	await page.keyboard.press('Escape');

	// UCDP publishes October, revises one September event and withdraws another.
	const september = mock.scenario.ucdpReleases.get('26.0.9')!;
	september[0]!.best = 40;
	september.splice(1, 1);
	const october = ucdpFixtureEvents(20, '2026-10-01', '2026-10-28', 20_000);
	mock.scenario.ucdpReleases.set('26.0.10', october);
	mock.requests.length = 0;
	await page.getByTestId('refresh').click();
	// After a reload the token is gone from memory: the user enters it again.
	await page.getByTestId('ucdp-token').fill(MOCK_UCDP_TOKEN);
	await page.getByTestId('fetch-run').click();
	await expect(page.getByTestId('refresh-result')).toHaveText(/^Refreshed from 2026-08-28: 40 events received — 20 added, 1 changed, 1 removed\.$/);
	await waitForView(page, `${id}|incidents|area`);
	await expect(page.getByTestId('acc-rows')).toHaveText('2,699');
	// Only what is newer was asked for: the yearly release is not fetched again.
	expect(mock.requests.map((r) => r.path)).toEqual(['/api/gedevents/26.0.8', '/api/gedevents/26.0.9', '/api/gedevents/26.0.10', '/api/gedevents/26.0.11']);
	expect(csp).toEqual([]);
});

test('ACLED: signs in with the account, pages through, and the dataset is stored', async ({ page, context }) => {
	await routeApis(context, mock);
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await openFetchDialog(page);
	await page.getByTestId('source-acled').check();
	await page.getByTestId('fetch-to').fill('2026-11-26');
	await page.getByTestId('acled-email').fill(MOCK_ACLED_EMAIL);
	await page.getByTestId('acled-password').fill('not the password');
	await page.getByTestId('fetch-run').click();
	await expect(page.getByTestId('fetch-error')).toContainText('ACLED did not accept this email and password (HTTP 400)');
	await expect(page.getByTestId('fetch-error')).not.toContainText('not the password');

	mock.scenario.failures.push({ path: /acled\/read/, status: 429, times: 1, retryAfter: '1' });
	await page.getByTestId('acled-password').fill(MOCK_ACLED_PASSWORD);
	await page.getByTestId('remember').check();
	await page.getByTestId('fetch-run').click();
	await expect(page.getByTestId('report-identity')).toHaveText('12,000 imported + 0 rejected = 12,000 rows read');
	await page.getByTestId('report-close').click();
	expect(mock.requests.filter((r) => r.path === '/api/acled/read').map((r) => r.query.page)).toEqual(['1', '1', '2', '3']);
	// Ticked "remember": kept on this device (and only then).
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('credentials')))).toEqual(['nw-pakistan-incident-map:credentials:acled']);
	expect(page.url()).not.toContain(MOCK_ACLED_PASSWORD);
});

test('an API the browser cannot reach is explained, with the command-line alternative', async ({ page, context }) => {
	await routeApis(context, mock, { unreachable: true });
	await askUcdp(page, '2023-01-01', '2023-12-31');
	const error = page.getByTestId('fetch-error');
	await expect(error).toContainText('The browser could not reach UCDP (ucdpapi.pcr.uu.se)');
	await expect(error).toContainText('npm run fetch-data -- --source ucdp --from 2023-01-01 --to 2023-12-31');
	await expect(page.getByTestId('imported-list')).toHaveCount(0);
});

test('a token refused part-way: ACLED signs in afresh once and goes on; UCDP stops, saving nothing, naming the page', async ({ page, context }) => {
	await routeApis(context, mock);
	const alerts: string[] = [];
	page.on('dialog', (d) => {
		alerts.push(d.message());
		void d.dismiss();
	});
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await openFetchDialog(page);
	// ACLED's token expires after two pages; every text field holds markup (it stays text).
	mock.scenario.acledTokenUses = 2;
	mock.scenario.htmlInFields = true;
	await page.getByTestId('source-acled').check();
	await page.getByTestId('fetch-to').fill('2026-11-26');
	await page.getByTestId('acled-email').fill(MOCK_ACLED_EMAIL);
	await page.getByTestId('acled-password').fill(MOCK_ACLED_PASSWORD);
	await page.getByTestId('fetch-run').click();
	await expect(page.getByTestId('report-identity')).toHaveText('12,000 imported + 0 rejected = 12,000 rows read');
	await page.getByTestId('report-close').click();
	expect(mock.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(2);
	const imported = await page.getByTestId('imported-list').locator('li').count();

	await openFetchDialog(page);
	mock.scenario.ucdpUnauthorizedFromPage = 1;
	await page.getByTestId('source-ucdp').check();
	await page.getByTestId('fetch-to').fill('2026-11-26');
	await page.getByTestId('ucdp-token').fill(MOCK_UCDP_TOKEN);
	await page.getByTestId('fetch-run').click();
	await expect(page.getByTestId('fetch-error')).toContainText(
		'UCDP GED 26.1, page 2: UCDP stopped accepting the access token part-way (HTTP 401), after 1 page(s) of this release had been read. Nothing was saved'
	);
	await expect(page.getByTestId('fetch-error')).not.toContainText(MOCK_UCDP_TOKEN);
	await expect(page.getByTestId('imported-list').locator('li')).toHaveCount(imported);
	expect(alerts).toEqual([]);
});
