/**
 * Offline after one visit (src/service-worker.ts): the page is loaded once with the network, then
 * the browser goes offline and reloads: the shaded map, every bundled dataset and the district
 * pages still come. A new build served afterwards is announced, not mixed in (UpdateNote).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForView } from './map-page.js';
import { projectRoot } from '../unit/sources.js';

test.use({ serviceWorkers: 'allow' });

/**
 * The service worker controls the page once it has installed (precached) and activated. A sync
 * predicate: waitForFunction takes a returned promise as truthy at once (microsoft/playwright#29132),
 * which hid this wait's not waiting while the worker was registered at the page's load.
 */
async function waitForServiceWorker(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 60_000 });
}

test('loaded once, the dashboard, its datasets and the district pages work offline', async ({ page, context }) => {
	test.setTimeout(150_000);
	await page.goto('/?dataset=gtd-2008');
	await waitForView(page, 'gtd-2008|incidents|area');
	await waitForServiceWorker(page);

	await context.setOffline(true);
	await page.reload();
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'drawn', { timeout: 30_000 });
	// Every bundled dataset, none of them fetched before going offline.
	for (const id of ['gtd-2015-bombings', 'ucdp']) {
		await page.getByTestId('dataset').selectOption(id);
		await expect(page.getByTestId('map')).toHaveAttribute('data-rendered', new RegExp(`^${id}\\|`), { timeout: 45_000 });
	}
	await page.getByTestId('all-dates').click();
	await waitForView(page, 'ucdp|incidents|area');
	// A district page never opened, and a mistyped one.
	await page.goto('/district/kech/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kech');
	await page.goto('/feed.xml');
	await expect(page.locator('body')).toContainText('the newest incidents');
});

test('the offline copy downloads only after the first map is shaded, so it does not slow it', async ({ page, context }) => {
	// Every request the worker makes is its precache; the first of them must follow the map.
	const workerRequests: number[] = [];
	context.on('request', (request) => {
		if (request.serviceWorker()) workerRequests.push(Date.now());
	});
	await page.goto('/');
	await expect(page.getByTestId('map')).toHaveAttribute('data-rendered', /\|/, { timeout: 30_000 });
	await waitForServiceWorker(page);
	const shadedAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('map:first-shaded', 'mark')[0]?.startTime ?? NaN));
	expect(workerRequests.length, 'the precache went through the worker').toBeGreaterThan(10);
	expect(Math.min(...workerRequests), 'the first precache request, against the map:first-shaded mark').toBeGreaterThan(shadedAt);
});

test('a reader who arrives at a district page gets the offline copy too', async ({ page, context }) => {
	test.setTimeout(120_000);
	await page.goto('/district/peshawar/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.goto('/district/bannu/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bannu');
	await page.goto('/?dataset=gtd-2008&district=bannu');
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'bannu');
});

test('a new build served after the visit is announced with a reload, and the reload brings it in', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/?dataset=gtd-2008');
	await waitForView(page, 'gtd-2008|incidents|area');
	await waitForServiceWorker(page);
	const first = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
	await expect(page.getByTestId('update-note')).toHaveCount(0);

	// "A new build": the worker the preview server serves, with another build version of the same
	// length (the server keeps each file's size from its start).
	const served = join(projectRoot, '.svelte-kit/output/client/service-worker.js');
	const original = readFileSync(served, 'utf8');
	const version = /`(\d{13})`/.exec(original)?.[1];
	expect(version, 'the build version in the service worker').toBeTruthy();
	try {
		writeFileSync(served, original.replace(`\`${version}\``, `\`${String(Number(version) + 1)}\``));
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
		await expect(page.getByTestId('update-note')).toContainText('This map has been updated', { timeout: 60_000 });
		// Until the reload, this page is still served by the build it started with.
		expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(first);
		await page.getByTestId('update-reload').click();
		await page.waitForEvent('load');
		await waitForView(page, 'gtd-2008|incidents|area');
		await expect(page.getByTestId('update-note')).toHaveCount(0);
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
	} finally {
		writeFileSync(served, original);
	}
});

test('installable: the manifest is linked, and its icons are the sizes it says', async ({ page, request }) => {
	await page.goto('/?dataset=gtd-2008');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifestUrl = new URL(href!, page.url());
	const manifest = (await (await request.get(manifestUrl.href)).json()) as {
		start_url: string;
		display: string;
		icons: { src: string; sizes: string; type: string; purpose?: string }[];
	};
	expect(manifest.display).toBe('standalone');
	expect(new URL(manifest.start_url, manifestUrl).pathname).toBe('/');
	const sizes: string[] = [];
	for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
		const png = await (await request.get(new URL(icon.src, manifestUrl).href)).body();
		// A PNG's width and height are the IHDR chunk's first two 32-bit numbers.
		expect(png.subarray(1, 4).toString(), icon.src).toBe('PNG');
		expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
		sizes.push(`${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`);
	}
	expect(sizes).toEqual(['192x192', '512x512', '512x512 maskable']);
});
