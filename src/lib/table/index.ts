/**
 * Incidents as a table: the typed columns the engine reads (src/lib/columns) beside the free-text
 * fields as string columns. An importer fills one row by row and keeps no incident objects, and
 * storage keeps the table as it is: a million-row import is a few dozen arrays rather than a
 * million objects, in the import worker's heap and in IndexedDB's structured clone alike
 * (cloning 1 M rows took 2.4 s as objects, 0.9 s as string columns). Any row is rebuilt exactly
 * (`incidentAt`), so the lists and exports show what was imported.
 */
import {
	CATEGORIES,
	CODED_COLUMNS,
	COLUMN_KEYS,
	ColumnsBuilder,
	DATE_PRECISIONS,
	emptyColumns,
	FIRST_COARSE_PRECISION,
	isoDate,
	nextCode,
	PRECISIONS,
	type Category,
	type IncidentColumns
} from '../columns/index.js';
import type { Incident, PlacedIncident } from '../incident/index.js';

/** The fields kept as text (every other field is a typed column or a category code). */
export const TEXT_FIELDS = ['id', 'place', 'provinceRecorded', 'districtRecorded', 'subType', 'summary', 'source', 'release'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type TextColumns = Record<TextField, (string | null)[]>;

export interface IncidentTable {
	columns: IncidentColumns;
	text: TextColumns;
}

const emptyText = (): TextColumns => Object.fromEntries(TEXT_FIELDS.map((f) => [f, []])) as unknown as TextColumns;

/** A table built row by row (an importer's accepted rows). */
export class TableBuilder {
	private columns = new ColumnsBuilder();
	private text = emptyText();

	add(incident: Incident): void {
		this.columns.add(incident);
		// Field by field, not a loop over TEXT_FIELDS: keyed access by a variable name was a tenth
		// of a 1 M-row import (megamorphic loads and stores); a test checks every field is kept.
		const { text } = this;
		text.id.push(incident.id);
		text.place.push(incident.place);
		text.provinceRecorded.push(incident.provinceRecorded);
		text.districtRecorded.push(incident.districtRecorded);
		text.subType.push(incident.subType);
		text.summary.push(incident.summary);
		text.source.push(incident.source);
		text.release.push(incident.release ?? null);
	}

	finish(): IncidentTable {
		return { columns: this.columns.finish(), text: this.text };
	}
}

export function toTable(incidents: readonly Incident[]): IncidentTable {
	const builder = new TableBuilder();
	for (const incident of incidents) builder.add(incident);
	return builder.finish();
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * Row `row` of the table as an incident. `text` may be a slice of the text columns (a stored
 * chunk), whose row `textRow` is that row.
 */
export function incidentAt(columns: IncidentColumns, text: TextColumns, row: number, textRow = row): Incident {
	const category = (c: (typeof CATEGORIES)[number], code: number) => (code === 0 ? null : columns.labels[c][code]!);
	const suicide = columns.suicide[row]!;
	const incident: Incident = {
		id: text.id[textRow]!,
		date: isoDate(columns.day[row]!),
		datePrecision: DATE_PRECISIONS[columns.datePrecision[row]!]!,
		lon: orNull(columns.lon[row]!),
		lat: orNull(columns.lat[row]!),
		placePrecision: PRECISIONS[columns.precision[row]!]!,
		place: text.place[textRow]!,
		provinceRecorded: text.provinceRecorded[textRow]!,
		districtRecorded: text.districtRecorded[textRow]!,
		eventType: category('eventType', columns.eventType[row]!),
		subType: text.subType[textRow]!,
		target: category('target', columns.target[row]!),
		actor: category('actor', columns.actor[row]!),
		actor2: category('actor', columns.actor2[row]!),
		killed: orNull(columns.killed[row]!),
		wounded: orNull(columns.wounded[row]!),
		suicide: suicide < 0 ? null : suicide === 1,
		summary: text.summary[textRow]!,
		source: text.source[textRow]!
	};
	// Only rows of a dataset of several releases have one; a text chunk stored before releases were kept has no such column.
	const release = text.release?.[textRow];
	if (release) incident.release = release;
	return incident;
}

/**
 * Every row's place, precision, date and toll (what the planning tools read), from the typed
 * columns alone: the engine worker runs those tools without the text columns. Each day's ISO
 * date is made once.
 */
export function placedIncidents(columns: IncidentColumns): PlacedIncident[] {
	const { lon, lat, precision, day, killed, wounded } = columns;
	const dates = new Map<number, string>();
	const out: PlacedIncident[] = new Array(columns.length);
	for (let i = 0; i < columns.length; i++) {
		let date = dates.get(day[i]!);
		if (date === undefined) dates.set(day[i]!, (date = isoDate(day[i]!)));
		out[i] = {
			lon: orNull(lon[i]!),
			lat: orNull(lat[i]!),
			placePrecision: PRECISIONS[precision[i]!]!,
			date,
			killed: orNull(killed[i]!),
			wounded: orNull(wounded[i]!)
		};
	}
	return out;
}

/** Every row of the table as incidents (for API-sized data: a refresh's merge, tests). */
export function tableIncidents({ columns, text }: IncidentTable): Incident[] {
	return Array.from({ length: columns.length }, (_, i) => incidentAt(columns, text, i));
}

/** Rows [from, to) of the text columns. */
export function sliceText(text: TextColumns, from: number, to: number): TextColumns {
	return Object.fromEntries(TEXT_FIELDS.map((f) => [f, text[f].slice(from, to)])) as unknown as TextColumns;
}

/** First and last event date (ISO), or null for no rows. */
export function tableDateRange(columns: IncidentColumns): [string, string] | null {
	if (columns.length === 0) return null;
	let first = Infinity;
	let last = -Infinity;
	for (const day of columns.day) {
		if (day < first) first = day;
		if (day > last) last = day;
	}
	return [isoDate(first), isoDate(last)];
}

/** Rows located only at province/country level, and rows without coordinates (an import report's counts). */
export function locationCounts(columns: IncidentColumns): { coarse: number; unlocated: number } {
	let coarse = 0;
	let unlocated = 0;
	for (let i = 0; i < columns.length; i++) {
		if (Number.isNaN(columns.lon[i]!)) unlocated++;
		else if (columns.precision[i]! >= FIRST_COARSE_PRECISION) coarse++;
	}
	return { coarse, unlocated };
}

/**
 * Table `b` after table `a`, less b's rows in `skip` (a file read in parts, joined: see
 * src/lib/importers/parts.ts). b's category codes are renumbered into a's dictionaries: code 0
 * (no value) stays 0, every other code goes by its label, labels new to `a` after a's in the order
 * b's kept rows first use them. The result is the table one builder makes of a's rows, then b's.
 */
export function appendTable(a: IncidentTable, b: IncidentTable, skip: ReadonlySet<number> = new Set()): IncidentTable {
	const columns = emptyColumns(a.columns.length + b.columns.length - skip.size);
	const labels = Object.fromEntries(CATEGORIES.map((c) => [c, [...a.columns.labels[c]]])) as IncidentColumns['labels'];
	columns.labels = labels;
	const recode = Object.fromEntries(CATEGORIES.map((c) => [c, new CategoryRecode(labels[c], b.columns.labels[c], c)])) as Record<Category, CategoryRecode>;
	for (const k of COLUMN_KEYS) (columns[k] as Float64Array).set(a.columns[k] as Float64Array);
	// b's rows are copied in runs between the skipped ones (usually one run: all of them).
	const runs: [number, number][] = [];
	let from = 0;
	for (const row of [...skip].sort((x, y) => x - y)) {
		runs.push([from, row]);
		from = row + 1;
	}
	runs.push([from, b.columns.length]);
	let out = a.columns.length;
	for (const [from, to] of runs) {
		for (const k of TYPED_KEYS) (columns[k] as Float64Array).set((b.columns[k] as Float64Array).subarray(from, to), out);
		// Both parties share the actor dictionary, and a builder codes a row's first party before
		// its second: recoded row by row in that order, new labels come in the order one builder gives them.
		const [actor, actor2, actors] = [b.columns.actor, b.columns.actor2, recode.actor];
		for (let i = from; i < to; i++) {
			columns.actor[out + i - from] = actors.code(actor[i]!);
			columns.actor2[out + i - from] = actors.code(actor2[i]!);
		}
		for (const c of ['eventType', 'target'] as const) {
			const [codes, into, map] = [b.columns[c], columns[c], recode[c]];
			for (let i = from; i < to; i++) into[out + i - from] = map.code(codes[i]!);
		}
		out += to - from;
	}
	// concat, not a push per row: text columns of a million rows join in a few milliseconds.
	const text = Object.fromEntries(
		TEXT_FIELDS.map((f) => [f, a.text[f].concat(...runs.map(([from, to]) => b.text[f].slice(from, to)))])
	) as unknown as TextColumns;
	return { columns, text };
}

/** The typed columns copied as they are (category codes are renumbered). */
const TYPED_KEYS = COLUMN_KEYS.filter((k): k is Exclude<(typeof COLUMN_KEYS)[number], keyof typeof CODED_COLUMNS> => !(k in CODED_COLUMNS));

/** A category's codes in one dictionary (`from`) as codes in another (`into`, which gains the labels it lacks when first asked). */
class CategoryRecode {
	private readonly to: Int32Array;
	private codeOf: Map<string, number> | null = null;

	constructor(
		private readonly into: string[],
		private readonly from: readonly string[],
		private readonly category: Category
	) {
		this.to = new Int32Array(from.length).fill(-1);
		this.to[0] = 0;
	}

	code(code: number): number {
		const known = this.to[code]!;
		return known >= 0 ? known : (this.to[code] = this.added(this.from[code]!));
	}

	private added(label: string): number {
		if (!this.codeOf) {
			this.codeOf = new Map();
			for (let code = 1; code < this.into.length; code++) this.codeOf.set(this.into[code]!, code);
		}
		let code = this.codeOf.get(label);
		if (code === undefined) {
			code = nextCode(this.into.length, this.category);
			this.into.push(label);
			this.codeOf.set(label, code);
		}
		return code;
	}
}
