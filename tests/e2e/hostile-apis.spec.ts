/**
 * The connectors under a hostile API, in the page (the same cases run in Node in
 * src/lib/connectors/http.test.ts): a redirect to another site, an absurd page count, an oversized
 * page and a silent server. Each ends with a message saying what happened and that nothing was
 * saved; the token reaches no other site, and the console stays free of errors.
 */
import { expect, test, type Page } from '@playwright/test';
import { askUcdp, routeApis } from './api-routes.js';
import { startMockApis, type MockApis } from '../mock-apis/server.js';

let mock: MockApis;
test.beforeAll(async () => (mock = await startMockApis()));
test.afterAll(() => mock.close());
test.beforeEach(() => mock.reset());

const ELSEWHERE = 'https://elsewhere.example';

/** Asks UCDP for 2023 (the mock's yearly release holds it); returns the console's errors from then on. */
async function fetchUcdp2023(page: Page) {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await askUcdp(page, '2023-01-01', '2023-12-31');
	return errors;
}

async function nothingSaved(page: Page) {
	await expect(page.getByTestId('imported-list')).toHaveCount(0);
}

test('a redirect to another site is not followed: the token never arrives there', async ({ page, context }) => {
	await routeApis(context, mock);
	const elsewhere: (string | undefined)[] = [];
	await context.route(`${ELSEWHERE}/**`, (route) => (elsewhere.push(route.request().headers()['x-ucdp-access-token']), route.abort()));
	mock.scenario.redirect = { path: /^\/api\/gedevents\//, to: ELSEWHERE };
	const errors = await fetchUcdp2023(page);
	await expect(page.getByTestId('fetch-error')).toContainText(
		'UCDP redirected the request; it was not followed, so your credentials went nowhere else. Nothing was saved.'
	);
	expect(elsewhere).toEqual([]);
	await nothingSaved(page);
	expect(errors).toEqual([]);
});

test('an absurd page count stops after the first page, asking nothing more', async ({ page, context }) => {
	await routeApis(context, mock);
	mock.scenario.totalPages = 1e9;
	const errors = await fetchUcdp2023(page);
	await expect(page.getByTestId('fetch-error')).toContainText('UCDP GED 26.1 would need 1,000,000,000 pages for 2023-01-01 – 2023-12-31, more than the 60');
	expect(mock.requests.filter((r) => r.path.startsWith('/api/gedevents/'))).toHaveLength(1);
	await nothingSaved(page);
	expect(errors).toEqual([]);
});

test('a page past the 64 MB limit is refused, unread past it', async ({ page, context }) => {
	test.setTimeout(120_000);
	await routeApis(context, mock);
	// 70 MB: Playwright hands a routed body to the browser whole, and a 200 MB one crashes the
	// browser's connection to it (the 200 MB stream runs in Node, against the same mock).
	mock.scenario.hugePage = { path: /^\/api\/gedevents\//, bytes: 70 * 1024 * 1024, sent: 0 };
	const errors = await fetchUcdp2023(page);
	await expect(page.getByTestId('fetch-error')).toContainText(
		'UCDP GED 26.1, page 1 is larger than 64 MB, far more than a page of events; nothing was saved.',
		{
			timeout: 90_000
		}
	);
	await nothingSaved(page);
	expect(errors).toEqual([]);
});

test('a silent server: each wait is said on the progress line, and Cancel stops it', async ({ page, context }) => {
	test.setTimeout(90_000);
	await routeApis(context, mock);
	mock.scenario.silent = /^\/api\/gedevents\//;
	const errors = await fetchUcdp2023(page);
	await expect(page.getByTestId('fetch-progress')).toContainText('UCDP did not answer within 30 s; trying again in 1 s (try 2 of 5).', { timeout: 45_000 });
	await page.getByTestId('fetch-cancel').click();
	await expect(page.getByTestId('fetch-progress')).toHaveCount(0);
	await nothingSaved(page);
	expect(errors).toEqual([]);
	// The mock never answers: the routed request is still waiting when the test ends.
	await context.unrouteAll({ behavior: 'ignoreErrors' });
});
