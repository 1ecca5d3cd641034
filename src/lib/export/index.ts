/**
 * Exports of what is on screen: incidents (CSV, GeoJSON), district figures (CSV), rejected
 * rows (CSV). Every file carries the data source and the filters used. CSV text cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) are neutralised with a
 * leading apostrophe (OWASP "CSV injection").
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { BOUNDARY_CREDIT } from '../geodata/index.js';
import { fetchedLine } from '../connectors/index.js';
import type { DatasetInfo, Incident } from '../incident/index.js';

type Cell = string | number | boolean | null | undefined;

export function csvCell(v: Cell): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
	return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return [headers.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** Provenance repeated on every exported row, so it survives any later cut or merge. */
export interface Provenance {
	dataset: DatasetInfo;
	/** Human-readable filters (e.g. "Dates: Mar 2008 – May 2008; Group: …"), or "none". */
	filters: string;
}

/** For a fetched dataset: API, query and retrieval time (empty for files and bundled data). */
const retrieval = (p: Provenance) => (p.dataset.fetched ? fetchedLine(p.dataset.fetched) : '');

const INCIDENT_COLUMNS = [
	'id', 'date', 'date_precision', 'longitude', 'latitude', 'place_precision', 'place', 'province_recorded', 'district_recorded',
	'district', 'event_type', 'sub_type', 'target', 'actor', 'killed', 'wounded', 'suicide', 'summary', 'source'
] as const;

/** Where an exported incident was counted: its district's slug, or the bucket it fell in. */
export function countedIn(code: number, slugs: readonly string[]): string {
	return code >= 0 ? slugs[code]! : code === -1 ? 'outside KP/Balochistan' : code === -2 ? 'province-level location' : 'no coordinates';
}

export type IncidentExport = 'incidents-csv' | 'incidents-geojson';
/** The media type of each incident export. */
export const EXPORT_TYPE: Record<IncidentExport, string> = { 'incidents-csv': 'text/csv', 'incidents-geojson': 'application/geo+json' };

/**
 * The export of the incidents that pass the filters (`passing`, row-aligned with `incidents`
 * and `assignment`), each with where it was counted: the same text whether the page or the
 * engine worker (for an import whose rows stay in storage) writes it.
 */
export function exportIncidents(
	kind: IncidentExport,
	incidents: readonly Incident[],
	passing: Uint8Array,
	assignment: Int32Array,
	slugs: readonly string[],
	p: Provenance
): string {
	const rows: Incident[] = [];
	const codes: number[] = [];
	for (let i = 0; i < incidents.length; i++) {
		if (!passing[i]) continue;
		rows.push(incidents[i]!);
		codes.push(assignment[i]!);
	}
	const districtOf = (k: number) => countedIn(codes[k]!, slugs);
	return kind === 'incidents-csv' ? incidentsCsv(rows, districtOf, p) : incidentsGeoJson(rows, districtOf, p);
}

export function incidentsCsv(incidents: readonly Incident[], districtOf: (i: number) => string, p: Provenance): string {
	return toCsv(
		[...INCIDENT_COLUMNS, 'dataset', 'attribution', 'licence', 'retrieval', 'filters'],
		incidents.map((inc, i) => [
			inc.id, inc.date, inc.datePrecision, inc.lon, inc.lat, inc.placePrecision, inc.place, inc.provinceRecorded, inc.districtRecorded,
			districtOf(i), inc.eventType, inc.subType, inc.target, inc.actor, inc.killed, inc.wounded, inc.suicide, inc.summary, inc.source,
			p.dataset.name, p.dataset.attribution, p.dataset.licence, retrieval(p), p.filters
		])
	);
}

export function incidentsGeoJson(incidents: readonly Incident[], districtOf: (i: number) => string, p: Provenance): string {
	const features: Feature<Point | null>[] = incidents.map((inc, i) => ({
		type: 'Feature',
		geometry: inc.lon === null || inc.lat === null ? null : { type: 'Point', coordinates: [inc.lon, inc.lat] },
		properties: { ...inc, district: districtOf(i) }
	}));
	const fc: FeatureCollection<Point | null> & { attribution: string; licence: string; dataset: string; retrieval: string; filters: string } = {
		type: 'FeatureCollection',
		dataset: p.dataset.name,
		attribution: p.dataset.attribution,
		licence: p.dataset.licence,
		retrieval: retrieval(p),
		filters: p.filters,
		features
	};
	return JSON.stringify(fc);
}

export interface DistrictFigures {
	slug: string;
	name: string;
	province: string;
	/** The area rates divide by, and where it comes from (PBS-published or measured). */
	areaKm2: number;
	areaSource: string;
	/** PBS Census 2023 population; null = no census figure. */
	population: number | null;
	incidents: number;
	killed: number;
	wounded: number;
	killedUnknown: number;
	woundedUnknown: number;
	/** The mapped value and what it is (e.g. "incidents per 1,000 km²"); null = no figure. */
	value: number | null;
	rank: number;
}

export function districtsCsv(rows: readonly DistrictFigures[], valueLabel: string, p: Provenance): string {
	return toCsv(
		['slug', 'district', 'province', 'area_km2', 'area_source', 'population_2023_pbs', 'incidents', 'killed', 'wounded', 'killed_unknown_incidents', 'wounded_unknown_incidents', valueLabel, 'rank', 'dataset', 'attribution', 'retrieval', 'filters', 'geography'],
		rows.map((r) => [r.slug, r.name, r.province, r.areaKm2, r.areaSource, r.population ?? 'no census figure', r.incidents, r.killed, r.wounded, r.killedUnknown, r.woundedUnknown, r.value, r.rank, p.dataset.name, p.dataset.attribution, retrieval(p), p.filters, BOUNDARY_CREDIT])
	);
}

/** Rejected import rows with their original cells and why, ready to fix and import again. */
export function rejectedCsv(headers: readonly string[], rejections: readonly { row: number; column: string; problem: string; cells: Record<string, string | undefined> }[]): string {
	return toCsv(
		['row', 'column', 'problem', ...headers],
		rejections.map((r) => [r.row, r.column, r.problem, ...headers.map((h) => r.cells[h])])
	);
}
