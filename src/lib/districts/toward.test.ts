import { describe, expect, it } from 'vitest';
import { arrowDirection, districtToward, nearestTo } from './toward.js';

// A plus sign of districts around 0: east, west, north, south, and a nearer one to the north-east.
const points: [number, number][] = [
	[70, 30], // 0 centre
	[72, 30], // 1 east
	[68, 30], // 2 west
	[70, 32], // 3 north
	[70, 28], // 4 south
	[70.9, 30.9] // 5 north-east, nearer than east but 45° off it
];

describe('districtToward', () => {
	it('moves to the district in the pressed direction', () => {
		expect(districtToward(points, 0, 'left')).toBe(2);
		expect(districtToward(points, 0, 'down')).toBe(4);
		expect(districtToward(points, 2, 'right')).toBe(0);
	});
	it('prefers straight ahead to nearer but off to the side', () => {
		expect(districtToward(points, 0, 'right')).toBe(1);
		expect(districtToward(points, 0, 'up')).toBe(3);
	});
	it('takes a district off the axis when nothing lies straight ahead, but not beyond 60°', () => {
		expect(districtToward(points, 4, 'right')).toBe(1); // 45° up and to the east
		expect(
			districtToward(
				[
					[70, 30],
					[70.5, 32]
				],
				0,
				'right'
			)
		).toBeNull(); // 76° off east
	});
	it('is null at the edge', () => {
		expect(districtToward(points, 1, 'right')).toBeNull();
		expect(districtToward(points, 3, 'up')).toBeNull();
	});
	it('measures east–west in the map’s proportions (longitude shrunk by the latitude’s cosine)', () => {
		// From 60° N a degree of longitude is half a degree of latitude: 1.5° east is nearer than 1° north-ish.
		const north: [number, number][] = [
			[0, 60],
			[1.5, 60.9],
			[0.3, 61]
		];
		expect(districtToward(north, 0, 'right')).toBe(1);
	});
});

describe('nearestTo and arrowDirection', () => {
	it('finds the district nearest the map’s centre', () => {
		expect(nearestTo(points, [71.8, 30.2])).toBe(1);
	});
	it('reads the four arrows only', () => {
		expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter', 'constructor'].map(arrowDirection)).toEqual([
			'left',
			'right',
			'up',
			'down',
			null,
			null
		]);
	});
});
