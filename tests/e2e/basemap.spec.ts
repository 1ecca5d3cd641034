/**
 * The offline basemap: fetched after the first shaded frame, roads and towns on screen where an NGO
 * officer zooms in, read through the translucent fill, and a toggle kept in the link.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString } from 'geojson';
import { colourDistance, districtColour, dominantColour, openDashboard, project } from './map-page.js';
import { hexToRgb } from './expected.js';
import { ROAD_COLOUR } from '../../src/style/basemap/roads.js';
import { LAND } from '../../src/style/palette.js';

const basemap = JSON.parse(readFileSync('geodata/basemap.json', 'utf8')) as { roads: FeatureCollection<LineString, { class: string }> };
/** The fill is 55 % opaque from zoom 8 (src/style/layers DISTRICT_FILL_OPACITY). */
const blend = (fill: number[], under: number[]) => fill.map((c, i) => 0.55 * c + 0.45 * under[i]!);

async function basemapDrawn(page: Page) {
	await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'drawn', { timeout: 45_000 });
}

/** Rendered features of some layers at a screen point (a box of ±r px). */
function featuresAt(page: Page, at: { x: number; y: number }, r: number, layers?: string[]) {
	return page.evaluate(
		({ at, r, layers }) =>
			window
				.__incidentMap!.queryRenderedFeatures(
					[
						[at.x - r, at.y - r],
						[at.x + r, at.y + r]
					],
					layers ? { layers } : undefined
				)
				.map((f) => ({ layer: f.layer.id, name: f.properties.name as string | undefined, slug: f.properties.slug as string | undefined })),
		{ at, r, layers }
	);
}

async function settle(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const m = window.__incidentMap!;
				m.once('idle', () => resolve());
				m.triggerRepaint();
			})
	);
}

test('the basemap comes after the first shaded frame, and names its sources', async ({ page }) => {
	await page.addInitScript(() => {
		const w = window as unknown as { __shadedAt?: number };
		new MutationObserver(() => {
			if (!w.__shadedAt && document.querySelector('[data-rendered*="|"]')) w.__shadedAt = performance.now();
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
	});
	await openDashboard(page);
	await basemapDrawn(page);
	const { shadedAt, fetchedAt } = await page.evaluate(() => ({
		shadedAt: (window as unknown as { __shadedAt: number }).__shadedAt,
		fetchedAt: performance.getEntriesByType('resource').find((e) => /basemap[^/]*\.json/.test(e.name))!.startTime
	}));
	expect(fetchedAt).toBeGreaterThan(shadedAt);
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');
	await page.getByRole('button', { name: /about/i }).first().click();
	await expect(page.getByTestId('about-basemap')).toContainText('Quetta–Zhob');
	await expect(page.getByTestId('about-basemap')).toContainText('no automatic road routing');
});

test('zoomed in over Peshawar: towns, main roads read through the fill, and a toggle kept in the link', async ({ page }) => {
	await openDashboard(page);
	await basemapDrawn(page);
	await page.evaluate(() => window.__incidentMap!.jumpTo({ center: [71.75, 33.8], zoom: 9 }));
	await settle(page);

	// Towns are labelled: Peshawar (a capital) and Kohat.
	const labels = await page.evaluate(() =>
		window.__incidentMap!.queryRenderedFeatures({ layers: [0, 1, 2, 3, 4].map((t) => `basemap-town-labels-${t}`) }).map((f) => f.properties.name as string)
	);
	expect(labels).toEqual(expect.arrayContaining(['Peshawar', 'Kohat']));

	// A vertex of a road on screen with nothing but the road and one district's fill around
	// it: its pixels are the road's colour seen through the 55 % fill.
	const size = await page.evaluate(() => ({ w: window.__incidentMap!.getCanvas().clientWidth, h: window.__incidentMap!.getCanvas().clientHeight }));
	let sample: { at: { x: number; y: number }; slug: string; colour: string } | null = null;
	for (const road of basemap.roads.features) {
		for (const vertex of road.geometry.coordinates) {
			const at = await project(page, vertex as [number, number]);
			if (at.x < 200 || at.y < 100 || at.x > size.w - 200 || at.y > size.h - 100) continue;
			const around = await featuresAt(page, at, 8);
			const layers = new Set(around.map((f) => f.layer));
			const slugs = new Set(around.filter((f) => f.layer === 'district-fill').map((f) => f.slug));
			if (slugs.size === 1 && [...layers].every((l) => ['district-fill', 'provinces-fill', 'basemap-roads'].includes(l))) {
				sample = { at, slug: [...slugs][0]!, colour: ROAD_COLOUR[road.properties.class as keyof typeof ROAD_COLOUR] };
				break;
			}
		}
		if (sample) break;
	}
	expect(sample, 'a clear vertex of a road on screen').not.toBeNull();
	const fill = hexToRgb((await districtColour(page, sample!.slug))!);
	const throughFill = blend(fill, hexToRgb(sample!.colour));
	const on = await dominantColour(page, sample!.at, 0);

	// Off: the same pixel is the fill over bare land, exactly (55 % opaque), and the link says so.
	await page.getByTestId('basemap-toggle').uncheck();
	await settle(page);
	const off = await dominantColour(page, sample!.at, 0);
	expect(colourDistance(off, blend(fill, hexToRgb(LAND))), `bare pixel ${off}`).toBeLessThanOrEqual(8);
	// On, the road shows through: the pixel moves from bare land well towards the road's colour (a
	// line under 3 px wide is anti-aliased, so not all the way).
	expect(colourDistance(on, off), `road pixel ${on} vs bare ${off}`).toBeGreaterThan(20);
	expect(colourDistance(on, throughFill)).toBeLessThan(colourDistance(off, throughFill) / 2);
	await expect.poll(() => new URL(page.url()).searchParams.get('basemap')).toBe('0');
	await page.reload();
	await expect(page.getByTestId('basemap-toggle')).not.toBeChecked();
});

/**
 * A vertex of a road on screen with nothing but the road and one district's fill around it (and
 * the map itself on top there: not under the legend or a phone's sheet).
 */
async function clearRoadVertex(page: Page, near: (lonLat: number[]) => boolean) {
	for (const road of basemap.roads.features) {
		for (const vertex of road.geometry.coordinates) {
			if (!near(vertex)) continue;
			const at = await project(page, vertex as [number, number]);
			const onTop = await page.evaluate((at) => {
				const canvas = window.__incidentMap!.getCanvas();
				const r = canvas.getBoundingClientRect();
				return at.x > 12 && at.y > 12 && at.x < r.width - 12 && at.y < r.height - 12 && document.elementFromPoint(r.left + at.x, r.top + at.y) === canvas;
			}, at);
			if (!onTop) continue;
			const around = await featuresAt(page, at, 8);
			const slugs = new Set(around.filter((f) => f.layer === 'district-fill').map((f) => f.slug));
			if (slugs.size === 1 && around.every((f) => ['district-fill', 'provinces-fill', 'basemap-roads'].includes(f.layer)))
				return { vertex: vertex as [number, number], slug: [...slugs][0]!, colour: ROAD_COLOUR[road.properties.class as keyof typeof ROAD_COLOUR] };
		}
	}
	return null;
}

for (const viewport of [
	{ width: 1440, height: 900 },
	{ width: 390, height: 844 }
]) {
	test.describe(`${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport, ...(viewport.width < 640 ? { hasTouch: true, isMobile: true } : {}) });
		test('the N-25 between Quetta and Chaman shows through the fill, and is gone with the basemap off', async ({ page }) => {
			const camera = 'map=66.75,30.55,9';
			await openDashboard(page, `?${camera}`);
			await basemapDrawn(page);
			await settle(page);
			// Between Quetta (30.18 N) and Chaman (30.92 N), west of 67.1 E.
			const sample = await clearRoadVertex(page, ([lon, lat]) => lat! > 30.3 && lat! < 30.85 && lon! > 66.3 && lon! < 67.1);
			expect(sample, 'a clear vertex of the N-25 on screen').not.toBeNull();
			const fill = hexToRgb((await districtColour(page, sample!.slug))!);
			const on = await dominantColour(page, await project(page, sample!.vertex), 0);
			// Town labels are drawn there too (read through MapLibre's rendered features).
			const towns = await page.evaluate(() =>
				window.__incidentMap!.queryRenderedFeatures({ layers: [0, 1, 2, 3, 4].map((t) => `basemap-town-labels-${t}`) }).map((f) => f.properties.name as string)
			);
			expect(towns.length).toBeGreaterThan(0);

			await openDashboard(page, `?${camera}&basemap=0`);
			await expect(page.getByTestId('map')).toHaveAttribute('data-labels', 'drawn', { timeout: 45_000 });
			await settle(page);
			const off = await dominantColour(page, await project(page, sample!.vertex), 0);
			expect(colourDistance(off, blend(fill, hexToRgb(LAND))), `bare pixel ${off}`).toBeLessThanOrEqual(8);
			expect(colourDistance(on, off), `road pixel ${on} vs bare ${off}`).toBeGreaterThan(20);
			const throughFill = blend(fill, hexToRgb(sample!.colour));
			expect(colourDistance(on, throughFill)).toBeLessThan(colourDistance(off, throughFill) / 2);
		});
	});
}
