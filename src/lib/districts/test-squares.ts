/**
 * Shared by the core's tests (not a test file): axis-aligned squares, as rings and as districts.
 * They are test fixtures on made-up coordinates, never real places.
 */
import { polygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { District, DistrictProps } from './index.js';

/** The closed ring of the square with its south-west corner at (x, y), as polygon coordinates. */
export const squareRing = (x: number, y: number, size = 1): Position[][] => [
	[
		[x, y],
		[x + size, y],
		[x + size, y + size],
		[x, y + size],
		[x, y]
	]
];

/** A one-degree square district at (x, y), its area given as 1 km² (only the shape is tested). */
export const squareDistrict = (slug: string, x: number, y = 0, props: Partial<DistrictProps> = {}): District =>
	polygon(squareRing(x, y), {
		slug,
		name: slug,
		province: 'Balochistan',
		division: 'Test',
		areaKm2: 1,
		areaSource: 'measured on the OSM geometry',
		measuredAreaKm2: 1,
		population: null,
		osmRelations: [],
		...props
	});
