/**
 * Twenty thousand saved sites from one CSV: kept, paged, and no script of ours over 200 ms (a
 * timing test: it runs alone, after the rest; see playwright.config.ts).
 */
import { expect, test } from '@playwright/test';
import { openDashboard, waitForView } from './map-page.js';

test('20,000 sites from a CSV are kept, a page of 100 at a time, and the page never freezes', async ({ page }) => {
	test.setTimeout(180_000);
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('tab-sites').click();
	// Test sites (not real places): a grid over Khyber Pakhtunkhwa, and five rows without a name.
	const rows = Array.from(
		{ length: 20_005 },
		(_, i) => `${i < 20_000 ? `TEST site ${i + 1}` : ''},${(32 + (i % 200) * 0.02).toFixed(3)},${(70 + Math.floor(i / 200) * 0.02).toFixed(3)},`
	);
	await page.evaluate(() => {
		const w = window as unknown as { __ours: number[] };
		w.__ours = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEntry & { scripts?: { duration: number; invoker: string }[] })[])
				for (const s of e.scripts ?? []) if (!s.invoker.startsWith('FrameRequestCallback')) w.__ours.push(Math.round(s.duration));
		}).observe({ type: 'long-animation-frame', buffered: false });
	});
	await page
		.getByTestId('saved-sites')
		.locator('input[type=file]')
		.setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(['name,latitude,longitude,note', ...rows].join('\n')) });
	await expect(page.getByTestId('saved-sites')).toContainText(
		'sites.csv: 20,000 site(s) imported, 5 rejected (row 20001: name is empty; row 20002: name is empty; row 20003: name is empty; row 20004: name is empty; row 20005: name is empty).',
		{ timeout: 60_000 }
	);
	await expect(page.getByTestId('sites-page')).toHaveText('Sites 1–100 of 20,000', { timeout: 90_000 });
	await expect(page.getByTestId('sites-table').locator('tbody tr')).toHaveCount(100);
	await page.getByTestId('sites-next').click();
	await expect(page.getByTestId('sites-page')).toHaveText('Sites 101–200 of 20,000');
	const ours = await page.evaluate(() => (window as unknown as { __ours: number[] }).__ours);
	// It froze the page for 335 s. The file is now read in the import worker, and the engine answers
	// the table's counts only; the longest task left is reading the 20,000 sites back from storage
	// (about 145 ms alone).
	test.info().annotations.push({ type: 'scripts of ours over 50 ms', description: ours.filter((ms) => ms > 50).join(', ') || 'none' });
	expect(Math.max(0, ...ours)).toBeLessThan(200);
	await expect(page.getByTestId('tab-sites')).toHaveText('Saved sites (20,000)');
});
