/**
 * A planning report's map picture, framed on its place: the Web Mercator view that holds a site's
 * radius or a route's corridor in a picture of a given size, a scale bar for it, and the text
 * blocks printed beside it (figures, the route's ranked segments, the data stamp). Pure: the page
 * draws what this decides (src/data/report).
 */
import { rankSegments, type RouteExposure } from '../route/index.js';
import type { Bounds } from '../frame/index.js';
import { formatCount } from '../format/index.js';
import { tollText, type TollRoles } from '../tally/index.js';

/** MapLibre's zoom: the world is 512 × 2^zoom px wide. */
const TILE = 512;
const EARTH_M = 2 * Math.PI * 6378137;

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => {
	const f = (lat * Math.PI) / 180;
	return (1 - Math.log(Math.tan(f) + 1 / Math.cos(f)) / Math.PI) / 2;
};
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

export interface MapView {
	centre: [number, number];
	zoom: number;
	/** What the picture shows, [west, south, east, north]. */
	extent: Bounds;
}

/** The view that shows `bounds` whole in a `width` × `height` px picture, `pad` px clear at each side. */
export function fitView(bounds: Bounds, width: number, height: number, pad = 24): MapView {
	const [w, s, e, n] = bounds;
	const x0 = mercX(w);
	const x1 = mercX(e);
	const y0 = mercY(n);
	const y1 = mercY(s);
	const scale = Math.min((width - 2 * pad) / ((x1 - x0) * TILE), (height - 2 * pad) / ((y1 - y0) * TILE));
	const zoom = Math.log2(scale);
	const cx = (x0 + x1) / 2;
	const cy = (y0 + y1) / 2;
	const world = TILE * 2 ** zoom;
	const hw = width / 2 / world;
	const hh = height / 2 / world;
	return { centre: [lonOf(cx), latOf(cy)], zoom, extent: [lonOf(cx - hw), latOf(cy + hh), lonOf(cx + hw), latOf(cy - hh)] };
}

/** A scale bar of a round length (1, 2 or 5 × 10ⁿ km) no longer than `maxPx`, for a view's centre. */
export function scaleBar(view: MapView, maxPx = 120): { km: number; px: number; label: string } {
	const metresPerPx = (EARTH_M * Math.cos((view.centre[1] * Math.PI) / 180)) / (TILE * 2 ** view.zoom);
	const maxKm = (metresPerPx * maxPx) / 1000;
	const step = 10 ** Math.floor(Math.log10(maxKm));
	const km = [5, 2, 1].map((k) => k * step).find((k) => k <= maxKm)!;
	return { km, px: (km * 1000) / metresPerPx, label: km >= 1 ? `${formatCount(km)} km` : `${Math.round(km * 1000)} m` };
}

/** The route's segments as the report's table: ranked as the panel ranks them, header first. */
export function segmentTable(exposure: RouteExposure, roles: TollRoles): string[][] {
	return [
		['Rank', 'Segment', 'km along the route', 'Incidents', 'Killed', 'Wounded'],
		...rankSegments(exposure.segments).map((s, i) => [
			String(i + 1),
			String(s.index + 1),
			`${s.fromKm.toFixed(1)}–${s.toKm.toFixed(1)}`,
			formatCount(s.incidents),
			tollText(s, 'killed', roles),
			tollText(s, 'wounded', roles)
		])
	];
}
