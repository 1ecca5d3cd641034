/**
 * Reading an import file: sniffing (empty, binary, encoding), streaming CSV through papaparse,
 * or reading GeoJSON points, into the row importers of index.ts. Runs in the import worker (File
 * input, streamed) and in Node tests (string input).
 */
import Papa from 'papaparse';
import type { Feature, FeatureCollection } from 'geojson';
import { type Row } from './cells.js';
import { emptyRecord } from '../lookup/index.js';
import { detectFormat, MAPPER_COLUMNS, ROW_MAPPERS, type KnownFormat } from './formats.js';
import { guessMapping, mappedColumns, mappedRow, type ColumnMapping } from './mapping.js';
import { createRowImporter, isHxlTagRow, partResult, type ImportPart, type ImportReport, type RejectedRow } from './report.js';
import { joinParts, middleRowStart } from './parts.js';
import type { IncidentTable } from '../table/index.js';

/** A problem with the file as a whole: the message says what is wrong and what to do. */
export class ImportFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportFileError';
	}
}

export interface ImportResult {
	/** The accepted rows as typed and text columns, built row by row (the engine reads the typed ones). */
	table: IncidentTable;
	rejections: RejectedRow[];
	report: ImportReport;
	/** Column names of the file, for the rejected-rows download. */
	headers: string[];
}

export type ImportOutcome =
	{ kind: 'done'; result: ImportResult } | { kind: 'needs-mapping'; headers: string[]; preview: Row[]; guess: ColumnMapping } | { kind: 'cancelled' };

export interface Sniffed {
	encoding: 'utf-8' | 'windows-1252';
	kind: 'csv' | 'geojson';
	notes: string[];
}

/** Looks at the first bytes: empty, binary, UTF-16, not UTF-8 (then Latin-1), CSV or GeoJSON. */
export function sniff(head: Uint8Array, size: number, name: string): Sniffed {
	if (size === 0 || head.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) throw new ImportFileError('The file is empty.');
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
		throw new ImportFileError('The file is UTF-16 text. Save it as UTF-8 (or Latin-1) CSV and import it again.');
	}
	if (head.includes(0)) {
		throw new ImportFileError(
			'This is not a text file (it has binary content, e.g. a spreadsheet or an archive). Export the data as CSV or GeoJSON and import that.'
		);
	}
	const notes: string[] = [];
	let encoding: Sniffed['encoding'] = 'utf-8';
	// A multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes.
	const sample = head.length === size ? head : head.subarray(0, Math.max(0, head.length - 3));
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(sample);
	} catch {
		encoding = 'windows-1252';
		notes.push('The file is not UTF-8; it was read as Latin-1 (Windows-1252).');
	}
	const first = new TextDecoder(encoding)
		.decode(head.subarray(0, 256))
		.replace(/^\ufeff/, '')
		.trimStart()[0];
	const kind = first === '{' || /\.(geo)?json$/i.test(name) ? 'geojson' : 'csv';
	return { encoding, kind, notes };
}

const cleanHeader = (h: string) => h.replace(/^\ufeff/, '').trim();

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
function parseProblem(e: Papa.ParseError): string {
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
function absorbedRows(cells: readonly string[], fields: readonly string[], delimiter: string, columns: number, lineBreak: string): string | undefined {
	for (let j = 0; j < cells.length; j++) {
		const value = cells[j]!;
		// indexOf, not a regular expression: this runs for every cell of every row with quotes before it.
		if (value.indexOf(lineBreak) < 0) continue;
		const column = fields[j] ?? '__parsed_extra';
		const rowLike = value
			.split(/\r?\n|\r/)
			.slice(1)
			.filter((line) => line.split(delimiter).length >= Math.max(3, columns - 1)).length;
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
async function guessDelimiter(input: File | Blob | string, encoding: Sniffed['encoding']): Promise<string> {
	const SAMPLE = 65_536;
	const sample = typeof input === 'string' ? input.slice(0, SAMPLE) : new TextDecoder(encoding).decode(await input.slice(0, SAMPLE).arrayBuffer());
	return Papa.parse<string[]>(sample, { preview: 10, skipEmptyLines: 'greedy' }).meta.delimiter;
}

/** True when every cell is empty or spaces (papaparse's skipEmptyLines: 'greedy'), testing as few cells as it can. */
function blankRow(cells: readonly string[]): boolean {
	for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
	return true;
}

/**
 * Header names as papaparse's header mode gives them: byte-order mark and spaces trimmed, a
 * repeated name numbered (`name_1`, …).
 */
function headerFields(cells: readonly string[]): string[] {
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
function rowOf(cells: readonly string[], fields: readonly string[]): Row {
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
type HeaderMode = 'find' | 'skip' | 'none';

interface RowHandlers {
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

interface Streamed {
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
function streamRows(
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
				for (let k = first; k < data.length; k++) if (!blankRow(data[k]!)) on.row(data[k]!, bad.get(k), mayHoldLineBreaks);
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
class DecodedStream {
	readonly readable = true;
	/** A quote mark was in the text handed over so far. */
	quoted = false;
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
		const decoder = new TextDecoder(this.encoding);
		const emit = (event: string, arg?: unknown) => this.listeners.get(event)?.(arg);
		try {
			for (let at = 0; at < this.blob.size && !this.stopped; at += READ_BYTES) {
				const text = decoder.decode(new Uint8Array(await this.blob.slice(at, at + READ_BYTES).arrayBuffer()), { stream: true });
				this.quoted ||= text.includes('"');
				if (text && !this.stopped) emit('data', text);
			}
			if (this.stopped) return;
			const rest = decoder.decode();
			this.quoted ||= rest.includes('"');
			if (rest) emit('data', rest);
			emit('end');
		} catch (err) {
			if (!this.stopped) emit('error', err);
		}
	}
}

/** Bytes of a file decoded and parsed at a time. */
const READ_BYTES = 1 << 20;

/**
 * Reads up to the header: how the rows are to be read, or why they cannot be yet (a header we
 * do not recognise needs a mapping; the file is empty or has one column).
 */
export async function csvHead(
	input: File | Blob | string,
	opts: CsvOptions
): Promise<{ kind: 'setup'; setup: CsvSetup } | Exclude<ImportOutcome, { kind: 'done' }>> {
	const delimiter = await guessDelimiter(input, opts.encoding);
	let found: { kind: 'setup'; setup: CsvSetup } | Exclude<ImportOutcome, { kind: 'done' }> | null = null;
	let failure: ImportFileError | null = null;
	const streamed = await streamRows(input, { encoding: opts.encoding, delimiter }, 'find', {
		header(cells, rest, meta) {
			const fields = headerFields(cells);
			const headers = fields.filter((h) => h !== '');
			if (headers.length < 2) {
				failure = new ImportFileError(`Only ${headers.length} column found in the header; is this a CSV file? (comma or semicolon separated, one header row)`);
				return false;
			}
			const format: KnownFormat | 'CSV' | null = opts.mapping ? 'CSV' : detectFormat(headers);
			if (!format) {
				const preview = rest
					.filter((row) => !blankRow(row))
					.slice(0, 5)
					.map((row) => rowOf(row, fields));
				found = { kind: 'needs-mapping', headers, preview, guess: guessMapping(headers) };
				return false;
			}
			const missing = opts.mapping ? (['latitude', 'longitude', 'date'] as const).filter((k) => !headers.includes(opts.mapping![k])) : [];
			if (missing.length) {
				failure = new ImportFileError(`The mapping names columns the file does not have: ${missing.map((k) => `${k} → "${opts.mapping![k]}"`).join(', ')}.`);
				return false;
			}
			found = {
				kind: 'setup',
				setup: {
					file: opts.file,
					encoding: opts.encoding,
					fields,
					headers,
					delimiter: meta.delimiter,
					newline: meta.linebreak,
					format,
					mapping: opts.mapping,
					release: opts.release
				}
			};
			return false;
		},
		row() {},
		isCancelled: opts.isCancelled
	});
	if (failure) throw failure;
	if (streamed.cancelled) return { kind: 'cancelled' };
	if (!found) throw new ImportFileError('The file is empty.');
	return found;
}

/** A part's rows read: what the row importer made of them, and how the reading went. */
export interface PartRead extends Streamed {
	part: ImportPart;
}

/**
 * Reads the rows of a CSV, or of one part of it (`header`: 'skip' where the part holds the
 * header, 'none' for a later part), through the setup's row importer. Rows whose cell count
 * differs from the header, or whose quotes do not close, are rejected, not guessed at.
 */
export async function readPart(
	input: File | Blob | string,
	setup: CsvSetup,
	header: 'skip' | 'none',
	opts: { size: number; onProgress?: (fraction: number) => void; isCancelled?: () => boolean }
): Promise<PartRead> {
	const { fields, headers, delimiter } = setup;
	const importer = createRowImporter(setup.format, setup.format === 'CSV' ? mappedRow(setup.mapping!) : ROW_MAPPERS[setup.format], setup.file, {
		decimalComma: delimiter === ';',
		laterPart: header === 'none',
		release: setup.release
	});
	// The mapper's columns by position (a column the file lacks is left out: read as missing).
	const read = (setup.format === 'CSV' ? mappedColumns(setup.mapping!) : MAPPER_COLUMNS[setup.format])
		.map((name) => [name, fields.indexOf(name)] as const)
		.filter(([, j]) => j >= 0);
	// Absorbed lines are separated by the file's line break, whose last character is enough to look for.
	const lineBreak = setup.newline.endsWith('\n') ? '\n' : '\r';
	// The row under the header may be HDX's HXL hashtag row (only the part holding the header has one).
	let underHeader = header === 'skip';
	const streamed = await streamRows(input, setup, header, {
		row(cells, parseError, quoted) {
			if (underHeader) {
				underHeader = false;
				if (!parseError && isHxlTagRow(cells)) return importer.addHxlRow();
			}
			const problem =
				parseError ??
				(cells.length !== fields.length
					? `has ${cells.length} cells (the header has ${headers.length})`
					: quoted
						? absorbedRows(cells, fields, delimiter, headers.length, lineBreak)
						: undefined);
			if (problem) return importer.addUnparseable(rowOf(cells, fields), problem);
			const row: Row = emptyRecord();
			for (const [name, j] of read) row[name] = cells[j];
			importer.add(row, () => rowOf(cells, fields));
		},
		chunkDone: (cursor) => opts.onProgress?.(Math.min(1, cursor / Math.max(1, opts.size))),
		isCancelled: opts.isCancelled
	});
	return { ...streamed, part: importer.part() };
}

/** The cells of some rows of a later part (by their numbers in the part), read again. */
export async function cellsOfRows(input: File | Blob | string, setup: CsvSetup, rows: readonly number[]): Promise<Row[]> {
	const wanted = new Map(rows.map((row, k) => [row, k]));
	const cells: Row[] = new Array(rows.length);
	let rowNumber = 0;
	await streamRows(input, setup, 'none', {
		row(row) {
			const k = wanted.get(++rowNumber);
			if (k !== undefined) cells[k] = rowOf(row, setup.fields);
		}
	});
	return cells;
}

/** The import's result from the rows read (in one pass, or parts joined). */
function csvResult(part: ImportPart, setup: CsvSetup, opts: CsvOptions): ImportOutcome {
	const notes = [...(opts.notes ?? [])];
	if (setup.delimiter !== ',') notes.push(`Columns are separated by "${setup.delimiter}"${setup.delimiter === ';' ? '; decimal commas were accepted' : ''}.`);
	return { kind: 'done', result: { ...partResult(part, notes), headers: setup.headers } };
}

/** Streams a CSV through the matching row importer, in one pass. */
export async function importCsv(input: File | Blob | string, opts: CsvOptions): Promise<ImportOutcome> {
	const head = await csvHead(input, opts);
	return head.kind === 'setup' ? onePass(input, head.setup, opts) : head;
}

/** Every row of the file, in one pass, with the setup its header gave. */
async function onePass(input: File | Blob | string, setup: CsvSetup, opts: CsvOptions): Promise<ImportOutcome> {
	const read = await readPart(input, setup, 'skip', opts);
	return read.cancelled ? { kind: 'cancelled' } : csvResult(read.part, setup, opts);
}

/** Files from this size up are read in two parts at once (in the browser, the second by a worker of its own). */
export const PARTS_FROM_BYTES = 4 * 2 ** 20;

/** Reads a later part of the file (in the browser, in another worker): `readPart(part, setup, 'none', …)`. */
export type ReadLaterPart = (part: Blob, setup: CsvSetup, onProgress: (fraction: number) => void) => Promise<PartRead>;

/**
 * A large CSV read in two parts at once, cut at a row start near its middle (parts.ts), then
 * joined: the same outcome as `importCsv`, row for row. A first part that holds no header or ends
 * inside quotes (quote marks not paired as CSV pairs them) was not cut at a row start: the file
 * is then read again in one pass.
 */
export async function importCsvInParts(file: Blob, opts: CsvOptions, readLater: ReadLaterPart): Promise<ImportOutcome> {
	const head = await csvHead(file, opts);
	if (head.kind !== 'setup') return head;
	const start = await middleRowStart(file);
	if (start === null) return onePass(file, head.setup, opts);
	const done = [0, 0];
	const progress = () => opts.onProgress?.((done[0]! * start + done[1]! * (file.size - start)) / file.size);
	const [first, later] = await Promise.allSettled([
		readPart(file.slice(0, start), head.setup, 'skip', { ...opts, size: start, onProgress: (f) => ((done[0] = f), progress()) }),
		readLater(file.slice(start), head.setup, (f) => ((done[1] = f), progress()))
	]);
	if (first.status === 'rejected') throw first.reason;
	if (later.status === 'rejected') throw later.reason;
	if (first.value.cancelled || later.value.cancelled) return { kind: 'cancelled' };
	if (first.value.quoteTrouble || !first.value.headerSeen) return onePass(file, head.setup, opts);
	const joined = await joinParts([first.value.part, later.value.part], (_, rows) => cellsOfRows(file.slice(start), head.setup, rows));
	return csvResult(joined, head.setup, opts);
}

/**
 * GeoJSON points: each feature's properties are read as a row of the export they resemble (GTD,
 * UCDP, ACLED), or through a mapping; its Point gives latitude/longitude.
 */
export function importGeoJson(textContent: string, opts: { file: string; notes?: string[]; mapping?: ColumnMapping }): ImportOutcome {
	let data: unknown;
	try {
		data = JSON.parse(textContent.replace(/^\ufeff/, ''));
	} catch (err) {
		throw new ImportFileError(`The file is not valid JSON: ${(err as Error).message}`);
	}
	const fc = data as FeatureCollection;
	if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new ImportFileError('The JSON is not a GeoJSON FeatureCollection.');
	if (fc.features.length === 0) throw new ImportFileError('The FeatureCollection has no features.');
	const keys = new Set<string>(['latitude', 'longitude']);
	for (const f of fc.features.slice(0, 100)) for (const k of Object.keys(f?.properties ?? {})) keys.add(k);
	const headers = [...keys];
	const format = opts.mapping ? 'CSV' : detectFormat(headers);
	const toRow = (f: Feature): Row => {
		const row: Row = emptyRecord();
		// A nested property (an object or a list) is kept as its JSON, not "[object Object]".
		for (const [k, v] of Object.entries(f?.properties ?? {}))
			row[k] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
		const point = f?.geometry?.type === 'Point' ? f.geometry.coordinates : null;
		row.longitude = point ? String(point[0] ?? '') : '';
		row.latitude = point ? String(point[1] ?? '') : '';
		return row;
	};
	if (!format)
		return {
			kind: 'needs-mapping',
			headers,
			preview: fc.features.slice(0, 5).map(toRow),
			guess: { ...guessMapping(headers), latitude: 'latitude', longitude: 'longitude' }
		};
	const importer = createRowImporter('GeoJSON', format === 'CSV' ? mappedRow(opts.mapping!) : ROW_MAPPERS[format], opts.file);
	for (const f of fc.features) {
		if (f?.geometry && f.geometry.type !== 'Point') importer.addUnparseable(toRow(f), `geometry is a ${f.geometry.type}, expected a Point`);
		else importer.add(toRow(f));
	}
	return {
		kind: 'done',
		result: { ...importer.finish([...(opts.notes ?? []), ...(format !== 'CSV' ? [`Feature properties read as ${format} columns.`] : [])]), headers }
	};
}
