/**
 * The reference join: Turf's `booleanPointInPolygon` for every point against every district,
 * first match in district order. Slow (points × districts); the engine must agree with it exactly.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { NO_DISTRICT } from './index.js';

export function naiveJoin(districts: readonly Feature<Polygon | MultiPolygon>[], lon: Float64Array, lat: Float64Array, from = 0, to = lon.length): Int32Array {
	const out = new Int32Array(to - from).fill(NO_DISTRICT);
	for (let i = from; i < to; i++) {
		const pt = [lon[i]!, lat[i]!];
		if (Number.isNaN(pt[0]) || Number.isNaN(pt[1])) continue;
		for (let d = 0; d < districts.length; d++) {
			if (booleanPointInPolygon(pt, districts[d]!)) {
				out[i - from] = d;
				break;
			}
		}
	}
	return out;
}
