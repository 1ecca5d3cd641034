/**
 * Route corridor check: the incidents within a chosen distance of a route (geodesic distance to
 * the route line, the measure the site check and border bands use), and the route cut into
 * segments ranked by the incidents nearest to each. The corridor polygon (turf.buffer) is only
 * drawn: a buffer approximates the distance, so it never decides a count.
 */
import { bbox, buffer, length, lineChunk, lineString, pointToLineDistance } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { countsInDistrict, type PlacedIncident } from '../incident/index.js';
import { addToTally, dataWords, emptyTally, tollsClause, type DataTerms, type Tally } from '../tally/index.js';
import { formatCount, formatPlural as plural } from '../format/index.js';
import { sumTotals } from '../aggregate/index.js';

/** A stretch of the route and the incidents nearest to it (tolls not given are counted apart). */
export interface Segment extends Tally {
	/** 0-based position along the route. */
	index: number;
	fromKm: number;
	toKm: number;
	line: Feature<LineString>;
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
		const seg: Segment = { index, fromKm: from, toKm: from + km, line: chunk, ...emptyTally() };
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
		addToTally(best, inc);
	});
	return { lengthKm: from, corridor, inCorridor, segments };
}

/** Segments by incidents, then killed, then route order. */
export function rankSegments(segments: readonly Segment[]): Segment[] {
	return [...segments].sort((a, b) => b.incidents - a.incidents || b.killed - a.killed || a.index - b.index);
}

/** The whole corridor's tally: the segments' sum (each incident counts once, in one segment). */
export function corridorTally(segments: readonly Segment[]): Tally {
	return { ...sumTotals(segments), districtLevel: segments.reduce((n, s) => n + s.districtLevel, 0) };
}

export interface RouteSummaryInput extends DataTerms {
	exposure: RouteExposure;
	waypoints: number;
	halfWidthKm: number;
}

/** The route check in one paragraph of plain statements, each a figure from it (the report prints it). */
export function routeSummary({ exposure, waypoints, halfWidthKm, ...terms }: RouteSummaryInput): string {
	const data = dataWords(terms);
	const route = `a route of ${exposure.lengthKm.toFixed(1)} km (${plural(waypoints, 'point')}), ${halfWidthKm} km either side`;
	const t = corridorTally(exposure.segments);
	const parts: string[] = [];
	if (t.incidents === 0) parts.push(`The loaded data (${data}) record no incident within ${route}.`);
	else {
		parts.push(`Within ${route}, the loaded data (${data}) record ${plural(t.incidents, 'incident')}, ${tollsClause(t, terms.roles)}.`);
		if (t.districtLevel) parts.push(`${plural(t.districtLevel, 'of them is', 'of them are')} located only at district level.`);
		const top = rankSegments(exposure.segments)[0]!;
		const empty = exposure.segments.filter((s) => s.incidents === 0).length;
		const none = empty ? `; ${formatCount(empty)} record none` : '';
		parts.push(
			`The most exposed of its ${plural(exposure.segments.length, 'segment')} is km ${top.fromKm.toFixed(0)}–${top.toKm.toFixed(0)}, with ${plural(top.incidents, 'incident')}${none}.`
		);
	}
	return parts.join(' ');
}
