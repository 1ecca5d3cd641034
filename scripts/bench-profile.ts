/**
 * Where the dashboard's start spends the main thread (part of `npm run bench`, issue #27): builds
 * the app without minifying (so the profile names functions and components), serves it, and
 * traces RUNS cold loads in headless Chromium with V8's sampling profiler on. Each run's samples on
 * the page's main thread, from navigation to the first shaded map (the `map:first-shaded` mark),
 * are put in buckets by the code that ran (MapLibre, Svelte's runtime, our components, the
 * browser's own work…), and the components' mount time is summed by name. Prints medians; the
 * README's Performance section quotes them. Rebuilds the minified app at the end.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from './chromium.mjs';
import { buildFloorPage } from './bench-floor.js';
import { startPreview } from './preview-server.js';

const PORT = 4175;
const RUNS = Number(process.env.BENCH_PROFILE_RUNS ?? 3);

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	id?: string;
	args: { data?: Record<string, unknown> };
}
interface ProfileNode {
	id: number;
	parent?: number;
	callFrame: { functionName: string; url: string; lineNumber?: number };
}
interface Sample {
	node: string;
	t: number;
}

function vite(args: string[]) {
	const run = spawnSync('npx', ['vite', ...args], { stdio: 'pipe', encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`vite ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
}

/** The samples of the V8 profile taken on one thread, with their call trees, in time order. */
function threadSamples(events: TraceEvent[], pid: number, tid: number) {
	const nodes = new Map<string, ProfileNode & { key: string; parentKey?: string }>();
	const samples: Sample[] = [];
	for (const profile of events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)) {
		let t = (profile.args.data as { startTime: number }).startTime;
		for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid)) {
			const data = chunk.args.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
			for (const n of data.cpuProfile?.nodes ?? [])
				nodes.set(`${profile.id}:${n.id}`, { ...n, key: `${profile.id}:${n.id}`, parentKey: n.parent === undefined ? undefined : `${profile.id}:${n.parent}` });
			(data.cpuProfile?.samples ?? []).forEach((s, i) => samples.push({ node: `${profile.id}:${s}`, t: (t += data.timeDeltas?.[i] ?? 0) }));
		}
	}
	return { nodes, samples: samples.sort((a, b) => a.t - b.t) };
}

/**
 * Which source module each line of a built chunk came from: the unminified build marks each
 * module's start with a `// <path>` comment line (node_modules/… or src/…).
 */
const moduleLines = new Map<string, { line: number; module: string }[]>();
function moduleAt(url: string, line: number): string | null {
	const path = new URL(url, 'http://x').pathname;
	let starts = moduleLines.get(path);
	if (!starts) {
		let text = '';
		try {
			text = readFileSync(join('.svelte-kit/output/client', path), 'utf8');
		} catch {
			/* not one of ours (an extension, a data: URL) */
		}
		starts = text.split('\n').flatMap((l, i) => {
			const m = /^\/\/ ((?:node_modules|src)\/\S+)$/.exec(l);
			return m ? [{ line: i, module: m[1]! }] : [];
		});
		moduleLines.set(path, starts);
	}
	let found: string | null = null;
	for (const s of starts) if (s.line <= line) found = s.module;
	return found;
}

/** The bucket a sample's own (innermost) frame belongs to. */
function bucketOf(frame: ProfileNode['callFrame']): string {
	const { functionName: fn, url } = frame;
	if (fn === '(idle)') return 'idle (waiting: network, workers)';
	if (fn === '(garbage collector)') return 'garbage collection';
	if (fn === '(program)') return "the browser's own work (style, layout, paint, compositing, waiting for software WebGL to draw)";
	if (!url) return 'native calls from scripts (DOM, canvas, WebGL)';
	const module = moduleAt(url, frame.lineNumber ?? 0) ?? '';
	if (module.startsWith('node_modules/maplibre-gl/')) return 'MapLibre (its main-thread code)';
	if (/^node_modules\/(svelte|@sveltejs|esm-env|devalue)\//.test(module)) return 'Svelte runtime and SvelteKit';
	if (module.startsWith('node_modules/')) return 'other libraries (Turf, comlink, topojson…)';
	if (module.startsWith('src/lib/')) return 'our analytic core (src/lib)';
	if (module.startsWith('src/')) return 'our app (components, data layer, style)';
	return "scripts of unknown origin (SvelteKit's inline start, the floor's own glue)";
}

/** Svelte components are PascalCase functions in our chunks: their mount time, summed by name. */
const COMPONENT = /^[A-Z][A-Za-z0-9]+$/;

const root = join(tmpdir(), `bench-profile-${process.pid}`);
console.log('\nWhere the start spends the main thread (CPU profile, issue #27)');
console.log('  building the app without minifying, for names…');
vite(['build', '--minify', 'false']);
await buildFloorPage('.svelte-kit/output/client/__bench-floor', { minify: false });
const { stop } = await startPreview(PORT);
try {
	const browser = await chromium.launch({
		executablePath: ensureChromium(),
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	/** One cold load of `url`, traced: main-thread ms by bucket, and by mounting component, up to the first shaded map. */
	async function profileLoad(url: string, run: number) {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		const path = join(root, `trace-${run}.json`);
		await browser.startTracing(page, { path, categories: ['blink.user_timing', 'devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] });
		await page.goto(url);
		await page.waitForFunction(() => performance.getEntriesByName('map:first-shaded').length > 0, null, { timeout: 120_000 });
		const mapSize = await page.evaluate(() => {
			const box = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
			return box ? `w=${Math.round(box.width)}&h=${Math.round(box.height)}` : null;
		});
		await browser.stopTracing();
		await context.close();
		const { traceEvents: events } = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] };
		const shaded = events.find((e) => e.name === 'map:first-shaded' && e.cat.includes('user_timing'))!;
		const nav = events.find((e) => e.name === 'navigationStart' && e.pid === shaded.pid && String(e.args.data?.documentLoaderURL ?? '').startsWith('http'))!;
		const { nodes, samples } = threadSamples(events, shaded.pid, shaded.tid);
		const inWindow = samples.filter((s) => s.t >= nav.ts && s.t <= shaded.ts);
		const bucket: Record<string, number> = { 'total (navigation → first shaded map)': (shaded.ts - nav.ts) / 1000 };
		const mounted: Record<string, number> = {};
		inWindow.forEach((s, i) => {
			const ms = ((inWindow[i + 1]?.t ?? shaded.ts) - s.t) / 1000;
			const node = nodes.get(s.node);
			if (!node) return;
			const name = bucketOf(node.callFrame);
			bucket[name] = (bucket[name] ?? 0) + ms;
			// The outermost of our components (or view classes) on the stack: whose mount this is.
			let outermost: string | null = null;
			for (let n: typeof node | undefined = node; n; n = n.parentKey ? nodes.get(n.parentKey) : undefined) {
				const { functionName: fn, url, lineNumber } = n.callFrame;
				if (fn === '_page') break;
				if (COMPONENT.test(fn) && url && moduleAt(url, lineNumber ?? 0)?.startsWith('src/')) outermost = fn;
			}
			if (outermost) mounted[outermost] = (mounted[outermost] ?? 0) + ms;
		});
		return { bucket, mounted, mapSize };
	}

	const dashboard: Awaited<ReturnType<typeof profileLoad>>[] = [];
	const floor: Awaited<ReturnType<typeof profileLoad>>[] = [];
	const { mapSize } = await profileLoad(`http://localhost:${PORT}/`, -1); // warm-up; the map's size
	for (let run = 0; run < RUNS; run++) {
		dashboard.push(await profileLoad(`http://localhost:${PORT}/`, run));
		floor.push(await profileLoad(`http://localhost:${PORT}/__bench-floor/?${mapSize}`, run));
	}
	await browser.close();
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
	const names = (rows: Record<string, number>[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))];
	const medians = (rows: Record<string, number>[]) =>
		names(rows)
			.map((n) => [n, median(rows.map((r) => r[n] ?? 0))] as const)
			.sort((a, b) => b[1] - a[1]);
	const rows = medians(dashboard.map((d) => d.bucket));
	const floorOf = (n: string) => median(floor.map((f) => f.bucket[n] ?? 0));
	console.log(`  main thread, navigation → first shaded map, profiler on (ms, median of ${RUNS} each, interleaved):`);
	console.log(`    ${'dash'.padStart(6)} ${'floor'.padStart(6)}`);
	for (const [n, ms] of rows) console.log(`    ${ms.toFixed(0).padStart(6)} ${floorOf(n).toFixed(0).padStart(6)}  ${n}`);
	console.log('  mounting the page, by the outermost of our components or view classes on the stack (ms, median):');
	for (const [n, ms] of medians(dashboard.map((d) => d.mounted)).slice(0, 12)) console.log(`    ${ms.toFixed(0).padStart(6)}  ${n}`);
} finally {
	stop();
	rmSync(root, { recursive: true, force: true });
	console.log('  rebuilding the minified app…');
	vite(['build']);
}
