/** Page helpers for the dashboard: wait for a drawn map, read its pixels, click districts. */
import { expect, type Page } from '@playwright/test';
import { baseMap, hexToRgb, type expectedFor } from './expected.js';

export async function openDashboard(page: Page, query = '') {
	// Keep the WebGL buffer readable so the tests can check real pixels.
	await page.addInitScript(() => {
		window.__TEST_HOOKS__ = true;
	});
	await page.goto(`/${query}`);
}

/** Waits until the map has drawn the given view (`dataset|metric|perArea`). */
export async function waitForView(page: Page, key: string) {
	await expect(page.getByTestId('map')).toHaveAttribute('data-rendered', key);
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

/** Large districts, where a sample box deep inside stays well within the polygon on screen. */
const LARGE = baseMap.districts.filter((d) => d.properties.areaKm2 > 9000).map((d) => d.properties.slug);

/**
 * Every large district's pixels show the colour the analytic core expects, and districts of
 * different classes really differ on screen.
 */
export async function checkShading(page: Page, view: ReturnType<typeof expectedFor>, minClasses = 3) {
	const seen = new Map<string, [number, number, number]>();
	for (const slug of LARGE) {
		const e = view.bySlug.get(slug)!;
		const pixel = await dominantColour(page, await project(page, e.sampleAt), 3);
		expect(colourDistance(pixel, hexToRgb(e.colour)), `${slug} pixel ${pixel} vs ${e.colour}`).toBeLessThanOrEqual(3);
		seen.set(e.colour, pixel);
	}
	const colours = [...seen.keys()];
	expect(colours.length).toBeGreaterThanOrEqual(minClasses);
	for (const a of colours) for (const b of colours) if (a < b) expect(colourDistance(seen.get(a)!, seen.get(b)!)).toBeGreaterThan(10);
}
