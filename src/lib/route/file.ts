/**
 * A route from a file (GPX, KML or GeoJSON, already read as GeoJSON) and a route for a link. A
 * route file's first line is the route; a point that is not two numbers, or is off the globe,
 * makes the file refused with the point named (a route with one bad point would be a different
 * route, and a 29,000 km one is no route). A route too long for a link is simplified for the link
 * only, and says by how much: a 5,000-point GPX track put 98 KB in the URL, and the server
 * refused the reload (HTTP 431).
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export class RouteFileError extends Error {}

/** The first LineString (or MultiLineString, its parts joined) of a GeoJSON object, or null. */
function firstLine(g: FeatureCollection | Feature | Geometry | null | undefined): Position[] | null {
	if (!g) return null;
	if (g.type === 'FeatureCollection') {
		for (const f of Array.isArray(g.features) ? g.features : []) {
			const line = firstLine(f);
			if (line) return line;
		}
		return null;
	}
	if (g.type === 'Feature') return firstLine(g.geometry);
	if (g.type === 'LineString' && Array.isArray(g.coordinates)) return g.coordinates;
	if (g.type === 'MultiLineString' && Array.isArray(g.coordinates)) return g.coordinates.flat();
	return null;
}

/** The route a file holds, as [lon, lat] points; throws RouteFileError saying what is wrong. */
export function routeFromGeoJson(g: FeatureCollection | Feature | Geometry | null): [number, number][] {
	const line = firstLine(g);
	if (!line || line.length < 2)
		throw new RouteFileError('it holds no line with at least two points (a GPX track or route, a KML LineString, or a GeoJSON LineString)');
	return line.map((p, i) => {
		const [lon, lat] = Array.isArray(p) ? p : [];
		// Number.isFinite is false for anything but a finite number (a string, null, undefined too).
		if (!Number.isFinite(lon) || !Number.isFinite(lat))
			throw new RouteFileError(`point ${i + 1} of the line is not two numbers (${String(JSON.stringify(p)).slice(0, 40)})`);
		if (Math.abs(lat!) > 90 || Math.abs(lon!) > 180)
			throw new RouteFileError(`point ${i + 1} of the line is off the globe (longitude ${lon}, latitude ${lat})`);
		return [lon!, lat!];
	});
}

/** Points a link may carry: at about 20 characters a point, some 4 KB of URL, far below servers' header limits (8–16 KB). */
export const LINK_MAX_POINTS = 200;

/**
 * Douglas–Peucker, iterative: the points to keep so that no dropped point is more than
 * `toleranceM` from the kept line. Not Turf's simplify, which recurses once per kept point: a
 * noisy 5,000-point GPS track (every point significant at 10 m) overflowed the call stack.
 * Distances are in metres on a local equirectangular projection (accurate to well under 1 % over
 * a route's extent in Pakistan).
 */
export function douglasPeucker(route: readonly [number, number][], toleranceM: number): [number, number][] {
	const n = route.length;
	const lat0 = (route.reduce((s, p) => s + p[1], 0) / n) * (Math.PI / 180);
	const mx = 111_320 * Math.cos(lat0);
	const my = 110_574;
	const xy = route.map(([lon, lat]) => [lon * mx, lat * my] as const);
	const keep = new Uint8Array(n);
	keep[0] = keep[n - 1] = 1;
	const stack: [number, number][] = [[0, n - 1]];
	while (stack.length) {
		const [a, b] = stack.pop()!;
		const [ax, ay] = xy[a]!;
		const [bx, by] = xy[b]!;
		const dx = bx - ax;
		const dy = by - ay;
		const len2 = dx * dx + dy * dy;
		let worst = -1;
		let at = -1;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = xy[i]!;
			// Distance to the segment a–b (to an end where the foot falls outside it).
			const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
			const d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
			if (d > worst) [worst, at] = [d, i];
		}
		if (worst > toleranceM) {
			keep[at] = 1;
			stack.push([a, at], [at, b]);
		}
	}
	return route.filter((_, i) => keep[i] === 1);
}

/**
 * The route as a link carries it: itself when short enough, else simplified at the smallest
 * tolerance, doubling from 10 m, that fits; `toleranceM` says by how much (null: carried whole).
 */
export function routeForLink(route: [number, number][], maxPoints = LINK_MAX_POINTS): { route: [number, number][]; toleranceM: number | null } {
	if (route.length <= maxPoints) return { route, toleranceM: null };
	for (let toleranceM = 10; ; toleranceM *= 2) {
		const simplified = douglasPeucker(route, toleranceM);
		if (simplified.length <= maxPoints) return { route: simplified, toleranceM };
	}
}
