/**
 * Streaming a CSV's rows through papaparse: the header, the delimiter, blank and unparseable rows,
 * and a File decoded as one text stream. csv.ts reads a file or a part of one with these.
 */
import Papa from 'papaparse';
import { type Row } from './cells.js';
import { emptyRecord } from '../lookup/index.js';
import { type KnownFormat } from './formats.js';
import { type ColumnMapping } from './mapping.js';
import { ImportFileError } from './outcome.js';
import type { Sniffed } from './sniff.js';
import { DecodedStream } from './decoded-stream.js';

export { NOT_UTF8 } from './decoded-stream.js';

/** A header name as written, without spaces around it or a byte-order mark (U+FEFF is white space to `trim`). */
export const cleanHeader = (h: string) => h.trim();

export interface CsvOptions {
	file: string;
	/** Total bytes, for progress. */
	size: number;
	encoding: Sniffed['encoding'];
	notes?: string[];
	mapping?: ColumnMapping;
	/** The release every row of the file comes from (a bundled release: "UCDP GED 22.1"), kept on each row. */
	release?: string;
	onProgress?: (fraction: number) => void;
	isCancelled?: () => boolean;
}

/** A papaparse row error in words a user can act on. */
export function parseProblem(e: Papa.ParseError): string {
	switch (e.code) {
		case 'MissingQuotes':
		case 'InvalidQuotes':
			return 'a quote mark is not closed: the lines after it, up to the next quote mark or the end of the file, were read into this row (they are in its cells)';
		default:
			return e.message;
	}
}

/** Lines after the first in a cell that look like rows of a `columns`-column file (as many delimiters as a row, near enough). */
export function rowLikeLines(value: string, delimiter: string, columns: number): number {
	return value
		.split(/\r?\n|\r/)
		.slice(1)
		.filter((line) => line.split(delimiter).length >= Math.max(3, columns - 1)).length;
}

/**
 * A stray quote mark can make the parser read the following lines into one cell while the row
 * still has the right number of cells. A cell holding a line with as many delimiters as a row
 * has is taken for such absorbed rows: the row is rejected, so those lines stay visible in the
 * rejected-rows file instead of vanishing into a column the importer does not read.
 */

export function absorbedRows(cells: readonly string[], fields: readonly string[], delimiter: string, columns: number, lineBreak: string): string | undefined {
	for (let j = 0; j < cells.length; j++) {
		const value = cells[j]!;
		// indexOf, not a regular expression: this runs for every cell of every row with quotes before it.
		if (value.indexOf(lineBreak) < 0) continue;
		const column = fields[j] ?? '__parsed_extra';
		const rowLike = rowLikeLines(value, delimiter, columns);
		if (rowLike > 0)
			return `cell "${column}" holds ${rowLike} more line(s) that look like rows: a quote mark is probably not closed (those lines are kept in this rejected row)`;
	}
	return undefined;
}

/**
 * papaparse's own delimiter guess, made on the first 64 KB with blank lines ignored (as its
 * header mode did), so that the file itself can be read with blank lines kept: its error rows
 * then index the rows as read.
 */
export async function guessDelimiter(input: File | Blob | string, encoding: Sniffed['encoding']): Promise<string> {
	const SAMPLE = 65_536;
	const sample = typeof input === 'string' ? input.slice(0, SAMPLE) : new TextDecoder(encoding).decode(await input.slice(0, SAMPLE).arrayBuffer());
	return Papa.parse<string[]>(sample, { preview: 10, skipEmptyLines: 'greedy' }).meta.delimiter;
}

/** True when every cell is empty or spaces (papaparse's skipEmptyLines: 'greedy'), testing as few cells as it can. */
export function blankRow(cells: readonly string[]): boolean {
	for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
	return true;
}

/**
 * Header names as papaparse's header mode gives them: byte-order mark and spaces trimmed, a
 * repeated name numbered (`name_1`, …).
 */
export function headerFields(cells: readonly string[]): string[] {
	const seen = new Map<string, number>();
	const used = new Set(cells.map(cleanHeader));
	return cells.map((cell) => {
		const header = cleanHeader(cell);
		const count = seen.get(header);
		if (count === undefined) {
			seen.set(header, 1);
			return header;
		}
		let suffix = count;
		let renamed: string;
		do renamed = `${header}_${suffix++}`;
		while (used.has(renamed));
		used.add(renamed);
		seen.set(header, count + 1);
		return renamed;
	});
}

/** A row's cells by header name, as papaparse's header mode builds it (cells past the header in `__parsed_extra`). */
export function rowOf(cells: readonly string[], fields: readonly string[]): Row {
	const row = emptyRecord<string | string[] | undefined>();
	for (let j = 0; j < cells.length; j++) {
		if (j < fields.length) row[fields[j]!] = cells[j];
		else ((row.__parsed_extra ??= []) as string[]).push(cells[j]!);
	}
	return row as Row;
}

/** How every row of a CSV is read, as its header says (the same for each part of a file read in parts). */
export interface CsvSetup {
	file: string;
	encoding: Sniffed['encoding'];
	/** Header names of every column (including empty ones, as rows are keyed by them). */
	fields: string[];
	/** The named columns. */
	headers: string[];
	delimiter: string;
	/** The line break papaparse found in the file's first chunk: every part is read with it. */
	newline: string;
	format: KnownFormat | 'CSV';
	mapping?: ColumnMapping;
	release?: string;
	/** The file's line the input starts on (a later part's; 1 for the whole file), for the lines a row spans. */
	firstLine?: number;
}

/** Where the header is: looked for (the first non-blank row), skipped, or not in this part. */
export type HeaderMode = 'find' | 'skip' | 'none';

export interface RowHandlers {
	/** 'find': the header row, the rest of its chunk and papaparse's meta; false stops the reading. */
	header?(cells: string[], rest: string[][], meta: Papa.ParseMeta): boolean;
	/**
	 * Every non-blank row after the header, with papaparse's problem with it, if any, and the
	 * file's lines it spans, `fromLine`–`toLine`: more than one only when a quoted cell holds line
	 * breaks (or a quote mark is not closed).
	 */
	row(cells: string[], parseError: string | undefined, fromLine: number, toLine: number): void;
	/** Each chunk's end: papaparse's cursor, in characters of this input. */
	chunkDone?(cursor: number): void;
	isCancelled?(): boolean;
}

export interface Streamed {
	cancelled: boolean;
	headerSeen: boolean;
	/** papaparse found a quote mark not closed, or one out of place. */
	quoteTrouble: boolean;
}

/** A row with a NUL character: binary data inside the text (a damaged or concatenated file), never part of an event. */
export const NUL_PROBLEM = 'holds a NUL character (binary data inside the text, which no export writes); the row is kept here, not imported';

/**
 * Streams a CSV (a File or Blob in the browser, a string in tests) through papaparse, rows as
 * arrays. Blank rows are skipped uncounted, but their lines are counted; the header is applied by
 * the caller (papaparse's header mode cost 2.5× the parse itself: 1 M rows, 6.0 s against 2.4 s,
 * in a per-cell typing check and a per-row join).
 */
export function streamRows(
	input: File | Blob | string,
	read: { encoding: Sniffed['encoding']; delimiter: string; newline?: string; firstLine?: number },
	mode: HeaderMode,
	on: RowHandlers
): Promise<Streamed> {
	return new Promise((resolve, reject) => {
		const streamed: Streamed = { cancelled: false, headerSeen: mode === 'none', quoteTrouble: false };
		const text = typeof input === 'string' ? null : new DecodedStream(input, read.encoding);
		const stringQuoted = typeof input === 'string' && input.includes('"');
		const quoted = () => (text ? text.quoted : stringQuoted);
		const stringNul = typeof input === 'string' && input.includes('\0');
		const nul = () => (text ? text.nul : stringNul);
		// The file's line the next row starts on. Only a line break inside a quoted cell makes a row
		// span more than one line; the file's own line break is the one counted.
		let nextLine = read.firstLine ?? 1;
		const lineBreak = lineBreakOf(read.newline);
		Papa.parse<string[]>((text ?? input) as unknown as File, {
			header: false,
			delimiter: read.delimiter,
			newline: read.newline as Papa.ParseConfig['newline'],
			encoding: read.encoding,
			chunkSize: 1 << 20,
			chunk(results, parser) {
				if (on.isCancelled?.()) {
					streamed.cancelled = true;
					return parser.abort();
				}
				const data = results.data;
				// Error rows index this chunk's rows.
				const bad = new Map<number, string>();
				for (const e of results.errors) {
					if (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes') streamed.quoteTrouble = true;
					if (e.row !== undefined && e.row !== null) bad.set(e.row, parseProblem(e));
				}
				// Only a quoted cell can hold a line break, and none can before the input's first quote mark.
				const mayHoldLineBreaks = quoted();
				const lineOf = new Float64Array(data.length + 1);
				lineOf[0] = nextLine;
				for (let k = 0; k < data.length; k++) {
					let breaks = mayHoldLineBreaks ? lineBreaksIn(data[k]!, lineBreak) : 0;
					// A quote not closed runs to the end of the file, the file's last line break with it.
					if (breaks > 0 && bad.has(k) && data[k]!.at(-1)!.endsWith(lineBreak)) breaks--;
					lineOf[k + 1] = lineOf[k]! + 1 + breaks;
				}
				nextLine = lineOf[data.length]!;
				let first = 0;
				if (!streamed.headerSeen) {
					while (first < data.length && blankRow(data[first]!)) first++;
					if (first === data.length) return;
					streamed.headerSeen = true;
					const header = data[first++]!;
					if (mode === 'find' && !on.header!(header, data.slice(first), results.meta)) return parser.abort();
				}
				// Cells are looked at for NUL only once the text has had one (sniff refuses a file with one in its first 64 KB).
				const mayHoldNul = nul();
				for (let k = first; k < data.length; k++) {
					const row = data[k]!;
					if (blankRow(row)) continue;
					const problem = bad.get(k) ?? (mayHoldNul && row.some((cell) => cell.includes('\0')) ? NUL_PROBLEM : undefined);
					on.row(row, problem, lineOf[k]!, lineOf[k + 1]! - 1);
				}
				on.chunkDone?.(results.meta.cursor);
			},
			complete: () => {
				text?.stop();
				resolve(streamed);
			},
			error: (err) => {
				text?.stop();
				reject(err instanceof ImportFileError ? err : new ImportFileError(`The CSV could not be read: ${err.message}`));
			}
		});
		void text?.pump();
	});
}

/** The character a file's line break ends with (\r\n and \n: \n; \r alone: \r): the one counted, and looked for in cells. */
export const lineBreakOf = (newline: string | undefined) => (newline?.endsWith('\r') ? '\r' : '\n');

/** Line breaks inside a row's cells. */
function lineBreaksIn(cells: readonly string[], lineBreak: string): number {
	let n = 0;
	for (const cell of cells) for (let at = cell.indexOf(lineBreak); at >= 0; at = cell.indexOf(lineBreak, at + 1)) n++;
	return n;
}
