/**
 * Route corridor check: the incidents within a chosen distance of a route (geodesic distance to
 * the route line, the measure the site check and border bands use), and the route cut into
 * segments ranked by the incidents nearest to each. The corridor polygon (turf.buffer) is only
 * drawn: a buffer approximates the distance, so it never decides a count.
 */
import { bbox, buffer, length, lineChunk, lineString, pointToLineDistance } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { countsInDistrict, type PlacedIncident } from '../incident/index.js';

export interface Segment {
	/** 0-based position along the route. */
	index: number;
	fromKm: number;
	toKm: number;
	line: Feature<LineString>;
	incidents: number;
	killed: number;
	wounded: number;
}

export interface RouteExposure {
	lengthKm: number;
	corridor: Feature<Polygon | MultiPolygon>;
	/** Incidents inside the corridor (indices into the incidents array). */
	inCorridor: number[];
	/** Segments in route order; rank them with rankSegments. */
	segments: Segment[];
}

export function routeExposure(
	route: [number, number][],
	incidents: readonly PlacedIncident[],
	include: ArrayLike<number>,
	{ halfWidthKm, segmentKm }: { halfWidthKm: number; segmentKm: number }
): RouteExposure {
	if (route.length < 2) throw new Error('A route needs at least two points.');
	const line = lineString(route);
	const corridor = buffer(line, halfWidthKm, { units: 'kilometers' }) as Feature<Polygon | MultiPolygon>;
	const [w, s, e, n] = bbox(corridor);
	const margin = 0.05; // degrees, ≈ 5 km: far more than the buffer's approximation error
	const chunks = lineChunk(line, segmentKm, { units: 'kilometers' }).features;
	let from = 0;
	const segments: Segment[] = chunks.map((chunk, index) => {
		const km = length(chunk, { units: 'kilometers' });
		const seg = { index, fromKm: from, toKm: from + km, line: chunk, incidents: 0, killed: 0, wounded: 0 };
		from += km;
		return seg;
	});
	const inCorridor: number[] = [];
	incidents.forEach((inc, i) => {
		if (!include[i] || inc.lon === null || inc.lat === null || !countsInDistrict(inc.placePrecision)) return;
		// The buffer's box, widened by a margin, only skips points that are surely far.
		if (inc.lon < w - margin || inc.lon > e + margin || inc.lat < s - margin || inc.lat > n + margin) return;
		const p: [number, number] = [inc.lon, inc.lat];
		// Each incident counts once, for the segment nearest to it.
		let best = segments[0]!;
		let bestKm = Infinity;
		for (const seg of segments) {
			const km = pointToLineDistance(p, seg.line, { units: 'kilometers' });
			if (km < bestKm) {
				bestKm = km;
				best = seg;
			}
		}
		if (bestKm > halfWidthKm) return;
		inCorridor.push(i);
		best.incidents++;
		best.killed += inc.killed ?? 0;
		best.wounded += inc.wounded ?? 0;
	});
	return { lengthKm: from, corridor, inCorridor, segments };
}

/** Segments by incidents, then killed, then route order. */
export function rankSegments(segments: readonly Segment[]): Segment[] {
	return [...segments].sort((a, b) => b.incidents - a.incidents || b.killed - a.killed || a.index - b.index);
}
