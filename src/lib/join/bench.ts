/**
 * Join engine benchmark (part of `npm run bench`): the indexed join against the naive Turf loop,
 * and re-aggregation after a filter change, on SYNTHETIC points spread uniformly over the two
 * provinces' bounding box. Synthetic points are for this benchmark only, never shown as data.
 *
 *   node --expose-gc --import tsx src/lib/join/bench.ts [--quick]
 *   node --import tsx src/lib/join/bench.ts --only naive|engine --n 100000   # one join, for whole-process timers
 *
 * Heap MB is the growth of V8 heap + array buffers from before the points are made to after the
 * join (columns, assignment and any garbage the join leaves), measured after a forced GC.
 */
import { bbox, featureCollection } from '@turf/turf';
import { performance } from 'node:perf_hooks';
import { buildJoinIndex } from './index.js';
import { naiveJoin } from './naive.js';
import { syntheticColumns } from './synthetic.js';
import { aggregate, assignColumns } from '../aggregate/index.js';
import { aggregateWindow, buildTimeCube, monthWindow } from '../aggregate/timecube.js';
import { groupCells } from '../aggregate/cells.js';
import { seededRandom } from './synthetic.js';
import { dayNumber, monthNumber } from '../columns/index.js';
import { committedBaseMap } from '../../../tests/unit/sources.js';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
/**
 * The naive loop tests every point against every vertex of the 2023 outlines (~30,000: every
 * district vertex is kept), about 1 ms per 5 points, so above this limit it runs on a sample and
 * its (linear) time is scaled to N.
 */
const NAIVE_FULL_LIMIT = 10_000;
const NAIVE_SAMPLE = 20_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => void, runs: number): number {
	fn(); // warm-up
	const ms: number[] = [];
	for (let r = 0; r < runs; r++) {
		const t = performance.now();
		fn();
		ms.push(performance.now() - t);
	}
	return median(ms);
}
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

const { districts } = committedBaseMap();
const box = bbox(featureCollection(districts)) as [number, number, number, number];
const days: [number, number] = [dayNumber('2008-01-01'), dayNumber('2015-12-31')];

const only = process.argv[process.argv.indexOf('--only') + 1];
if (process.argv.includes('--only')) {
	const n = Number(process.argv[process.argv.indexOf('--n') + 1] ?? 100_000);
	const cols = syntheticColumns(n, box, days, n);
	const t = performance.now();
	const out = only === 'naive' ? naiveJoin(districts, cols.lon, cols.lat) : assignColumns(cols, buildJoinIndex(districts));
	console.log(`${only}: ${n} synthetic points joined in ${fmt(performance.now() - t)} ms (${out.filter((d) => d >= 0).length} in a district)`);
	process.exit(0);
}

const buildMs = time(() => buildJoinIndex(districts), 5);
const index = buildJoinIndex(districts);
console.log(`Join engine on SYNTHETIC points (benchmark only), uniform over [${box.map((v) => v.toFixed(2)).join(', ')}]`);
console.log(`${districts.length} districts; index build ${fmt(buildMs)} ms (median of 5); Node ${process.version}\n`);

const rows: string[][] = [
	['N', 'naive Turf ms', 'engine ms', 'speed-up', 'mismatches', 'heap MB', 'full pass ms', 'filter change ms', 'time change ms', 'naive run on']
];
const cellRows: string[][] = [
	[
		'N',
		'cells',
		'grouping ms (once per dataset)',
		'filter change ms',
		'… with per-row passing flags',
		'cells, 500 actors × 40 targets',
		'filter change ms',
		'full row pass ms'
	]
];
const results: { n: number; naiveMs: number; engineMs: number; mismatches: number; reaggMs: number; filterMs: number; timeMs: number; diverseMs: number }[] =
	[];
for (const n of SIZES) {
	globalThis.gc?.();
	const before = process.memoryUsage();
	const cols = syntheticColumns(n, box, days, n);
	const out = new Int32Array(n);
	const engineMs = time(() => assignColumns(cols, index, out), n >= 1_000_000 ? 5 : 9);
	globalThis.gc?.();
	const after = process.memoryUsage();
	const heap = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);

	const sample = Math.min(n, n <= NAIVE_FULL_LIMIT ? n : NAIVE_SAMPLE);
	const t = performance.now();
	const naive = naiveJoin(districts, cols.lon, cols.lat, 0, sample);
	const naiveSampleMs = performance.now() - t;
	const naiveMs = (naiveSampleMs * n) / sample;
	let mismatches = 0;
	for (let i = 0; i < sample; i++) if (naive[i] !== out[i]) mismatches++;

	// A full pass (one-year window), as a filter change cost before the time cube.
	const year = { dayFrom: dayNumber('2012-01-01'), dayTo: dayNumber('2012-12-31') };
	const reaggMs = time(() => aggregate(cols, out, districts.length, year), 21);
	// What the engine worker does now: once per dataset it groups the rows into cells …
	const cellsMs = time(() => groupCells(cols, out, districts.length), 3);
	const cells = groupCells(cols, out, districts.length);
	// … a non-date filter change builds the month cube (one pass over the cells) …
	const filter = { ...year, minCasualties: 1 };
	// (without the per-row `passing` flags: the worker adds them only while the page holds rows)
	const filterMs = time(() => aggregateWindow(buildTimeCube(cells, filter), monthWindow(filter)!, false), 11);
	const withPassingMs = time(() => aggregateWindow(buildTimeCube(cells, filter), monthWindow(filter)!, true), 11);
	// … the same when nearly every row is a cell of its own (500 actors × 40 targets × casualty figures) …
	const diverse = {
		...cols,
		actor: new Uint16Array(n),
		target: new Uint16Array(n),
		labels: { ...cols.labels, actor: Array.from({ length: 500 }, (_, k) => `actor ${k}`), target: Array.from({ length: 40 }, (_, k) => `target ${k}`) }
	};
	const rnd = seededRandom(n);
	for (let i = 0; i < n; i++) {
		diverse.actor[i] = Math.floor(rnd() * 500);
		diverse.target[i] = Math.floor(rnd() * 40);
	}
	const diverseCells = groupCells(diverse, out, districts.length);
	const diverseFilter = { ...filter, actor: diverse.labels.actor.slice(0, 250) };
	const diverseMs = time(() => aggregateWindow(buildTimeCube(diverseCells, diverseFilter), monthWindow(diverseFilter)!, false), 11);
	const diverseFullMs = time(() => aggregate(diverse, out, districts.length, diverseFilter), 11);
	// … and a time change (slider, play: the window moves one month) sums the cube's months.
	const cube = buildTimeCube(cells, filter);
	let month = 0;
	const timeMs = time(() => {
		const from = monthNumber('2009-01-01') + (month++ % 60);
		aggregateWindow(cube, { from, to: from + 11 }, false);
	}, 61);
	results.push({ n, naiveMs, engineMs, mismatches, reaggMs, filterMs, timeMs, diverseMs });
	cellRows.push([
		n.toLocaleString('en-GB'),
		`${cells.cellCount.toLocaleString('en-GB')} (${(n / Math.max(1, cells.cellCount)).toFixed(0)} rows each)`,
		fmt(cellsMs),
		fmt(filterMs),
		fmt(withPassingMs),
		`${diverseCells.cellCount.toLocaleString('en-GB')} (${(n / Math.max(1, diverseCells.cellCount)).toFixed(1)} rows each)`,
		fmt(diverseMs),
		fmt(diverseFullMs)
	]);
	rows.push([
		n.toLocaleString('en-GB'),
		`${fmt(naiveMs)}${sample < n ? ' (extrap.)' : ''}`,
		fmt(engineMs),
		`${(naiveMs / engineMs).toFixed(0)}×`,
		`${mismatches} / ${sample.toLocaleString('en-GB')}`,
		mb(heap),
		fmt(reaggMs),
		fmt(filterMs),
		fmt(timeMs),
		sample < n ? `sample of ${sample.toLocaleString('en-GB')}` : 'all points'
	]);
}

function table(rows: string[][], leftAligned: number[]) {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	for (const [i, r] of rows.entries()) {
		console.log(r.map((cell, c) => (leftAligned.includes(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
		if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	}
}
table(rows, [0, 9]);
console.log('\nFilter changes run over cells: rows no filter, district or month tells apart (src/lib/aggregate/cells.ts)');
table(cellRows, [0]);

const at = (n: number) => results.find((r) => r.n === n);
const checks: [string, boolean | undefined][] = [
	['0 mismatches against the naive Turf loop', results.every((r) => r.mismatches === 0)],
	['≥ 30× the naive loop at 1 M', at(1_000_000) && at(1_000_000)!.naiveMs / at(1_000_000)!.engineMs >= 30],
	['1 M joined in < 500 ms', at(1_000_000) && at(1_000_000)!.engineMs < 500],
	['re-aggregation < 16 ms at 100 k', at(100_000) && at(100_000)!.reaggMs < 16],
	['re-shading after a time change ≤ 8 ms at 1 M (month cube)', at(1_000_000) && at(1_000_000)!.timeMs <= 8],
	['re-shading after a filter change ≤ 8 ms at 1 M', at(1_000_000) && at(1_000_000)!.filterMs <= 8],
	['… and when nearly every row is a cell of its own (500 actors × 40 targets)', at(1_000_000) && at(1_000_000)!.diverseMs <= 8]
];
console.log('\nTargets:');
for (const [label, ok] of checks) console.log(`  ${ok === undefined ? '–' : ok ? '✓' : '✗'} ${label}${ok === undefined ? ' (not run with --quick)' : ''}`);
if (SIZES.some((n) => n > NAIVE_FULL_LIMIT)) {
	console.log(
		`\nAbove ${NAIVE_FULL_LIMIT.toLocaleString('en-GB')} points the naive loop runs on the first ${NAIVE_SAMPLE.toLocaleString('en-GB')} and its time is scaled to N (it is linear in N); mismatches are counted on that sample.`
	);
}
