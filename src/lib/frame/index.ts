/**
 * Framing a place on the map and in a report: the lon/lat box a site's radius circle or a route's
 * corridor needs, so the map (and the report's picture) shows all of it. Pure: numbers in, boxes out.
 */
import { destination } from '@turf/turf';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** Bearings sampled around a circle: one a degree, so no part of it falls outside the box. */
const BEARINGS = Array.from({ length: 360 }, (_, i) => i - 180);

/** The box around a geodesic circle of `km` about `centre`, with `margin` (a share of its size) either side. */
export function circleBounds(centre: [number, number], km: number, margin = 0.05): Bounds {
	let [w, s, e, n] = [centre[0], centre[1], centre[0], centre[1]];
	for (const bearing of BEARINGS) {
		const [lon, lat] = destination(centre, km, bearing, { units: 'kilometers' }).geometry.coordinates as [number, number];
		w = Math.min(w, lon);
		e = Math.max(e, lon);
		s = Math.min(s, lat);
		n = Math.max(n, lat);
	}
	return grow([w, s, e, n], margin);
}

/** The box around a line and a corridor of `km` either side of it (the corridor's circles at every vertex bound it). */
export function corridorBounds(line: readonly [number, number][], km: number, margin = 0.05): Bounds | null {
	if (line.length === 0) return null;
	return grow(line.map((p) => circleBounds(p, km, 0)).reduce(union), margin);
}

export function union(a: Bounds, b: Bounds): Bounds {
	return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Whether `outer` holds all of `inner`. */
export function contains(outer: Bounds, inner: Bounds): boolean {
	return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

function grow([w, s, e, n]: Bounds, margin: number): Bounds {
	const dx = (e - w) * margin;
	const dy = (n - s) * margin;
	return [w - dx, s - dy, e + dx, n + dy];
}

/** Screen room the map has for a place: its size less what covers it (a phone's bottom sheet) and a margin. */
export interface ScreenRoom {
	width: number;
	height: number;
	/** Pixels at the top and bottom covered by something over the map (a folded legend, a phone's sheet). */
	cover: { top: number; bottom: number };
	pad: number;
}

/** Whether a projected box [x0, y0, x1, y1] lies inside the part of the map a person can see. */
export function inView([x0, y0, x1, y1]: [number, number, number, number], room: ScreenRoom): boolean {
	return x0 >= room.pad && y0 >= room.cover.top + room.pad && x1 <= room.width - room.pad && y1 <= room.height - room.cover.bottom - room.pad;
}
