/**
 * Incidents as typed columns: what the join and the re-aggregation read. A filter, period or
 * metric change then loops over flat arrays, with no objects and no geometry.
 */
import type { DatePrecision, Incident, PlacePrecision } from '../incident/index.js';

/** Place precisions by code (the index stored in `precision`). */
export const PRECISIONS: readonly PlacePrecision[] = ['exact', 'near', 'district', 'province', 'country', 'unknown'];
/** Date precisions by code (the index stored in `datePrecision`). */
export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year'];
/** Codes below this one are fine enough to count in a district (DATA-MODEL.md). */
export const FIRST_COARSE_PRECISION = PRECISIONS.indexOf('province');

export interface IncidentColumns {
	length: number;
	/** NaN where the source has no usable coordinates. */
	lon: Float64Array;
	lat: Float64Array;
	/** Index into PRECISIONS. */
	precision: Uint8Array;
	/** Days since 1970-01-01 (UTC) of the event date. */
	day: Int32Array;
	/** Months since January 1970 of the event date (for monthly histograms). */
	month: Int32Array;
	/** Index into DATE_PRECISIONS (a trend leaves out events known only to the year). */
	datePrecision: Uint8Array;
	/** NaN where the source does not know (unknown is not zero). */
	killed: Float64Array;
	wounded: Float64Array;
	/** Category codes into `labels` (perpetrator group or first party, attack/event type, target type). */
	actor: Uint16Array;
	/**
	 * The second party (UCDP side B, ACLED actor 2), coded in the `actor` dictionary, so that the
	 * actor filter matches either side; 0 where the source codes one actor (GTD).
	 */
	actor2: Uint16Array;
	eventType: Uint16Array;
	target: Uint16Array;
	/** 1 suicide attack, 0 not, -1 unknown. */
	suicide: Int8Array;
	labels: Record<Category, string[]>;
}

/** The categorical fields an analyst filters on. */
export type Category = 'actor' | 'eventType' | 'target';
export const CATEGORIES: readonly Category[] = ['actor', 'eventType', 'target'];
/** Label for a category value the source leaves empty. */
export const NOT_RECORDED = '(not recorded)';

/** The typed-array fields of IncidentColumns. */
export const COLUMN_KEYS = [
	'lon',
	'lat',
	'precision',
	'day',
	'month',
	'datePrecision',
	'killed',
	'wounded',
	'actor',
	'actor2',
	'eventType',
	'target',
	'suicide'
] as const;

/** The typed columns holding category codes, and the dictionary each is coded in. */
export const CODED_COLUMNS = { actor: 'actor', actor2: 'actor', eventType: 'eventType', target: 'target' } as const satisfies Record<string, Category>;

/** Every typed array of the columns, e.g. to transfer them to a worker. */
export function columnBuffers(cols: IncidentColumns): ArrayBuffer[] {
	return COLUMN_KEYS.map((k) => cols[k].buffer as ArrayBuffer);
}

/** Columns of `n` rows, all zero, with empty category dictionaries. */
export function emptyColumns(n: number): IncidentColumns {
	return {
		length: n,
		lon: new Float64Array(n),
		lat: new Float64Array(n),
		precision: new Uint8Array(n),
		day: new Int32Array(n),
		month: new Int32Array(n),
		datePrecision: new Uint8Array(n),
		killed: new Float64Array(n),
		wounded: new Float64Array(n),
		actor: new Uint16Array(n),
		actor2: new Uint16Array(n),
		eventType: new Uint16Array(n),
		target: new Uint16Array(n),
		suicide: new Int8Array(n),
		labels: { actor: [NOT_RECORDED], eventType: [NOT_RECORDED], target: [NOT_RECORDED] }
	};
}

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date (YYYY-MM-DD), UTC. */
export function dayNumber(iso: string): number {
	return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

/** Months since January 1970 of an ISO date. */
export function monthNumber(iso: string): number {
	return (Number(iso.slice(0, 4)) - 1970) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** "YYYY-MM" of a month number (negative before 1970: % keeps the sign, so the month is taken mod 12 upwards). */
export function isoMonth(month: number): string {
	const year = Math.floor(month / 12);
	return `${1970 + year}-${String(month - year * 12 + 1).padStart(2, '0')}`;
}

export function isoDate(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Columns built row by row, as an importer accepts rows: each row is turned into column values
 * while its strings are fresh, and no second pass over a million incident objects is needed.
 * (In the browser's import worker that second pass, over objects long promoted to the old
 * generation, ran at 24–50 µs a row: 1 M rows in 24–58 s. Row by row it is part of the import.)
 */
export class ColumnsBuilder {
	private cols = emptyColumns(1024);
	private n = 0;
	/**
	 * Category dictionaries in first-seen order; code 0 is always the empty value (null, labelled
	 * "(not recorded)"). A source's own text "(not recorded)" gets a code of its own, so a row can
	 * be rebuilt from its codes exactly (src/lib/table).
	 */
	private codes = Object.fromEntries(CATEGORIES.map((c) => [c, new Map([[null, 0]])])) as Record<Category, Map<string | null, number>>;
	/** Dates repeat (a few thousand distinct days in a million rows): each is parsed once. */
	private dates = new Map<string, [day: number, month: number]>();

	add(inc: Incident): void {
		if (this.n === this.cols.length) this.cols = resized(this.cols, this.n * 2);
		const { cols } = this;
		const i = this.n++;
		let date = this.dates.get(inc.date);
		if (!date) this.dates.set(inc.date, (date = [dayNumber(inc.date), monthNumber(inc.date)]));
		cols.lon[i] = inc.lon ?? NaN;
		cols.lat[i] = inc.lat ?? NaN;
		cols.precision[i] = PRECISIONS.indexOf(inc.placePrecision);
		cols.day[i] = date[0];
		cols.month[i] = date[1];
		cols.datePrecision[i] = DATE_PRECISIONS.indexOf(inc.datePrecision);
		cols.killed[i] = inc.killed ?? NaN;
		cols.wounded[i] = inc.wounded ?? NaN;
		cols.actor[i] = this.code('actor', inc.actor);
		// `?? null`: rows written before a second party was read have no actor2 at all.
		cols.actor2[i] = this.code('actor', inc.actor2 ?? null);
		cols.eventType[i] = this.code('eventType', inc.eventType);
		cols.target[i] = this.code('target', inc.target);
		cols.suicide[i] = inc.suicide === null ? -1 : inc.suicide ? 1 : 0;
	}

	/** The columns of the rows added (exactly as long as the rows). */
	finish(): IncidentColumns {
		const cols = resized(this.cols, this.n);
		for (const c of CATEGORIES) cols.labels[c] = Array.from(this.codes[c].keys(), (label) => label ?? NOT_RECORDED);
		return cols;
	}

	private code(category: Category, label: string | null): number {
		const map = this.codes[category];
		let c = map.get(label);
		if (c === undefined) {
			c = nextCode(map.size, category);
			map.set(label, c);
		}
		return c;
	}
}

/** The code a new label of `category` gets when `count` labels have one: codes are 16-bit. */
export function nextCode(count: number, category: Category): number {
	if (count > 0xffff) throw new Error(`toColumns: more than 65,535 distinct values of ${category}`);
	return count;
}

/** A copy of the columns (to hand a worker, which takes the buffers, while keeping these). */
export const copyColumns = (cols: IncidentColumns): IncidentColumns => resized(cols, cols.length);

/** The same columns with room for `n` rows (the first min(n, length) rows copied). */
function resized(cols: IncidentColumns, n: number): IncidentColumns {
	const out = emptyColumns(n);
	const keep = Math.min(n, cols.length);
	for (const k of COLUMN_KEYS) {
		(out[k] as Float64Array).set((cols[k] as Float64Array).subarray(0, keep));
	}
	out.labels = cols.labels;
	return out;
}

export function toColumns(incidents: readonly Incident[]): IncidentColumns {
	const builder = new ColumnsBuilder();
	for (const inc of incidents) builder.add(inc);
	return builder.finish();
}
