/**
 * The one incident schema shared by every source (see DATA-MODEL.md in the shared folder).
 * Pure types and tiny helpers: no DOM, usable from Node, a Worker or a test.
 */
import type { FetchProvenance } from './provenance.js';

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
	/** What the source codes as the target (GTD target type; UCDP one-sided violence: civilians; ACLED actor 2); null = not coded. */
	target: string | null;
	/** The first actor as the source codes it: GTD perpetrator group, UCDP side A, ACLED actor 1. */
	actor: string | null;
	/** The second party, where the source codes a pair: UCDP side B, ACLED actor 2; null for GTD. */
	actor2: string | null;
	/** null = unknown, which is not zero. */
	killed: number | null;
	wounded: number | null;
	suicide: boolean | null;
	summary: string | null;
	source: string | null;
	/** The release the row comes from, where a dataset holds several ("UCDP Candidate 26.0.1"). */
	release?: string;
}

/**
 * What the planning tools (site check, route corridor, border bands) read of an incident: where,
 * how precisely, when and its toll. The engine worker builds these from its columns, so the page
 * needs no rows for them.
 */
export type PlacedIncident = Pick<Incident, 'lon' | 'lat' | 'placePrecision' | 'date' | 'killed' | 'wounded'>;

/**
 * One release of a source and the months it covers, e.g. UCDP GED 22.1 (1989-01 – 2021-12) or
 * UCDP Candidate 26.0.1 (2026-01, preliminary). A series of releases is one dataset with one
 * timeline; a month no release covers is "not covered", never a month with no events.
 */
export interface ReleaseInfo {
	/** Stable key, e.g. `ged-22.1`, `candidate-26.0.1`. */
	id: string;
	/** "UCDP GED 22.1", "UCDP Candidate 26.0.1". */
	name: string;
	/** Months covered, inclusive ("YYYY-MM"). */
	months: [string, string];
	/** Preliminary data (UCDP Candidate): the publisher revises it in a later release. */
	preliminary: boolean;
	/** What to cite for this release (the papers the publisher names). */
	citation: string;
	/** Rows of the dataset from this release (imported). */
	rows: number;
}

/** Whose codebook a dataset's rows follow (which decides the actors' roles and what is recorded). */
export type Codebook = 'GTD' | 'UCDP GED' | 'ACLED' | 'mapped';

export interface DatasetInfo {
	/** Stable key, used in URLs and file names (e.g. `gtd-2008`). */
	id: string;
	/** Human name shown in the dataset switch. */
	name: string;
	format: 'GTD' | 'UCDP GED' | 'ACLED' | 'GeoJSON' | 'CSV';
	/** For GeoJSON points read as a known export's columns: that export's codebook (else from `format`). */
	codebook?: Codebook;
	/**
	 * The releases the dataset holds and the months each covers (a series such as UCDP GED 22.1 +
	 * Candidate 26.0.1). Absent: the dataset covers every month from its first to its last event.
	 */
	releases?: ReleaseInfo[];
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
	/** HXL tag rows recognised under the header (HDX's layout): not events, not rejected, not in rowsRead. */
	hxlRows?: number;
	/** Rows a newer release's row of the same id replaced: rowsRead = rowsWritten + rejected + replaced. */
	replaced?: number;
}

export interface IncidentDataset {
	info: DatasetInfo;
	incidents: Incident[];
	report: NormaliseReport;
	/**
	 * Releases of a bundled series whose rows are not loaded yet (fetched when a window first
	 * needs them); absent or empty when every row is here.
	 */
	unloaded?: string[];
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
