/**
 * Build-time HTML: the prerendered index gets the first paint (src/lib/firstpaint) in place of
 * the `%first-paint%` marker in app.html; every other page gets nothing there.
 */
import type { Handle } from '@sveltejs/kit';
import { firstPaintHtml } from '$lib/firstpaint/index.js';
import { bundledGeodata } from './data/prerendered.js';

let firstPaint: string | null = null;
function indexFirstPaint(): string {
	const { baseMap, datasets } = bundledGeodata();
	firstPaint ??= firstPaintHtml(baseMap, datasets[0]!);
	return firstPaint;
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%first-paint%', event.url.pathname === '/' ? indexFirstPaint() : '')
	});
