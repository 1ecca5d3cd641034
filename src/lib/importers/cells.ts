/**
 * Reading one cell of a row: text, numbers, casualty counts, dates and coordinates, each checked.
 * A cell that is wrong throws RowProblem (its column and what is wrong), which the row importer
 * (report.ts) turns into a rejected row: nothing is dropped silently.
 */
import { REGION } from '../place/index.js';
import { dateRangeProblem, latestDate } from '../incident/dates.js';

/** The latest date accepted, fixed when the module loads (an import does not straddle a year). */
const LATEST = latestDate();

/** A row as read: its cells by header (undefined where the row is short). */
export type Row = Record<string, string | undefined>;

/**
 * A row as one format's mapper sees it: only the columns it declares (formats.ts), so reading a
 * column it does not declare is a type error, and the declared list is the one list of what it reads.
 */
export type Cells<C extends string> = { readonly [K in C]?: string };

/** Longest text kept in one field; longer text is cut (and counted), never the row dropped. */
export const MAX_TEXT = 20_000;

export class RowProblem extends Error {
	constructor(
		readonly column: string,
		readonly problem: string,
		/**
		 * The problem with the row's own values left out, for counting rows by reason, where the
		 * message holds fixed figures too (a range, a limit) that must stay in the count's words.
		 * Without it the report leaves out every number (reasonKind).
		 */
		readonly kind?: string
	) {
		super(`${column}: ${problem}`);
	}
}

/** What a row whose coordinates look swapped is told: what was done with it, and what to do. */
const SWAPPED =
	'look swapped (read the other way round, the point falls in Pakistan or Afghanistan): rejected, not swapped; swap the two columns in the file and import it again';

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

/** A text cell, trimmed: null when empty or absent; cut at MAX_TEXT (counted in the context). */
export function textCell(v: string | undefined | null, ctx: RowContext): string | null {
	if (v === undefined || v === null) return null;
	const s = v.trim();
	if (s === '') return null;
	if (s.length > MAX_TEXT) {
		ctx.truncated++;
		return `${s.slice(0, MAX_TEXT)}… [cut at ${MAX_TEXT.toLocaleString('en-GB')} characters on import]`;
	}
	return s;
}

/**
 * A plain decimal number as written in a table: digits, an optional sign and decimal point. Not
 * what `Number()` also reads — `0x22` (34), `0b100010`, `1e21`, `Infinity` — which no export
 * writes and which would turn a typo into a figure.
 */
const PLAIN_DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** A number, or null when the cell is empty; throws RowProblem when it is not a plain decimal. */
export function numberCell<C extends string>(row: Cells<C>, column: C, ctx: RowContext): number | null {
	const raw = (row[column] ?? '').trim();
	if (raw === '') return null;
	// A decimal comma (semicolon-delimited files) is read as a point; anything else it makes,
	// such as "1.5,5", is then refused by the plain-decimal rule.
	const normalised = ctx.decimalComma ? raw.replace(',', '.') : raw;
	if (!PLAIN_DECIMAL.test(normalised)) throw new RowProblem(column, `"${raw.slice(0, 40)}" is not a number (plain decimal digits expected)`);
	return Number(normalised);
}

/**
 * The largest toll one event may record. UCDP's largest single events (aggregated battles) are in
 * the low thousands; a six-figure toll in one row is a unit or typing error, and one such row
 * would outweigh a district's whole record.
 */
export const MAX_CASUALTIES = 100_000;
const CASUALTY_LIMIT = MAX_CASUALTIES.toLocaleString('en-GB');

/** A casualty count: empty = unknown (null); negative, fractional or over MAX_CASUALTIES is rejected. */
export function casualtyCount<C extends string>(row: Cells<C>, column: C, ctx: RowContext): number | null {
	const n = numberCell(row, column, ctx);
	if (n === null) return null;
	if (n < 0 || !Number.isInteger(n)) throw new RowProblem(column, `${n} is not a whole number ≥ 0`);
	if (n > MAX_CASUALTIES)
		throw new RowProblem(column, `${n} is over ${CASUALTY_LIMIT}, the most one event may record`, `… is over ${CASUALTY_LIMIT}, the most one event may record`);
	return n;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * ISO date from "YYYY-MM-DD" (optionally with a time), "DD Month YYYY" (older ACLED exports),
 * "DD/MM/YYYY" or "YYYY/MM/DD"; throws RowProblem otherwise or for impossible dates.
 */
export function rowDate<C extends string>(row: Cells<C>, column: C): string {
	const cell = row[column] ?? '';
	// A date cell seen before, as written, needs no second look (see datesAsWritten).
	const seen = datesAsWritten.get(cell);
	if (seen !== undefined) return seen;
	const iso = parsedDate(cell.trim(), column);
	// Longer cells are not kept: V8 makes a cell of 13 characters or more a slice of the parser's
	// whole chunk of text, and a key would hold that chunk alive.
	if (cell.length > 12) return iso;
	return remember(datesAsWritten, cell, iso);
}

/**
 * Checked ISO dates by the cell as written: a million rows hold a few thousand distinct date
 * cells, and the patterns below were a tenth of a 1 M-row import when every cell went through
 * them. Only dates that passed are kept, so a bad cell is reported every time it occurs.
 */
const datesAsWritten = new Map<string, string>();

/** Memo size: a memo is emptied when full, so it cannot grow with the file. */
export const MEMO_LIMIT = 100_000;

/** Keeps `value` under `key` in a memo, emptying the memo first when it holds `limit` entries. */
export function remember<K, V>(memo: Map<K, V>, key: K, value: V, limit = MEMO_LIMIT): V {
	if (memo.size >= limit) memo.clear();
	memo.set(key, value);
	return value;
}

function parsedDate(raw: string, column: string): string {
	if (!raw) throw new RowProblem(column, 'date is missing');
	let y: number, m: number, d: number;
	let match: RegExpMatchArray | null;
	if ((match = raw.match(/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+Z?)?$/))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = raw.match(/^(\d{1,2})[ -]([A-Za-z]{3,9})[ ,-]*(\d{4})$/))) {
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
	// A day past the month's end rolls over (02-30 is 2 March) and no day or month gives an invalid
	// date (NaN): either way the day of the month differs.
	if (check.getUTCDate() !== d) throw new RowProblem(column, `${iso} is not a calendar date`);
	const outOfRange = dateRangeProblem(iso, LATEST);
	if (outOfRange) throw new RowProblem(column, outOfRange, outOfRange.replace(iso, '…'));
	return remember(isoDates, key, iso);
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
export function coordinates<C extends string>(row: Cells<C>, latColumn: C, lonColumn: C, ctx: RowContext): { lon: number | null; lat: number | null } {
	const lat = numberCell(row, latColumn, ctx);
	const lon = numberCell(row, lonColumn, ctx);
	if (lat === null && lon === null) return { lon: null, lat: null };
	if (lat === null) throw new RowProblem(latColumn, 'latitude is missing but longitude is given');
	if (lon === null) throw new RowProblem(lonColumn, 'longitude is missing but latitude is given');
	// (Swapped, a latitude past ±90 cannot be a longitude in the region, so no swap hint here.)
	if (lat < -90 || lat > 90) throw new RowProblem(latColumn, `latitude ${lat} is outside −90…90`, 'latitude … is outside −90…90');
	if (lon < -180 || lon > 180) throw new RowProblem(lonColumn, `longitude ${lon} is outside −180…180`, 'longitude … is outside −180…180');
	if (!inRegion(lon, lat) && inRegion(lat, lon)) {
		throw new RowProblem(latColumn, `latitude ${lat}, longitude ${lon} ${SWAPPED}`, `latitude …, longitude … ${SWAPPED}`);
	}
	return { lon, lat };
}
