/**
 * Exports of what is on screen: incidents (CSV, GeoJSON), district figures (CSV), rejected
 * rows (CSV). Every file carries the data source and the filters used. CSV text cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) are neutralised with a
 * leading apostrophe (OWASP "CSV injection").
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { BOUNDARY_CREDIT } from '../geodata/index.js';
import { fetchedLine } from '../incident/provenance.js';
import type { DatasetInfo, Incident } from '../incident/index.js';
import type { RejectedRow } from '../importers/index.js';
import { notRecorded, rolesOf, type SourceRoles } from '../actors/index.js';
import { BLANK_INCIDENT } from '../incident/blank.js';

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
	/** The period and releases of the figures ("January 2026 · UCDP Candidate 26.0.1, preliminary"), and what of it is not covered. */
	period?: string;
	coverage?: string | null;
}

/** For a fetched dataset: API, query and retrieval time (empty for files and bundled data). */
const retrieval = (p: Provenance) => (p.dataset.fetched ? fetchedLine(p.dataset.fetched) : '');

/** The citation of the release a row comes from (a series names one per release), else the dataset's attribution. */
const citationOf = (p: Provenance, inc: Incident) => p.dataset.releases?.find((r) => r.name === inc.release)?.citation ?? p.dataset.attribution;

/**
 * An incident's exported fields, named as its source names them (src/lib/actors): a GTD
 * `perpetrator` and `target_type`; UCDP `side_a`, `side_b` and a `target` only for one-sided
 * violence; ACLED `actor1`, `actor2`. A figure the source does not record reads "not recorded by
 * UCDP", never 0 or empty (empty means unknown for this one event).
 */
function incidentFields(inc: Incident, district: string, roles: SourceRoles): [string, Cell][] {
	const fields: [string, Cell][] = [
		['id', inc.id],
		['date', inc.date],
		['date_precision', inc.datePrecision],
		['longitude', inc.lon],
		['latitude', inc.lat],
		// A row without coordinates has no place to be precise about (the importer keeps it as "no coordinates").
		['place_precision', inc.lat === null || inc.lon === null ? 'none' : inc.placePrecision],
		['place', inc.place],
		['province_recorded', inc.provinceRecorded],
		['district_recorded', inc.districtRecorded],
		['district', district],
		['event_type', inc.eventType],
		['sub_type', inc.subType],
		[roles.columns.actor, inc.actor]
	];
	if (roles.columns.actor2) fields.push([roles.columns.actor2, inc.actor2]);
	if (roles.columns.target) fields.push([roles.columns.target, inc.target]);
	fields.push(['killed', inc.killed], ['wounded', roles.wounded ? inc.wounded : notRecorded(roles)]);
	if (roles.suicide) fields.push(['suicide', inc.suicide]);
	fields.push(['summary', inc.summary], ['source', inc.source], ['release', inc.release ?? null]);
	return fields;
}

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

/** The provenance every exported row carries: which data, its terms, period and coverage, the retrieval and the filters. */
function provenanceFields(p: Provenance, inc: Incident): [string, Cell][] {
	return [
		['dataset', p.dataset.name],
		['attribution', p.dataset.attribution],
		['licence', p.dataset.licence],
		['citation', citationOf(p, inc)],
		['period', p.period ?? ''],
		['coverage', p.coverage ?? ''],
		['retrieval', retrieval(p)],
		['filters', p.filters]
	];
}

export function incidentsCsv(incidents: readonly Incident[], districtOf: (i: number) => string, p: Provenance): string {
	const roles = rolesOf(p.dataset);
	const rows = incidents.map((inc, i) => [...incidentFields(inc, districtOf(i), roles), ...provenanceFields(p, inc)]);
	const headers = rows[0]?.map(([name]) => name) ?? [...incidentFields(EMPTY, '', roles), ...provenanceFields(p, EMPTY)].map(([name]) => name);
	return toCsv(
		headers,
		rows.map((r) => r.map(([, v]) => v))
	);
}

/** A row with every field empty: the header of an export without rows. */
const EMPTY = BLANK_INCIDENT;

export function incidentsGeoJson(incidents: readonly Incident[], districtOf: (i: number) => string, p: Provenance): string {
	const roles = rolesOf(p.dataset);
	const features: Feature<Point | null>[] = incidents.map((inc, i) => ({
		type: 'Feature',
		geometry: inc.lon === null || inc.lat === null ? null : { type: 'Point', coordinates: [inc.lon, inc.lat] },
		properties: Object.fromEntries([...incidentFields(inc, districtOf(i), roles), ['citation', citationOf(p, inc)]])
	}));
	const fc: FeatureCollection<Point | null> & Record<string, unknown> = {
		type: 'FeatureCollection',
		dataset: p.dataset.name,
		attribution: p.dataset.attribution,
		licence: p.dataset.licence,
		period: p.period ?? '',
		coverage: p.coverage ?? '',
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
	const roles = rolesOf(p.dataset);
	const wounded = (r: DistrictFigures): Cell[] => (roles.wounded ? [r.wounded, r.woundedUnknown] : [notRecorded(roles), notRecorded(roles)]);
	return toCsv(
		[
			'slug',
			'district',
			'province',
			'area_km2',
			'area_source',
			'population_2023_pbs',
			'incidents',
			'killed',
			'wounded',
			'killed_unknown_incidents',
			'wounded_unknown_incidents',
			valueLabel,
			'rank',
			'dataset',
			'attribution',
			'licence',
			'period',
			'coverage',
			'retrieval',
			'filters',
			'geography'
		],
		rows.map((r) => {
			const [w, wu] = wounded(r);
			return [
				r.slug,
				r.name,
				r.province,
				r.areaKm2,
				r.areaSource,
				r.population ?? 'no census figure',
				r.incidents,
				r.killed,
				w,
				r.killedUnknown,
				wu,
				r.value,
				r.rank,
				p.dataset.name,
				p.dataset.attribution,
				p.dataset.licence,
				p.period ?? '',
				p.coverage ?? '',
				retrieval(p),
				p.filters,
				BOUNDARY_CREDIT
			];
		})
	);
}

/** Rejected import rows with their original cells and why, ready to fix and import again. */
export function rejectedCsv(headers: readonly string[], rejections: readonly RejectedRow[]): string {
	return toCsv(
		['row', 'column', 'problem', ...headers],
		rejections.map((r) => [r.row, r.column, r.problem, ...headers.map((h) => r.cells[h])])
	);
}
