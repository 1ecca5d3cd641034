/**
 * The row importer and what it reports: every row read is either imported (into a table) or
 * rejected with its row number, column and problem, and the counts add up. Rows in, a table,
 * rejections and a report out; parsing the file is file.ts's job.
 */
import { locationCounts, TableBuilder, type IncidentTable } from '../table/index.js';
import { RowProblem, type Row, type RowContext } from './cells.js';
import type { ImportFormat, RowMapper } from './formats.js';
import { grown, IdSet } from './ids.js';

export interface Rejection {
	/** 1-based data row (the header is row 0; for GeoJSON, the feature number). */
	row: number;
	column: string;
	problem: string;
	/** The file's lines the row spans, when more than one (a quoted cell with line breaks, a quote not closed). */
	lines?: { from: number; to: number };
	/** The file line the row starts on (a CSV's, the header on its line 1); absent where a file has no lines to count (GeoJSON). */
	line?: number;
}

export interface ImportReport {
	file: string;
	format: ImportFormat;
	rowsRead: number;
	imported: number;
	rejected: number;
	/**
	 * The file's lines the rows read span (header and blank lines aside), and how many of them are
	 * in rejected rows: a quote mark not closed on row 2 of a 100,000-line file makes one rejected
	 * row of 99,999 lines, and these say so. Equal to the rows when no row spans more than a line.
	 */
	linesRead: number;
	linesRejected: number;
	/**
	 * Rows replaced by a newer release's row of the same id (a fill merges by UCDP event id):
	 * then imported + rejected + replaced = rows read. Absent for a plain import.
	 */
	replaced?: number;
	/** Rejections by problem kind (the column and the first words of the problem). */
	byReason: Record<string, number>;
	/** Imported rows located only at province/country level, and rows without coordinates. */
	coarse: number;
	unlocated: number;
	truncatedFields: number;
	/**
	 * HXL hashtag rows (HDX's layout: `#date+year`, `#geo+lat`, … under the header): recognised,
	 * counted here and in a note, never as a rejected row, and not among the rows read.
	 */
	hxlRows: number;
	/** Notes on the file as a whole (encoding, delimiter, an HXL tag row). */
	notes: string[];
}

/** A rejected row: where, what is wrong, and its cells as read (for the rejected-rows download). */
export type RejectedRow = Rejection & { cells: Row };

/** A rejected row; one that spans more than a line of the file says which lines (a quote not closed absorbs the lines after it). */
export function rejectedRow(row: number, column: string, problem: string, cells: Row, lines: { from: number; to: number }): RejectedRow {
	// Line 0: the source counted no lines (GeoJSON features).
	const line = lines.from > 0 ? { line: lines.from } : {};
	if (lines.to <= lines.from) return { row, column, problem, cells, ...line };
	return {
		row,
		column,
		problem: `${problem}; the row spans lines ${lines.from.toLocaleString('en-GB')}–${lines.to.toLocaleString('en-GB')} of the file`,
		cells,
		lines,
		...line
	};
}

/**
 * An HXL hashtag row (Humanitarian Exchange Language, as HDX publishes its CSVs): every cell empty
 * or a hashtag (`#date+year`, `#geo+lat`), and at least one hashtag. It describes the columns; it
 * is not an event.
 */
export function isHxlTagRow(cells: readonly string[]): boolean {
	let tags = 0;
	for (const cell of cells) {
		const c = cell.trim();
		if (c === '') continue;
		if (!c.startsWith('#')) return false;
		tags++;
	}
	return tags > 0;
}

export const hxlNote = (n: number) =>
	`${n} HXL tag row${n === 1 ? '' : 's'} (not an event): the row under the header holds HXL hashtags (#geo+lat, …) that describe the columns; it was skipped, not rejected.`;

/** The rejection count's key: the column and the problem with its quoted values and numbers left out, or the problem's own kind (RowProblem). */
export const reasonKind = (column: string, problem: string, kind?: string) => `${column}: ${kind ?? problem.replace(/"[^"]*"|-?\d[\d.,:-]*/g, '…')}`;

/**
 * What a row importer read: the accepted rows as a table, the rejected rows, and its counts.
 * Rows are numbered from the first row it read; a file read in parts joins its parts' results
 * (parts.ts) into the one result of a file read in one pass.
 */
export interface ImportPart {
	format: ImportFormat;
	file: string;
	table: IncidentTable;
	rejections: RejectedRow[];
	rowsRead: number;
	/** The file's lines of the rows read, and of the rejected ones (ImportReport). */
	linesRead: number;
	linesRejected: number;
	byReason: Record<string, number>;
	truncated: number;
	/** HXL tag rows skipped (only the part that holds the header can have one). */
	hxlRows: number;
	/** The ids accepted, in the first part (the join goes on adding to them). */
	ids: IdSet | null;
	/** A later part's: each accepted row's number in the part. */
	rowNumbers: Int32Array | null;
	/** A later part's: accepted rows (indices) whose id was made from the part's row number. */
	generatedIds: number[];
}

/** The table, rejections and report of a file read whole (or of its joined parts). */
export function partResult(part: ImportPart, notes: string[] = []): { table: IncidentTable; rejections: RejectedRow[]; report: ImportReport } {
	if (part.hxlRows > 0) notes = [...notes, hxlNote(part.hxlRows)];
	return {
		table: part.table,
		rejections: part.rejections,
		report: {
			file: part.file,
			format: part.format,
			rowsRead: part.rowsRead,
			linesRead: part.linesRead,
			linesRejected: part.linesRejected,
			imported: part.table.columns.length,
			rejected: part.rejections.length,
			byReason: part.byReason,
			...locationCounts(part.table.columns),
			truncatedFields: part.truncated,
			hxlRows: part.hxlRows,
			notes
		}
	};
}

/**
 * Accumulates rows: `add` each parsed row, then `finish` (or `part`). Accepted rows go into a
 * table (typed and text columns), not a list of incident objects (src/lib/table). Rejected rows
 * keep their original cells so they can be downloaded, fixed and imported again.
 *
 * `laterPart`: the rows are a later part of a file read in parts (parts.ts). Their row numbers
 * then start again at 1, so an id made from the row number is left out of the duplicate check
 * until the parts are joined, and each accepted row's number is kept for that join.
 */
export function createRowImporter(
	format: ImportFormat,
	mapper: RowMapper,
	file: string,
	options: { decimalComma?: boolean; laterPart?: boolean; release?: string } = {}
) {
	const table = new TableBuilder();
	const rejections: RejectedRow[] = [];
	const ids = new IdSet();
	const ctx: RowContext = { decimalComma: options.decimalComma ?? false, truncated: 0 };
	const byReason: Record<string, number> = {};
	const later = options.laterPart ?? false;
	let rowNumbers: Int32Array = new Int32Array(later ? 1024 : 0);
	const generatedIds: number[] = [];
	let imported = 0;
	let rowsRead = 0;
	let hxlRows = 0;
	// The file's lines the current row spans (`at`); a source without lines (GeoJSON) counts one a row.
	let fromLine = 0;
	let toLine = 0;
	let linesRead = 0;
	let linesRejected = 0;
	/** The release the rows come from (a bundled release's file), kept on every row that does not name its own. */
	const release = options.release;
	const reject = (row: number, column: string, problem: string, cells: Row, problemKind?: string) => {
		linesRejected += rowLines();
		rejections.push(rejectedRow(row, column, problem, cells, { from: fromLine, to: toLine }));
		const kind = reasonKind(column, problem, problemKind);
		byReason[kind] = (byReason[kind] ?? 0) + 1;
	};
	/** The lines of the row being added (a row without `at`: one). */
	const rowLines = () => toLine - fromLine + 1;
	const part = (): ImportPart => ({
		format,
		file,
		table: table.finish(),
		rejections,
		rowsRead,
		linesRead,
		linesRejected,
		byReason,
		truncated: ctx.truncated,
		hxlRows,
		ids: later ? null : ids,
		rowNumbers: later ? rowNumbers.slice(0, imported) : null,
		generatedIds
	});
	return {
		/** Rows seen so far (imported or rejected), and imported so far. */
		rowsRead: () => rowsRead,
		imported: () => imported,
		/** The file's lines the next row spans (a CSV's; without it a row is one line). */
		at(from: number, to: number) {
			fromLine = from;
			toLine = to;
		},
		/** A row; `cells`, when `row` holds only the columns the mapper reads, gives all of them for a rejection. */
		add(row: Row, cells?: () => Row) {
			rowsRead++;
			linesRead += rowLines();
			ctx.generatedId = false;
			try {
				const incident = mapper(row, rowsRead, ctx);
				// A row that names its release (a fetched CSV) keeps it; else the file's release.
				if (release && !incident.release) incident.release = release;
				if (later && ctx.generatedId) generatedIds.push(imported);
				else if (!ids.add(incident.id)) return reject(rowsRead, 'id', `duplicate id "${incident.id.slice(0, 60)}"`, cells?.() ?? row);
				if (later) {
					if (imported === rowNumbers.length) rowNumbers = grown(rowNumbers, imported * 2);
					rowNumbers[imported] = rowsRead;
				}
				table.add(incident);
				imported++;
			} catch (err) {
				if (err instanceof RowProblem) reject(rowsRead, err.column, err.problem, cells?.() ?? row, err.kind);
				else reject(rowsRead, '(row)', (err as Error).message, cells?.() ?? row);
			}
		},
		/** An HXL tag row: counted apart, not a row read (see isHxlTagRow). */
		addHxlRow() {
			hxlRows++;
		},
		/** Rows that could not be parsed at all (wrong number of cells, bad quoting). */
		addUnparseable(cells: Row, problem: string) {
			rowsRead++;
			linesRead += rowLines();
			reject(rowsRead, '(row)', problem, cells);
		},
		part,
		finish(notes: string[] = []) {
			return partResult(part(), notes);
		}
	};
}
