/**
 * The incident datasets the geodata build bundles, and how each becomes files under
 * geodata/incidents/: the UCDP series (GED 22.1 + Candidate 26.0.1, one timeline, a file per
 * release), the two GTD extracts, and every dataset added with `--add`. The UCDP files go through
 * the same importer as `--add` and a file dropped on the page (same accounting); the GTD extracts
 * through the GTD normaliser. Every file is written as a table's columns (src/lib/bundle).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importCsv, sniff, type ImportResult } from '../src/lib/importers/file.js';
import type { KnownFormat } from '../src/lib/importers/index.js';
import type { FetchProvenance } from '../src/lib/incident/provenance.js';
import type { FeatureCollection, Point } from 'geojson';
import { normaliseGtdFeatures, type GtdRow } from '../src/lib/gtd/index.js';
import { dateRange, type DatasetInfo, type IncidentDataset, type NormaliseReport, type ReleaseInfo } from '../src/lib/incident/index.js';
import { bundledDataset, encodeTable, type BundledEntry, type BundledFile, type BundledPart } from '../src/lib/bundle/index.js';
import { tableDateRange, tableIncidents, toTable, type IncidentTable } from '../src/lib/table/index.js';
import { monthNumber } from '../src/lib/columns/index.js';
import { SOURCE_TERMS, UCDP_CITATIONS } from '../src/lib/importers/terms.js';
import { releaseNames } from '../src/lib/connectors/fill.js';
import { readJson } from './json.js';

/** Datasets added with `npm run geodata -- --add` (scripts/add-dataset.ts), listed in sources/datasets/index.json. */
export const ADDED_DIR = 'datasets';
export const INDEX = `${ADDED_DIR}/index.json`;

export interface AddedEntry {
	id: string;
	name: string;
	/** Relative to the sources folder. */
	file: string;
	format: KnownFormat;
	attribution: string;
	licence: string;
	/** For a file written by `npm run fetch-data`: its API, query and retrieval time. */
	fetched?: FetchProvenance;
	/** A fill (`fetch-data --fill`): the series it completes, and the releases its rows come from. */
	fills?: string;
	releases?: ReleaseInfo[];
}

export function readIndex(dir: string): AddedEntry[] {
	const path = join(dir, INDEX);
	if (!existsSync(path)) return [];
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as { datasets?: AddedEntry[] };
	if (!Array.isArray(parsed.datasets)) throw new Error(`${path}: expected {"datasets": [...]}`);
	return parsed.datasets;
}

/** Runs one CSV through the browser's importer (Node: the whole text at once). */
export async function importExport(path: string, file = basename(path), opts: { release?: string } = {}): Promise<ImportResult & { format: KnownFormat }> {
	const bytes = readFileSync(path);
	const sniffed = sniff(bytes.subarray(0, 4096), bytes.length, file);
	if (sniffed.kind !== 'csv') throw new Error(`${path}: expected a CSV export (UCDP GED, ACLED or GTD), found ${sniffed.kind}`);
	const text = new TextDecoder(sniffed.encoding).decode(bytes);
	const outcome = await importCsv(text, { file, size: bytes.length, encoding: sniffed.encoding, notes: sniffed.notes, release: opts.release });
	if (outcome.kind === 'needs-mapping') {
		throw new Error(`${path}: the header is not a UCDP GED, ACLED or GTD export (columns: ${outcome.headers.join(', ')})`);
	}
	if (outcome.kind !== 'done') throw new Error(`${path}: import cancelled`);
	const format = outcome.result.report.format;
	if (format !== 'UCDP GED' && format !== 'ACLED' && format !== 'GTD') throw new Error(`${path}: unexpected format ${format}`);
	return { ...outcome.result, format };
}

function toDataset(entry: AddedEntry, result: ImportResult): IncidentDataset {
	const info: DatasetInfo = {
		id: entry.id,
		name: entry.name,
		format: entry.format,
		attribution: entry.attribution,
		licence: entry.licence,
		dateRange: tableDateRange(result.table.columns),
		...(entry.fetched ? { fetched: entry.fetched } : {})
	};
	return { info, incidents: tableIncidents(result.table), report: normaliseReport(entry.file, result) };
}

/** An import's accounting in the report a bundled file carries (rows read = written + rejected; an HXL tag row apart). */
function normaliseReport(file: string, result: ImportResult): NormaliseReport {
	const r = result.report;
	return {
		file,
		rowsRead: r.rowsRead,
		rowsWritten: r.imported,
		flagged: { 'no-coordinates': r.unlocated, 'province-level-location': r.coarse },
		notes: [],
		rejected: result.rejections.map(({ row, column, problem }) => ({ row, column, problem })),
		hxlRows: r.hxlRows
	};
}

/** Every dataset listed in sources/datasets/index.json, imported afresh from its CSV. */
export async function addedDatasets(dir: string): Promise<{ file: string; dataset: IncidentDataset; table: IncidentTable }[]> {
	const out = [];
	// A fill is a part of the series it fills, not a dataset of its own.
	for (const entry of readIndex(dir).filter((e) => !e.fills)) {
		const result = await importExport(join(dir, entry.file), entry.file);
		out.push({ file: entry.file, dataset: toDataset(entry, result), table: result.table });
	}
	return out;
}

/** A release of a bundled series: its source file and the months UCDP says it covers. */
interface SeriesRelease extends Omit<ReleaseInfo, 'rows'> {
	source: string;
}

/**
 * UCDP GED 22.1 (HDX's copy: an extra `iso3` column and an HXL tag row) and UCDP Candidate
 * 26.0.1, as one series: 1989-01 – 2021-12 and 2026-01. 2022-01 – 2025-12 is in neither
 * ("Fill 2022–2025" fetches it with a UCDP token). Newest first in the manifest: the map opens on it.
 */
export const UCDP_SERIES = {
	id: 'ucdp',
	name: 'UCDP GED 22.1 + Candidate 26.0.1',
	attribution:
		'Uppsala Conflict Data Program (UCDP), ucdp.uu.se: GED 22.1 (Sundberg & Melander 2013; Davies, Pettersson & Öberg 2022) and Candidate 26.0.1 (Hegre, Croicu, Eck & Högbladh 2020)',
	releases: [
		{
			id: 'ged-22.1',
			name: 'UCDP GED 22.1',
			source: 'incidents/ucdp_ged_22_1_pakistan_hdx.csv',
			months: ['1989-01', '2021-12'],
			preliminary: false,
			citation: UCDP_CITATIONS['ged-22.1']
		},
		{
			id: 'candidate-26.0.1',
			name: 'UCDP Candidate 26.0.1',
			source: 'incidents/ucdp_candidate_26_0_1_pakistan.csv',
			months: ['2026-01', '2026-01'],
			preliminary: true,
			citation: UCDP_CITATIONS['candidate-26.0.1']
		}
	] satisfies SeriesRelease[]
};

const { attribution: GTD_ATTRIBUTION, licence: GTD_LICENCE } = SOURCE_TERMS.GTD;
const GTD_FILES: { file: string; info: Omit<DatasetInfo, 'dateRange'> }[] = [
	{
		file: 'incidents/gtd_pakistan_2008.geojson',
		info: { id: 'gtd-2008', name: 'GTD 2008 — all attack types', format: 'GTD', attribution: GTD_ATTRIBUTION, licence: GTD_LICENCE }
	},
	{
		file: 'incidents/gtd_pakistan_2015_bombings.geojson',
		info: { id: 'gtd-2015-bombings', name: 'GTD 2015 — bombings/explosions', format: 'GTD', attribution: GTD_ATTRIBUTION, licence: GTD_LICENCE }
	}
];

/** The ids the build gives its own datasets (an added dataset may not take one). */
export const BUNDLED_IDS = [UCDP_SERIES.id, ...GTD_FILES.map((g) => g.info.id)];

/** A dataset as the build writes it: its manifest entry, its files, and all its rows (for the log). */
export interface BuiltDataset {
	entry: BundledEntry;
	files: { part: BundledPart; file: BundledFile }[];
	dataset: IncidentDataset;
	/** The source files read, under sources/ (the manifest lists their SHA-256). */
	sources: string[];
}

/** A part before it is written: its table can still lose rows a newer release replaces. */
interface PartDraft {
	file: string;
	releases: string[];
	source: string;
	report: NormaliseReport;
	table: IncidentTable;
}

function part({ file, releases, source, report, table }: PartDraft) {
	const p: BundledPart = {
		file,
		releases,
		source,
		rowsRead: report.rowsRead,
		rows: table.columns.length,
		rejected: report.rejected?.length ?? 0,
		replaced: report.replaced ?? 0,
		hxlRows: report.hxlRows ?? 0
	};
	return { part: p, file: { report, table: encodeTable(table) }, range: tableDateRange(table.columns) };
}

function built(entry: BundledEntry, files: BuiltDataset['files']): BuiltDataset {
	return { entry, files, dataset: bundledDataset(entry, files), sources: files.map((f) => f.part.source) };
}

/** Checks that every row lies in the months of the release it comes from (a release's coverage is a claim the data must keep). */
function checkMonths(draft: PartDraft, releases: readonly ReleaseInfo[]): void {
	const { columns, text } = draft.table;
	for (let i = 0; i < columns.length; i++) {
		const r = releases.find((x) => x.name === text.release[i]) ?? (releases.length === 1 ? releases[0] : undefined);
		if (!r) throw new Error(`${draft.source}: the event ${text.id[i]} names no release of the series (${text.release[i] ?? 'none'})`);
		const m = columns.month[i]!;
		if (m < monthNumber(r.months[0]) || m > monthNumber(r.months[1]))
			throw new Error(`${draft.source}: the event ${text.id[i]} is dated outside ${r.name}'s months (${r.months.join(' – ')}); check the release's coverage`);
	}
}

/**
 * A newer release's row replaces an older release's row of the same UCDP event id (drafts are in
 * order, oldest first): the older part loses the row and counts it as replaced.
 */
function dropReplaced(drafts: PartDraft[]): void {
	const newer = new Set<string>();
	for (let k = drafts.length - 1; k >= 0; k--) {
		const d = drafts[k]!;
		const ids = d.table.text.id as string[];
		if (ids.some((id) => newer.has(id))) {
			const kept = tableIncidents(d.table).filter((inc) => !newer.has(inc.id));
			const replaced = ids.length - kept.length;
			d.table = toTable(kept);
			d.report = { ...d.report, rowsWritten: kept.length, replaced, notes: [...d.report.notes] };
		}
		for (const id of ids) newer.add(id);
	}
}

/** A bundled release of the series, read by the importer with its release on every row. */
async function seriesRelease(dir: string, seriesId: string, r: SeriesRelease): Promise<PartDraft> {
	const result = await importExport(join(dir, r.source), r.source, { release: r.name });
	return {
		file: `incidents/${seriesId}-${r.id.replace(/\./g, '-')}.json`,
		releases: [r.id],
		source: r.source,
		report: normaliseReport(r.source.replace(/^incidents\//, ''), result),
		table: result.table
	};
}

/**
 * The UCDP series: its bundled releases, then every fill added with `--add` (a file written by
 * `npm run fetch-data -- --fill`, whose rows name their releases), newer rows replacing older ones
 * of the same event id.
 */
async function ucdpSeries(dir: string): Promise<BuiltDataset> {
	const { id, name } = UCDP_SERIES;
	const releases: ReleaseInfo[] = UCDP_SERIES.releases.map(({ source: _source, ...r }) => ({ ...r, months: [...r.months], rows: 0 }));
	const drafts: PartDraft[] = [];
	for (const r of UCDP_SERIES.releases) drafts.push(await seriesRelease(dir, id, r));
	for (const fill of readIndex(dir).filter((e) => e.fills === id)) {
		if (!fill.releases?.length) throw new Error(`${INDEX}: "${fill.id}" fills ${id} but lists no releases (its fetch-data provenance names them)`);
		const result = await importExport(join(dir, fill.file), fill.file);
		releases.push(...fill.releases.map((r) => ({ ...r, rows: 0 })));
		drafts.push({
			file: `incidents/${fill.id}.json`,
			releases: fill.releases.map((r) => r.id),
			source: fill.file,
			report: normaliseReport(fill.file, result),
			table: result.table
		});
	}
	drafts.forEach((d) =>
		checkMonths(
			d,
			releases.filter((r) => d.releases.includes(r.id))
		)
	);
	dropReplaced(drafts);
	const files = drafts.map(part);
	for (const r of releases) r.rows = drafts.reduce((n, d) => n + (d.table.text.release as (string | null)[]).filter((x) => x === r.name).length, 0);
	releases.sort((a, b) => a.months[0].localeCompare(b.months[0]));
	const ranges = files.map((f) => f.range).filter((r): r is [string, string] => r !== null);
	const filled = releases.length > UCDP_SERIES.releases.length;
	const entry: BundledEntry = {
		id,
		name: filled ? releaseNames(releases) : name,
		format: 'UCDP GED',
		// Short here (it stands under the map); each release's full citation is in `releases`.
		attribution: UCDP_SERIES.attribution + (filled ? '; and the releases fetched from the UCDP API named with each row' : ''),
		licence: SOURCE_TERMS['UCDP GED'].licence,
		dateRange: ranges.length
			? [
					ranges.map((r) => r[0]).sort()[0]!,
					ranges
						.map((r) => r[1])
						.sort()
						.at(-1)!
				]
			: null,
		releases,
		rows: files.reduce((n, f) => n + f.part.rows, 0),
		parts: files.map((f) => f.part)
	};
	return built(entry, files);
}

function gtdDataset(dir: string, file: string, info: Omit<DatasetInfo, 'dateRange'>): BuiltDataset {
	const path = join(dir, file);
	const fc = readJson<FeatureCollection<Point | null, GtdRow>>(path);
	if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${path}: expected a GeoJSON FeatureCollection`);
	const { incidents, report } = normaliseGtdFeatures(fc.features, { file, idPrefix: info.id });
	const p = part({ file: `incidents/${info.id}.json`, releases: [], source: file, report, table: toTable(incidents) });
	return built({ ...info, dateRange: dateRange(incidents), rows: incidents.length, parts: [p.part] }, [p]);
}

/** Every bundled dataset, in the manifest's order: the UCDP series first (the map opens on it). */
export async function buildDatasets(dir: string): Promise<BuiltDataset[]> {
	const added = (await addedDatasets(dir)).map(({ file, dataset, table }) => {
		const p = part({ file: `incidents/${dataset.info.id}.json`, releases: [], source: file, report: dataset.report, table });
		return built({ ...dataset.info, rows: table.columns.length, parts: [p.part] }, [p]);
	});
	return [await ucdpSeries(dir), ...GTD_FILES.map(({ file, info }) => gtdDataset(dir, file, info)), ...added];
}
