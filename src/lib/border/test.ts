import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { borderBands, countInBands } from './index.js';
import { distanceToLine } from '../risk/index.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';

describe('border bands on the real data', () => {
	const { border, provinces } = committedBaseMap();
	const bands = borderBands(border, provinces);
	const { incidents } = committedDataset('gtd-2008');
	const counts = countInBands(bands, incidents, new Uint8Array(incidents.length).fill(1));

	it('draws three bands on the Pakistani side', () => {
		expect(bands.map((b) => [b.properties.fromKm, b.properties.toKm])).toEqual([[0, 10], [10, 25], [25, 50]]);
		expect(booleanPointInPolygon([69.9, 34.5], bands[0]!)).toBe(false); // Afghanistan, 10 km from the line
	});
	it('counts incidents per band as an independent distance check does', () => {
		const inPakistan = (p: [number, number]) => provinces.some((pr) => booleanPointInPolygon(p, pr));
		const byDistance = [0, 0, 0];
		for (const inc of incidents) {
			if (inc.lon === null || !['exact', 'near', 'district'].includes(inc.placePrecision)) continue;
			const p: [number, number] = [inc.lon, inc.lat!];
			if (!inPakistan(p)) continue;
			const km = distanceToLine(p, border);
			if (km <= 10) byDistance[0]!++;
			else if (km <= 25) byDistance[1]!++;
			else if (km <= 50) byDistance[2]!++;
		}
		// Buffers are polygons approximating the exact distance: allow one incident either way.
		counts.bands.forEach((b, k) => expect(Math.abs(b.incidents - byDistance[k]!), `band ${k}`).toBeLessThanOrEqual(1));
		expect(counts.total).toBe(567);
		expect(counts.bands.reduce((a, b) => a + b.incidents, 0)).toBeGreaterThan(20);
		expect(counts.bands[0]!.share).toBeCloseTo(counts.bands[0]!.incidents / 567, 10);
	});
});
