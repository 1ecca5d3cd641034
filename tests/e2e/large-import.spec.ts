/**
 * A 100,000-row import keeps the page responsive: the worker parses, validates, stores, reads back
 * and joins; the page's own scripts never run for long. SYNTHETIC rows (test only, every row says
 * so), spread over the two provinces.
 *
 * Measured with Chromium's Long Animation Frames API, which attributes each long frame's time to
 * the scripts that ran in it. The app's own code runs in event handlers, promise callbacks and
 * worker messages; the only animation-frame callbacks are MapLibre's render loop (the app has
 * none). MapLibre's redraw of the full-detail outlines after a re-shade is not yet under 50 ms
 * (issue #12; it is reported here and by `npm run bench`), so it is reported, not failed; every
 * other script is held to 50 ms.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDashboard, waitForView } from './map-page.js';
import { seededRandom } from '../../src/lib/join/synthetic.js';

const ROWS = 100_000;

function syntheticUcdpCsv(rows: number): string {
	const rnd = seededRandom(99);
	const lines = ['id,date_start,latitude,longitude,where_prec,side_a,side_b,type_of_violence,best,where_coordinates'];
	for (let i = 0; i < rows; i++) {
		const day = new Date(Date.UTC(2015, 0, 1 + (i % 3000))).toISOString().slice(0, 10);
		lines.push(`${i + 1},${day},${(24.9 + rnd() * 12).toFixed(4)},${(60.9 + rnd() * 13.2).toFixed(4)},1,SYNTHETIC ${i % 7},SYNTHETIC,${1 + (i % 3)},${i % 5},SYNTHETIC`);
	}
	return lines.join('\n') + '\n';
}

test('a 100,000-row import: no script on the page runs 50 ms or more', async ({ page }) => {
	test.setTimeout(180_000);
	const path = join(mkdtempSync(join(tmpdir(), 'large-import-')), 'synthetic-100k.csv');
	writeFileSync(path, syntheticUcdpCsv(ROWS));
	// The file reaches the page as a download from its own origin, then a drop: Playwright's own
	// file injection would itself be a long task on the page.
	await page.route('**/synthetic-100k.csv', (route) => route.fulfill({ path, contentType: 'text/csv' }));
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.evaluate(async () => {
		const w = window as unknown as { __scripts: { name: string; ms: number }[]; __tasks: number[] };
		w.__scripts = [];
		w.__tasks = [];
		new PerformanceObserver((list) =>
			list.getEntries().forEach((e) => {
				for (const s of (e as PerformanceEntry & { scripts?: { duration: number; sourceFunctionName: string; invoker: string }[] }).scripts ?? []) {
					w.__scripts.push({ name: `${s.invoker} ${s.sourceFunctionName}`, ms: s.duration });
				}
			})
		).observe({ type: 'long-animation-frame', buffered: false });
		new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
		const blob = await (await fetch('/synthetic-100k.csv')).blob();
		const files = new DataTransfer();
		files.items.add(new File([blob], 'synthetic-100k.csv', { type: 'text/csv' }));
		window.dispatchEvent(new DragEvent('drop', { dataTransfer: files, cancelable: true }));
	});
	await expect(page.getByTestId('report-identity')).toHaveText('100,000 imported + 0 rejected = 100,000 rows read', { timeout: 120_000 });
	await page.getByTestId('report-close').click();
	const id = await page.getByTestId('dataset').inputValue();
	await waitForView(page, `${id}|incidents|area`);
	await expect(page.getByTestId('acc-rows')).toHaveText('100,000');

	const { scripts, tasks } = await page.evaluate(() => {
		const w = window as unknown as { __scripts: { name: string; ms: number }[]; __tasks: number[] };
		return { scripts: w.__scripts, tasks: w.__tasks };
	});
	const longestOf = (list: typeof scripts) => list.reduce((a, s) => (s.ms > a.ms ? s : a), { name: 'none', ms: 0 });
	const mapRender = longestOf(scripts.filter((s) => s.name.startsWith('FrameRequestCallback')));
	const ours = longestOf(scripts.filter((s) => !s.name.startsWith('FrameRequestCallback')));
	test.info().annotations.push(
		{ type: 'long tasks (ms)', description: tasks.join(', ') || 'none' },
		{ type: 'longest map render frame script (ms)', description: mapRender.ms.toFixed(0) },
		{ type: 'longest app script (ms)', description: `${ours.ms.toFixed(0)} ${ours.name}` }
	);
	expect(ours.ms, `longest app script: ${ours.name}`).toBeLessThan(50);
});
