/**
 * Normalises Global Terrorism Database rows (GTD codebook field names) onto the shared
 * incident schema. Accepts GeoJSON features whose properties are GTD columns, as in the bundled
 * extracts; the same row normaliser serves a GTD CSV row (properties only).
 */
import { latestDate } from '../incident/dates.js';
import type { Feature, Point } from 'geojson';
import type { DatePrecision, Incident, NormaliseReport, PlacePrecision, FlagReason } from '../incident/index.js';
import { SourceRowError } from '../incident/errors.js';

/** The GTD columns we read; everything else in the row is ignored. */
export interface GtdRow {
	eventid?: string | number | null;
	iyear?: number | null;
	imonth?: number | null;
	iday?: number | null;
	provstate?: string | null;
	city?: string | null;
	latitude?: number | null;
	longitude?: number | null;
	specificity?: number | null;
	summary?: string | null;
	attacktype1_txt?: string | null;
	targtype1_txt?: string | null;
	gname?: string | null;
	nkill?: number | null;
	nwound?: number | null;
	suicide?: number | null;
	scite1?: string | null;
	scite2?: string | null;
	scite3?: string | null;
}

/**
 * GTD `specificity` → our place precision (DATA-MODEL.md):
 * 1 exact; 2–3 centroid of the smallest known admin area (district-level); 4 only the province
 * centroid; 5 not even the province is known.
 */
export function gtdPlacePrecision(specificity: number | null | undefined): PlacePrecision {
	switch (specificity) {
		case 1:
			return 'exact';
		case 2:
		case 3:
			return 'district';
		case 4:
			return 'province';
		default:
			return 'unknown';
	}
}

const text = (v: unknown): string | null => {
	if (v === null || v === undefined) return null;
	const s = String(v).trim();
	return s === '' ? null : s;
};

/** A count that may be unknown (null) but never negative or fractional. */
function casualtyCount(v: unknown, file: string, row: number, field: string): number | null {
	if (v === null || v === undefined || v === '') return null;
	const n = Number(v);
	if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
		throw new SourceRowError(file, row, field, `expected a whole number ≥ 0 or empty, got ${JSON.stringify(v)}`);
	}
	return n;
}

/** GTD dates: day 0 or month 0 mean "unknown", so the date keeps only what is known. */
export function gtdDate(iyear: unknown, imonth: unknown, iday: unknown, file: string, row: number): { date: string; datePrecision: DatePrecision } {
	const y = Number(iyear);
	// GTD begins in 1970; a year after today is the latest any source may date an event (incident/dates.ts).
	if (!Number.isInteger(y) || y < 1970 || y > Number(latestDate().slice(0, 4))) {
		throw new SourceRowError(file, row, 'iyear', `expected a year from 1970 to ${latestDate().slice(0, 4)}, got ${JSON.stringify(iyear)}`);
	}
	const m = Number(imonth ?? 0);
	const d = Number(iday ?? 0);
	if (!Number.isInteger(m) || m < 0 || m > 12) {
		throw new SourceRowError(file, row, 'imonth', `expected 0–12, got ${JSON.stringify(imonth)}`);
	}
	if (!Number.isInteger(d) || d < 0 || d > 31) {
		throw new SourceRowError(file, row, 'iday', `expected 0–31, got ${JSON.stringify(iday)}`);
	}
	const pad = (n: number) => String(n).padStart(2, '0');
	if (m === 0) return { date: `${y}-01-01`, datePrecision: 'year' };
	if (d === 0) return { date: `${y}-${pad(m)}-01`, datePrecision: 'month' };
	const date = `${y}-${pad(m)}-${pad(d)}`;
	// Reject impossible days such as 31 February rather than letting Date roll them over.
	if (new Date(`${date}T00:00:00Z`).getUTCDate() !== d) {
		throw new SourceRowError(file, row, 'iday', `${date} is not a calendar date`);
	}
	return { date, datePrecision: 'day' };
}

function validLonLat(lon: unknown, lat: unknown): [number, number] | 'missing' | 'out-of-range' {
	if (lon === null || lon === undefined || lat === null || lat === undefined || lon === '' || lat === '') return 'missing';
	const x = Number(lon);
	const y = Number(lat);
	if (!Number.isFinite(x) || !Number.isFinite(y)) return 'missing';
	if (x < -180 || x > 180 || y < -90 || y > 90) return 'out-of-range';
	return [x, y];
}

export interface NormaliseOptions {
	/** File name used in ids, errors and the report. */
	file: string;
	/** Prefix for ids when the rows carry no GTD `eventid` (the bundled extracts do not). */
	idPrefix: string;
}

/**
 * Normalises one GTD row. Rows are never dropped: missing coordinates or coarse locations are
 * kept and flagged; only structurally broken values (no year, negative casualties) throw.
 */
export function normaliseGtdRow(
	row: GtdRow,
	geometry: Point | null,
	rowNumber: number,
	opts: NormaliseOptions
): { incident: Incident; flag: { reason: FlagReason; detail: string } | null } {
	const { file } = opts;
	const { date, datePrecision } = gtdDate(row.iyear, row.imonth, row.iday, file, rowNumber);
	const placePrecision = gtdPlacePrecision(row.specificity ?? null);
	const coords = validLonLat(geometry?.coordinates[0] ?? row.longitude, geometry?.coordinates[1] ?? row.latitude);
	let flag: { reason: FlagReason; detail: string } | null = null;
	let lon: number | null = null;
	let lat: number | null = null;
	if (coords === 'missing') {
		flag = { reason: 'no-coordinates', detail: 'no usable longitude/latitude' };
	} else if (coords === 'out-of-range') {
		flag = {
			reason: 'coordinates-out-of-range',
			detail: `longitude ${row.longitude ?? geometry?.coordinates[0]}, latitude ${row.latitude ?? geometry?.coordinates[1]} out of range`
		};
	} else {
		[lon, lat] = coords;
		if (placePrecision === 'province') {
			flag = { reason: 'province-level-location', detail: `specificity ${row.specificity}: province centroid only` };
		} else if (placePrecision === 'unknown' || placePrecision === 'country') {
			flag = { reason: 'country-level-location', detail: `specificity ${row.specificity ?? 'missing'}: location not known within the country` };
		}
	}
	const eventid = text(row.eventid);
	const sources = [row.scite1, row.scite2, row.scite3].map(text).filter((s): s is string => s !== null);
	const incident: Incident = {
		id: eventid ?? `${opts.idPrefix}-r${String(rowNumber).padStart(4, '0')}`,
		date,
		datePrecision,
		lon,
		lat,
		placePrecision,
		place: text(row.city),
		provinceRecorded: text(row.provstate),
		districtRecorded: null,
		eventType: text(row.attacktype1_txt),
		subType: null,
		target: text(row.targtype1_txt),
		actor: text(row.gname),
		actor2: null,
		killed: casualtyCount(row.nkill, file, rowNumber, 'nkill'),
		wounded: casualtyCount(row.nwound, file, rowNumber, 'nwound'),
		suicide: row.suicide === 1 ? true : row.suicide === 0 ? false : null,
		summary: text(row.summary),
		source: sources.length ? sources.join('\n') : null
	};
	return { incident, flag };
}

/** Normalises every feature of a GTD GeoJSON extract, with a per-reason report. */
export function normaliseGtdFeatures(features: Feature<Point | null, GtdRow>[], opts: NormaliseOptions): { incidents: Incident[]; report: NormaliseReport } {
	const report: NormaliseReport = { file: opts.file, rowsRead: 0, rowsWritten: 0, flagged: {}, notes: [] };
	const incidents: Incident[] = [];
	const seen = new Set<string>();
	features.forEach((feature, i) => {
		const rowNumber = i + 1;
		report.rowsRead++;
		if (feature.geometry && feature.geometry.type !== 'Point') {
			throw new SourceRowError(opts.file, rowNumber, 'geometry', `expected a Point or null, got ${feature.geometry.type}`);
		}
		const { incident, flag } = normaliseGtdRow(feature.properties ?? {}, feature.geometry, rowNumber, opts);
		if (seen.has(incident.id)) {
			throw new SourceRowError(opts.file, rowNumber, 'eventid', `duplicate id ${incident.id}`);
		}
		seen.add(incident.id);
		if (flag) {
			report.flagged[flag.reason] = (report.flagged[flag.reason] ?? 0) + 1;
			report.notes.push({ row: rowNumber, ...flag });
		}
		incidents.push(incident);
		report.rowsWritten++;
	});
	return { incidents, report };
}
