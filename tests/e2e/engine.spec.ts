import { expect, test } from '@playwright/test';
import { bbox, featureCollection } from '@turf/turf';
import { baseMap } from './expected.js';
import { openDashboard, waitForView } from './map-page.js';
import { syntheticColumns } from '../../src/lib/join/synthetic.js';
import { assignColumns } from '../../src/lib/aggregate/index.js';
import { buildJoinIndex } from '../../src/lib/join/index.js';

test('the engine worker joins 150,000 synthetic points with progress, same result as in Node', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, 'gtd-2008|incidents|area');
	// Synthetic points (test only, not data), joined here in Node by the same engine.
	const cols = syntheticColumns(150_000, bbox(featureCollection(baseMap.districts)) as [number, number, number, number], [0, 365], 7);
	const expected = assignColumns(cols, buildJoinIndex(baseMap.districts));
	const result = await page.evaluate(
		async ({ lon, lat }) => {
			const n = lon.length;
			const { createEngine, emptyColumns } = window.__engineHooks!;
			const cols = emptyColumns(n);
			cols.lon.set(lon);
			cols.lat.set(lat);
			const engine = createEngine();
			const progress: number[] = [];
			const assignment = await engine.load(cols, (f) => progress.push(f));
			// Progress reports travel on their own message channel and may arrive just after the
			// result: wait (briefly) for the last one before counting them.
			for (let i = 0; i < 100 && progress.at(-1) !== 1; i++) await new Promise((r) => setTimeout(r, 20));
			engine.terminate();
			return { assignment: Array.from(assignment), progress };
		},
		{ lon: Array.from(cols.lon), lat: Array.from(cols.lat) }
	);
	expect(result.progress.length).toBe(3); // 64k-row chunks
	expect(result.progress.at(-1)).toBe(1);
	expect(result.assignment).toEqual(Array.from(expected));
});
