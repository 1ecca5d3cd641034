import { describe, expect, it } from 'vitest';
import { pointsGeoJson } from './index.js';
import { COARSE_LOCATION, OUTSIDE, UNLOCATED } from '../aggregate/index.js';

describe('incident points layer data', () => {
	it('holds the passing rows with a point location, each with its row number, to 6 decimals', () => {
		// Fixture rows: in a district, outside, a province centroid, no coordinates, filtered out.
		const lon = [71.5, 66.9700004, 69.3, NaN, 71.6];
		const lat = [34.01, 30.19, 28.5, NaN, 34.1];
		const assignment = Int32Array.of(3, OUTSIDE, COARSE_LOCATION, UNLOCATED, 3);
		const passing = Uint8Array.of(1, 1, 1, 1, 0);
		const fc = JSON.parse(pointsGeoJson(lon, lat, passing, assignment).join(''));
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features).toEqual([
			{ type: 'Feature', properties: { row: 0 }, geometry: { type: 'Point', coordinates: [71.5, 34.01] } },
			{ type: 'Feature', properties: { row: 1 }, geometry: { type: 'Point', coordinates: [66.97, 30.19] } }
		]);
		expect(JSON.parse(pointsGeoJson([], [], [], new Int32Array(0)).join(''))).toEqual({ type: 'FeatureCollection', features: [] });
	});
	it('writes many points in pieces that join into one valid document', () => {
		const n = 25_003;
		const lon = Float64Array.from({ length: n }, (_, i) => 60 + i / 1000);
		const lat = Float64Array.from({ length: n }, (_, i) => 30 - i / 1000);
		const pieces = pointsGeoJson(lon, lat, new Uint8Array(n).fill(1), new Int32Array(n));
		expect(pieces.length).toBeGreaterThan(3);
		const fc = JSON.parse(pieces.join(''));
		expect(fc.features).toHaveLength(n);
		expect(fc.features[n - 1]).toEqual({ type: 'Feature', properties: { row: n - 1 }, geometry: { type: 'Point', coordinates: [85.002, 4.998] } });
	});
});
