/**
 * The page asks the real API origins (the only ones its CSP allows); these helpers answer them
 * from the local mock APIs (tests/mock-apis), so the page cannot tell the difference.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { MOCK_UCDP_TOKEN, type MockApis } from '../mock-apis/server.js';
import { openDashboard, waitForView } from './map-page.js';

export const API_ORIGINS = ['https://ucdpapi.pcr.uu.se', 'https://acleddata.com'];

/** Sends the page's requests to the real API origins to the mock, as the mock answers them (redirects included); returns the URLs asked. */
export async function routeApis(context: BrowserContext, mock: MockApis, { unreachable = false } = {}) {
	const hits: string[] = [];
	for (const origin of API_ORIGINS) {
		await context.route(`${origin}/**`, async (route) => {
			hits.push(route.request().url());
			if (unreachable) return route.abort('internetdisconnected');
			const url = new URL(route.request().url());
			const response = await route.fetch({ url: `${mock.origin}${url.pathname}${url.search}`, maxRedirects: 0 });
			await route.fulfill({ response });
		});
	}
	return hits;
}

export async function openFetchDialog(page: Page) {
	await page.getByTestId('get-current-data').click();
	await expect(page.getByTestId('current-data')).toBeVisible();
}

/** Opens the dashboard and its "Get current data" dialog, and asks UCDP (the mock's token) for `from` – `to`. */
export async function askUcdp(page: Page, from: string, to: string) {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await openFetchDialog(page);
	await page.getByTestId('fetch-from').fill(from);
	await page.getByTestId('fetch-to').fill(to);
	await page.getByTestId('ucdp-token').fill(MOCK_UCDP_TOKEN);
	await page.getByTestId('fetch-run').click();
}
