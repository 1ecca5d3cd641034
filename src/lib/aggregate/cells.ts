/**
 * Rows grouped into cells: the rows that no filter, no district and no month can tell apart. A
 * cell holds rows with the same actor, event type, target, suicide flag, place precision,
 * casualty figure as the casualty filter reads it (known killed + wounded, or unknown), month,
 * and district or bucket. Built once per dataset (after the join); a filter change then visits
 * cells instead of rows. How much that saves depends on the data: the benchmark's synthetic rows
 * fall into about 1 cell per 20 rows, rows with many distinct actors into nearly 1 per row (the
 * bench reports both), and a cell pass is never slower than a row pass by more than its setup.
 *
 * Every row of a cell fails the same filter components for any filter without dates, so the
 * filter test on `cells.cols` (one representative row per cell) answers for all of them.
 */
import { emptyColumns, type IncidentColumns } from '../columns/index.js';
import { monthSpan, slotOf, type Assignment } from './index.js';

export interface Cells {
	districtCount: number;
	rowCount: number;
	months: { first: number; last: number };
	monthCount: number;
	cellCount: number;
	/** One representative row per cell (categories, precision, suicide, month, killed/wounded of its first row). */
	cols: IncidentColumns;
	/** Per cell: district index, or districtCount + 0/1/2 for outside / coarse location / unlocated. */
	slot: Int32Array;
	/** Rows per cell (= its incidents total, as an integer for the facet and histogram counts). */
	rows: Int32Array;
	/** Per cell × 5: incidents, killed, wounded, killedUnknown, woundedUnknown (the Totals fields, summed over its rows). */
	totals: Float64Array;
	/** The cell of each row. */
	ofRow: Int32Array;
	/** Rows ordered by month (a counting sort), and where each month starts in that order. */
	rowsByMonth: Int32Array;
	monthStart: Int32Array;
}

/**
 * Dense ids, in first-seen order, of the pairs (a[i], b[i]) with 0 ≤ a < aCount, 0 ≤ b < bCount.
 * A lookup table when the pair space is small (next to the rows), a Map (number keys below 2^53) when it is not.
 */
function pairIds(a: Int32Array, aCount: number, b: ArrayLike<number>, bCount: number): { ids: Int32Array; count: number } {
	const n = a.length;
	const ids = new Int32Array(n);
	let count = 0;
	const space = aCount * bCount;
	// A table only when it is not much larger than the rows: filling a 4 M-entry table for a few
	// thousand rows cost more than the grouping itself (6,503 UCDP rows: 25–33 ms → see the bench).
	if (space <= Math.min(1 << 22, 8 * n + 4096)) {
		const table = new Int32Array(space).fill(-1);
		for (let i = 0; i < n; i++) {
			const k = a[i]! * bCount + b[i]!;
			let id = table[k]!;
			if (id < 0) table[k] = id = count++;
			ids[i] = id;
		}
	} else {
		if (space > Number.MAX_SAFE_INTEGER) throw new Error('groupCells: key space too large');
		const map = new Map<number, number>();
		for (let i = 0; i < n; i++) {
			const k = a[i]! * bCount + b[i]!;
			let id = map.get(k);
			if (id === undefined) map.set(k, (id = count++));
			ids[i] = id;
		}
	}
	return { ids, count };
}

/**
 * Renumbers cells in (slot, month) order, so the cube's pass over them writes its totals in
 * order rather than all over (with integer row counts: 9.4 → 4.4 ms a cube at 1 M synthetic rows). Returns the new
 * cell of each row.
 */
function inSlotMonthOrder(cellOfRow: Int32Array, cellCount: number, slots: Int32Array, monthOffset: Int32Array, monthCount: number): Int32Array {
	const keyOfCell = new Int32Array(cellCount);
	for (let i = 0; i < cellOfRow.length; i++) keyOfCell[cellOfRow[i]!] = slots[i]! * monthCount + monthOffset[i]!;
	const start = new Int32Array(keyOfCell.reduce((a, b) => Math.max(a, b), 0) + 2);
	for (let c = 0; c < cellCount; c++) start[keyOfCell[c]! + 1]!++;
	for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
	const renumbered = new Int32Array(cellCount);
	for (let c = 0; c < cellCount; c++) renumbered[c] = start[keyOfCell[c]!]!++;
	for (let i = 0; i < cellOfRow.length; i++) cellOfRow[i] = renumbered[cellOfRow[i]!]!;
	return cellOfRow;
}

/**
 * The casualty figure the filter reads, as a dense code: 0 = neither killed nor wounded known,
 * s + 1 for a whole sum s below 65,535, and codes past that for any other sum (first seen).
 */
function casualtyCodes(cols: IncidentColumns): { codes: Int32Array; count: number } {
	const SMALL = 65_535;
	const codes = new Int32Array(cols.length);
	const other = new Map<number, number>();
	for (let i = 0; i < cols.length; i++) {
		const k = cols.killed[i]!;
		const w = cols.wounded[i]!;
		if (k !== k && w !== w) continue; // code 0
		const sum = (k === k ? k : 0) + (w === w ? w : 0);
		if (sum >= 0 && sum < SMALL && Number.isInteger(sum)) codes[i] = sum + 1;
		else {
			let c = other.get(sum);
			if (c === undefined) other.set(sum, (c = SMALL + 1 + other.size));
			codes[i] = c;
		}
	}
	return { codes, count: SMALL + 1 + other.size };
}

/** Groups the rows into cells (see the module comment). One pass per key part; no per-row objects. */
export function groupCells(cols: IncidentColumns, assignment: Assignment, districtCount: number): Cells {
	if (assignment.length !== cols.length) throw new Error('groupCells: assignment and columns differ in length');
	const n = cols.length;
	const months = monthSpan(cols);
	const monthCount = months.last - months.first + 1;
	const monthOffset = new Int32Array(n);
	for (let i = 0; i < n; i++) monthOffset[i] = cols.month[i]! - months.first;
	const slots = new Int32Array(n);
	for (let i = 0; i < n; i++) slots[i] = slotOf(assignment[i]!, districtCount);
	const flags = new Int32Array(n); // suicide (-1, 0, 1) × precision
	for (let i = 0; i < n; i++) flags[i] = (cols.suicide[i]! + 1) * 8 + cols.precision[i]!;
	const casualty = casualtyCodes(cols);

	let key = pairIds(new Int32Array(cols.actor), cols.labels.actor.length, cols.actor2, cols.labels.actor.length);
	key = pairIds(key.ids, key.count, cols.eventType, cols.labels.eventType.length);
	key = pairIds(key.ids, key.count, cols.target, cols.labels.target.length);
	key = pairIds(key.ids, key.count, flags, 24);
	key = pairIds(key.ids, key.count, casualty.codes, casualty.count);
	key = pairIds(key.ids, key.count, slots, districtCount + 3);
	key = pairIds(key.ids, key.count, monthOffset, Math.max(1, monthCount));
	const cellCount = key.count;
	const ofRow = inSlotMonthOrder(key.ids, cellCount, slots, monthOffset, Math.max(1, monthCount));

	const rep = emptyColumns(cellCount);
	rep.labels = cols.labels;
	rep.lon.fill(NaN);
	rep.lat.fill(NaN);
	const slot = new Int32Array(cellCount);
	const rows = new Int32Array(cellCount);
	const totals = new Float64Array(cellCount * 5);
	const monthStart = new Int32Array(monthCount + 1);
	for (let i = 0; i < n; i++) {
		const c = ofRow[i]!;
		monthStart[monthOffset[i]! + 1]!++;
		const at = c * 5;
		if (totals[at] === 0) {
			// First row of the cell: it represents the cell.
			rep.actor[c] = cols.actor[i]!;
			rep.actor2[c] = cols.actor2[i]!;
			rep.eventType[c] = cols.eventType[i]!;
			rep.target[c] = cols.target[i]!;
			rep.suicide[c] = cols.suicide[i]!;
			rep.precision[c] = cols.precision[i]!;
			rep.killed[c] = cols.killed[i]!;
			rep.wounded[c] = cols.wounded[i]!;
			rep.day[c] = cols.day[i]!;
			rep.month[c] = cols.month[i]!;
			slot[c] = slots[i]!;
		}
		const k = cols.killed[i]!;
		const w = cols.wounded[i]!;
		rows[c]!++;
		totals[at]!++;
		if (k === k) totals[at + 1]! += k;
		else totals[at + 3]!++;
		if (w === w) totals[at + 2]! += w;
		else totals[at + 4]!++;
	}
	for (let m = 0; m < monthCount; m++) monthStart[m + 1]! += monthStart[m]!;
	const rowsByMonth = new Int32Array(n);
	const next = monthStart.slice(0, Math.max(0, monthCount));
	for (let i = 0; i < n; i++) rowsByMonth[next[monthOffset[i]!]!++] = i;
	return { districtCount, rowCount: n, months, monthCount, cellCount, cols: rep, slot, rows, totals, ofRow, rowsByMonth, monthStart };
}
