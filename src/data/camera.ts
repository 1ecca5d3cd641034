/**
 * Keeping a place in view on the live map: a site's radius or a route's corridor is framed when its
 * result arrives ('fit'); a selected district is only brought into view when it is not already
 * ('reveal'), so a click never moves the map under the pointer. Both leave room for what covers
 * the map's bottom (a phone's bottom sheet).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { inView, type Bounds } from '$lib/frame/index.js';

export interface MapFocus {
	/** Changes whenever the place changes: the camera moves once per key (and per sheet height). */
	key: string;
	bounds: Bounds;
	mode: 'fit' | 'reveal';
}

const PAD = 16;

/** Moves the camera for `focus` unless it already did for this key and cover; returns what it did it for. */
export function keepInView(m: MapLibreMap, focus: MapFocus | null, cover: { top: number; bottom: number }, last: string): string {
	const done = focus ? `${focus.key}|${cover.top}|${cover.bottom}` : '';
	if (!focus || done === last) return done;
	const [w, s, e, n] = focus.bounds;
	const a = m.project([w, n]);
	const b = m.project([e, s]);
	const canvas = m.getCanvas();
	const room = { width: canvas.clientWidth, height: canvas.clientHeight, cover, pad: PAD };
	const firstTime = !last.startsWith(`${focus.key}|`);
	if (focus.mode === 'reveal' || !firstTime) {
		if (inView([a.x, a.y, b.x, b.y], room)) return done;
	}
	// A fit frames the place, up to street scale. A reveal zooms in no further than a region's view
	// (zoom 7): at a phone's first zoom the map's bounds leave no room to pan a district up above
	// the sheet, so it has to zoom in a little for the district to move.
	const maxZoom = focus.mode === 'reveal' ? Math.max(m.getZoom(), 7) : 12;
	m.fitBounds(focus.bounds, { padding: { top: cover.top + PAD, left: PAD, right: PAD, bottom: cover.bottom + PAD }, maxZoom, duration: 400 });
	return done;
}
