/**
 * Border bands: strips along the Afghanistan–Pakistan border on the Pakistani side (0–10, 10–25,
 * 25–50 km), as polygons (turf.buffer of the border, cut to Pakistan and to each other), and the
 * incidents of the current filters in each.
 */
import { bbox, booleanPointInPolygon, buffer, difference, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { countsInDistrict, type Incident } from '../incident/index.js';

export const BAND_LIMITS_KM = [10, 25, 50] as const;

export type Band = Feature<Polygon | MultiPolygon, { fromKm: number; toKm: number }>;

export function borderBands(border: Feature<MultiLineString>, pakistan: readonly Feature<Polygon | MultiPolygon>[], limitsKm: readonly number[] = BAND_LIMITS_KM): Band[] {
	const country = pakistan.length === 1 ? pakistan[0]! : union(featureCollection([...pakistan]));
	if (!country) throw new Error('borderBands: no Pakistan polygon');
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

export interface BandCount {
	fromKm: number;
	toKm: number;
	incidents: number;
	/** Share of all incidents of the current filters (0–1). */
	share: number;
}

/** Incidents of the current filters in each band (located at district level or better). */
export function countInBands(bands: readonly Band[], incidents: readonly Incident[], include: ArrayLike<number>): { bands: BandCount[]; total: number } {
	const boxes = bands.map((b) => bbox(b));
	const counts = bands.map(() => 0);
	let total = 0;
	incidents.forEach((inc, i) => {
		if (!include[i]) return;
		total++;
		if (inc.lon === null || inc.lat === null || !countsInDistrict(inc.placePrecision)) return;
		for (let k = 0; k < bands.length; k++) {
			const [w, s, e, n] = boxes[k]!;
			if (inc.lon < w || inc.lon > e || inc.lat < s || inc.lat > n) continue;
			if (booleanPointInPolygon([inc.lon, inc.lat], bands[k]!)) {
				counts[k]!++;
				break;
			}
		}
	});
	return { bands: bands.map((b, k) => ({ ...b.properties, incidents: counts[k]!, share: total ? counts[k]! / total : 0 })), total };
}
