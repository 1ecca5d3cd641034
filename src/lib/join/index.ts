/**
 * Indexed point-in-district join: exact, deterministic and fast enough for a million points.
 *
 * Same answer as the naive Turf loop (`booleanPointInPolygon` for every point × every district,
 * first match in district order), by construction:
 * - the exact test is Turf's own (`point-in-polygon-hao`, robust orientation predicates; a point
 *   on a ring counts as inside), run on the same coordinate arrays;
 * - candidates come from a packed R-tree (flatbush) over polygon bounding boxes, visited in
 *   district order, so the first containing district wins exactly as in the naive loop;
 * - a uniform grid over the districts' extent answers most points without any ring test: a cell
 *   that no ring edge touches (closed cell, widened by EPSILON) lies wholly inside one set of
 *   districts, so every point in it gets the answer of the cell's component, computed once by
 *   the exact test. Cells touched by an edge fall back to the R-tree + exact test.
 *
 * Edge rule (the naive loop's): a point on a boundary is inside; a point on an edge or vertex
 * shared by several districts goes to the first of them in the districts' order (slug order).
 */
import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Result code for a point in no district. */
export const NO_DISTRICT = -1;
/** Grid cell marker: an edge touches the cell, use the exact path. */
const EDGE_CELL = -2;
/** Widening of each cell when testing edges, in degrees: far above float rounding, far below data precision. */
const EPSILON = 1e-9;

export interface JoinIndex {
	/** Polygons (parts of districts), flattened: coordinates and the district each belongs to. */
	polygons: Position[][][];
	polygonDistrict: Int32Array;
	tree: Flatbush;
	grid: { x0: number; y0: number; cellW: number; cellH: number; cols: number; rows: number; cells: Int32Array };
	districtCount: number;
}

type Shape = { geometry: Polygon | MultiPolygon };

function polygonsOf(shape: Shape): Position[][][] {
	return shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
}

/** Exact district of a point by the R-tree candidates, in district order; NO_DISTRICT if none. */
function exactDistrict(index: JoinIndex, x: number, y: number, scratch: number[]): number {
	scratch.length = 0;
	const hits = index.tree.search(x, y, x, y);
	let best = NO_DISTRICT;
	for (const p of hits) {
		const d = index.polygonDistrict[p]!;
		if (best !== NO_DISTRICT && d >= best) continue; // an earlier district already contains it
		if (pointInPolygon([x, y], index.polygons[p]!) !== false) best = d;
	}
	return best;
}

/** Does segment a–b touch the closed rectangle [x0,x1]×[y0,y1]? (Liang–Barsky clipping.) */
function segmentTouchesBox(ax: number, ay: number, bx: number, by: number, x0: number, y0: number, x1: number, y1: number): boolean {
	let t0 = 0;
	let t1 = 1;
	const dx = bx - ax;
	const dy = by - ay;
	const clip = (p: number, q: number): boolean => {
		if (p === 0) return q >= 0;
		const r = q / p;
		if (p < 0) {
			if (r > t1) return false;
			if (r > t0) t0 = r;
		} else {
			if (r < t0) return false;
			if (r < t1) t1 = r;
		}
		return true;
	};
	return clip(-dx, ax - x0) && clip(dx, x1 - ax) && clip(-dy, ay - y0) && clip(dy, y1 - ay);
}

export interface JoinIndexOptions {
	/** Cells along the longer side of the districts' extent (default 1024). */
	gridSize?: number;
}

export function buildJoinIndex(districts: readonly Shape[], options: JoinIndexOptions = {}): JoinIndex {
	const polygons: Position[][][] = [];
	const owner: number[] = [];
	districts.forEach((d, i) => {
		for (const p of polygonsOf(d)) {
			polygons.push(p);
			owner.push(i);
		}
	});
	if (polygons.length === 0) throw new Error('buildJoinIndex: no polygons');

	const tree = new Flatbush(polygons.length);
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const p of polygons) {
		let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const [x, y] of p[0]!) {
			if (x! < a) a = x!;
			if (y! < b) b = y!;
			if (x! > c) c = x!;
			if (y! > d) d = y!;
		}
		tree.add(a, b, c, d);
		[minX, minY, maxX, maxY] = [Math.min(minX, a), Math.min(minY, b), Math.max(maxX, c), Math.max(maxY, d)];
	}
	tree.finish();

	const size = options.gridSize ?? 1024;
	const spanX = maxX - minX;
	const spanY = maxY - minY;
	const cols = spanX >= spanY ? size : Math.max(1, Math.ceil((size * spanX) / spanY));
	const rows = spanY >= spanX ? size : Math.max(1, Math.ceil((size * spanY) / spanX));
	const cellW = spanX / cols;
	const cellH = spanY / rows;
	const cells = new Int32Array(cols * rows).fill(NO_DISTRICT);

	// 1. Mark every cell that any ring edge touches (closed, widened cell).
	for (const p of polygons) {
		for (const ring of p) {
			for (let k = 0; k + 1 < ring.length; k++) {
				const [ax, ay] = ring[k] as [number, number];
				const [bx, by] = ring[k + 1] as [number, number];
				const c0 = Math.max(0, Math.floor((Math.min(ax, bx) - EPSILON - minX) / cellW));
				const c1 = Math.min(cols - 1, Math.floor((Math.max(ax, bx) + EPSILON - minX) / cellW));
				const r0 = Math.max(0, Math.floor((Math.min(ay, by) - EPSILON - minY) / cellH));
				const r1 = Math.min(rows - 1, Math.floor((Math.max(ay, by) + EPSILON - minY) / cellH));
				for (let r = r0; r <= r1; r++) {
					const y0 = minY + r * cellH - EPSILON;
					const y1 = minY + (r + 1) * cellH + EPSILON;
					for (let c = c0; c <= c1; c++) {
						const cell = r * cols + c;
						if (cells[cell] === EDGE_CELL) continue;
						if (segmentTouchesBox(ax, ay, bx, by, minX + c * cellW - EPSILON, y0, minX + (c + 1) * cellW + EPSILON, y1)) cells[cell] = EDGE_CELL;
					}
				}
			}
		}
	}

	// 2. Edge-free cells that share a side have the same answer (their union is connected and
	//    crosses no edge): flood-fill each component and run the exact test once, at its seed.
	const index: JoinIndex = {
		polygons,
		polygonDistrict: Int32Array.from(owner),
		tree,
		grid: { x0: minX, y0: minY, cellW, cellH, cols, rows, cells },
		districtCount: districts.length
	};
	const visited = new Uint8Array(cells.length);
	const stack = new Int32Array(cells.length);
	const scratch: number[] = [];
	for (let seed = 0; seed < cells.length; seed++) {
		if (visited[seed] || cells[seed] === EDGE_CELL) continue;
		const sx = minX + ((seed % cols) + 0.5) * cellW;
		const sy = minY + (Math.floor(seed / cols) + 0.5) * cellH;
		const answer = exactDistrict(index, sx, sy, scratch);
		let top = 0;
		stack[top++] = seed;
		visited[seed] = 1;
		while (top > 0) {
			const cell = stack[--top]!;
			cells[cell] = answer;
			const c = cell % cols;
			// The four side neighbours, without allocating (this loop visits every cell once).
			for (let k = 0; k < 4; k++) {
				const n = k === 0 ? (c > 0 ? cell - 1 : -1) : k === 1 ? (c < cols - 1 ? cell + 1 : -1) : k === 2 ? cell - cols : cell + cols;
				if (n < 0 || n >= cells.length || visited[n] || cells[n] === EDGE_CELL) continue;
				visited[n] = 1;
				stack[top++] = n;
			}
		}
	}
	return index;
}

/** District index of one point (or NO_DISTRICT). */
export function locate(index: JoinIndex, x: number, y: number, scratch: number[] = []): number {
	const g = index.grid;
	const c = Math.floor((x - g.x0) / g.cellW);
	const r = Math.floor((y - g.y0) / g.cellH);
	// Outside the grid (closed extent) nothing can contain the point.
	if (!(x >= g.x0 && y >= g.y0 && x <= g.x0 + g.cols * g.cellW && y <= g.y0 + g.rows * g.cellH)) {
		// The far edges of the extent belong to the last cell; beyond them is outside.
		return NO_DISTRICT;
	}
	const cell = Math.min(r, g.rows - 1) * g.cols + Math.min(c, g.cols - 1);
	const answer = g.cells[cell]!;
	return answer === EDGE_CELL ? exactDistrict(index, x, y, scratch) : answer;
}

/**
 * Joins points (typed columns) to districts into `out[from..to)`. NaN coordinates give
 * NO_DISTRICT; callers decide separately which rows are eligible for a district at all.
 */
export function joinPoints(index: JoinIndex, lon: Float64Array, lat: Float64Array, out = new Int32Array(lon.length), from = 0, to = lon.length): Int32Array {
	const scratch: number[] = [];
	for (let i = from; i < to; i++) out[i] = locate(index, lon[i]!, lat[i]!, scratch);
	return out;
}
