/**
 * Spatial join of incidents to districts and per-district totals.
 *
 * Every incident ends in exactly one bucket, so for every dataset and filter state
 *   districts + outside + coarse location + unlocated = rows   (DATA-MODEL.md)
 * - `unlocated`: no usable coordinates;
 * - `coarse`: coordinates exist but only at province/country level (GTD specificity ≥ 4), so
 *   they cannot be put in a district (they would pile up in whichever district holds the
 *   province centroid);
 * - `outside`: located, but in no KP/Balochistan district (other provinces, or abroad);
 * - otherwise the index of the district that contains the point.
 *
 * Edge rule: a point on a boundary counts as inside (Turf's default), and when it lies on an edge
 * shared by several districts it goes to the first of them in slug order (districts are sorted
 * by slug), so the result is deterministic.
 */
import { booleanPointInPolygon, bbox as turfBbox } from '@turf/turf';
import type { BBox } from 'geojson';
import type { District } from '../districts/index.js';
import { countsInDistrict, type Incident } from '../incident/index.js';
import { naturalBreaks, type ClassBreaks } from '../classify/index.js';

export const OUTSIDE = -1;
export const COARSE_LOCATION = -2;
export const UNLOCATED = -3;

/** District index per incident, or OUTSIDE / COARSE_LOCATION / UNLOCATED. */
export type Assignment = Int32Array;

function inBox(lon: number, lat: number, b: BBox): boolean {
	return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

export function assignIncidents(incidents: readonly Incident[], districts: readonly District[]): Assignment {
	const boxes = districts.map((d) => turfBbox(d));
	const out = new Int32Array(incidents.length);
	incidents.forEach((incident, i) => {
		const { lon, lat } = incident;
		if (lon === null || lat === null) {
			out[i] = UNLOCATED;
			return;
		}
		if (!countsInDistrict(incident.placePrecision)) {
			out[i] = COARSE_LOCATION;
			return;
		}
		out[i] = OUTSIDE;
		for (let d = 0; d < districts.length; d++) {
			if (inBox(lon, lat, boxes[d]!) && booleanPointInPolygon([lon, lat], districts[d]!)) {
				out[i] = d;
				return;
			}
		}
	});
	return out;
}

export interface Totals {
	incidents: number;
	/** Sum over incidents whose toll is known. */
	killed: number;
	wounded: number;
	/** Incidents whose toll the source does not give (unknown is not zero). */
	killedUnknown: number;
	woundedUnknown: number;
}

export interface Aggregation {
	/** Index-aligned with the districts array. */
	byDistrict: Totals[];
	inDistricts: Totals;
	outside: Totals;
	coarse: Totals;
	unlocated: Totals;
	rows: number;
}

const emptyTotals = (): Totals => ({ incidents: 0, killed: 0, wounded: 0, killedUnknown: 0, woundedUnknown: 0 });

function add(t: Totals, incident: Incident): void {
	t.incidents++;
	if (incident.killed === null) t.killedUnknown++;
	else t.killed += incident.killed;
	if (incident.wounded === null) t.woundedUnknown++;
	else t.wounded += incident.wounded;
}

/**
 * Totals per district and per bucket. `include` filters incidents (e.g. a date window) without
 * repeating the spatial join.
 */
export function aggregate(
	incidents: readonly Incident[],
	assignment: Assignment,
	districtCount: number,
	include: (incident: Incident) => boolean = () => true
): Aggregation {
	if (assignment.length !== incidents.length) throw new Error('aggregate: assignment and incidents differ in length');
	const result: Aggregation = {
		byDistrict: Array.from({ length: districtCount }, emptyTotals),
		inDistricts: emptyTotals(),
		outside: emptyTotals(),
		coarse: emptyTotals(),
		unlocated: emptyTotals(),
		rows: 0
	};
	incidents.forEach((incident, i) => {
		if (!include(incident)) return;
		result.rows++;
		const code = assignment[i]!;
		if (code >= 0) {
			add(result.byDistrict[code]!, incident);
			add(result.inDistricts, incident);
		} else if (code === OUTSIDE) add(result.outside, incident);
		else if (code === COARSE_LOCATION) add(result.coarse, incident);
		else add(result.unlocated, incident);
	});
	return result;
}

export type Metric = 'incidents' | 'killed' | 'wounded';
export const METRICS: readonly Metric[] = ['incidents', 'killed', 'wounded'];

/** Raw total, or per 1,000 km² when `perArea`. */
export function metricValue(totals: Totals, metric: Metric, perArea: boolean, areaKm2: number): number {
	const raw = totals[metric];
	return perArea ? (raw / areaKm2) * 1000 : raw;
}

/** Standard competition ranking ("1224"): 1 = highest value; equal values share a rank. */
export function rankDescending(values: readonly number[]): number[] {
	return values.map((v) => 1 + values.filter((w) => w > v).length);
}

export interface DistrictMetrics {
	/** Metric value per district, index-aligned with the districts. */
	values: number[];
	/** Competition rank per district (1 = highest value). */
	ranks: number[];
	breaks: ClassBreaks;
}

/** Everything the choropleth, legend, ranking and panel show for one metric choice. */
export function districtMetrics(
	districts: readonly District[],
	agg: Aggregation,
	metric: Metric,
	perArea: boolean,
	classCount = 5
): DistrictMetrics {
	const values = districts.map((d, i) => metricValue(agg.byDistrict[i]!, metric, perArea, d.properties.areaKm2));
	return { values, ranks: rankDescending(values), breaks: naturalBreaks(values, classCount) };
}
