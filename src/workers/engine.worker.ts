/**
 * The analytic engine off the main thread: the spatial join runs once per dataset (in chunks, with
 * progress), then every filter change re-aggregates the typed columns held here: a change of the
 * time window alone is summed from the per-month cube of the other filters (src/lib/aggregate/timecube),
 * and that cube is built from the rows grouped into cells once per dataset (src/lib/aggregate/cells).
 */
import { expose } from 'comlink';
import { buildJoinIndex, locate, type JoinIndex } from '../lib/join/index.js';
import { aggregate, assignColumns, type Aggregation, type Assignment } from '../lib/aggregate/index.js';
import { aggregateWindow, buildTimeCube, cubeKey, monthWindow, type TimeCube } from '../lib/aggregate/timecube.js';
import { groupCells, type Cells } from '../lib/aggregate/cells.js';
import type { IncidentFilter } from '../lib/filter/index.js';
import { DATE_PRECISIONS, toColumns, type IncidentColumns } from '../lib/columns/index.js';
import { placedIncidents } from '../lib/table/index.js';
import { loadImported, loadImportedColumns, loadImportedRows } from '../data/store/index.js';
import type { Incident, PlacedIncident } from '../lib/incident/index.js';
import { siteRisk, type SiteRisk, type Tally } from '../lib/risk/index.js';
import type { RouteExposure } from '../lib/route/index.js';
import type { BandCount, BorderIndex } from '../lib/border/index.js';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { EXPORT_TYPE, exportIncidents, type IncidentExport, type Provenance } from '../lib/export/index.js';
import type { District } from '../lib/districts/index.js';
import { POINTS_TYPE, pointsGeoJson } from '../lib/points/index.js';

/** The date-precision code of events known only to the year. */
const YEAR = DATE_PRECISIONS.indexOf('year');

/** Rows joined between two progress reports. */
const CHUNK = 1 << 16;

let index: JoinIndex | null = null;
/** District slugs, index-aligned with the join's district codes (for exports). */
let slugs: string[] = [];
let columns: IncidentColumns | null = null;
let assignment: Assignment | null = null;
/** The rows grouped into cells once per dataset: a filter change visits cells, not rows. */
let cells: Cells | null = null;
/** The cube of the last non-date filter: time changes (slider, play) are answered from it. */
let cube: { key: string; cube: TimeCube } | null = null;

interface Joined {
	columns: IncidentColumns;
	assignment: Assignment;
	cells: Cells;
}

/**
 * An import's columns, sent here by the import worker (over a MessageChannel the page set up)
 * while it stores them: joined at once, so that when the page asks for the stored dataset the
 * join is already done. Never the dataset on screen until the page asks for its id.
 */
let preloaded: { id: string; joined: Joined } | null = null;

function joinColumns(cols: IncidentColumns, onProgress?: (done: number, total: number) => void): Joined {
	if (!index) throw new Error('engine: setDistricts first');
	const out = new Int32Array(cols.length);
	for (let from = 0; from < cols.length; from += CHUNK) {
		const to = Math.min(cols.length, from + CHUNK);
		assignColumns(cols, index, out, from, to);
		onProgress?.(to, cols.length);
	}
	return { columns: cols, assignment: out, cells: groupCells(cols, out, index.districtCount) };
}

/**
 * The planning tools' view of the rows (where, how precisely, when, toll), built from the columns
 * the first time a tool asks, once per dataset: the site check, route corridor and border bands run
 * here, so the page needs no rows for them.
 */
let placed: PlacedIncident[] | null = null;
function placedRows(): PlacedIncident[] {
	if (!columns) throw new Error('engine: load a dataset first');
	return (placed ??= placedIncidents(columns));
}
const coordinatesOf = (rows: readonly number[]): [number, number][] => rows.map((i) => [columns!.lon[i]!, columns!.lat[i]!]);
/** Which rows pass a filter (what the planning tools count, the points layer draws and an export holds). */
const passingRows = (filter: IncidentFilter) => engine.aggregate(filter, true).passing!;

/** Route and border-band code, loaded here the first time a route or the bands are asked for. */
let routeLib: Promise<typeof import('../lib/route/index.js')> | null = null;
let border: { lib: typeof import('../lib/border/index.js'); index: BorderIndex; provinces: Feature<Polygon | MultiPolygon>[] } | null = null;

/** The imported dataset whose columns these are (null for bundled data): reads of its rows reuse them. */
let storedId: string | null = null;
const columnsOf = (id: string) => (storedId === id ? (columns ?? undefined) : undefined);

/** Rows of each district, in row order (built on the first district list asked for). */
let byDistrict: { start: Int32Array; rows: Int32Array } | null = null;

/** Makes a joined dataset the one aggregated; returns a copy of its assignment for the page. */
function show(joined: Joined): Assignment {
	({ columns, assignment, cells } = joined);
	cube = byDistrict = placed = null;
	return joined.assignment.slice();
}

function join(cols: IncidentColumns, onProgress?: (done: number, total: number) => void): Assignment {
	return show(joinColumns(cols, onProgress));
}

/** The month cube of the filter's non-date part (the last one is kept: time changes reuse it). */
function cubeFor(filter: IncidentFilter): TimeCube {
	const key = cubeKey(filter);
	if (cube?.key !== key) cube = { key, cube: buildTimeCube(cells!, filter) };
	return cube.cube;
}

/** Row numbers grouped by district (a counting sort of the assignment; buckets left out). */
function rowsByDistrict(assignment: Assignment, districtCount: number): { start: Int32Array; rows: Int32Array } {
	const start = new Int32Array(districtCount + 1);
	for (let i = 0; i < assignment.length; i++) if (assignment[i]! >= 0) start[assignment[i]! + 1]!++;
	for (let d = 0; d < districtCount; d++) start[d + 1]! += start[d]!;
	const next = start.slice(0, districtCount);
	const rows = new Int32Array(start[districtCount]!);
	for (let i = 0; i < assignment.length; i++) if (assignment[i]! >= 0) rows[next[assignment[i]!]!++] = i;
	return { start, rows };
}

/** The district a point is in (the join's own index; -1 for none) and its km to the border (NaN before the border is sent). */
const placeOf = (p: [number, number]) => ({
	district: index ? locate(index, p[0], p[1]) : -1,
	borderKm: border ? border.lib.nearestBorderKm(border.index, p[0], p[1]) : NaN
});

const engine = {
	setDistricts(districts: District[]): void {
		index = buildJoinIndex(districts);
		slugs = districts.map((d) => d.properties.slug);
		columns = assignment = cube = cells = byDistrict = preloaded = storedId = placed = null;
	},

	/** The import worker's end of a channel: it sends each import's columns while it stores them. */
	listenToImporter(port: MessagePort): void {
		port.onmessage = ({ data }: MessageEvent<{ id: string; columns: IncidentColumns } | { id: string; drop: true }>) => {
			if ('drop' in data) {
				if (preloaded?.id === data.id) preloaded = null; // storing it failed
				return;
			}
			preloaded = null; // one at a time: a new import replaces an earlier one never shown
			preloaded = { id: data.id, joined: joinColumns(data.columns) };
		};
	},

	/** Joins the columns to the districts; returns a copy of the assignment for the main thread. */
	load(cols: IncidentColumns, onProgress?: (done: number, total: number) => void): Assignment {
		storedId = null;
		return join(cols, onProgress);
	},

	/**
	 * An imported dataset, read from IndexedDB here: its stored typed columns (one record), or for
	 * a dataset stored before columns were, its rows turned into columns here. The page does not
	 * build columns of a large import on its own thread. Returns the assignment and the category
	 * labels (the filter controls' options).
	 */
	async loadStored(id: string, onProgress?: (done: number, total: number) => void): Promise<{ assignment: Assignment; labels: IncidentColumns['labels'] }> {
		if (preloaded?.id === id) {
			const { joined } = preloaded;
			preloaded = null;
			onProgress?.(joined.columns.length, joined.columns.length);
			storedId = id;
			return { assignment: show(joined), labels: joined.columns.labels };
		}
		const cols = (await loadImportedColumns(id)) ?? toColumns((await loadImported(id)).incidents);
		const assignment = join(cols, onProgress);
		storedId = id;
		return { assignment, labels: cols.labels };
	},

	/**
	 * A district's incidents under a filter, for its list, without the rows leaving storage: their
	 * row numbers by date (then by row), and its monthly trend over the dataset's months (events
	 * known only to the year counted apart, as `monthlyCounts` does with rows).
	 */
	districtList(filter: IncidentFilter, district: number): { rows: Int32Array; counts: Int32Array; yearOnly: number } {
		if (!index || !columns || !assignment || !cells) throw new Error('engine: load a dataset first');
		const passes = cubeFor(filter).cellPasses;
		if (!byDistrict) byDistrict = rowsByDistrict(assignment, index.districtCount);
		const { day, month, datePrecision } = columns;
		const dayFrom = filter.dayFrom ?? -Infinity;
		const dayTo = filter.dayTo ?? Infinity;
		const counts = new Int32Array(cells.monthCount);
		let yearOnly = 0;
		const rows: number[] = [];
		for (let k = byDistrict.start[district]!, end = byDistrict.start[district + 1]!; k < end; k++) {
			const i = byDistrict.rows[k]!;
			if (!passes[cells.ofRow[i]!] || day[i]! < dayFrom || day[i]! > dayTo) continue;
			rows.push(i);
			if (datePrecision[i] === YEAR) yearOnly++;
			else counts[month[i]! - cells.months.first]!++;
		}
		const sorted = Int32Array.from(rows).sort((a, b) => day[a]! - day[b]! || a - b);
		return { rows: sorted, counts, yearOnly };
	},

	/** Rows of a stored dataset by row number, read here (only the chunks that hold them). */
	readRows(id: string, rows: Int32Array): Promise<Incident[]> {
		return loadImportedRows(id, rows, columnsOf(id));
	},

	/**
	 * An export of an import's incidents under a filter, written here from the stored rows, so
	 * they are never all on the page. Returns the file as a Blob (handed over, not copied).
	 */
	async exportIncidents(id: string, filter: IncidentFilter, kind: IncidentExport, provenance: Provenance): Promise<Blob> {
		if (!assignment) throw new Error('engine: load a dataset first');
		const { incidents } = await loadImported(id, columnsOf(id));
		if (incidents.length !== assignment.length)
			throw new Error(`storage changed (${incidents.length} rows stored, ${assignment.length} joined); reload the page`);
		const text = exportIncidents(kind, incidents, passingRows(filter), assignment, slugs, provenance);
		return new Blob([text], { type: EXPORT_TYPE[kind] });
	},

	/**
	 * Site check figures for each point under a filter (src/lib/risk), with the coordinates of the
	 * incidents within the radius (for the map), and the district each point is in (the join's own
	 * index: the page testing every district's polygon took 12 ms a site, 24 s for 2,000 saved sites).
	 */
	siteRisks(
		points: [number, number][],
		options: { radiusKm: number; recentMonths: number; nearest: number },
		filter: IncidentFilter
	): { risk: SiteRisk; within: [number, number][]; district: number; borderKm: number }[] {
		const rows = placedRows();
		const passing = passingRows(filter);
		return points.map((p) => {
			const risk = siteRisk(p, rows, passing, options);
			return {
				risk,
				within: coordinatesOf(risk.within.map((w) => w.index)),
				...placeOf(p)
			};
		});
	},

	/**
	 * The saved-sites table's figures: each point's tallies (all and recent), district and border
	 * distance, without the incidents within the radius. For 20,000 sites those lists made one
	 * message the page took 176 ms to receive; the table shows only the counts.
	 */
	siteTallies(
		points: [number, number][],
		options: { radiusKm: number; recentMonths: number },
		filter: IncidentFilter
	): { all: Tally; recent: Tally; district: number; borderKm: number }[] {
		const rows = placedRows();
		const passing = passingRows(filter);
		return points.map((p) => {
			const { all, recent } = siteRisk(p, rows, passing, { ...options, nearest: 0 });
			return { all, recent, ...placeOf(p) };
		});
	},

	/** Route corridor figures under a filter (src/lib/route), with the coordinates of the incidents in the corridor. */
	async routeExposure(
		route: [number, number][],
		options: { halfWidthKm: number; segmentKm: number },
		filter: IncidentFilter
	): Promise<{ exposure: RouteExposure; inCorridor: [number, number][] }> {
		const lib = await (routeLib ??= import('../lib/route/index.js'));
		const exposure = lib.routeExposure(route, placedRows(), passingRows(filter), options);
		return { exposure, inCorridor: coordinatesOf(exposure.inCorridor) };
	},

	/** The Afghanistan–Pakistan border line and Pakistan's parts, for the border bands (once). */
	async setBorder(line: Feature<MultiLineString>, provinces: Feature<Polygon | MultiPolygon>[]): Promise<void> {
		const lib = await import('../lib/border/index.js');
		border = { lib, index: lib.borderIndex(line), provinces };
	},

	/** Incidents under a filter in each band from the border (src/lib/border). */
	bandCounts(filter: IncidentFilter): { bands: BandCount[]; total: number } {
		if (!border) throw new Error('engine: setBorder first');
		return border.lib.countInBands(border.index, border.provinces, placedRows(), passingRows(filter));
	},

	/**
	 * The points layer's data under a filter, written here from the columns as a GeoJSON file
	 * (src/lib/points): the page hands it to MapLibre as a URL and never holds the points.
	 */
	points(filter: IncidentFilter): Blob {
		if (!columns || !assignment) throw new Error('engine: load a dataset first');
		return new Blob(pointsGeoJson(columns.lon, columns.lat, passingRows(filter), assignment), { type: POINTS_TYPE });
	},

	/**
	 * Totals, facets and histograms under a filter. `passing` (one flag per row) is computed only
	 * when the page holds rows to read it with (`withPassing`).
	 */
	aggregate(filter: IncidentFilter = {}, withPassing = true): Aggregation {
		if (!index || !columns || !assignment || !cells) throw new Error('engine: load a dataset first');
		const window = monthWindow(filter);
		if (!window) return aggregate(columns, assignment, index.districtCount, filter);
		return aggregateWindow(cubeFor(filter), window, withPassing);
	}
};

export type EngineApi = typeof engine;
expose(engine);
