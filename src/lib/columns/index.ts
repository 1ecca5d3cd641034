/**
 * Incidents as typed columns: what the join and the re-aggregation read. A filter, period or
 * metric change then loops over flat arrays, with no objects and no geometry.
 */
import type { Incident, PlacePrecision } from '../incident/index.js';

/** Place precisions by code (the index stored in `precision`). */
export const PRECISIONS: readonly PlacePrecision[] = ['exact', 'near', 'district', 'province', 'country', 'unknown'];
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
	/** NaN where the source does not know (unknown is not zero). */
	killed: Float64Array;
	wounded: Float64Array;
}

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date (YYYY-MM-DD), UTC. */
export function dayNumber(iso: string): number {
	return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

export function isoDate(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function toColumns(incidents: readonly Incident[]): IncidentColumns {
	const n = incidents.length;
	const cols: IncidentColumns = {
		length: n,
		lon: new Float64Array(n),
		lat: new Float64Array(n),
		precision: new Uint8Array(n),
		day: new Int32Array(n),
		killed: new Float64Array(n),
		wounded: new Float64Array(n)
	};
	for (let i = 0; i < n; i++) {
		const inc = incidents[i]!;
		cols.lon[i] = inc.lon ?? NaN;
		cols.lat[i] = inc.lat ?? NaN;
		cols.precision[i] = PRECISIONS.indexOf(inc.placePrecision);
		cols.day[i] = dayNumber(inc.date);
		cols.killed[i] = inc.killed ?? NaN;
		cols.wounded[i] = inc.wounded ?? NaN;
	}
	return cols;
}
