/**
 * Load budget (part of `npm run bench`): builds the app, serves it with `vite preview`, and in
 * headless Chromium measures (median of 5 cold loads) the time from navigation to the first shaded
 * map, the gzip size of the JavaScript and geodata fetched, and whether the page stays responsive
 * while the engine worker joins 1 M SYNTHETIC points (benchmark only, never shown as data).
 */
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../src/lib/join/synthetic.js';
import { MAPPER_COLUMNS } from '../src/lib/importers/formats.js';
import { chromium } from '@playwright/test';
import Papa from 'papaparse';
import { ensureChromium } from './chromium.mjs';
import { buildFloorPage } from './bench-floor.js';
import { startPreview } from './preview-server.js';

const PORT = 4175;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const WIDE_ROWS = Number(process.env.BENCH_WIDE_ROWS ?? 200_000);

/** A UCDP GED-shaped CSV of synthetic rows (benchmark only: every row says SYNTHETIC). */
function writeSyntheticUcdp(path: string, rows: number) {
	const rnd = seededRandom(99);
	const lines = ['id,date_start,latitude,longitude,where_prec,side_a,side_b,type_of_violence,best,where_coordinates'];
	for (let i = 0; i < rows; i++) {
		const day = new Date(Date.UTC(2015, 0, 1 + (i % 3000))).toISOString().slice(0, 10);
		lines.push(
			`${i + 1},${day},${(24.9 + rnd() * 12).toFixed(4)},${(60.9 + rnd() * 13.2).toFixed(4)},1,SYNTHETIC ${i % 7},SYNTHETIC,${1 + (i % 3)},${i % 5},SYNTHETIC`
		);
	}
	writeFileSync(path, lines.join('\n') + '\n');
}
/**
 * A GTD-shaped CSV as wide as a real GTD export (135 columns; the importer reads 19 of them) of
 * synthetic rows (benchmark only: every text cell says SYNTHETIC).
 */
function writeSyntheticGtdWide(path: string, rows: number) {
	const rnd = seededRandom(7);
	const read = MAPPER_COLUMNS.GTD;
	const columns = [...read, ...Array.from({ length: 135 - read.length }, (_, i) => `synthetic_${i}`)];
	const lines = [columns.join(',')];
	for (let i = 0; i < rows; i++) {
		const cells: Record<string, string> = {
			eventid: String(201500000000 + i),
			iyear: String(2015 + (i % 8)),
			imonth: String(1 + (i % 12)),
			iday: String(1 + (i % 28)),
			specificity: '1',
			nkill: String(i % 4),
			nwound: String(i % 6),
			suicide: String(i % 2),
			scite2: '',
			scite3: '',
			latitude: (24.9 + rnd() * 12).toFixed(4),
			longitude: (60.9 + rnd() * 13.2).toFixed(4)
		};
		lines.push(columns.map((c) => cells[c] ?? (c.startsWith('synthetic_') ? String(i % 10) : `SYNTHETIC ${i % 9}`)).join(','));
	}
	writeFileSync(path, lines.join('\n') + '\n');
}

/** papaparse's raw parse of a file in Node, as the importer calls it: rows as arrays, in 1 MB chunks. */
function rawNodeParseMs(path: string, rows: number): number {
	const text = readFileSync(path, 'utf8');
	const t = performance.now();
	let read = 0;
	Papa.parse<string[]>(text, { header: false, chunkSize: 1 << 20, chunk: (r: Papa.ParseResult<string[]>) => void (read += r.data.length), complete: () => {} });
	if (read !== rows + 2) throw new Error(`raw parse of ${path} read ${read} rows`); // + the header and the final empty line
	return performance.now() - t;
}

const RUNS = 5;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A string only papaparse's code holds (one of its error codes): marks a chunk that bundles it. */
const PAPAPARSE_MARK = 'UndetectableDelimiter';

console.log('building the app (vite build)…');
const build = spawnSync('npx', ['vite', 'build'], { stdio: 'pipe', encoding: 'utf8' });
if (build.status !== 0) {
	console.error(build.stdout, build.stderr);
	process.exit(1);
}
// Vite's build manifest says which emitted chunk is MapLibre's main module.
const viteManifest = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>;
const mapLibreChunk = '/' + viteManifest['node_modules/maplibre-gl/dist/maplibre-gl.mjs']!.file;
// The floor page (MapLibre alone with the app's style) goes where the preview server serves files from.
await buildFloorPage('.svelte-kit/output/client/__bench-floor');
const { stop: stopServer } = await startPreview(PORT);

try {
	const executablePath = ensureChromium();
	// tsx (esbuild) wraps named functions in a `__name` helper; functions sent to the page need it too.
	const nameHelper = 'globalThis.__name = (fn) => fn;';
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});

	const loadTimes: number[] = [];
	const labelTimes: number[] = [];
	const firstPaintTimes: number[] = [];
	const shifts: number[] = [];
	let js = new Map<string, { gzip: number; kind: 'shell' | 'maplibre' | 'worker'; papaparse: boolean }>();
	let geodata = new Map<string, number>();
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		await page.addInitScript(nameHelper);
		const scripts = new Map<string, { gzip: number; kind: 'shell' | 'maplibre' | 'worker'; papaparse: boolean }>();
		const data = new Map<string, number>();
		page.on('response', async (response) => {
			const url = new URL(response.url());
			const body = await response.body().catch(() => null);
			if (!body) return;
			if (/\.m?js$/.test(url.pathname)) {
				const kind = /worker/i.test(url.pathname) ? 'worker' : url.pathname === mapLibreChunk ? 'maplibre' : 'shell';
				scripts.set(url.pathname, { gzip: gzipSync(body, { level: 9 }).length, kind, papaparse: body.includes(PAPAPARSE_MARK) });
			} else if (url.pathname.endsWith('.json')) data.set(url.pathname, gzipSync(body, { level: 9 }).length);
		});
		// Record the moments the map reports its first shaded view, then its labels.
		await page.addInitScript(() => {
			// Layout shifts over the whole load (CLS, without the 5 s session windows: all shifts summed).
			const cls = window as unknown as { __cls: number };
			cls.__cls = 0;
			new PerformanceObserver((list) =>
				list
					.getEntries()
					.forEach(
						(e) => (cls.__cls += (e as unknown as { hadRecentInput: boolean; value: number }).hadRecentInput ? 0 : (e as unknown as { value: number }).value)
					)
			).observe({ type: 'layout-shift', buffered: true });
			const w = window as unknown as { __labelsDrawn?: number };
			new MutationObserver((_, observer) => {
				if (!w.__labelsDrawn && document.querySelector('[data-labels="drawn"]')) {
					w.__labelsDrawn = performance.now();
					observer.disconnect();
				}
			}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-labels'] });
		});
		await page.goto(`http://localhost:${PORT}/`);
		await page.waitForSelector('[data-labels="drawn"]', { timeout: 60_000 });
		const marks = await page.evaluate(() => {
			const w = window as unknown as { __labelsDrawn: number; __cls: number };
			// The live map shaded and on screen (the first frame after the first paint gave way: src/data/marks.ts).
			const onScreen = performance.getEntriesByName('map:on-screen', 'mark')[0]?.startTime ?? NaN;
			// The prerendered SVG choropleth is the page's first content, so first-contentful-paint is its first shaded pixels.
			const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
			return [onScreen, w.__labelsDrawn, fcp, w.__cls] as const;
		});
		loadTimes.push(marks[0]);
		labelTimes.push(marks[1]);
		firstPaintTimes.push(marks[2]);
		shifts.push(marks[3]);
		// The basemap and the towns follow the first shaded frame; their bytes count in the first load.
		await page.waitForSelector('[data-basemap="drawn"]', { timeout: 60_000 });
		await page.waitForLoadState('networkidle');
		js = scripts;
		geodata = data;
		await context.close();
	}

	// The floor, interleaved with the dashboard (issue #27): navigation → MapLibre's first idle with
	// the districts shaded, for MapLibre alone with the app's style and the build's colours in a box
	// the size of the dashboard's map, then for the dashboard. Fresh contexts (cold caches) each.
	const floorTimes: number[] = [];
	const floorSteps: Record<string, number>[] = [];
	const dashboardTimes: number[] = [];
	const dashboardSteps: Record<string, number>[] = [];
	const firstShadedAt = async (url: string, mapSize = false) => {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		await page.addInitScript(nameHelper);
		await page.goto(url);
		// The live map shaded and on screen: both pages mark the frame after it (src/data/marks.ts).
		const onScreen = () => performance.getEntriesByName('map:on-screen', 'mark')[0]?.startTime;
		await page.waitForFunction(onScreen, null, { timeout: 60_000 });
		const at = (await page.evaluate(onScreen))!;
		const size = mapSize ? await page.getByTestId('map').boundingBox() : null;
		// Where the dashboard's time goes: the page's marks (src/data/marks.ts) and its resources' arrival.
		const steps = await page.evaluate((maplibre) => {
			const markAt = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
			const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
			const arrived = (test: (path: string) => boolean) => resources.find((r) => test(new URL(r.name).pathname))?.responseEnd ?? NaN;
			return {
				'HTML received': (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
				'first paint (prerendered SVG)': performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
				'outlines fetched (districts.topo.json)': arrived((p) => /districts\.topo\./.test(p)),
				'MapLibre chunk fetched': arrived((p) => p === maplibre),
				'dataset fetched': markAt('bundled:fetched'),
				'dataset decoded': markAt('bundled:decoded'),
				'page data loaded (+page.ts)': markAt('start:data-loaded'),
				'dashboard built (its parts constructed)': markAt('start:dashboard'),
				'MapLibre map created (new Map)': markAt('map:creating'),
				'engine joined (worker)': markAt('engine:joined'),
				'engine aggregated (worker)': markAt('engine:aggregated'),
				'MapLibre loaded (style, sources, first tiles)': markAt('map:loaded'),
				'map shaded (MapLibre idle with the colours)': markAt('map:first-shaded'),
				'… and on screen (the frame after)': markAt('map:on-screen')
			};
		}, mapLibreChunk);
		await context.close();
		return { at, size, steps };
	};
	const { size: mapBox } = await firstShadedAt(`http://localhost:${PORT}/`, true); // warm-up; the map's size
	for (let run = 0; run < RUNS; run++) {
		const floor = await firstShadedAt(`http://localhost:${PORT}/__bench-floor/?w=${Math.round(mapBox!.width)}&h=${Math.round(mapBox!.height)}`);
		floorTimes.push(floor.at);
		floorSteps.push(floor.steps);
		const dashboard = await firstShadedAt(`http://localhost:${PORT}/`);
		dashboardTimes.push(dashboard.at);
		dashboardSteps.push(dashboard.steps);
	}

	// Choosing the whole UCDP record (1989–2026) on the first screen (January 2026): GED 22.1's file is
	// fetched then, decoded, joined and shaded. Each run in a fresh context (cold cache).
	const wholeRecordTimes: number[] = [];
	const wholeRecordBytes: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		await page.addInitScript(nameHelper);
		let bytes = 0;
		page.on('response', async (response) => {
			if (!/ucdp-ged-22-1\.[\w-]+\.json$/.test(new URL(response.url()).pathname)) return;
			const body = await response.body().catch(() => null);
			if (body) bytes = gzipSync(body, { level: 9 }).length;
		});
		await page.goto(`http://localhost:${PORT}/`);
		await page.waitForSelector('[data-rendered="ucdp|incidents|area|window=2026-01..2026-01"]', { timeout: 60_000 });
		await page.waitForSelector('[data-labels="drawn"]', { timeout: 60_000 });
		// Chosen on a settled page, as a reader who has looked at the first screen chooses: the labels'
		// fade-in (MapLibre draws frames for ~300 ms after they are added) is over.
		await page.waitForTimeout(1000);
		const t0 = await page.evaluate(() => {
			document.querySelector<HTMLButtonElement>('[data-testid=all-dates]')!.click();
			return performance.now();
		});
		await page.waitForSelector('[data-rendered="ucdp|incidents|area"]', { timeout: 60_000 });
		wholeRecordTimes.push((await page.evaluate(() => performance.now())) - t0);
		wholeRecordBytes.push(bytes);
		await context.close();
	}

	// Responsiveness while the worker joins 1 M synthetic points.
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	await page.addInitScript(nameHelper);
	await page.addInitScript(() => (window.__TEST_HOOKS__ = true));
	await page.goto(`http://localhost:${PORT}/`);
	await page.waitForSelector('[data-rendered*="|"]');
	const freeze = await page.evaluate(async () => {
		const n = 1_000_000;
		const { createEngine, emptyColumns } = window.__engineHooks!;
		const cols = emptyColumns(n);
		for (let i = 0; i < n; i++) {
			cols.lon[i] = 60.9 + Math.random() * 13.2;
			cols.lat[i] = 24.9 + Math.random() * 12;
			cols.day[i] = 13_879 + Math.floor(Math.random() * 2_922);
		}
		const engine = createEngine();
		let longest = 0;
		const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
		observer.observe({ type: 'longtask' });
		let maxGap = 0;
		let last = performance.now();
		let frames = true;
		const tick = (t: number) => {
			maxGap = Math.max(maxGap, t - last);
			last = t;
			if (frames) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		let reports = 0;
		const t0 = performance.now();
		await engine.load(cols, () => reports++);
		const joinMs = performance.now() - t0;
		const t1 = performance.now();
		await engine.api.aggregate({ dayFrom: 15_340, dayTo: 15_705 });
		const reaggMs = performance.now() - t1;
		frames = false;
		observer.disconnect();
		engine.terminate();
		return { joinMs, reaggMs, longest, maxGap, reports };
	});
	// Import of 1 M SYNTHETIC UCDP-shaped rows (benchmark only), issue #12's figures: the raw
	// papaparse parse of the same bytes (Node, same library and options), the whole import in the
	// page (drop → worker parse, validate, columns, store → engine reads the columns, join → the
	// import's own shading drawn: data-rendered names a dataset only once it is drawn), the page's heap
	// after it, and the main thread while it runs and during time-play. The file reaches the page
	// from its own origin and is dropped: Playwright's file injection would block the page itself.
	const csvPath = join(tmpdir(), 'bench-import-1m-synthetic.csv');
	writeSyntheticUcdp(csvPath, IMPORT_ROWS);
	const rawParseMs = rawNodeParseMs(csvPath, IMPORT_ROWS);
	/**
	 * The same raw parse in Chromium, in a worker, of the same file read as a File (as the import
	 * worker reads it): papaparse alone, served from a bare page of this origin (no app, no CSP).
	 */
	const rawBrowserParseMs = async (path: string, rows: number) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const papaparse = readFileSync('node_modules/papaparse/papaparse.min.js', 'utf8');
		const worker = `importScripts('/__raw/papaparse.js');
onmessage = ({ data: file }) => {
	let rows = 0;
	const t = performance.now();
	Papa.parse(file, { header: false, chunkSize: 1 << 20, chunk: (r) => void (rows += r.data.length), complete: () => postMessage({ ms: performance.now() - t, rows }) });
};`;
		await page.route('**/__raw/page.html', (route) => route.fulfill({ body: '<!doctype html><title>raw parse</title>', contentType: 'text/html' }));
		await page.route('**/__raw/papaparse.js', (route) => route.fulfill({ body: papaparse, contentType: 'text/javascript' }));
		await page.route('**/__raw/worker.js', (route) => route.fulfill({ body: worker, contentType: 'text/javascript' }));
		await page.route('**/__raw/data.csv', (route) => route.fulfill({ path, contentType: 'text/csv' }));
		await page.goto(`http://localhost:${PORT}/__raw/page.html`);
		const { ms, rows: read } = await page.evaluate(async () => {
			const blob = await (await fetch('/__raw/data.csv')).blob();
			const file = new File([blob], 'data.csv', { type: 'text/csv' });
			const w = new Worker('/__raw/worker.js');
			return new Promise<{ ms: number; rows: number }>((resolve) => {
				w.onmessage = ({ data }) => resolve(data);
				w.postMessage(file);
			});
		});
		await context.close();
		if (read !== rows + 2) throw new Error(`raw parse in Chromium of ${path} read ${read} rows`);
		return ms;
	};
	const rawBrowserMs = await rawBrowserParseMs(csvPath, IMPORT_ROWS);
	/** The dashboard shaded on its bundled data, in a context of its own, with the file at `path` served from its origin as `name`. */
	const dashboardServing = async (path: string, name: string) => {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		await page.addInitScript(nameHelper);
		await page.route(`**/${name}`, (route) => route.fulfill({ path, contentType: 'text/csv' }));
		await page.goto(`http://localhost:${PORT}/`);
		await page.waitForSelector('[data-rendered*="|"]');
		return { context, page };
	};
	const { context: importContext, page: importPage } = await dashboardServing(csvPath, 'bench-import.csv');
	const watch = () =>
		importPage.evaluate(() => {
			const w = window as unknown as { __tasks: number[]; __app: number; __render: number };
			w.__tasks = [];
			w.__app = 0;
			w.__render = 0;
			new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask' });
			new PerformanceObserver((list) =>
				list.getEntries().forEach((e) => {
					for (const sc of (e as PerformanceEntry & { scripts?: { duration: number; invoker: string }[] }).scripts ?? []) {
						if (sc.invoker.startsWith('FrameRequestCallback')) w.__render = Math.max(w.__render, sc.duration);
						else w.__app = Math.max(w.__app, sc.duration);
					}
				})
			).observe({ type: 'long-animation-frame' });
		});
	const readWatch = () =>
		importPage.evaluate(() => {
			const w = window as unknown as { __tasks: number[]; __app: number; __render: number };
			return { longest: Math.max(0, ...w.__tasks), over50: w.__tasks.filter((d) => d > 50).length, app: w.__app, render: w.__render };
		});
	await watch();
	/** Drops a file served at `url` on the page; the time until the import's own shading is drawn, and its accounting. */
	const importAndShade = async (page: typeof importPage, url: string) => {
		const t0 = await page.evaluate(async (url) => {
			const blob = await (await fetch(url)).blob();
			const files = new DataTransfer();
			files.items.add(new File([blob], url.split('/').pop()!, { type: 'text/csv' }));
			const t = performance.now();
			window.dispatchEvent(new DragEvent('drop', { dataTransfer: files, cancelable: true }));
			return t;
		}, url);
		await page.getByTestId('report-identity').waitFor({ timeout: 300_000 });
		const identity = await page.getByTestId('report-identity').textContent();
		await page.getByTestId('report-close').click();
		await page.waitForSelector('[data-rendered^="import-"]', { timeout: 300_000 });
		return { shownMs: (await page.evaluate(() => performance.now())) - t0, identity };
	};
	const { shownMs, identity } = await importAndShade(importPage, '/bench-import.csv');
	// The page has settled on the import when its accounting shows every row.
	await importPage
		.getByTestId('acc-rows')
		.filter({ hasText: IMPORT_ROWS.toLocaleString('en-GB') })
		.waitFor({ timeout: 300_000 });
	const importBlocking = await readWatch();
	const cdp = await importContext.newCDPSession(importPage);
	await cdp.send('HeapProfiler.collectGarbage');
	const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	// Time-play over the imported rows: frames per second and the longest gap between frames.
	await watch();
	const play = await importPage.evaluate(async () => {
		const frames: number[] = [];
		let on = true;
		const tick = (t: number) => {
			frames.push(t);
			if (on) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		const button = document.querySelector<HTMLButtonElement>('[data-testid=play]')!;
		button.click();
		await new Promise((r) => setTimeout(r, 6000));
		button.click();
		on = false;
		let gap = 0;
		for (let i = 1; i < frames.length; i++) gap = Math.max(gap, frames[i]! - frames[i - 1]!);
		return { fps: (frames.length - 1) / ((frames.at(-1)! - frames[0]!) / 1000), gap };
	});
	const playBlocking = await readWatch();
	// Back to the whole period (play stopped on some month), then a reader opens a district of the
	// import: its first page of incidents, read from storage.
	const lastMonth = (await importPage.getByTestId('window-to').locator('option').count()) - 1;
	// The month pickers' values are the months (MonthSelect), so pick by position.
	await importPage.getByTestId('window-from').selectOption({ index: 0 });
	await importPage.getByTestId('window-to').selectOption({ index: lastMonth });
	await importPage.getByTestId('window-label').filter({ hasText: 'Showing all of' }).waitFor();
	const districtStart = await importPage.evaluate(() => performance.now());
	await importPage.getByTestId('district-select').selectOption('peshawar');
	await importPage.getByTestId('incident-item').first().waitFor({ timeout: 120_000 });
	const districtMs = (await importPage.evaluate(() => performance.now())) - districtStart;
	const districtShown = await importPage.getByTestId('incident-item').count();
	const districtTotal =
		(await importPage
			.getByTestId('district-panel')
			.getByRole('heading', { name: /^Incidents \(/ })
			.textContent()) ?? '';
	await cdp.send('HeapProfiler.collectGarbage');
	const heapWithDistrict = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	// An NGO checks a site on the import: the figures come from the engine, the nearest incidents from storage.
	await importPage.getByTestId('tab-site').click();
	await importPage.getByTestId('place-search').fill('34.01, 71.58');
	const siteStart = await importPage.evaluate(() => performance.now());
	await importPage.getByTestId('place-search').press('Enter');
	await importPage.getByTestId('site-nearest').locator('li').first().waitFor({ timeout: 120_000 });
	const siteMs = (await importPage.evaluate(() => performance.now())) - siteStart;
	const siteIncidents = await importPage.getByTestId('site-incidents').textContent();
	await cdp.send('HeapProfiler.collectGarbage');
	const heapWithSite = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	rmSync(csvPath, { force: true });

	// A wide export: the importer reads 19 of a GTD export's 135 columns.
	const widePath = join(tmpdir(), 'bench-import-wide-gtd-synthetic.csv');
	writeSyntheticGtdWide(widePath, WIDE_ROWS);
	const wideNodeMs = rawNodeParseMs(widePath, WIDE_ROWS);
	const wideBrowserMs = await rawBrowserParseMs(widePath, WIDE_ROWS);
	const wide = await importAndShade((await dashboardServing(widePath, 'bench-wide.csv')).page, '/bench-wide.csv');
	rmSync(widePath, { force: true });
	await browser.close();

	const jsOf = (kind: string) => [...js.values()].filter((f) => f.kind === kind).reduce((a, f) => a + f.gzip, 0);
	const shellJs = jsOf('shell');
	// The first screen's own chunks (not the workers, which parse imports) hold no papaparse (issue #23).
	const papaparseChunks = [...js].filter(([, f]) => f.kind !== 'worker' && f.papaparse).map(([path]) => path);
	const geoTotal = [...geodata.values()].reduce((a, b) => a + b, 0);
	const loadMs = median(loadTimes);
	console.log('\nLoad budget (vite preview, headless Chromium, cold cache each run)');
	console.log(`  initial JS (app shell), gzip:        ${kb(shellJs)}   target < 350 KB  ${shellJs < 350 * 1024 ? '✓' : '✗'}`);
	console.log(
		`  papaparse in the first screen's JS:  ${papaparseChunks.length ? `${papaparseChunks.join(', ')}  ✗` : `none of ${[...js.values()].filter((f) => f.kind !== 'worker').length} chunks  ✓`}`
	);
	console.log(
		`  then, in parallel with the geodata:  MapLibre chunk ${kb(jsOf('maplibre'))}, workers ${kb(jsOf('worker'))} — all JS ${kb(shellJs + jsOf('maplibre') + jsOf('worker'))}`
	);
	console.log(
		`  geodata fetched on first load (basemap and gazetteer after the first frame), gzip: ${kb(geoTotal)} (${[...geodata]
			.map(
				([p, b]) =>
					`${p
						.split('/')
						.pop()!
						.replace(/\.[\w-]+\.json$/, '')} ${kb(b)}`
			)
			.join(', ')})   target < 300 KB  ${geoTotal < 300 * 1024 ? '✓' : '✗'}`
	);
	const fpMs = median(firstPaintTimes);
	console.log(
		`  navigation → first shaded pixels (prerendered SVG): ${fpMs.toFixed(0)} ms median of ${RUNS} (${firstPaintTimes.map((t) => t.toFixed(0)).join(', ')})   target ≤ 500 ms  ${fpMs <= 500 ? '✓' : '✗'}`
	);
	console.log(
		`  navigation → interactive map (MapLibre shaded): ${loadMs.toFixed(0)} ms median of ${RUNS} (${loadTimes.map((t) => t.toFixed(0)).join(', ')}); judged against the floor below, not an absolute figure`
	);
	console.log(
		`  the floor, MapLibre alone with the app's style and the build's colours (${Math.round(mapBox!.width)}×${Math.round(mapBox!.height)} px): ${median(floorTimes).toFixed(0)} ms median of ${RUNS} (${floorTimes.map((t) => t.toFixed(0)).join(', ')})`
	);
	const floorRatio = median(dashboardTimes) / median(floorTimes);
	console.log(
		`  the dashboard, interleaved with it: ${median(dashboardTimes).toFixed(0)} ms median of ${RUNS} (${dashboardTimes.map((t) => t.toFixed(0)).join(', ')})   ratio ${floorRatio.toFixed(2)}×   target ≤ 1.25×  ${floorRatio <= 1.25 ? '✓' : '✗'}`
	);
	console.log(`  the dashboard's start, step by step (ms from navigation, median of ${RUNS}; the floor's where it has the step):`);
	const stepMedian = (runs: Record<string, number>[], step: string) => median(runs.map((d) => d[step]!).filter((v) => !Number.isNaN(v))) ?? NaN;
	const stepMedians = Object.keys(dashboardSteps[0]!).map((step) => [step, stepMedian(dashboardSteps, step), stepMedian(floorSteps, step)] as const);
	const ms = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(0)).padStart(6);
	console.log(`    ${'dash'.padStart(6)} ${'floor'.padStart(6)}`);
	for (const [step, dash, floor] of [...stepMedians].sort((a, b) => a[1] - b[1])) console.log(`    ${ms(dash)} ${ms(floor)}  ${step}`);
	console.log(
		`  layout shift over the load (CLS):   ${Math.max(...shifts).toFixed(3)} worst of ${RUNS}   target ≤ 0.05  ${Math.max(...shifts) <= 0.05 ? '✓' : '✗'}`
	);
	console.log(`  … then labels drawn:                 ${median(labelTimes).toFixed(0)} ms median (labels are added after the first shaded frame)`);
	const wholeMs = median(wholeRecordTimes);
	console.log(
		`  choosing the whole UCDP record (All dates, 1989–2026, on the settled first screen) → its shaded map: ${wholeMs.toFixed(0)} ms median of ${RUNS} (${wholeRecordTimes.map((t) => t.toFixed(0)).join(', ')}); GED 22.1 fetched then, ${kb(median(wholeRecordBytes))} gzip   target ≤ 500 ms  ${wholeMs <= 500 ? '✓' : '✗'}`
	);
	console.log('\nResponsiveness while the worker joins 1,000,000 SYNTHETIC points');
	console.log(`  join in the worker (incl. transfer):  ${freeze.joinMs.toFixed(0)} ms, ${freeze.reports} progress reports`);
	console.log(`  re-aggregation round trip (1 year):  ${freeze.reaggMs.toFixed(1)} ms`);
	console.log(
		`  longest main-thread task during it:  ${freeze.longest.toFixed(0)} ms (0 = none over 50 ms); longest gap between frames ${freeze.maxGap.toFixed(0)} ms`
	);
	const ratio = shownMs / rawParseMs;
	const browserRatio = shownMs / rawBrowserMs;
	const mark = (ok: boolean) => (ok ? '✓' : '✗');
	console.log(`\nImport of ${IMPORT_ROWS.toLocaleString('en-GB')} SYNTHETIC UCDP-shaped rows (${identity}) — issue #12 targets`);
	console.log(`  raw papaparse parse of the same bytes (Node):  ${(rawParseMs / 1000).toFixed(1)} s`);
	console.log(
		`  … and in Chromium, in a worker, of the same File: ${(rawBrowserMs / 1000).toFixed(1)} s (the whole import is ${browserRatio.toFixed(1)}× that)`
	);
	console.log(
		`  whole import, drop → map shaded (page):        ${(shownMs / 1000).toFixed(1)} s   ratio ${ratio.toFixed(1)}×   targets ≤ 1.5× ${mark(ratio <= 1.5)}, ≤ 4 s ${mark(shownMs <= 4000)}`
	);
	console.log(
		`  page heap after import (after GC; the workers' heaps are not included): ${(heap.usedSize / 2 ** 20).toFixed(0)} MB   target ≤ 300 MB ${mark(heap.usedSize <= 300 * 2 ** 20)}`
	);
	console.log(
		`  main thread during the import: longest task ${importBlocking.longest.toFixed(0)} ms (${importBlocking.over50} over 50 ms) ${mark(importBlocking.longest <= 50)}; longest app script ${importBlocking.app.toFixed(0)} ms ${mark(importBlocking.app < 50)}; longest MapLibre render script ${importBlocking.render.toFixed(0)} ms`
	);
	console.log(
		`  time-play: ${play.fps.toFixed(1)} frames/s ${mark(play.fps >= 30)} (target ≥ 30), longest gap between frames ${play.gap.toFixed(0)} ms; longest task ${playBlocking.longest.toFixed(0)} ms ${mark(playBlocking.longest <= 50)}; longest app script ${playBlocking.app.toFixed(0)} ms ${mark(playBlocking.app < 50)}; longest MapLibre render script ${playBlocking.render.toFixed(0)} ms`
	);
	console.log(
		`  a district opened (Peshawar, ${districtTotal}): first ${districtShown} incidents listed in ${(districtMs / 1000).toFixed(1)} s; page heap then ${(heapWithDistrict.usedSize / 2 ** 20).toFixed(0)} MB`
	);
	console.log(
		`  a site check (Peshawar, 25 km: ${siteIncidents} incidents): figures and nearest incidents in ${(siteMs / 1000).toFixed(1)} s; page heap then ${(heapWithSite.usedSize / 2 ** 20).toFixed(0)} MB`
	);
	console.log('  (Headless Chromium draws WebGL in software here: long tasks without an app script are the map being drawn and composited.)');
	const wideRatio = wide.shownMs / wideNodeMs;
	console.log(`\nImport of a wide export: ${WIDE_ROWS.toLocaleString('en-GB')} SYNTHETIC GTD-shaped rows × 135 columns (${wide.identity})`);
	console.log(
		`  raw papaparse parse of the same bytes (Node): ${(wideNodeMs / 1000).toFixed(1)} s; in Chromium, in a worker: ${(wideBrowserMs / 1000).toFixed(1)} s`
	);
	console.log(
		`  whole import, drop → map shaded (page):       ${(wide.shownMs / 1000).toFixed(1)} s   ratio ${wideRatio.toFixed(1)}× (${(wide.shownMs / wideBrowserMs).toFixed(1)}× the Chromium parse)   targets ≤ 1.5× ${mark(wideRatio <= 1.5)}, ≤ 4 s ${mark(wide.shownMs <= 4000)}`
	);
} finally {
	stopServer();
}
