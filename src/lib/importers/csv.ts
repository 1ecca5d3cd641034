/** Reading a CSV into the row importer: its header first, then every row, in one pass or in two parts at once. */
import { type Row } from './cells.js';
import { emptyRecord } from '../lookup/index.js';
import { detectFormat, MAPPER_COLUMNS, ROW_MAPPERS, type KnownFormat } from './formats.js';
import { guessMapping, mappedColumns, mappedRow } from './mapping.js';
import { createRowImporter, isHxlTagRow, partResult, type ImportPart } from './report.js';
import { joinParts, lineFeedsBefore, middleRowStart } from './parts.js';
import { ImportFileError, type ImportOutcome } from './outcome.js';
import {
	NOT_UTF8,
	type CsvOptions,
	absorbedRows,
	lineBreakOf,
	cleanHeader,
	guessDelimiter,
	blankRow,
	headerFields,
	rowOf,
	type CsvSetup,
	type Streamed,
	streamRows
} from './csv-stream.js';

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
			// A column the importer reads, twice: which one holds the figure cannot be known, so the
			// file is refused rather than one of them read silently.
			const read = format === 'CSV' ? mappedColumns(opts.mapping!) : MAPPER_COLUMNS[format];
			const twice = repeatedColumns(cells).find(({ name }) => read.includes(name));
			if (twice) {
				failure = new ImportFileError(
					`The header has the column "${twice.name}" ${twice.at.length} times (columns ${twice.at.join(', ')}), and the importer reads it: which one holds the figure cannot be told. Remove or rename the others and import again.`
				);
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

/** Header names that occur more than once, with their 1-based column numbers. */
function repeatedColumns(cells: readonly string[]): { name: string; at: number[] }[] {
	const at = new Map<string, number[]>();
	cells.forEach((cell, i) => {
		const name = cleanHeader(cell);
		const columns = at.get(name);
		if (columns) columns.push(i + 1);
		else at.set(name, [i + 1]);
	});
	return [...at].filter(([name, columns]) => name !== '' && columns.length > 1).map(([name, columns]) => ({ name, at: columns }));
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
	const lineBreak = lineBreakOf(setup.newline);
	// The row under the header may be HDX's HXL hashtag row (only the part holding the header has one).
	let underHeader = header === 'skip';
	const streamed = await streamRows(input, setup, header, {
		row(cells, parseError, fromLine, toLine) {
			importer.at(fromLine, toLine);
			if (underHeader) {
				underHeader = false;
				if (!parseError && isHxlTagRow(cells)) return importer.addHxlRow();
			}
			const problem =
				parseError ??
				(cells.length !== fields.length
					? `has ${cells.length} cells (the header has ${headers.length})`
					: toLine > fromLine // a row of one line holds no absorbed lines
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

/** The cells of some rows of a later part (by their numbers in the part), read again, and the file's lines each spans. */
export async function cellsOfRows(
	input: File | Blob | string,
	setup: CsvSetup,
	rows: readonly number[]
): Promise<{ cells: Row; lines: { from: number; to: number } }[]> {
	const wanted = new Map(rows.map((row, k) => [row, k]));
	const found: { cells: Row; lines: { from: number; to: number } }[] = new Array(rows.length);
	let rowNumber = 0;
	await streamRows(input, setup, 'none', {
		row(row, _problem, from, to) {
			const k = wanted.get(++rowNumber);
			if (k !== undefined) found[k] = { cells: rowOf(row, setup.fields), lines: { from, to } };
		}
	});
	return found;
}

/** The import's result from the rows read (in one pass, or parts joined). */
function csvResult(part: ImportPart, setup: CsvSetup, opts: CsvOptions): ImportOutcome {
	const notes = [...(opts.notes ?? [])];
	if (setup.delimiter !== ',') notes.push(`Columns are separated by "${setup.delimiter}"${setup.delimiter === ';' ? '; decimal commas were accepted' : ''}.`);
	return { kind: 'done', result: { ...partResult(part, notes), headers: setup.headers } };
}

/** Streams a CSV through the matching row importer, in one pass. */
export function importCsv(input: File | Blob | string, opts: CsvOptions): Promise<ImportOutcome> {
	return readingLatin1IfNeeded(opts, async (o) => {
		const head = await csvHead(input, o);
		return head.kind === 'setup' ? onePass(input, head.setup, o) : head;
	});
}

export const LATIN1_LATE_NOTE =
	'The file is not UTF-8: a byte sequence past its first 64 KB is not, so the whole file was read again as Latin-1 (Windows-1252). Check accented names in the imported rows.';

/** Reads the file as sniffed; if it turns out not to be UTF-8 after all, reads it all again as Latin-1, with a note. */
async function readingLatin1IfNeeded(opts: CsvOptions, read: (o: CsvOptions) => Promise<ImportOutcome>): Promise<ImportOutcome> {
	try {
		return await read(opts);
	} catch (err) {
		if (opts.encoding !== 'utf-8' || !(err instanceof Error) || err.message !== NOT_UTF8) throw err;
		return read({ ...opts, encoding: 'windows-1252', notes: [...(opts.notes ?? []), LATIN1_LATE_NOTE] });
	}
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
export function importCsvInParts(file: Blob, opts: CsvOptions, readLater: ReadLaterPart): Promise<ImportOutcome> {
	return readingLatin1IfNeeded(opts, (o) => importInParts(file, o, readLater));
}

async function importInParts(file: Blob, opts: CsvOptions, readLater: ReadLaterPart): Promise<ImportOutcome> {
	const head = await csvHead(file, opts);
	if (head.kind !== 'setup') return head;
	const start = await middleRowStart(file);
	if (start === null) return onePass(file, head.setup, opts);
	// The later part's rows name the file's lines, not the part's.
	const laterSetup = { ...head.setup, firstLine: 1 + (await lineFeedsBefore(file, start)) };
	const done = [0, 0];
	const progress = () => opts.onProgress?.((done[0]! * start + done[1]! * (file.size - start)) / file.size);
	const [first, later] = await Promise.allSettled([
		readPart(file.slice(0, start), head.setup, 'skip', { ...opts, size: start, onProgress: (f) => ((done[0] = f), progress()) }),
		readLater(file.slice(start), laterSetup, (f) => ((done[1] = f), progress()))
	]);
	if (first.status === 'rejected') throw first.reason;
	if (later.status === 'rejected') throw later.reason;
	if (first.value.cancelled || later.value.cancelled) return { kind: 'cancelled' };
	if (first.value.quoteTrouble || !first.value.headerSeen) return onePass(file, head.setup, opts);
	const joined = await joinParts([first.value.part, later.value.part], (_, rows) => cellsOfRows(file.slice(start), laterSetup, rows));
	return csvResult(joined, head.setup, opts);
}
