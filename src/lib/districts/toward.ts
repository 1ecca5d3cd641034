/**
 * Keyboard movement over the map (arrow keys on the focused map): the district whose label point
 * lies furthest in nothing but the pressed direction, nearest first. Pure: label points in, an index out.
 */
export type Direction = 'left' | 'right' | 'up' | 'down';

const UNIT: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, 1], down: [0, -1] };

/**
 * The district to move to from `from` (an index into `points`, lon/lat) in `direction`: among the
 * label points within 60° of the direction, the one with the least distance, each degree off-axis
 * counted as a longer way (so a district straight east wins over a nearer one to the north-east).
 * Distances are in degrees with longitude shrunk by cos(latitude), the map's own proportions at
 * these latitudes. null when nothing lies that way (the edge of the provinces).
 */
export function districtToward(points: readonly (readonly [number, number])[], from: number, direction: Direction): number | null {
	const [x0, y0] = points[from]!;
	const shrink = Math.cos((y0 * Math.PI) / 180);
	const [ux, uy] = UNIT[direction];
	let best: number | null = null;
	let bestCost = Infinity;
	points.forEach(([x, y], i) => {
		if (i === from) return;
		const dx = (x - x0) * shrink;
		const dy = y - y0;
		const distance = Math.hypot(dx, dy);
		const along = dx * ux + dy * uy;
		if (distance === 0 || along <= 0) return;
		const off = Math.acos(Math.min(1, along / distance)); // radians off the axis
		if (off > Math.PI / 3) return;
		const cost = distance * (1 + 2 * off);
		if (cost < bestCost) [best, bestCost] = [i, cost];
	});
	return best;
}

/** The district nearest a point (the map's centre, where a first arrow press starts). */
export function nearestTo(points: readonly (readonly [number, number])[], at: readonly [number, number]): number {
	const shrink = Math.cos((at[1] * Math.PI) / 180);
	let best = 0;
	let bestDistance = Infinity;
	points.forEach(([x, y], i) => {
		const d = Math.hypot((x - at[0]) * shrink, y - at[1]);
		if (d < bestDistance) [best, bestDistance] = [i, d];
	});
	return best;
}

const ARROWS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The arrow key's direction, or null for any other key. */
export const arrowDirection = (key: string): Direction | null => (Object.hasOwn(ARROWS, key) ? ARROWS[key]! : null);
