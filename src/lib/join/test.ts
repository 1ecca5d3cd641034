import { describe, expect, it } from 'vitest';
import { bbox, polygon } from '@turf/turf';
import { buildJoinIndex, joinPoints, NO_DISTRICT } from './index.js';
import { naiveJoin } from './naive.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';
import { toColumns } from '../columns/index.js';
import { syntheticColumns } from './synthetic.js';
import { squareRing } from '../districts/test-squares.js';

const { districts } = committedBaseMap();
const index = buildJoinIndex(districts);
// The reference gets each district's bounding box: Turf's booleanPointInPolygon then rejects a
// point outside the (inclusive) box before walking the rings. Same answers, a tenth of the time.
const boxedDistricts = districts.map((d) => ({ ...d, bbox: bbox(d) }));

function expectSameAsNaive(lon: number[], lat: number[]) {
	const x = Float64Array.from(lon);
	const y = Float64Array.from(lat);
	const engine = joinPoints(index, x, y);
	const naive = naiveJoin(boxedDistricts, x, y);
	const mismatches = [...engine.keys()].filter((i) => engine[i] !== naive[i]);
	expect(mismatches.map((i) => [lon[i], lat[i], engine[i], naive[i]]).slice(0, 5)).toEqual([]);
	return engine;
}

describe('indexed join = naive Turf loop', () => {
	it('on the bundled incidents (both datasets)', () => {
		for (const id of ['gtd-2008', 'gtd-2015-bombings']) {
			const cols = toColumns(committedDataset(id).incidents);
			expectSameAsNaive([...cols.lon], [...cols.lat]);
		}
	});
	it('on 50,000 seeded random points over the two provinces (test points, not data)', () => {
		const points = syntheticColumns(50_000, [60.5, 24.5, 74, 37], [0, 0], 42);
		const engine = expectSameAsNaive([...points.lon], [...points.lat]);
		expect(engine.filter((d) => d >= 0).length).toBeGreaterThan(10_000); // the box also covers Afghanistan, Iran, Punjab
	});
	it('on every district vertex and edge midpoint, where shared edges meet', () => {
		const vertices: [number, number][] = [];
		const midpoints: [number, number][] = [];
		for (const d of districts) {
			const rings = d.geometry.type === 'Polygon' ? d.geometry.coordinates : d.geometry.coordinates.flat();
			for (const ring of rings) {
				ring.forEach(([x, y], k) => {
					vertices.push([x!, y!]);
					const next = ring[k + 1];
					if (next) midpoints.push([(x! + next[0]!) / 2, (y! + next[1]!) / 2]);
				});
			}
		}
		expect(vertices.length).toBeGreaterThan(1500);
		const atVertices = expectSameAsNaive(
			vertices.map((p) => p[0]),
			vertices.map((p) => p[1])
		);
		// A vertex lies on its own ring, so it is never outside (a rounded midpoint may be).
		expect(atVertices.every((d) => d >= 0)).toBe(true);
		expectSameAsNaive(
			midpoints.map((p) => p[0]),
			midpoints.map((p) => p[1])
		);
	});
	it('on points far outside, on the extent edges, and NaN', () => {
		expectSameAsNaive([0, 179.9, 60.8, 77.8, 66.97, NaN], [0, -89, 25, 37.1, 30.19, 30]);
		expect(joinPoints(index, Float64Array.of(NaN), Float64Array.of(30))[0]).toBe(NO_DISTRICT);
	});
});

describe('edge rule (test fixture squares, not real districts)', () => {
	const squares = [0, 1].map((x0) => polygon(squareRing(x0, 0)));
	const small = buildJoinIndex(squares, { gridSize: 8 });
	it('gives points on a shared edge or vertex to the first district, boundary counts as inside', () => {
		const lon = Float64Array.of(1, 1, 1, 0.5, 2, 0, 2.0000001, 1.5);
		const lat = Float64Array.of(0.5, 0, 1, 0, 0.5, 0, 0.5, 0.5);
		expect([...joinPoints(small, lon, lat)]).toEqual([0, 0, 0, 0, 1, 0, NO_DISTRICT, 1]);
		expect([...joinPoints(small, lon, lat)]).toEqual([...naiveJoin(squares, lon, lat)]);
	});
});
