import { describe, expect, it } from 'vitest';
import { fitFrame, linePath, polygonPath } from './index.js';
import { committedBaseMap } from '../../../tests/unit/sources.js';
import { bbox } from '@turf/turf';

describe('fitFrame', () => {
	it('maps the bbox corners to the padded box (Web Mercator: north up, taller than equirectangular)', () => {
		const f = fitFrame([60, 24, 78, 38], 400, 10);
		expect(f.project([60, 38])).toEqual([10, 10]);
		const [x, y] = f.project([78, 24]);
		expect(x).toBeCloseTo(390, 9);
		expect(Math.abs(y - (f.height - 10))).toBeLessThan(1); // the height is rounded up to a whole pixel
		expect(f.height).toBeGreaterThan(380 * (14 / 18)); // Mercator stretches north–south
	});
});

describe('paths', () => {
	const { districts, border } = committedBaseMap();
	const frame = fitFrame(bbox({ type: 'FeatureCollection', features: districts }) as [number, number, number, number], 320);
	it('draws every district as a closed path and thins the vertices to a page-sized SVG', () => {
		const paths = districts.map((d) => polygonPath(d.geometry, frame));
		expect(paths.every((p) => p.startsWith('M') && p.endsWith('Z'))).toBe(true);
		const bytes = paths.reduce((a, p) => a + p.length, 0);
		expect(bytes).toBeLessThan(120_000);
		expect(bytes).toBeGreaterThan(10_000);
	});
	it('draws the border as an open line', () => {
		const d = linePath(border.geometry, frame);
		expect(d.startsWith('M')).toBe(true);
		expect(d.endsWith('Z')).toBe(false);
	});
});
