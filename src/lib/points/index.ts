/**
 * The incident points layer's data: rows that pass the filters and have a point location (in a
 * district or outside the two provinces; province- and country-level centroids stay off the map,
 * as they stay out of every district count). Written as GeoJSON text in pieces, so that the engine
 * worker can hand a million points to MapLibre as a file (a Blob URL its worker fetches) without
 * the page ever building them as objects.
 */
import { OUTSIDE, type Assignment } from '../aggregate/index.js';

/** Media type of the points file. */
export const POINTS_TYPE = 'application/geo+json';

/** Features per piece of text (one string per piece keeps a million points out of one giant string). */
const PIECE = 10_000;

/** A coordinate to 6 decimals (0.1 m): enough to draw, and no 17-digit tails in the file. */
const drawn = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A GeoJSON FeatureCollection of the points, as pieces of text to concatenate (e.g. `new Blob(pieces)`).
 * Each feature carries its row number (`row`).
 */
export function pointsGeoJson(lon: ArrayLike<number>, lat: ArrayLike<number>, passing: ArrayLike<number>, assignment: Assignment): string[] {
	const pieces = ['{"type":"FeatureCollection","features":['];
	let piece: string[] = [];
	let count = 0;
	for (let i = 0; i < assignment.length; i++) {
		if (!passing[i] || assignment[i]! < OUTSIDE) continue;
		piece.push(
			`${count++ ? ',' : ''}{"type":"Feature","properties":{"row":${i}},"geometry":{"type":"Point","coordinates":[${drawn(lon[i]!)},${drawn(lat[i]!)}]}}`
		);
		if (piece.length === PIECE) {
			pieces.push(piece.join(''));
			piece = [];
		}
	}
	pieces.push(piece.join(''), ']}');
	return pieces;
}
