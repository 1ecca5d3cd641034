/**
 * Hotspot statistics: Getis-Ord Gi* over district contiguity.
 *
 * Contiguity is queen: two districts are neighbours when their boundaries share at least one
 * vertex. The district layer is a topology (shared edges are stored once and decoded to identical
 * coordinates), so shared edges and corners have exactly equal vertices. Weights are binary and
 * Gi* includes the district itself (w_ii = 1), as in Getis & Ord (1992) and ArcGIS "Hot Spot
 * Analysis". Gi* is itself a z-score; p-values are two-sided under the normal approximation.
 */
import { errorFunction } from 'simple-statistics';
import type { MultiPolygon, Polygon } from 'geojson';

/** Queen neighbours of each shape (indices, ascending, without the shape itself). */
export function queenNeighbours(shapes: readonly { geometry: Polygon | MultiPolygon }[]): number[][] {
	const byVertex = new Map<string, Set<number>>();
	shapes.forEach((shape, i) => {
		const rings = shape.geometry.type === 'Polygon' ? shape.geometry.coordinates : shape.geometry.coordinates.flat();
		for (const ring of rings) {
			for (const [x, y] of ring) {
				const key = `${x},${y}`;
				let set = byVertex.get(key);
				if (!set) byVertex.set(key, (set = new Set()));
				set.add(i);
			}
		}
	});
	const neighbours = shapes.map(() => new Set<number>());
	for (const set of byVertex.values()) {
		if (set.size < 2) continue;
		for (const a of set) for (const b of set) if (a !== b) neighbours[a]!.add(b);
	}
	return neighbours.map((s) => [...s].sort((a, b) => a - b));
}

export interface GiStar {
	z: number[];
	/** Two-sided p-value of each z. */
	p: number[];
}

/** Standard normal CDF. */
const normalCdf = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

export function getisOrdGiStar(values: readonly number[], neighbours: readonly (readonly number[])[]): GiStar {
	const n = values.length;
	const mean = values.reduce((a, b) => a + b, 0) / n;
	const s = Math.sqrt(values.reduce((a, b) => a + b * b, 0) / n - mean * mean);
	const z = values.map((_, i) => {
		const members = [i, ...neighbours[i]!]; // binary weights, self included
		const w = members.length; // Σ w_ij = Σ w_ij² for binary weights
		const local = members.reduce((a, j) => a + values[j]!, 0);
		const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
		return denominator > 0 ? (local - mean * w) / denominator : 0;
	});
	return { z, p: z.map((v) => 2 * (1 - normalCdf(Math.abs(v)))) };
}

/** Confidence of a hot (positive) or cold (negative) spot: ±99, ±95, ±90, or 0 when not significant. */
export function hotspotClass(z: number): -99 | -95 | -90 | 0 | 90 | 95 | 99 {
	const a = Math.abs(z);
	const level = a >= 2.576 ? 99 : a >= 1.96 ? 95 : a >= 1.645 ? 90 : 0;
	return (z < 0 ? -level : level) as -99 | -95 | -90 | 0 | 90 | 95 | 99;
}
