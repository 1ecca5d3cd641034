/** Three tabs importing at the same moment: each keeps its own dataset (ids were once made from the clock, and two tabs got the same one). */
import { expect, test } from '@playwright/test';
import { openDashboard, waitForView } from './map-page.js';

const csv = (tab: number) =>
	[
		'id,date_start,latitude,longitude,where_prec,side_a,best',
		...Array.from({ length: 3 + tab }, (_, i) => `T${tab}-${i},2023-01-0${i + 1},34.01,71.58,1,TEST tab ${tab},1`)
	].join('\n') + '\n';

test('three tabs import at once: three datasets, each with its own rows, all listed after a reload', async ({ context }) => {
	test.setTimeout(120_000);
	const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
	for (const page of pages) {
		await openDashboard(page);
		await waitForView(page, 'gtd-2008|incidents|area');
	}
	// The files are in place first, then all three imports start in the same task of each tab.
	await Promise.all(
		pages.map((page, tab) =>
			page.evaluate(
				({ tab, text }) => {
					const files = new DataTransfer();
					files.items.add(new File([text], `tab-${tab}.csv`, { type: 'text/csv' }));
					(window as unknown as { __drop: () => void }).__drop = () => window.dispatchEvent(new DragEvent('drop', { dataTransfer: files, cancelable: true }));
				},
				{ tab, text: csv(tab) }
			)
		)
	);
	await Promise.all(pages.map((page) => page.evaluate(() => (window as unknown as { __drop: () => void }).__drop())));
	const ids: string[] = [];
	for (const [tab, page] of pages.entries()) {
		await expect(page.getByTestId('report-identity')).toHaveText(`${3 + tab} imported + 0 rejected = ${3 + tab} rows read`);
		await page.getByTestId('report-close').click();
		ids.push(await page.getByTestId('dataset').inputValue());
	}
	expect(new Set(ids).size).toBe(3);
	const page = pages[0]!;
	await page.reload();
	// The link names the tab's own import: it opens on it.
	await waitForView(page, `${ids[0]}|incidents|area`);
	for (const tab of [0, 1, 2]) await expect(page.getByTestId('imported-list')).toContainText(`tab-${tab}.csv`);
	for (const [tab, id] of ids.entries()) {
		await page.getByTestId('dataset').selectOption(id);
		await waitForView(page, `${id}|incidents|area`);
		await expect(page.getByTestId('acc-rows')).toHaveText(String(3 + tab));
	}
});
