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

export const cleanHeader = (h: string) => h.replace(/^\ufeff/, '').trim();

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
			return 'a quote mark is not closed: the lines after it, up to the next quote mark, were read into this row (they are in its cells)';
		default:
			return e.message;
	}
}

/**
 * A stray quote mark can make the parser read the following lines into one cell while the row
 * still has the right number of cells. A cell holding a line with as many delimiters as a row
 * has is taken for such absorbed rows: the row is rejected, so those lines stay visible in the
 * rejected-rows file instead of vanishing into a column the importer does not read.
 */
/** Lines after the first in a cell that look like rows of a `columns`-column file (as many delimiters as a row, near enough). */
export function rowLikeLines(value: string, delimiter: string, columns: number): number {
	return value
		.split(/\r?\n|\r/)
		.slice(1)
		.filter((line) => line.split(delimiter).length >= Math.max(3, columns - 1)).length;
}

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
}

/** Where the header is: looked for (the first non-blank row), skipped, or not in this part. */
export type HeaderMode = 'find' | 'skip' | 'none';

export interface RowHandlers {
	/** 'find': the header row, the rest of its chunk and papaparse's meta; false stops the reading. */
	header?(cells: string[], rest: string[][], meta: Papa.ParseMeta): boolean;
	/**
	 * Every non-blank row after the header, with papaparse's problem with it, if any, and whether a
	 * cell of it can hold a line break at all: only a quoted cell can, and none can before the
	 * input's first quote mark.
	 */
	row(cells: string[], parseError: string | undefined, quoted: boolean): void;
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

/**
 * Streams a CSV (a File or Blob in the browser, a string in tests) through papaparse, rows as
 * arrays. Blank rows are skipped uncounted; the header is applied by the caller (papaparse's
 * header mode cost 2.5× the parse itself: 1 M rows, 6.0 s against 2.4 s, in a per-cell typing
 * check and a per-row join).
 */
/** The read stopped at a byte sequence that is not UTF-8 (the message crosses a worker boundary, where the class does not). */
export const NOT_UTF8 = 'The file is not UTF-8 past its first 64 KB.';

/** A row with a NUL character: binary data inside the text (a damaged or concatenated file), never part of an event. */
export const NUL_PROBLEM = 'holds a NUL character (binary data inside the text, which no export writes); the row is kept here, not imported';

export function streamRows(
	input: File | Blob | string,
	read: { encoding: Sniffed['encoding']; delimiter: string; newline?: string },
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
				let first = 0;
				if (!streamed.headerSeen) {
					while (first < data.length && blankRow(data[first]!)) first++;
					if (first === data.length) return;
					streamed.headerSeen = true;
					const header = data[first++]!;
					if (mode === 'find' && !on.header!(header, data.slice(first), results.meta)) return parser.abort();
				}
				// Error rows index this chunk's rows.
				const bad = new Map<number, string>();
				for (const e of results.errors) {
					if (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes') streamed.quoteTrouble = true;
					if (e.row !== undefined && e.row !== null) bad.set(e.row, parseProblem(e));
				}
				const mayHoldLineBreaks = quoted();
				// Cells are looked at for NUL only once the text has had one (sniff refuses a file with one in its first 64 KB).
				const mayHoldNul = nul();
				for (let k = first; k < data.length; k++) {
					const row = data[k]!;
					if (blankRow(row)) continue;
					on.row(row, bad.get(k) ?? (mayHoldNul && row.some((cell) => cell.includes('\0')) ? NUL_PROBLEM : undefined), mayHoldLineBreaks);
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

/**
 * A File's text, decoded here and handed to papaparse as it reads a Node stream ('data', 'end',
 * 'error'). papaparse reads a File in slices of bytes and decodes each slice on its own, so a
 * character whose bytes straddle two slices came out as two replacement characters, silently
 * (papaparse issue #1132; any non-ASCII text past the first megabyte). One streaming TextDecoder
 * keeps such a character whole. A slice is read only after papaparse has parsed the one before
 * (its chunk callback runs inside `data`), so the file is never held in memory at once, and the
 * worker takes messages (cancel) between slices.
 */
export class DecodedStream {
	readonly readable = true;
	/** A quote mark was in the text handed over so far. */
	quoted = false;
	/** A NUL character was in the text handed over so far. */
	nul = false;
	private readonly listeners = new Map<string, (arg?: unknown) => void>();
	private stopped = false;

	constructor(
		private readonly blob: Blob,
		private readonly encoding: Sniffed['encoding']
	) {}

	on(event: string, listener: (arg?: unknown) => void): this {
		this.listeners.set(event, listener);
		return this;
	}

	removeListener(event: string): this {
		this.listeners.delete(event);
		return this;
	}

	/** papaparse's duck test of a stream asks for these; it pulls nothing itself. */
	read(): void {}
	pause(): void {}
	resume(): void {}

	/** papaparse finished or gave up (an abort, a cancel, an error): no more slices are read. */
	stop(): void {
		this.stopped = true;
	}

	async pump(): Promise<void> {
		// Fatal: a byte sequence that is not UTF-8 anywhere in the file (sniff saw only its first
		// 64 KB) stops the read, and the import reads the file again as Latin-1 (csv.ts), rather than
		// storing U+FFFD in its place with no note.
		const decoder = new TextDecoder(this.encoding, { fatal: this.encoding === 'utf-8' });
		const emit = (event: string, arg?: unknown) => this.listeners.get(event)?.(arg);
		try {
			for (let at = 0; at < this.blob.size && !this.stopped; at += READ_BYTES) {
				const text = decoder.decode(new Uint8Array(await this.blob.slice(at, at + READ_BYTES).arrayBuffer()), { stream: true });
				this.quoted ||= text.includes('"');
				this.nul ||= text.includes('\0');
				if (text && !this.stopped) emit('data', text);
			}
			if (this.stopped) return;
			const rest = decoder.decode();
			this.quoted ||= rest.includes('"');
			this.nul ||= rest.includes('\0');
			if (rest) emit('data', rest);
			emit('end');
		} catch (err) {
			if (!this.stopped) emit('error', err instanceof TypeError && this.encoding === 'utf-8' ? new ImportFileError(NOT_UTF8) : err);
		}
	}
}

/** Bytes of a file decoded and parsed at a time. */
export const READ_BYTES = 1 << 20;
