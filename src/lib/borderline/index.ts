/**
 * The Afghanistan–Pakistan border as a stretch of Pakistan's own outline.
 *
 * The district layer and the neighbour polygons come from the same OpenStreetMap lineage, but the
 * neighbours are quantized (~0.5 km grid), so their edge only approximately follows Pakistan's.
 * Taking the border's vertices from the district layer itself, and using the neighbour polygon
 * only to say which part of the outline faces Afghanistan, makes the border coincide with the
 * district edges at every zoom. Pure: GeoJSON in and out.
 */
import Flatbush from 'flatbush';
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';

export interface Neighbour {
	/** ISO 3166-1 alpha-2 code, e.g. `AF`. */
	iso: string;
	geometry: Polygon | MultiPolygon;
}

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

/** Distance in km from p to segment ab, on a local equirectangular plane (fine below ~10 km). */
function segmentDistanceKm(p: Position, a: Position, b: Position): number {
	const kx = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((p[1]! * Math.PI) / 180);
	const ax = (a[0]! - p[0]!) * kx,
		ay = (a[1]! - p[1]!) * KM_PER_DEGREE_LAT;
	const bx = (b[0]! - p[0]!) * kx,
		by = (b[1]! - p[1]!) * KM_PER_DEGREE_LAT;
	const dx = bx - ax,
		dy = by - ay;
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
	return Math.hypot(ax + t * dx, ay + t * dy);
}

const rings = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

interface Tags {
	/** The iso of the nearest neighbour edge within the tolerance, or null. */
	nearest: (string | null)[];
	/** Whether the facing neighbour's edge is within the tolerance (true at a tri-point too). */
	near: boolean[];
}

/** Tags each vertex with its nearest neighbour and whether `iso` is within `toleranceKm`. */
function tagVertices(vertices: readonly Position[], neighbours: readonly Neighbour[], iso: string, toleranceKm: number): Tags {
	const segments: { a: Position; b: Position; iso: string }[] = [];
	for (const n of neighbours)
		for (const ring of rings(n.geometry)) for (let i = 1; i < ring.length; i++) segments.push({ a: ring[i - 1]!, b: ring[i]!, iso: n.iso });
	const tags: Tags = { nearest: [], near: [] };
	if (segments.length === 0) return { nearest: vertices.map(() => null), near: vertices.map(() => false) };
	const index = new Flatbush(segments.length);
	for (const { a, b } of segments) index.add(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
	index.finish();
	// Degrees that cover toleranceKm in every direction up to 60° of latitude.
	const pad = toleranceKm / (KM_PER_DEGREE_LON_AT_EQUATOR * 0.5);
	for (const p of vertices) {
		let best: string | null = null;
		let bestKm = toleranceKm;
		let near = false;
		for (const k of index.search(p[0]! - pad, p[1]! - pad, p[0]! + pad, p[1]! + pad)) {
			const s = segments[k]!;
			const d = segmentDistanceKm(p, s.a, s.b);
			if (d <= bestKm) {
				bestKm = d;
				best = s.iso;
			}
			if (s.iso === iso && d <= toleranceKm) near = true;
		}
		tags.nearest.push(best);
		tags.near.push(near);
	}
	return tags;
}

/**
 * Runs of consecutive vertices nearest to `iso`, each grown by one vertex at either end when that
 * vertex is still near `iso` (the tri-point, as near to both neighbours); a closed line's run may
 * wrap past its start.
 */
function runsOf(line: readonly Position[], { nearest, near }: Tags, iso: string): Position[][] {
	const closed = line.length > 3 && line[0]![0] === line[line.length - 1]![0] && line[0]![1] === line[line.length - 1]![1];
	let order = line.map((_, i) => i);
	if (closed) {
		order = order.slice(0, -1);
		const start = order.findIndex((i) => nearest[i] !== iso);
		if (start < 0) return [line.slice()]; // the whole ring faces the neighbour
		order = [...order.slice(start), ...order.slice(0, start)];
	}
	const runs: number[][] = [];
	let run: number[] = [];
	for (const i of order) {
		if (nearest[i] === iso) run.push(i);
		else if (run.length) {
			runs.push(run);
			run = [];
		}
	}
	if (run.length) runs.push(run);
	const at = (k: number) => order[(k + order.length) % order.length]!;
	return runs
		.map((r) => {
			const first = order.indexOf(r[0]!);
			const last = order.indexOf(r[r.length - 1]!);
			const before = closed || first > 0 ? at(first - 1) : -1;
			const after = closed || last < order.length - 1 ? at(last + 1) : -1;
			const grown = [
				...(before >= 0 && near[before] && !r.includes(before) ? [before] : []),
				...r,
				...(after >= 0 && near[after] && !r.includes(after) ? [after] : [])
			];
			return grown.map((i) => line[i]!);
		})
		.filter((r) => r.length >= 2);
}

/**
 * The part of `outline` (the country's exterior, as lines) that faces the neighbour `iso`: the
 * vertices whose nearest neighbour edge, within `toleranceKm`, belongs to `iso`. Returns one
 * line, oriented from north to south; throws when the stretch comes out empty or in pieces
 * (which would mean the two layers no longer meet along the border).
 */
export function facingStretch(outline: readonly Position[][], neighbours: readonly Neighbour[], iso: string, toleranceKm = 3): LineString {
	const runs: Position[][] = [];
	for (const line of outline) runs.push(...runsOf(line, tagVertices(line, neighbours, iso, toleranceKm), iso));
	if (runs.length === 0) throw new Error(`border: no part of the outline lies within ${toleranceKm} km of ${iso}`);
	if (runs.length > 1) {
		const sizes = runs.map((r) => `${r.length} vertices from ${r[0]!.map((c) => c.toFixed(3)).join(',')}`).join('; ');
		throw new Error(`border: the outline facing ${iso} comes in ${runs.length} pieces (${sizes}); expected one line`);
	}
	const line = runs[0]!;
	if (line[0]![1]! < line[line.length - 1]![1]!) line.reverse();
	return { type: 'LineString', coordinates: line };
}
