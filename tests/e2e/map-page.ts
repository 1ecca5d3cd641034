/** Page helpers for the dashboard: wait for a drawn map, read its pixels, click districts. */
import { expect, type Page } from '@playwright/test';
import { hexToRgb, type expectedFor } from './expected.js';

/**
 * Opens the dashboard. The specs written on GTD 2008 open it explicitly (`dataset=gtd-2008` is
 * added when the query names no dataset); the map's own default, the UCDP series on its newest
 * month, is opened with `?dataset=ucdp` or a bare `/` (open-data.spec.ts, first-paint.spec.ts).
 */
export async function openDashboard(page: Page, query = '') {
	// Keep the WebGL buffer readable so the tests can check real pixels.
	await page.addInitScript(() => {
		window.__TEST_HOOKS__ = true;
	});
	const params = new URLSearchParams(query.replace(/^\?/, ''));
	if (!params.has('dataset')) params.set('dataset', 'gtd-2008');
	await page.goto(`/?${params}`);
}

/**
 * Waits until the map has drawn the given view (`dataset|metric|per`). A wait for readiness, not a
 * budget (those are in `npm run bench`): on two cores shared with a second test worker, or with
 * three tabs starting at once, CI has taken over 15 s to draw the first view.
 */
export async function waitForView(page: Page, key: string) {
	await expect(page.getByTestId('map')).toHaveAttribute('data-rendered', key, { timeout: 45_000 });
}

/** The colour the map shades a district with (its feature-state; undefined before the first shading). */
export function districtColour(page: Page, slug: string): Promise<string | undefined> {
	return page.evaluate((id) => window.__incidentMap!.getFeatureState({ source: 'districts', id }).colour as string | undefined, slug);
}

/** Screen position (CSS px, relative to the map container) of a lon/lat. */
export async function project(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
	return page.evaluate((ll) => {
		const p = window.__incidentMap!.project(ll);
		return { x: p.x, y: p.y };
	}, lonLat);
}

/**
 * Most frequent colour in a box of the map canvas around a point (CSS px): a box, not one pixel,
 * so label text or an outline under the point does not decide the result.
 */
export async function dominantColour(page: Page, at: { x: number; y: number }, half = 4): Promise<[number, number, number]> {
	return page.evaluate(
		({ at, half }) => {
			const map = window.__incidentMap!;
			const src = map.getCanvas();
			const ratio = src.width / src.clientWidth;
			const copy = document.createElement('canvas');
			copy.width = src.width;
			copy.height = src.height;
			const ctx = copy.getContext('2d')!;
			ctx.drawImage(src, 0, 0);
			const size = 2 * half + 1;
			const data = ctx.getImageData(Math.round(at.x * ratio) - half, Math.round(at.y * ratio) - half, size, size).data;
			const counts = new Map<string, number>();
			for (let i = 0; i < data.length; i += 4) {
				const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
				counts.set(key, (counts.get(key) ?? 0) + 1);
			}
			const best = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
			return best.split(',').map(Number) as [number, number, number];
		},
		{ at, half }
	);
}

export function colourDistance(a: readonly number[], b: readonly number[]): number {
	return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

/** Whether the map canvas is the top element at a point (CSS px in the map), with a 4 px margin. */
async function mapVisibleAt(page: Page, at: { x: number; y: number }): Promise<boolean> {
	return page.evaluate((at) => {
		const canvas = window.__incidentMap!.getCanvas();
		const r = canvas.getBoundingClientRect();
		return [-4, 4].every((dx) => [-4, 4].every((dy) => document.elementFromPoint(r.left + at.x + dx, r.top + at.y + dy) === canvas));
	}, at);
}

/**
 * Districts with room for a sample box: the sample point lies at least 12 km (~6 px at the default
 * view) inside the district's edge. Large Balochistan districts and the compact KP ones alike.
 */
const MIN_CLEARANCE_KM = 12;

/**
 * Every large district's pixels show the colour the analytic core expects, and districts of
 * different classes really differ on screen.
 */
export async function checkShading(page: Page, view: ReturnType<typeof expectedFor>, minClasses = 3) {
	const seen = new Map<string, [number, number, number]>();
	let checked = 0;
	const roomy = [...view.bySlug.values()].filter((e) => e.sampleClearanceKm >= MIN_CLEARANCE_KM);
	for (const e of roomy) {
		const slug = e.district.slug;
		const at = await project(page, e.sampleAt);
		// Only where the map itself is what a person sees (not under the legend, a control or the attribution).
		if (!(await mapVisibleAt(page, at))) continue;
		checked++;
		const pixel = await dominantColour(page, at, 3);
		expect(colourDistance(pixel, hexToRgb(e.colour)), `${slug} pixel ${pixel} vs ${e.colour}`).toBeLessThanOrEqual(3);
		seen.set(e.colour, pixel);
	}
	expect(checked, 'districts checked on the map').toBeGreaterThanOrEqual(Math.max(10, roomy.length / 2));
	const colours = [...seen.keys()];
	expect(colours.length).toBeGreaterThanOrEqual(minClasses);
	for (const a of colours) for (const b of colours) if (a < b) expect(colourDistance(seen.get(a)!, seen.get(b)!)).toBeGreaterThan(10);
}
