import { describe, expect, it } from 'vitest';
import { bbox, distance, length, lineString, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { facingStretch, type Neighbour } from './index.js';
import { committedBaseMap } from '../../../tests/unit/sources.js';

// Fixture: a country that is the square (0,0)–(1,1), with neighbour A to the west and north and
// neighbour B to the east, both drawn slightly off the country's edge (as a quantized layer is).
const outline: Position[][] = [
	[
		[0, 0],
		[0, 0.5],
		[0, 1],
		[0.5, 1],
		[1, 1],
		[1, 0.5],
		[1, 0],
		[0.5, 0],
		[0, 0]
	]
];
const west: Neighbour = {
	iso: 'A',
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[-1, -0.001],
				[-0.001, -0.001],
				[-0.001, 1.001],
				[1.001, 1.001],
				[1.001, 2],
				[-1, 2],
				[-1, -0.001]
			]
		]
	}
};
const east: Neighbour = {
	iso: 'B',
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[1.001, 1.001],
				[2, 1.001],
				[2, -1],
				[1.001, -1],
				[1.001, 1.001]
			]
		]
	}
};

describe('facingStretch (fixture)', () => {
	it('takes the outline’s own vertices facing the neighbour, north first, through the tri-point', () => {
		const line = facingStretch(outline, [west, east], 'A', 1);
		// The ring's start lies inside the run: it is joined across the start, and includes the
		// tri-point corner (1,1) that is as near to B as to A.
		expect(line.coordinates).toEqual([
			[1, 1],
			[0.5, 1],
			[0, 1],
			[0, 0.5],
			[0, 0]
		]);
	});
	it('says so when no part of the outline faces the neighbour', () => {
		expect(() => facingStretch(outline, [east], 'A', 1)).toThrow('border: no part of the outline lies within 1 km of A');
	});
	it('refuses a border in pieces', () => {
		// A faces the outline along the north edge's west half and the south edge's east half only.
		const north: Neighbour = {
			iso: 'A',
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[-0.2, 1.001],
						[0.6, 1.001],
						[0.6, 2],
						[-0.2, 2],
						[-0.2, 1.001]
					]
				]
			}
		};
		const south: Neighbour = {
			iso: 'A',
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[0.4, -0.001],
						[1.2, -0.001],
						[1.2, -2],
						[0.4, -2],
						[0.4, -0.001]
					]
				]
			}
		};
		expect(() => facingStretch(outline, [north, south], 'A', 1)).toThrow(/comes in 2 pieces/);
	});
});

describe('the Afghanistan–Pakistan border in the committed geodata', () => {
	const { border, districts } = committedBaseMap();
	const lines = border.geometry.coordinates;
	const line = lineString(lines[0]!);

	it('is one line from the China tri-point in the Wakhan to the Iran tri-point at Koh-i-Malik Siah', () => {
		expect(lines).toHaveLength(1);
		const [north, south] = [lines[0]![0]!, lines[0]!.at(-1)!];
		// China–Afghanistan–Pakistan tri-point ≈ 37.03° N, 74.57° E; Koh-i-Malik Siah ≈ 29.86° N, 60.87° E.
		expect(distance(north, [74.567, 37.03])).toBeLessThan(5);
		expect(distance(south, [60.873, 29.857])).toBeLessThan(5);
	});
	it('is about 2,600 km long (geodesic)', () => {
		// Measured on the OSM line: ~2,719 km (it follows the ridgelines more closely than the
		// nominal 2,640 km of the Durand Line).
		expect(length(line, { units: 'kilometers' })).toBeGreaterThan(2500);
		expect(length(line, { units: 'kilometers' })).toBeLessThan(2800);
	});
	it('has every vertex on a district boundary (within 100 m), KP/Balochistan for all but the Wakhan stretch', () => {
		// Shared arcs decode to identical coordinates, so most vertices are district vertices exactly;
		// any other vertex is measured against the district edges (turf.pointToLineDistance).
		const vertexKeys = new Set(
			districts.flatMap((d) => (d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates).flat(2).map(([x, y]) => `${x},${y}`))
		);
		const edges = districts.flatMap((d) => {
			const l = polygonToLine(d) as Feature<LineString | MultiLineString> | { features: Feature<LineString | MultiLineString>[] };
			return ('features' in l ? l.features : [l])
				.flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates))
				.map((c) => ({ line: lineString(c), box: bbox(lineString(c)) }));
		});
		const PAD = 0.01; // degrees, > 100 m
		const kmToDistricts = ([x, y]: Position) =>
			Math.min(
				Infinity,
				...edges
					.filter(({ box: [w, s, e, n] }) => x! >= w - PAD && x! <= e + PAD && y! >= s - PAD && y! <= n + PAD)
					.map(({ line }) => pointToLineDistance([x!, y!], line, { units: 'kilometers' }))
			);
		const off: Position[] = [];
		for (const v of lines[0]!) {
			if (vertexKeys.has(`${v[0]},${v[1]}`)) continue;
			if (kmToDistricts(v) > 0.1) off.push(v);
		}
		// The stretch along Gilgit-Baltistan (north of Upper Chitral, east of ~73.2° E) is the only
		// part of the border not on a KP/Balochistan district.
		for (const v of off) expect(v[0]! > 73.2 && v[1]! > 36.4, `vertex ${v} is over 100 m from every KP/Balochistan district`).toBe(true);
		expect(off.length).toBeLessThan(lines[0]!.length * 0.1);
		expect(off.length).toBeGreaterThan(0); // the Wakhan stretch exists: the check can fail
	});
});
