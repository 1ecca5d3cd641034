/**
 * Border bands: strips along the Afghanistan–Pakistan border on the Pakistani side (0–10, 10–25,
 * 25–50 km). Incidents are put in a band by their geodesic distance to the border line — the same
 * measure as the site check (turf.pointToLineDistance) — so a band limit is exact. The band
 * polygons (turf.buffer of the line, cut to Pakistan) are only for drawing; they are made by the
 * geodata build from simplified lines (geodata/border-bands.json).
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon, buffer, difference, distance, featureCollection, intersect, pointToLineDistance, union } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { countsInDistrict, type PlacedIncident } from '../incident/index.js';

export const BAND_LIMITS_KM = [10, 25, 50] as const;

export type Band = Feature<Polygon | MultiPolygon, { fromKm: number; toKm: number }>;

/** Band polygons for drawing: buffers of the line, cut to the country (its parts dissolved) and to each other. */
export function bandPolygons(
	border: Feature<LineString | MultiLineString>,
	parts: readonly Feature<Polygon | MultiPolygon>[],
	limitsKm: readonly number[] = BAND_LIMITS_KM
): Band[] {
	const country = parts.length === 1 ? parts[0]! : union(featureCollection([...parts]));
	if (!country) throw new Error('bandPolygons: no country polygon');
	const bands: Band[] = [];
	let inner: Feature<Polygon | MultiPolygon> | null = null;
	let fromKm = 0;
	for (const toKm of limitsKm) {
		const zone = intersect(featureCollection([buffer(border, toKm, { units: 'kilometers' }) as Feature<Polygon | MultiPolygon>, country]));
		if (!zone) continue;
		const ring = inner ? difference(featureCollection([zone, inner])) : zone;
		if (ring) bands.push({ ...ring, properties: { fromKm, toKm } });
		inner = zone;
		fromKm = toKm;
	}
	return bands;
}

/** The border's segments in an R-tree, for distances to many points. */
export interface BorderIndex {
	segments: [Position, Position][];
	/** Each segment's length (km, great circle). */
	lengthKm: Float64Array;
	tree: Flatbush;
}

export function borderIndex(border: Feature<LineString | MultiLineString>): BorderIndex {
	const lines = border.geometry.type === 'LineString' ? [border.geometry.coordinates] : border.geometry.coordinates;
	const segments: [Position, Position][] = lines.flatMap((l) => l.slice(1).map((b, i): [Position, Position] => [l[i]!, b]));
	const tree = new Flatbush(Math.max(1, segments.length));
	for (const [a, b] of segments) tree.add(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
	if (segments.length === 0) tree.add(0, 0, 0, 0);
	tree.finish();
	const lengthKm = Float64Array.from(segments, ([a, b]) => distance(a, b, { units: 'kilometers' }));
	return { segments, lengthKm, tree };
}

/**
 * Geodesic distance (km) from a point to the border, when it is at most `maxKm`; Infinity beyond.
 * Only segments whose box lies within `maxKm` of the point are measured (turf.pointToLineDistance).
 */
export function distanceToBorderKm(index: BorderIndex, lon: number, lat: number, maxKm: number): number {
	const dLat = maxKm / 110.5 + 0.01;
	const dLon = maxKm / (111.32 * Math.max(0.1, Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180))) + 0.01;
	const best = nearestOf(index, index.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat), lon, lat);
	return best <= maxKm ? best : Infinity;
}

/**
 * Geodesic distance (km) from a point to the border, however far: the index is searched in
 * widening boxes (a segment nearer than a box's reach is always in it), then every segment. The
 * whole line measured for each of 20,000 saved sites took 57 ms a site (19 minutes).
 */
export function nearestBorderKm(index: BorderIndex, lon: number, lat: number): number {
	for (const maxKm of [25, 100, 400, 1600]) {
		const km = distanceToBorderKm(index, lon, lat, maxKm);
		if (km <= maxKm) return km;
	}
	return nearestOf(
		index,
		index.segments.map((_, k) => k),
		lon,
		lat
	);
}

/**
 * The distance to the nearest of some segments. A segment is measured (turf.pointToLineDistance,
 * costly) only if it can beat the best so far: no point of a segment of length L is nearer than
 * (d(p, a) + d(p, b) − L) / 2, and its nearer end is at most min(d(p, a), d(p, b)) away.
 */
function nearestOf(index: BorderIndex, candidates: readonly number[], lon: number, lat: number): number {
	const p = [lon, lat];
	const toA = candidates.map((k) => distance(p, index.segments[k]![0], { units: 'kilometers' }));
	const toB = candidates.map((k) => distance(p, index.segments[k]![1], { units: 'kilometers' }));
	let bound = Infinity;
	for (let c = 0; c < candidates.length; c++) bound = Math.min(bound, toA[c]!, toB[c]!);
	// Lower bounds, with a metre of slack for the two methods' rounding.
	const lower = candidates.map((k, c) => Math.max(0, (toA[c]! + toB[c]! - index.lengthKm[k]!) / 2 - 0.001));
	const order = candidates.map((_, c) => c).filter((c) => lower[c]! <= bound);
	order.sort((x, y) => lower[x]! - lower[y]!);
	let best = Infinity;
	for (const c of order) {
		if (lower[c]! > best) break;
		const [a, b] = index.segments[candidates[c]!]!;
		best = Math.min(best, pointToLineDistance(p, { type: 'LineString', coordinates: [a, b] }, { units: 'kilometers' }));
	}
	return best;
}

/** Which band a distance falls in (limits inclusive: 10.0 km is in 0–10), or -1 beyond the last. */
export function bandOf(km: number, limitsKm: readonly number[] = BAND_LIMITS_KM): number {
	return limitsKm.findIndex((limit) => km <= limit);
}

export interface BandCount {
	fromKm: number;
	toKm: number;
	incidents: number;
	/** Share of all incidents of the current filters (0–1). */
	share: number;
}

/**
 * Incidents of the current filters in each band: located at district level or better, inside
 * Pakistan (one of `country`'s parts: its provinces and territories), and within each band's
 * distance of the border line.
 */
export function countInBands(
	index: BorderIndex,
	country: readonly Feature<Polygon | MultiPolygon>[],
	incidents: readonly PlacedIncident[],
	include: ArrayLike<number>,
	limitsKm: readonly number[] = BAND_LIMITS_KM
): { bands: BandCount[]; total: number } {
	const counts = limitsKm.map(() => 0);
	const maxKm = limitsKm[limitsKm.length - 1]!;
	let total = 0;
	incidents.forEach((inc, i) => {
		if (!include[i]) return;
		total++;
		if (inc.lon === null || inc.lat === null || !countsInDistrict(inc.placePrecision)) return;
		const band = bandOf(distanceToBorderKm(index, inc.lon, inc.lat, maxKm), limitsKm);
		if (band >= 0 && country.some((part) => booleanPointInPolygon([inc.lon!, inc.lat!], part))) counts[band]!++;
	});
	return {
		bands: limitsKm.map((toKm, k) => ({ fromKm: k ? limitsKm[k - 1]! : 0, toKm, incidents: counts[k]!, share: total ? counts[k]! / total : 0 })),
		total
	};
}
