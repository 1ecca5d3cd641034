/**
 * The bundled incident files (geodata/incidents/*.json) in a compact form: a table's columns as
 * JSON arrays (src/lib/table), not a list of objects that repeats every field name on every row.
 * UCDP GED 22.1's 6,416 events are ~2 MB as objects and well under half of that as columns;
 * category fields (actors, types) are codes into one list of labels each. Decoded exactly: a
 * table encoded and decoded gives back every row as it was (a test checks the bundled files).
 * Pure: usable by the geodata build, the page loader, the prerendered pages and tests alike.
 */
import { CATEGORIES, COLUMN_KEYS, emptyColumns, monthNumber, isoDate, type IncidentColumns } from '../columns/index.js';
import { appendTable, TEXT_FIELDS, tableIncidents, type IncidentTable, type TextColumns } from '../table/index.js';
import type { DatasetInfo, FlagReason, IncidentDataset, NormaliseReport } from '../incident/index.js';

/** Typed columns as JSON: NaN (unknown) is written as null, `month` is left out (it follows from `day`). */
export type EncodedColumns = { length: number; labels: IncidentColumns['labels'] } & Record<Exclude<(typeof COLUMN_KEYS)[number], 'month'>, (number | null)[]>;

export interface EncodedTable {
	columns: EncodedColumns;
	text: TextColumns;
}

const ENCODED_KEYS = COLUMN_KEYS.filter((k): k is Exclude<(typeof COLUMN_KEYS)[number], 'month'> => k !== 'month');

export function encodeTable({ columns, text }: IncidentTable): EncodedTable {
	const encoded = { length: columns.length, labels: columns.labels } as EncodedColumns;
	// Array.from of a Float64Array keeps NaN, which JSON writes as null: what decodeTable reads back as NaN.
	for (const k of ENCODED_KEYS) encoded[k] = Array.from(columns[k] as ArrayLike<number>);
	return { columns: encoded, text };
}

/** A problem in a bundled file: which field, and what is wrong with it. */
export class BundleError extends Error {
	constructor(what: string, problem: string) {
		super(`${what}: ${problem}`);
		this.name = 'BundleError';
	}
}

/** The table of an encoded one; `what` names the file in errors (a field missing or of the wrong length). */
export function decodeTable(e: EncodedTable, what: string): IncidentTable {
	const n = e?.columns?.length;
	if (!Number.isInteger(n) || n < 0) throw new BundleError(what, 'no row count (columns.length)');
	const columns = emptyColumns(n);
	for (const c of CATEGORIES) {
		if (!Array.isArray(e.columns.labels?.[c])) throw new BundleError(what, `no labels for ${c}`);
		columns.labels[c] = e.columns.labels[c];
	}
	for (const k of ENCODED_KEYS) {
		const values = e.columns[k];
		if (!Array.isArray(values) || values.length !== n)
			throw new BundleError(what, `column ${k} has ${Array.isArray(values) ? values.length : 'no'} values for ${n} rows`);
		const into = columns[k] as Float64Array;
		for (let i = 0; i < n; i++) into[i] = values[i] ?? NaN;
	}
	// Months from days, each distinct day worked out once.
	const months = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		const day = columns.day[i]!;
		let m = months.get(day);
		if (m === undefined) months.set(day, (m = monthNumber(isoDate(day))));
		columns.month[i] = m;
	}
	for (const f of TEXT_FIELDS) {
		const values = e.text?.[f];
		// A text field added after a file was written reads as empty, not as an error.
		if (values === undefined && f === 'release') continue;
		if (!Array.isArray(values) || values.length !== n)
			throw new BundleError(what, `text field ${f} has ${Array.isArray(values) ? values.length : 'no'} values for ${n} rows`);
	}
	const text = { ...e.text, release: e.text.release ?? new Array(n).fill(null) } as TextColumns;
	return { columns, text };
}

/** One file of a bundled dataset: a release of a series, or the whole of a single-file dataset. */
export interface BundledPart {
	/** Under geodata/, e.g. `incidents/ucdp-ged-22-1.json`. */
	file: string;
	/**
	 * The releases whose rows the file holds (ids in DatasetInfo.releases): one for a release of a
	 * series, several for a fill fetched from the API; none for a dataset without releases.
	 */
	releases: string[];
	/** The source file it was built from, under sources/. */
	source: string;
	/**
	 * Rows read from the source (events; an HXL tag row is not one), imported into the file,
	 * rejected, and replaced by a newer release's row of the same id (a fill):
	 * rowsRead = rows + rejected + replaced.
	 */
	rowsRead: number;
	rows: number;
	rejected: number;
	replaced: number;
	hxlRows: number;
}

/** A dataset in geodata/manifest.json: its description, its parts and its rows in all. */
export interface BundledEntry extends DatasetInfo {
	rows: number;
	parts: BundledPart[];
}

/** A bundled dataset as decoded: with its rows as typed columns too, which the engine takes (a copy) as they are. */
export type DecodedDataset = IncidentDataset & { columns: IncidentColumns };

/** The content of a part's file. */
export interface BundledFile {
	report: NormaliseReport;
	table: EncodedTable;
}

/** The parts a window needs: those whose release covers a month of it (all parts for no window). */
export function partsFor(entry: BundledEntry, window: [string, string] | null): BundledPart[] {
	if (!window) return entry.parts;
	return entry.parts.filter((p) => {
		const spans = (entry.releases ?? []).filter((r) => p.releases.includes(r.id));
		return spans.length === 0 || spans.some((r) => r.months[0] <= window[1] && r.months[1] >= window[0]);
	});
}

/**
 * A bundled dataset from the files of some of its parts (in the manifest's order): their rows
 * one after another and one report whose accounting adds up (rows read = written + rejected,
 * part by part). Parts not given are named in `unloaded`.
 */
export function bundledDataset(entry: BundledEntry, files: { part: BundledPart; file: BundledFile }[]): DecodedDataset {
	const { rows: _rows, parts: _parts, ...info } = entry;
	let table: IncidentTable | null = null;
	const report: NormaliseReport = {
		file: files.map((f) => f.file.report.file).join(' + '),
		rowsRead: 0,
		rowsWritten: 0,
		flagged: {},
		notes: [],
		rejected: [],
		hxlRows: 0
	};
	const ordered = entry.parts.flatMap((part) => files.filter((f) => f.part.file === part.file));
	for (const { part, file } of ordered) {
		const decoded = decodeTable(file.table, `geodata/${part.file}`);
		if (decoded.columns.length !== part.rows)
			throw new BundleError(`geodata/${part.file}`, `${decoded.columns.length} incidents, the manifest says ${part.rows}`);
		// One table of the parts, as one builder would make it of their rows: the engine takes its
		// columns as they are (no second pass over the rows to build them).
		table = table ? appendTable(table, decoded) : decoded;
		const r = file.report;
		report.rowsRead += r.rowsRead;
		report.rowsWritten += r.rowsWritten;
		for (const [reason, n] of Object.entries(r.flagged) as [FlagReason, number][]) report.flagged[reason] = (report.flagged[reason] ?? 0) + n;
		// Row numbers are the source file's: each note and rejection says which file when there are several.
		const several = entry.parts.length > 1;
		for (const n of r.notes) report.notes.push(several ? { ...n, detail: `${r.file}: ${n.detail}` } : n);
		// A loop, not push(...all): a file can have more rejected rows than a call can take arguments.
		for (const x of r.rejected ?? []) report.rejected!.push(several ? { ...x, column: `${r.file}, ${x.column}` } : x);
		report.hxlRows! += r.hxlRows ?? 0;
	}
	const loaded = new Set(ordered.map((f) => f.part.file));
	const unloaded = entry.parts.filter((p) => !loaded.has(p.file)).flatMap((p) => p.releases);
	const rows = table ?? { columns: emptyColumns(0), text: emptyText() };
	return { info, incidents: tableIncidents(rows), columns: rows.columns, report, ...(unloaded.length ? { unloaded } : {}) };
}

const emptyText = () => Object.fromEntries(TEXT_FIELDS.map((f) => [f, []])) as unknown as TextColumns;
