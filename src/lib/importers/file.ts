/**
 * Reading an import file: sniffing (empty, binary, encoding), streaming CSV through papaparse,
 * or reading GeoJSON points, into the row importers of index.ts. Runs in the import worker (File
 * input, streamed) and in Node tests (string input).
 */
import Papa from 'papaparse';
import type { Feature, FeatureCollection } from 'geojson';
import {
	createRowImporter,
	detectFormat,
	guessMapping,
	mappedRow,
	ROW_MAPPERS,
	type ColumnMapping,
	type ImportReport,
	type KnownFormat,
	type Rejection
} from './index.js';
import type { IncidentTable } from '../table/index.js';

/** A problem with the file as a whole: the message says what is wrong and what to do. */
export class ImportFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportFileError';
	}
}

type Row = Record<string, string | undefined>;

export interface ImportResult {
	/** The accepted rows as typed and text columns, built row by row (the engine reads the typed ones). */
	table: IncidentTable;
	rejections: (Rejection & { cells: Row })[];
	report: ImportReport;
	/** Column names of the file, for the rejected-rows download. */
	headers: string[];
}

export type ImportOutcome =
	| { kind: 'done'; result: ImportResult }
	| { kind: 'needs-mapping'; headers: string[]; preview: Row[]; guess: ColumnMapping }
	| { kind: 'cancelled' };

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
		throw new ImportFileError('This is not a text file (it has binary content, e.g. a spreadsheet or an archive). Export the data as CSV or GeoJSON and import that.');
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
	const first = new TextDecoder(encoding).decode(head.subarray(0, 256)).replace(/^\ufeff/, '').trimStart()[0];
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
function absorbedRows(cells: readonly string[], fields: readonly string[], delimiter: string, columns: number): string | undefined {
	for (let j = 0; j < cells.length; j++) {
		const value = cells[j]!;
		// indexOf, not a regular expression: this runs for every cell of every row.
		if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) continue;
		const column = fields[j] ?? '__parsed_extra';
		const rowLike = value.split(/\r?\n|\r/).slice(1).filter((line) => line.split(delimiter).length >= Math.max(3, columns - 1)).length;
		if (rowLike > 0) return `cell "${column}" holds ${rowLike} more line(s) that look like rows: a quote mark is probably not closed (those lines are kept in this rejected row)`;
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
	const row: Record<string, string | string[] | undefined> = {};
	for (let j = 0; j < cells.length; j++) {
		if (j < fields.length) row[fields[j]!] = cells[j];
		else ((row.__parsed_extra ??= []) as string[]).push(cells[j]!);
	}
	return row as Row;
}

/**
 * Streams a CSV (a File in the browser, a string in tests) through the matching row importer.
 * papaparse reads rows as arrays and the header is applied here: its header mode cost 2.5× the
 * parse itself (1 M rows: 6.0 s against 2.4 s), in a per-cell typing check and a per-row join.
 */
export async function importCsv(input: File | Blob | string, opts: CsvOptions): Promise<ImportOutcome> {
	const delimiterGuess = await guessDelimiter(input, opts.encoding);
	return new Promise((resolve, reject) => {
		let importer: ReturnType<typeof createRowImporter> | null = null;
		/** Header names of every column (including empty ones, as rows are keyed by them). */
		let fields: string[] | null = null;
		let headers: string[] = [];
		let outcome: ImportOutcome | null = null;
		/** Set before aborting on a file-level problem (abort() calls complete() at once). */
		let failure: ImportFileError | null = null;
		let delimiter = ',';
		Papa.parse<string[]>(input as File, {
			header: false,
			delimiter: delimiterGuess,
			encoding: opts.encoding,
			chunkSize: 1 << 20,
			chunk(results, parser) {
				if (opts.isCancelled?.()) {
					outcome = { kind: 'cancelled' };
					return parser.abort();
				}
				const data = results.data;
				let first = 0;
				if (!fields) {
					while (first < data.length && blankRow(data[first]!)) first++;
					if (first === data.length) return;
					fields = headerFields(data[first++]!);
					headers = fields.filter((h) => h !== '');
					delimiter = results.meta.delimiter;
					if (headers.length < 2) {
						failure = new ImportFileError(`Only ${headers.length} column found in the header; is this a CSV file? (comma or semicolon separated, one header row)`);
						return parser.abort();
					}
					const format: KnownFormat | 'CSV' | null = opts.mapping ? 'CSV' : detectFormat(headers);
					if (!format) {
						const preview = data.slice(first).filter((cells) => !blankRow(cells)).slice(0, 5).map((cells) => rowOf(cells, fields!));
						outcome = { kind: 'needs-mapping', headers, preview, guess: guessMapping(headers) };
						return parser.abort();
					}
					if (opts.mapping) {
						const missing = (['latitude', 'longitude', 'date'] as const).filter((k) => !headers.includes(opts.mapping![k]));
						if (missing.length) {
							failure = new ImportFileError(`The mapping names columns the file does not have: ${missing.map((k) => `${k} → "${opts.mapping![k]}"`).join(', ')}.`);
							return parser.abort();
						}
					}
					const mapper = format === 'CSV' ? mappedRow(opts.mapping!) : ROW_MAPPERS[format];
					importer = createRowImporter(format, mapper, opts.file, { decimalComma: delimiter === ';' });
				}
				// Rows whose cell count differs from the header, or whose quotes do not close, are
				// rejected, not guessed at. (Error rows index this chunk's rows.)
				const bad = new Map<number, string>();
				for (const e of results.errors) if (e.row !== undefined && e.row !== null) bad.set(e.row, parseProblem(e));
				const columns = fields.length;
				for (let k = first; k < data.length; k++) {
					const cells = data[k]!;
					if (blankRow(cells)) continue;
					const row = rowOf(cells, fields);
					const problem =
						bad.get(k) ?? (cells.length !== columns ? `has ${cells.length} cells (the header has ${headers.length})` : absorbedRows(cells, fields, delimiter, headers.length));
					if (problem) importer!.addUnparseable(row, problem);
					else importer!.add(row);
				}
				opts.onProgress?.(Math.min(1, results.meta.cursor / Math.max(1, opts.size)));
			},
			complete() {
				if (failure) return reject(failure);
				if (outcome) return resolve(outcome);
				if (!fields) return reject(new ImportFileError('The file is empty.'));
				if (!importer) return reject(new ImportFileError('The file has a header but no rows.'));
				const notes = [...(opts.notes ?? [])];
				if (delimiter !== ',') notes.push(`Columns are separated by "${delimiter}"${delimiter === ';' ? '; decimal commas were accepted' : ''}.`);
				resolve({ kind: 'done', result: { ...importer.finish(notes), headers } });
			},
			error(err) {
				reject(new ImportFileError(`The CSV could not be read: ${err.message}`));
			}
		});
	});
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
		const row: Row = {};
		for (const [k, v] of Object.entries(f?.properties ?? {})) row[k] = v === null || v === undefined ? '' : String(v);
		const point = f?.geometry?.type === 'Point' ? f.geometry.coordinates : null;
		row.longitude = point ? String(point[0] ?? '') : '';
		row.latitude = point ? String(point[1] ?? '') : '';
		return row;
	};
	if (!format) return { kind: 'needs-mapping', headers, preview: fc.features.slice(0, 5).map(toRow), guess: { ...guessMapping(headers), latitude: 'latitude', longitude: 'longitude' } };
	const importer = createRowImporter('GeoJSON', format === 'CSV' ? mappedRow(opts.mapping!) : ROW_MAPPERS[format], opts.file);
	for (const f of fc.features) {
		if (f?.geometry && f.geometry.type !== 'Point') importer.addUnparseable(toRow(f), `geometry is a ${f.geometry.type}, expected a Point`);
		else importer.add(toRow(f));
	}
	return { kind: 'done', result: { ...importer.finish([...(opts.notes ?? []), ...(format !== 'CSV' ? [`Feature properties read as ${format} columns.`] : [])]), headers } };
}
