/**
 * Synthetic points for benchmarks and tests ONLY: uniformly spread over a box, from a seeded
 * generator so runs are reproducible. They are not incidents and are never shown as data.
 */
import { emptyColumns, isoDate, monthNumber, PRECISIONS, type IncidentColumns } from '../columns/index.js';

/** mulberry32: small, fast, seeded PRNG in [0, 1). */
export function seededRandom(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `n` synthetic rows in `box` [w, s, e, n], exact precision, days spread over `dayRange`. */
export function syntheticColumns(n: number, box: [number, number, number, number], dayRange: [number, number], seed = 1): IncidentColumns {
	const rnd = seededRandom(seed);
	const cols = emptyColumns(n);
	cols.precision.fill(PRECISIONS.indexOf('exact'));
	for (let i = 0; i < n; i++) {
		cols.lon[i] = box[0] + rnd() * (box[2] - box[0]);
		cols.lat[i] = box[1] + rnd() * (box[3] - box[1]);
		cols.day[i] = dayRange[0] + Math.floor(rnd() * (dayRange[1] - dayRange[0] + 1));
		cols.month[i] = monthNumber(isoDate(cols.day[i]!));
		cols.killed[i] = rnd() < 0.05 ? NaN : Math.floor(rnd() * 4);
		cols.wounded[i] = rnd() < 0.1 ? NaN : Math.floor(rnd() * 8);
	}
	return cols;
}
