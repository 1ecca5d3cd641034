/**
 * The hostile-input suite in the browser: each generated file (tests/hostile/cases.ts) dropped on
 * the page as a user drops it. Each case checks what the report says (the accounting identity in
 * rows and lines, the reasons), that no script in the data ran, and that the page stayed
 * responsive: no script of ours over 200 ms in one frame (the map's own rendering aside).
 */
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_CASES, type HostileCase } from '../hostile/cases.js';
import { openDashboard, waitForView } from './map-page.js';
import { LISTED_COLUMNS } from '../../src/lib/importers/mapping.js';
import { formatCount } from '../../src/lib/format/index.js';

test.describe.configure({ mode: 'serial' });

let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
	page = await browser.newPage();
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	page.on('pageerror', (e) => pageErrors.push(e.message));
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('map')).toHaveAttribute('data-labels', 'drawn');
});
test.afterAll(async () => page.close());

/** Drops the case's file on the page (fetched from a route: Playwright's own file injection is itself a long task), watching frames. */
async function drop(c: HostileCase) {
	const body = Buffer.from(c.bytes());
	await page.route(`**/hostile/${c.file}`, (route) => route.fulfill({ body, contentType: 'application/octet-stream' }));
	await page.evaluate(async (file) => {
		const w = window as unknown as { __ours: { ms: number; what: string }[] };
		w.__ours = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEntry & { scripts?: { duration: number; invoker: string; sourceFunctionName: string }[] })[])
				for (const s of e.scripts ?? [])
					if (!s.invoker.startsWith('FrameRequestCallback')) w.__ours.push({ ms: Math.round(s.duration), what: `${s.invoker} ${s.sourceFunctionName}` });
		}).observe({ type: 'long-animation-frame', buffered: false });
		const blob = await (await fetch(`/hostile/${file}`)).blob();
		const files = new DataTransfer();
		files.items.add(new File([blob], file));
		window.dispatchEvent(new DragEvent('drop', { dataTransfer: files, cancelable: true }));
	}, c.file);
}

async function longestScriptOfOurs() {
	const ours = await page.evaluate(() => (window as unknown as { __ours: { ms: number; what: string }[] }).__ours);
	return ours.reduce((a, s) => (s.ms > a.ms ? s : a), { ms: 0, what: 'none' });
}

for (const c of HOSTILE_CASES) {
	test(c.name, async () => {
		test.setTimeout(120_000);
		await drop(c);
		const want = c.expect;
		if ('error' in want) {
			await expect(page.getByTestId('import-error')).toContainText(want.error, { timeout: 30_000 });
		} else if ('wideHeader' in want) {
			const dialog = page.getByTestId('mapping-dialog');
			await expect(page.getByTestId('mapping-wide')).toContainText(`The file has ${formatCount(want.wideHeader)} columns`, { timeout: 60_000 });
			// A few columns a list, the one guessed among them; a name typed finds the others.
			expect(await page.getByTestId('map-place').locator('option').count()).toBe(LISTED_COLUMNS + 1);
			await expect(page.getByTestId('map-latitude')).toHaveValue('Latitude');
			await page.getByTestId('find-place').fill('col_9999');
			await expect(page.getByTestId('map-place').locator('option')).toHaveText([
				'— none —',
				'col_9999',
				...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => `col_9999${k}`)
			]);
			await dialog.getByRole('button', { name: 'Cancel' }).click();
			await expect(dialog).toHaveCount(0);
		} else {
			if (c.mapping) {
				await expect(page.getByTestId('mapping-dialog')).toBeVisible({ timeout: 30_000 });
				for (const [key, column] of Object.entries(c.mapping)) await page.getByTestId(`map-${key}`).selectOption(column);
				await page.getByTestId('mapping-import').click();
			}
			const report = page.getByTestId('import-report');
			await expect(page.getByTestId('report-identity')).toHaveText(
				`${formatCount(want.imported)} imported + ${formatCount(want.rejected)} rejected = ${formatCount(want.rowsRead)} ${want.rowsRead === 1 ? 'row' : 'rows'} read`,
				{ timeout: 90_000 }
			);
			if (want.lines)
				await expect(page.getByTestId('report-lines')).toHaveText(
					`The rows read span ${formatCount(want.lines.read)} lines of the file: ${formatCount(want.lines.read - want.lines.rejected)} in imported rows + ${formatCount(want.lines.rejected)} in rejected rows.`
				);
			else await expect(page.getByTestId('report-lines')).toHaveCount(0);
			for (const m of want.mentions) await expect(report).toContainText(m);
			await page.getByTestId('report-close').click();
			const id = await page.getByTestId('dataset').inputValue();
			await waitForView(page, `${id}|incidents|area`);
			await expect(page.getByTestId('acc-rows')).toHaveText(formatCount(want.imported));
		}
		const longest = await longestScriptOfOurs();
		expect(longest.ms, `longest script of ours: ${longest.what}`).toBeLessThan(200);
		expect(dialogs).toEqual([]);
		expect(pageErrors).toEqual([]);
	});
}
