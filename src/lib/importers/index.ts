/**
 * Importers: rows of UCDP GED, ACLED and GTD CSV exports, CSVs with a user-made column mapping,
 * and GeoJSON points, onto the shared incident schema (DATA-MODEL.md). Every row read is either
 * imported or rejected with its row number, column and problem: nothing is dropped silently.
 *
 * Pure: rows in, incidents and rejections out. Parsing the file (papaparse, in a worker) is the
 * caller's job, so the same code runs in the import worker, in Node scripts and in tests.
 */
import type { Point } from 'geojson';
import type { DatePrecision, Incident, PlacePrecision } from '../incident/index.js';
import { normaliseGtdRow, type GtdRow } from '../gtd/index.js';
import { SourceRowError } from '../incident/errors.js';
import { ucdpActorName, ucdpTarget } from '../actors/index.js';
import { REGION } from '../place/index.js';
import { locationCounts, TableBuilder, type IncidentTable } from '../table/index.js';
import { grown, IdSet } from './ids.js';

/** Exports recognised from their header. */
export type KnownFormat = 'UCDP GED' | 'ACLED' | 'GTD';
export type ImportFormat = KnownFormat | 'CSV' | 'GeoJSON';

export interface Rejection {
	/** 1-based data row (the header is row 0; for GeoJSON, the feature number). */
	row: number;
	column: string;
	problem: string;
}

/** Which CSV column holds what, for exports whose header we do not recognise. */
export interface ColumnMapping {
	latitude: string;
	longitude: string;
	date: string;
	/** Optional columns; empty string = not present. */
	killed: string;
	type: string;
	group: string;
	id: string;
	place: string;
}

export const MAPPING_FIELDS: { key: keyof ColumnMapping; label: string; required: boolean }[] = [
	{ key: 'latitude', label: 'Latitude', required: true },
	{ key: 'longitude', label: 'Longitude', required: true },
	{ key: 'date', label: 'Date', required: true },
	{ key: 'killed', label: 'Casualties (killed)', required: false },
	{ key: 'type', label: 'Event type', required: false },
	{ key: 'group', label: 'Group / actor', required: false },
	{ key: 'id', label: 'Event id', required: false },
	{ key: 'place', label: 'Place name', required: false }
];

/** A row as read: its cells by header (undefined where the row is short). */
export type Row = Record<string, string | undefined>;

/** The columns that identify each known export (all must be present). */
const SIGNATURES: [KnownFormat, string[]][] = [
	['UCDP GED', ['id', 'date_start', 'latitude', 'longitude', 'where_prec', 'side_a', 'best']],
	['ACLED', ['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude', 'geo_precision', 'fatalities']],
	['GTD', ['iyear', 'imonth', 'iday', 'latitude', 'longitude', 'specificity']]
];

/** Recognises a known export from its header (case-insensitive), or null. */
export function detectFormat(headers: readonly string[]): KnownFormat | null {
	const have = new Set(headers.map((h) => h.trim().toLowerCase()));
	return SIGNATURES.find(([, cols]) => cols.every((c) => have.has(c)))?.[0] ?? null;
}

/** Guesses a mapping for an unknown CSV from common column names (the user confirms it). */
export function guessMapping(headers: readonly string[]): ColumnMapping {
	const find = (...patterns: RegExp[]) => headers.find((h) => patterns.some((p) => p.test(h.trim()))) ?? '';
	return {
		latitude: find(/^lat(itude)?$/i, /^y$/i, /lat/i),
		longitude: find(/^(lon|lng|long|longitude)$/i, /^x$/i, /lon|lng/i),
		date: find(/^date$/i, /date/i, /^day$/i),
		killed: find(/^(killed|deaths|fatalities|nkill|best)$/i, /kill|death|fatal/i),
		type: find(/^(type|event_?type|attack_?type)$/i, /type/i),
		group: find(/^(group|actor|perpetrator|gname|side_a|actor1)$/i, /group|actor|perp/i),
		id: find(/^(id|event_?id)$/i),
		place: find(/^(place|location|city|town)$/i)
	};
}

/** Longest text kept in one field; longer text is cut (and counted), never the row dropped. */
export const MAX_TEXT = 20_000;

export class RowProblem extends Error {
	constructor(
		readonly column: string,
		readonly problem: string
	) {
		super(`${column}: ${problem}`);
	}
}

export interface RowContext {
	/** Decimal commas are accepted when the file's delimiter is ';'. */
	decimalComma: boolean;
	/** Count of text fields cut at MAX_TEXT. */
	truncated: number;
	/** Set by rowId when the row has no id of its own and was given one from its row number. */
	generatedId?: boolean;
}

/** A row's own id, or `row-N` from its row number when it has none (noted in the context). */
export function rowId(own: string | null, rowNumber: number, ctx: RowContext): string {
	if (own !== null) return own;
	ctx.generatedId = true;
	return `row-${rowNumber}`;
}

export function text(v: string | undefined | null, ctx: RowContext): string | null {
	if (v === undefined || v === null) return null;
	const s = v.trim();
	if (s === '') return null;
	if (s.length > MAX_TEXT) {
		ctx.truncated++;
		return `${s.slice(0, MAX_TEXT)}… [cut at ${MAX_TEXT.toLocaleString('en-GB')} characters on import]`;
	}
	return s;
}

/** A number, or null when the cell is empty; throws RowProblem when it is not a number. */
export function number(row: Row, column: string, ctx: RowContext): number | null {
	const raw = (row[column] ?? '').trim();
	if (raw === '') return null;
	const normalised = ctx.decimalComma && /^-?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw;
	const n = Number(normalised);
	if (!Number.isFinite(n)) throw new RowProblem(column, `"${raw.slice(0, 40)}" is not a number`);
	return n;
}

/** A casualty count: empty = unknown (null); negative or fractional is rejected. */
export function count(row: Row, column: string, ctx: RowContext): number | null {
	const n = number(row, column, ctx);
	if (n === null) return null;
	if (n < 0 || !Number.isInteger(n)) throw new RowProblem(column, `${n} is not a whole number ≥ 0`);
	return n;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * ISO date from "YYYY-MM-DD" (optionally with a time), "DD Month YYYY" (older ACLED exports),
 * "DD/MM/YYYY" or "YYYY/MM/DD"; throws RowProblem otherwise or for impossible dates.
 */
export function rowDate(row: Row, column: string): string {
	const cell = row[column] ?? '';
	// A date cell seen before, as written, needs no second look (see datesAsWritten).
	const seen = datesAsWritten.get(cell);
	if (seen !== undefined) return seen;
	const iso = parsedDate(cell.trim(), column);
	// Longer cells are not kept: V8 makes a cell of 13 characters or more a slice of the parser's
	// whole chunk of text, and a key would hold that chunk alive.
	if (cell.length > 12) return iso;
	if (datesAsWritten.size >= 100_000) datesAsWritten.clear();
	datesAsWritten.set(cell, iso);
	return iso;
}

/**
 * Checked ISO dates by the cell as written: a million rows hold a few thousand distinct date
 * cells, and the patterns below were a tenth of a 1 M-row import when every cell went through
 * them. Only dates that passed are kept, so a bad cell is reported every time it occurs.
 */
const datesAsWritten = new Map<string, string>();

function parsedDate(raw: string, column: string): string {
	if (!raw) throw new RowProblem(column, 'date is missing');
	let y: number, m: number, d: number;
	let match: RegExpMatchArray | null;
	if ((match = raw.match(/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+Z?)?$/))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = raw.match(/^(\d{1,2})[ -]([A-Za-z]{3,9})[ -,]*(\d{4})$/))) {
		const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase());
		if (month < 0) throw new RowProblem(column, `"${raw.slice(0, 40)}" is not a date`);
		[y, m, d] = [Number(match[3]), month + 1, Number(match[1])];
	} else if ((match = raw.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/))) [y, m, d] = [Number(match[3]), Number(match[2]), Number(match[1])];
	else throw new RowProblem(column, `"${raw.slice(0, 40)}" is not a date (expected YYYY-MM-DD)`);
	const key = y * 10_000 + m * 100 + d;
	const known = isoDates.get(key);
	if (known !== undefined) return known;
	const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	const check = new Date(`${iso}T00:00:00Z`);
	if (Number.isNaN(check.getTime()) || check.getUTCDate() !== d || check.getUTCMonth() + 1 !== m) throw new RowProblem(column, `${iso} is not a calendar date`);
	if (isoDates.size >= 100_000) isoDates.clear();
	isoDates.set(key, iso);
	return iso;
}

/**
 * Checked ISO dates by y·10⁴ + m·10² + d: every row of a day shares one string, and a date seen
 * before is not checked again. A million rows then hold a few thousand date strings rather than
 * a million strings built by concatenation (which V8 must flatten, one by one, when they are
 * first used as map keys: 17 µs each, measured late in a 1 M-row import in the browser worker).
 */
const isoDates = new Map<number, string>();

/** Swapped coordinates are recognised by falling in the region (Pakistan, Afghanistan and around). */
const inRegion = (lon: number, lat: number) => lon >= REGION[0] && lon <= REGION[2] && lat >= REGION[1] && lat <= REGION[3];

/**
 * Coordinates of a row: both empty = no coordinates (kept as unlocated, like the bundled data);
 * one empty, not numbers, out of range, or apparently swapped = rejected.
 */
export function coordinates(row: Row, latColumn: string, lonColumn: string, ctx: RowContext): { lon: number | null; lat: number | null } {
	const lat = number(row, latColumn, ctx);
	const lon = number(row, lonColumn, ctx);
	if (lat === null && lon === null) return { lon: null, lat: null };
	if (lat === null) throw new RowProblem(latColumn, 'latitude is missing but longitude is given');
	if (lon === null) throw new RowProblem(lonColumn, 'longitude is missing but latitude is given');
	if (lat < -90 || lat > 90)
		throw new RowProblem(latColumn, `latitude ${lat} is outside −90…90${inRegion(lat, lon) ? ' (latitude and longitude look swapped)' : ''}`);
	if (lon < -180 || lon > 180) throw new RowProblem(lonColumn, `longitude ${lon} is outside −180…180`);
	if (!inRegion(lon, lat) && inRegion(lat, lon)) {
		throw new RowProblem(latColumn, `latitude ${lat}, longitude ${lon} look swapped: swapped, the point falls in Pakistan/Afghanistan`);
	}
	return { lon, lat };
}

export interface MappedRow {
	incident: Incident;
}

/** One source format's row mapper. */
export type RowMapper = (row: Row, rowNumber: number, ctx: RowContext) => Incident;

const UCDP_VIOLENCE: Record<string, string> = { '1': 'State-based conflict', '2': 'Non-state conflict', '3': 'One-sided violence' };
const UCDP_WHERE: Record<string, PlacePrecision> = {
	'1': 'exact',
	'2': 'near',
	'3': 'district',
	'4': 'province',
	'5': 'province',
	'6': 'country',
	'7': 'unknown'
};
const UCDP_DATE: Record<string, DatePrecision> = { '1': 'day', '2': 'day', '3': 'day', '4': 'month', '5': 'year' };

export const ucdpRow: RowMapper = (row, rowNumber, ctx) => {
	const { lon, lat } = coordinates(row, 'latitude', 'longitude', ctx);
	const wherePrec = (row.where_prec ?? '').trim();
	const placePrecision = UCDP_WHERE[wherePrec];
	if (!placePrecision) throw new RowProblem('where_prec', `"${wherePrec}" is not a UCDP precision code (1–7)`);
	const eventType = UCDP_VIOLENCE[(row.type_of_violence ?? '').trim()] ?? text(row.type_of_violence, ctx);
	return {
		id: rowId(text(row.id, ctx), rowNumber, ctx),
		date: rowDate(row, 'date_start'),
		datePrecision: UCDP_DATE[(row.date_prec ?? '').trim()] ?? 'day',
		lon,
		lat,
		placePrecision,
		place: text(row.where_coordinates, ctx),
		provinceRecorded: text(row.adm_1, ctx),
		districtRecorded: text(row.adm_2, ctx),
		eventType,
		subType: null,
		// The two sides of the dyad (src/lib/actors): UCDP does not say who attacked; it codes a
		// target only in one-sided violence, where side B is civilians.
		target: ucdpTarget(eventType),
		actor: ucdpActorName(text(row.side_a, ctx)),
		actor2: ucdpActorName(text(row.side_b, ctx)),
		killed: count(row, 'best', ctx),
		wounded: null,
		suicide: null,
		summary: text(row.source_headline, ctx) ?? text(row.where_description, ctx),
		source: text(row.source_article, ctx),
		// Not a UCDP column: the release a fetched row came from, in the CSV `npm run fetch-data` writes.
		...(row.release?.trim() ? { release: row.release.trim() } : {})
	};
};

const ACLED_GEO: Record<string, PlacePrecision> = { '1': 'exact', '2': 'near', '3': 'province' };
const ACLED_TIME: Record<string, DatePrecision> = { '1': 'day', '2': 'month', '3': 'month' };

export const acledRow: RowMapper = (row, rowNumber, ctx) => {
	const { lon, lat } = coordinates(row, 'latitude', 'longitude', ctx);
	const geo = (row.geo_precision ?? '').trim();
	const placePrecision = ACLED_GEO[geo];
	if (!placePrecision) throw new RowProblem('geo_precision', `"${geo}" is not an ACLED precision code (1–3)`);
	const subType = text(row.sub_event_type, ctx);
	return {
		id: rowId(text(row.event_id_cnty, ctx), rowNumber, ctx),
		date: rowDate(row, 'event_date'),
		datePrecision: ACLED_TIME[(row.time_precision ?? '').trim()] ?? 'day',
		lon,
		lat,
		placePrecision,
		place: text(row.location, ctx),
		provinceRecorded: text(row.admin1, ctx),
		districtRecorded: text(row.admin2, ctx),
		eventType: text(row.event_type, ctx),
		subType,
		target: text(row.actor2, ctx),
		actor: text(row.actor1, ctx),
		actor2: text(row.actor2, ctx),
		killed: count(row, 'fatalities', ctx),
		wounded: null,
		suicide: subType === 'Suicide bomb' ? true : null,
		summary: text(row.notes, ctx),
		source: text(row.source, ctx)
	};
};

/** GTD CSV rows go through the same normaliser as the bundled GTD extracts (src/lib/gtd). */
export const gtdCsvRow: RowMapper = (row, rowNumber, ctx) => {
	const { lon, lat } = coordinates(row, 'latitude', 'longitude', ctx);
	const textOf = (column: string) => text(row[column], ctx);
	const numberOf = (column: string) => number(row, column, ctx);
	const gtd: GtdRow = {
		eventid: textOf('eventid'),
		iyear: numberOf('iyear'),
		imonth: numberOf('imonth'),
		iday: numberOf('iday'),
		provstate: textOf('provstate'),
		city: textOf('city'),
		specificity: numberOf('specificity'),
		summary: textOf('summary'),
		attacktype1_txt: textOf('attacktype1_txt'),
		targtype1_txt: textOf('targtype1_txt'),
		gname: textOf('gname'),
		nkill: numberOf('nkill'),
		nwound: numberOf('nwound'),
		suicide: numberOf('suicide'),
		scite1: textOf('scite1'),
		scite2: textOf('scite2'),
		scite3: textOf('scite3')
	};
	try {
		const point: Point | null = lon === null || lat === null ? null : { type: 'Point', coordinates: [lon, lat] };
		const { incident } = normaliseGtdRow(gtd, point, rowNumber, { file: 'import', idPrefix: 'row' });
		return gtd.eventid ? incident : { ...incident, id: rowId(null, rowNumber, ctx) };
	} catch (err) {
		if (err instanceof SourceRowError) throw new RowProblem(err.field, err.problem);
		throw err;
	}
};

/** A row mapper from a user's column mapping (precision is taken as exact: the user's claim). */
export function mappedRow(mapping: ColumnMapping): RowMapper {
	return (row, rowNumber, ctx) => {
		const { lon, lat } = coordinates(row, mapping.latitude, mapping.longitude, ctx);
		return {
			id: rowId((mapping.id && text(row[mapping.id], ctx)) || null, rowNumber, ctx),
			date: rowDate(row, mapping.date),
			datePrecision: 'day',
			lon,
			lat,
			placePrecision: 'exact',
			place: mapping.place ? text(row[mapping.place], ctx) : null,
			provinceRecorded: null,
			districtRecorded: null,
			eventType: mapping.type ? text(row[mapping.type], ctx) : null,
			subType: null,
			target: null,
			actor: mapping.group ? text(row[mapping.group], ctx) : null,
			actor2: null,
			killed: mapping.killed ? count(row, mapping.killed, ctx) : null,
			wounded: null,
			suicide: null,
			summary: null,
			source: null
		};
	};
}

export const ROW_MAPPERS: Record<KnownFormat, RowMapper> = { 'UCDP GED': ucdpRow, ACLED: acledRow, GTD: gtdCsvRow };

/**
 * The columns each row mapper reads (a test watches every read of each mapper). A CSV's rows are
 * handed to the mapper with only these: a GTD export has 135 columns and a row object of all of
 * them cost a third of a wide import (200,000 rows: 2.4 s of 7.3 s). A rejected row still keeps
 * all its cells.
 */
export const MAPPER_COLUMNS: Record<KnownFormat, readonly string[]> = {
	'UCDP GED': [
		'id',
		'date_start',
		'date_prec',
		'latitude',
		'longitude',
		'where_prec',
		'where_coordinates',
		'adm_1',
		'adm_2',
		'type_of_violence',
		'side_a',
		'side_b',
		'best',
		'source_headline',
		'where_description',
		'source_article',
		'release'
	],
	ACLED: [
		'event_id_cnty',
		'event_date',
		'time_precision',
		'latitude',
		'longitude',
		'geo_precision',
		'location',
		'admin1',
		'admin2',
		'event_type',
		'sub_event_type',
		'actor1',
		'actor2',
		'fatalities',
		'notes',
		'source'
	],
	GTD: [
		'eventid',
		'iyear',
		'imonth',
		'iday',
		'provstate',
		'city',
		'specificity',
		'summary',
		'attacktype1_txt',
		'targtype1_txt',
		'gname',
		'nkill',
		'nwound',
		'suicide',
		'scite1',
		'scite2',
		'scite3',
		'latitude',
		'longitude'
	]
};

/** The columns a user's mapping names. */
export const mappedColumns = (mapping: ColumnMapping): string[] => MAPPING_FIELDS.map((f) => mapping[f.key]).filter((c) => c !== '');

export interface ImportReport {
	file: string;
	format: ImportFormat;
	rowsRead: number;
	imported: number;
	rejected: number;
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

/** The rejection count's key: the column and the problem with its quoted values and numbers left out. */
export const reasonKind = (column: string, problem: string) => `${column}: ${problem.replace(/"[^"]*"|-?\d[\d.,:-]*/g, '…')}`;

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
	/** The release the rows come from (a bundled release's file), kept on every row that does not name its own. */
	const release = options.release;
	const reject = (row: number, column: string, problem: string, cells: Row) => {
		rejections.push({ row, column, problem, cells });
		const kind = reasonKind(column, problem);
		byReason[kind] = (byReason[kind] ?? 0) + 1;
	};
	const part = (): ImportPart => ({
		format,
		file,
		table: table.finish(),
		rejections,
		rowsRead,
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
		/** A row; `cells`, when `row` holds only the columns the mapper reads, gives all of them for a rejection. */
		add(row: Row, cells?: () => Row) {
			rowsRead++;
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
				if (err instanceof RowProblem) reject(rowsRead, err.column, err.problem, cells?.() ?? row);
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
			reject(rowsRead, '(row)', problem, cells);
		},
		part,
		finish(notes: string[] = []) {
			return partResult(part(), notes);
		}
	};
}
