/**
 * A 100,000-row import keeps the page responsive: the worker parses, validates, stores, reads back
 * and joins; the page's own scripts never run for long. SYNTHETIC rows (test only, every row says
 * so), spread over the two provinces.
 *
 * Measured with Chromium's Long Animation Frames API, which attributes each long frame's time to
 * the scripts that ran in it: the app's own code (event handlers, promise callbacks, worker
 * messages, timers) and MapLibre's render loop (animation-frame callbacks). Both are held to 50 ms.
 * MapLibre's redraw after a re-shade took 49–165 ms here while a re-shade swapped the fill-color
 * expression (MapLibre then lays the full-detail outlines out again); with the colours in
 * feature-state it takes 0–36 ms. The first surge marks then took 48–55 ms more than once (CI
 * failed on it): their frame compiled MapLibre's circle program, which the start now compiles
 * while idle (src/data/warm-up.ts); since, 0–25 ms, and no program is linked during the import.
 * The long tasks listed also hold the browser's own compositing, which headless Chromium does in
 * software: reported, not failed.
 *
 * Once the report is up, the import is over and the page switches to the new dataset: every panel
 * is drawn again for it (its months, groups, ranking, surges) in the task that brings its figures.
 * That response is held to 100 ms, the budget for answering an action (RAIL). Here it takes 0–40 ms;
 * CI, on a slower machine, measured 62 ms, so the import's 50 ms could not hold it. The surges
 * already follow one task later (routes/dashboard/figures.svelte.ts).
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDashboard, waitForView } from './map-page.js';
import { seededRandom } from '../../src/lib/join/synthetic.js';

const ROWS = 100_000;
/** One script of a long animation frame: who ran it, where (built file:character), how long, and how much of that was forced style and layout. */
type Script = { name: string; where: string; ms: number; forced: number; at: number };
/** The import's own budget, and that of the switch to the imported dataset once its report is up (see above). */
const IMPORT_BUDGET_MS = 50;
const SWITCH_BUDGET_MS = 100;
const describe = (s: Script) =>
	`${s.ms.toFixed(0)} ${s.name} (${s.where}, ${s.at.toFixed(0)} ms into the import; forced style and layout ${s.forced.toFixed(0)})`;

function syntheticUcdpCsv(rows: number): string {
	const rnd = seededRandom(99);
	const lines = ['id,date_start,latitude,longitude,where_prec,side_a,side_b,type_of_violence,best,where_coordinates'];
	for (let i = 0; i < rows; i++) {
		const day = new Date(Date.UTC(2015, 0, 1 + (i % 3000))).toISOString().slice(0, 10);
		lines.push(
			`${i + 1},${day},${(24.9 + rnd() * 12).toFixed(4)},${(60.9 + rnd() * 13.2).toFixed(4)},1,SYNTHETIC ${i % 7},SYNTHETIC,${1 + (i % 3)},${i % 5},SYNTHETIC`
		);
	}
	return lines.join('\n') + '\n';
}

test('a 100,000-row import: no script on the page runs 50 ms or more, and the switch to it answers within 100 ms', async ({ page }) => {
	test.setTimeout(180_000);
	const path = join(mkdtempSync(join(tmpdir(), 'large-import-')), 'synthetic-100k.csv');
	writeFileSync(path, syntheticUcdpCsv(ROWS));
	// The file reaches the page as a download from its own origin, then a drop: Playwright's own
	// file injection would itself be a long task on the page.
	await page.route('**/synthetic-100k.csv', (route) => route.fulfill({ path, contentType: 'text/csv' }));
	// Every shader program WebGL links, and when: a link is a compile, which software WebGL does in
	// the frame that first draws with it (20–40 ms here).
	await page.addInitScript(() => {
		const w = window as unknown as { __links: number[] };
		w.__links = [];
		const link = WebGL2RenderingContext.prototype.linkProgram;
		WebGL2RenderingContext.prototype.linkProgram = function (program) {
			w.__links.push(performance.now());
			return link.call(this, program);
		};
	});
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	// The page has settled: the labels MapLibre adds after the first shaded frame are drawn (their
	// glyphs are rasterised on the page, up to ~35 ms in one task; that is the start, not the import),
	// and the basemap after them (added in short tasks of its own: src/data/basemap.test.ts).
	await expect(page.getByTestId('map')).toHaveAttribute('data-labels', 'drawn');
	await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'drawn', { timeout: 30_000 });
	await page.evaluate(async () => {
		const w = window as unknown as { __scripts: Script[]; __tasks: number[]; __start: number; __reportAt: number };
		w.__start = performance.now();
		w.__reportAt = Infinity;
		new MutationObserver(() => {
			if (w.__reportAt === Infinity && document.querySelector('[data-testid="report-identity"]')) w.__reportAt = performance.now() - w.__start;
		}).observe(document.body, { childList: true, subtree: true });
		w.__scripts = [];
		w.__tasks = [];
		new PerformanceObserver((list) =>
			list.getEntries().forEach((e) => {
				type LoafScript = {
					startTime: number;
					duration: number;
					forcedStyleAndLayoutDuration: number;
					sourceFunctionName: string;
					sourceURL: string;
					sourceCharPosition: number;
					invoker: string;
				};
				for (const s of (e as PerformanceEntry & { scripts?: LoafScript[] }).scripts ?? []) {
					const where = `${s.sourceURL.split('/').pop()}:${s.sourceCharPosition}`;
					w.__scripts.push({
						name: `${s.invoker} ${s.sourceFunctionName}`,
						where,
						ms: s.duration,
						forced: s.forcedStyleAndLayoutDuration,
						at: s.startTime - w.__start
					});
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

	const { scripts, tasks, reportAt, links, linkedAtStart } = await page.evaluate(() => {
		const w = window as unknown as { __scripts: Script[]; __tasks: number[]; __start: number; __reportAt: number; __links: number[] };
		return {
			scripts: w.__scripts,
			tasks: w.__tasks,
			reportAt: w.__reportAt,
			links: w.__links.filter((t) => t >= w.__start).length,
			linkedAtStart: w.__links.filter((t) => t < w.__start).length
		};
	});
	const longestOf = (list: Script[]) => list.reduce((a, s) => (s.ms > a.ms ? s : a), { name: 'none', where: '', ms: 0, forced: 0, at: 0 });
	const mapRender = longestOf(scripts.filter((s) => s.name.startsWith('FrameRequestCallback')));
	const appScripts = scripts.filter((s) => !s.name.startsWith('FrameRequestCallback'));
	const ours = longestOf(appScripts.filter((s) => s.at < reportAt));
	const switching = longestOf(appScripts.filter((s) => s.at >= reportAt));
	test.info().annotations.push(
		{ type: 'long tasks (ms)', description: tasks.join(', ') || 'none' },
		{ type: 'longest map render frame script (ms)', description: describe(mapRender) },
		{ type: 'longest app script of the import (ms)', description: describe(ours) },
		{ type: `longest app script of the switch, after the report at ${reportAt.toFixed(0)} ms (ms)`, description: describe(switching) },
		{
			type: 'app scripts over 20 ms',
			description:
				scripts
					.filter((s) => s.ms > 20 && !s.name.startsWith('FrameRequestCallback'))
					.map(describe)
					.join('; ') || 'none'
		}
	);
	expect(reportAt, 'the report appeared').toBeLessThan(Infinity);
	// The first surge marks drawn (the imported dataset has surges, GTD 2008's first view none) would
	// compile MapLibre's circle program in the map's frame: the start compiles it beforehand
	// (src/data/warm-up.ts). Without that, this frame ran 48–55 ms.
	expect(linkedAtStart, 'the hook saw the programs of the start').toBeGreaterThan(0);
	expect(links, 'shader programs linked during the import and the switch').toBe(0);
	expect(ours.ms, `longest app script of the import: ${describe(ours)}`).toBeLessThan(IMPORT_BUDGET_MS);
	expect(switching.ms, `longest app script of the switch: ${describe(switching)}`).toBeLessThan(SWITCH_BUDGET_MS);
	expect(mapRender.ms, `longest map render script: ${describe(mapRender)}`).toBeLessThan(IMPORT_BUDGET_MS);
});
