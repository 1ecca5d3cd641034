/**
 * A large CSV read in two parts at once, one per worker (decision record 0006): where the file
 * may be cut, and how the parts' results join into exactly what one pass over the file gives —
 * row numbers, ids made from row numbers, the duplicate-id check in file order, category codes
 * and the counts. Pure: bytes and results in, results out (a test compares the two ways).
 */
import { IdSet } from './ids.js';
import { reasonKind, rejectedRow, type ImportPart, type RejectedRow } from './report.js';
import { appendTable } from '../table/index.js';

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/** Quote marks in `bytes`, mod 2 (UTF-8 and Latin-1 alike: a quote mark is always this one byte). */
export function quoteParity(bytes: Uint8Array, parity = 0): number {
	for (let q = bytes.indexOf(QUOTE); q >= 0; q = bytes.indexOf(QUOTE, q + 1)) parity ^= 1;
	return parity;
}

/**
 * In a window of the file that follows `parity` quote marks (mod 2), the index just after its
 * first line feed with an even number of quote marks before it (-1 if none), and the parity at
 * the window's end. A line feed there ends a row: quotes come in pairs around a quoted cell
 * (a quote mark inside one is written twice). A file whose quotes are not so paired is caught
 * when its first part is read (importCsvInParts reads it again in one pass).
 */
export function rowStartIn(bytes: Uint8Array, parity: number): { at: number; parity: number } {
	let quote = bytes.indexOf(QUOTE);
	for (let lf = bytes.indexOf(LINE_FEED); lf >= 0; lf = bytes.indexOf(LINE_FEED, lf + 1)) {
		for (; quote >= 0 && quote < lf; quote = bytes.indexOf(QUOTE, quote + 1)) parity ^= 1;
		if (parity === 0) return { at: lf + 1, parity };
	}
	for (; quote >= 0; quote = bytes.indexOf(QUOTE, quote + 1)) parity ^= 1;
	return { at: -1, parity };
}

/** Bytes read at a time while looking for a row start. */
const WINDOW = 1 << 20;

/**
 * Where the second half of a file starts: the first row start at or after its middle, or null
 * when there is none before the end (one long quoted cell, no line feeds: read in one pass).
 */
export async function middleRowStart(file: Blob): Promise<number | null> {
	const middle = Math.floor(file.size / 2);
	let parity = quoteParity(new Uint8Array(await file.slice(0, middle).arrayBuffer()));
	for (let from = middle; from < file.size; from += WINDOW) {
		const found = rowStartIn(new Uint8Array(await file.slice(from, from + WINDOW).arrayBuffer()), parity);
		if (found.at >= 0) return from + found.at < file.size ? from + found.at : null;
		parity = found.parity;
	}
	return null;
}

/**
 * The parts of one file, read separately (each numbering its rows from 1), as one part: what
 * reading the file in one pass gives. A later part's ids made from row numbers are renumbered,
 * and its ids are checked against every earlier row's, in file order; a row found a duplicate
 * only now is rejected like any duplicate, with its cells as read (`cellsOf` reads them again:
 * a part keeps no cells of rows it accepted).
 */
export async function joinParts(
	parts: readonly ImportPart[],
	cellsOf: (part: number, rows: number[]) => Promise<{ cells: RejectedRow['cells']; lines: { from: number; to: number } }[]>
): Promise<ImportPart> {
	const [first, ...later] = parts;
	if (!first) throw new Error('joinParts: no parts');
	const ids = first.ids ?? idsOf(first.table.text.id);
	let { table, rowsRead, linesRead, linesRejected, truncated, hxlRows } = first;
	const rejections = [...first.rejections];
	const byReason = { ...first.byReason };
	for (const [k, part] of later.entries()) {
		const rowNumbers = part.rowNumbers;
		if (!rowNumbers) throw new Error('joinParts: a later part without its row numbers');
		const id = part.table.text.id;
		for (const i of part.generatedIds) id[i] = `row-${rowsRead + rowNumbers[i]!}`;
		const duplicates: number[] = [];
		for (let i = 0; i < id.length; i++) if (!ids.add(id[i]!)) duplicates.push(i);
		const cells =
			duplicates.length > 0
				? await cellsOf(
						k + 1,
						duplicates.map((i) => rowNumbers[i]!)
					)
				: [];
		const partRejections = part.rejections.map((r) => ({ ...r, row: rowsRead + r.row }));
		duplicates.forEach((i, d) => {
			const problem = `duplicate id "${id[i]!.slice(0, 60)}"`;
			const { cells: rowCells, lines } = cells[d]!;
			partRejections.push(rejectedRow(rowsRead + rowNumbers[i]!, 'id', problem, rowCells, lines));
			linesRejected += lines.to - lines.from + 1;
			const kind = reasonKind('id', problem);
			byReason[kind] = (byReason[kind] ?? 0) + 1;
		});
		// Not push(...all): a spread of 100,000 or more overflows the call stack.
		for (const r of partRejections.sort((x, y) => x.row - y.row)) rejections.push(r);
		for (const [kind, n] of Object.entries(part.byReason)) byReason[kind] = (byReason[kind] ?? 0) + n;
		table = appendTable(table, part.table, new Set(duplicates));
		rowsRead += part.rowsRead;
		linesRead += part.linesRead;
		linesRejected += part.linesRejected;
		truncated += part.truncated;
		hxlRows += part.hxlRows;
	}
	return { ...first, table, rejections, rowsRead, linesRead, linesRejected, byReason, truncated, hxlRows, ids, rowNumbers: null, generatedIds: [] };
}

/** Line feeds in the first `end` bytes of a file: a later part starts on the line after them. */
export async function lineFeedsBefore(file: Blob, end: number): Promise<number> {
	let n = 0;
	for (let from = 0; from < end; from += WINDOW) {
		const bytes = new Uint8Array(await file.slice(from, Math.min(end, from + WINDOW)).arrayBuffer());
		for (let lf = bytes.indexOf(LINE_FEED); lf >= 0; lf = bytes.indexOf(LINE_FEED, lf + 1)) n++;
	}
	return n;
}

function idsOf(column: readonly (string | null)[]): IdSet {
	const ids = new IdSet();
	for (const id of column) ids.add(id!);
	return ids;
}
