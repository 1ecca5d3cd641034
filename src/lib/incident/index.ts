/**
 * The one incident schema shared by every source (see DATA-MODEL.md in the shared folder).
 * Pure types and tiny helpers: no DOM, usable from Node, a Worker or a test.
 */
import type { FetchProvenance } from '../connectors/index.js';

export type DatePrecision = 'day' | 'month' | 'year';

/** How precisely the source located the event; decides whether it can be counted in a district. */
export type PlacePrecision = 'exact' | 'near' | 'district' | 'province' | 'country' | 'unknown';

export interface Incident {
	/** Unique within its dataset. */
	id: string;
	/** ISO date (YYYY-MM-DD); the first day of the month/year when the source gives less. */
	date: string;
	datePrecision: DatePrecision;
	/** WGS84; both null when the source has no usable coordinates. */
	lon: number | null;
	lat: number | null;
	placePrecision: PlacePrecision;
	place: string | null;
	provinceRecorded: string | null;
	districtRecorded: string | null;
	eventType: string | null;
	subType: string | null;
	target: string | null;
	actor: string | null;
	/** null = unknown, which is not zero. */
	killed: number | null;
	wounded: number | null;
	suicide: boolean | null;
	summary: string | null;
	source: string | null;
}

/**
 * What the planning tools (site check, route corridor, border bands) read of an incident: where,
 * how precisely, when and its toll. The engine worker builds these from its columns, so the page
 * needs no rows for them.
 */
export type PlacedIncident = Pick<Incident, 'lon' | 'lat' | 'placePrecision' | 'date' | 'killed' | 'wounded'>;

export interface DatasetInfo {
	/** Stable key, used in URLs and file names (e.g. `gtd-2008`). */
	id: string;
	/** Human name shown in the dataset switch. */
	name: string;
	format: 'GTD' | 'UCDP GED' | 'ACLED' | 'GeoJSON' | 'CSV';
	/** Short attribution line, shown wherever the data is shown or exported. */
	attribution: string;
	licence: string;
	/** First and last event date in the dataset (ISO). */
	dateRange: [string, string] | null;
	/** For datasets fetched from an API ("Get current data"): API, query and retrieval time. */
	fetched?: FetchProvenance;
}

/** Why a row was flagged during normalisation (it is still kept). */
export type FlagReason = 'no-coordinates' | 'coordinates-out-of-range' | 'province-level-location' | 'country-level-location';

export interface NormaliseReport {
	file: string;
	rowsRead: number;
	rowsWritten: number;
	/** Rows kept but flagged, by reason; a row may carry one reason at most. */
	flagged: Partial<Record<FlagReason, number>>;
	/** Row-level notes: 1-based row number in the source and what is wrong. */
	notes: { row: number; reason: FlagReason; detail: string }[];
	/**
	 * Rows the importer could not use (datasets bundled with `npm run geodata -- --add`):
	 * rowsRead = rowsWritten + rejected.length.
	 */
	rejected?: { row: number; column: string; problem: string }[];
}

export interface IncidentDataset {
	info: DatasetInfo;
	incidents: Incident[];
	report: NormaliseReport;
}

/** First and last event date of a set of incidents (ISO), or null when there are none. */
export function dateRange(incidents: readonly { date: string }[]): [string, string] | null {
	if (incidents.length === 0) return null;
	// ISO dates order as strings: one pass for the least and greatest (a sort took 0.2 s at 1 M rows).
	let first = incidents[0]!.date;
	let last = first;
	for (const { date } of incidents) {
		if (date < first) first = date;
		if (date > last) last = date;
	}
	return [first, last];
}

/** Place precisions that are fine enough to count the event in a district (DATA-MODEL.md). */
export function countsInDistrict(p: PlacePrecision): boolean {
	return p === 'exact' || p === 'near' || p === 'district';
}
