/**
 * Datasets a user bundles with the map: `npm run geodata -- --add FILE.csv [--name "…"]`.
 *
 * The export (UCDP GED, ACLED or GTD CSV, recognised from its header) runs through the same
 * importer as a file dropped on the page — same accounting, imported + rejected = rows read, a
 * reason for every rejected row — and is then kept as an input of the build: the CSV is copied to
 * sources/datasets/ and listed in sources/datasets/index.json with its name, attribution and
 * licence, so every later `npm run geodata` rebuilds it like the bundled GTD extracts.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importCsv, sniff, type ImportResult } from '../src/lib/importers/file.js';
import type { DatasetInfo, IncidentDataset } from '../src/lib/incident/index.js';
import { tableDateRange, tableIncidents } from '../src/lib/table/index.js';
import type { KnownFormat } from '../src/lib/importers/index.js';
import { slugify } from '../src/lib/districts/index.js';
import { SOURCE_TERMS } from '../src/lib/importers/terms.js';
import type { FetchProvenance } from '../src/lib/connectors/index.js';

export const ADDED_DIR = 'datasets';
const INDEX = `${ADDED_DIR}/index.json`;

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
}

/** What each export's publisher asks of a redistributor (README, "Deploy with current data"). */
export const DEFAULT_TERMS = SOURCE_TERMS;

function readIndex(dir: string): AddedEntry[] {
	const path = join(dir, INDEX);
	if (!existsSync(path)) return [];
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as { datasets?: AddedEntry[] };
	if (!Array.isArray(parsed.datasets)) throw new Error(`${path}: expected {"datasets": [...]}`);
	return parsed.datasets;
}

/** Runs one CSV through the browser's importer (Node: the whole text at once). */
export async function importExport(path: string, file = basename(path)): Promise<ImportResult & { format: KnownFormat }> {
	const bytes = readFileSync(path);
	const sniffed = sniff(bytes.subarray(0, 4096), bytes.length, file);
	if (sniffed.kind !== 'csv') throw new Error(`${path}: expected a CSV export (UCDP GED, ACLED or GTD), found ${sniffed.kind}`);
	const text = new TextDecoder(sniffed.encoding).decode(bytes);
	const outcome = await importCsv(text, { file, size: bytes.length, encoding: sniffed.encoding, notes: sniffed.notes });
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
	const r = result.report;
	return {
		info,
		incidents: tableIncidents(result.table),
		report: {
			file: entry.file,
			rowsRead: r.rowsRead,
			rowsWritten: r.imported,
			flagged: { 'no-coordinates': r.unlocated, 'province-level-location': r.coarse },
			notes: [],
			rejected: result.rejections.map(({ row, column, problem }) => ({ row, column, problem }))
		}
	};
}

/** Every dataset listed in sources/datasets/index.json, imported afresh from its CSV. */
export async function addedDatasets(dir: string): Promise<{ file: string; dataset: IncidentDataset }[]> {
	const out = [];
	for (const entry of readIndex(dir)) {
		const result = await importExport(join(dir, entry.file), entry.file);
		out.push({ file: entry.file, dataset: toDataset(entry, result) });
	}
	return out;
}

export interface AddOptions {
	name?: string;
	id?: string;
	attribution?: string;
	licence?: string;
}

/** The accounting of one import, as the build prints it. */
export function describeImport(result: ImportResult, file: string, maxRows = 50): string[] {
	const r = result.report;
	const lines = [`${file}: ${r.format}, read ${r.rowsRead} rows: imported ${r.imported} + rejected ${r.rejected} (province-level only ${r.coarse}, no coordinates ${r.unlocated})`];
	for (const [reason, n] of Object.entries(r.byReason)) lines.push(`  rejected ${n}× ${reason}`);
	for (const x of result.rejections.slice(0, maxRows)) lines.push(`  row ${x.row}, ${x.column}: ${x.problem}`);
	if (result.rejections.length > maxRows) lines.push(`  … and ${result.rejections.length - maxRows} more rejected rows (all listed in the dataset's report)`);
	return lines;
}

/** The provenance `npm run fetch-data` writes beside its CSV (FILE.provenance.json), if any. */
function fetchedProvenance(csvPath: string): FetchProvenance | undefined {
	const sidecar = csvPath.replace(/\.csv$/i, '') + '.provenance.json';
	if (!existsSync(sidecar)) return undefined;
	const p = JSON.parse(readFileSync(sidecar, 'utf8')) as FetchProvenance;
	if (!p.api || !p.query || !p.retrievedAt) throw new Error(`--add: ${sidecar} is not a fetch-data provenance file (api, query, retrievedAt)`);
	return p;
}

/** Copies the export into the sources and lists it; returns the entry (the caller rebuilds). */
export async function addDataset(dir: string, path: string, opts: AddOptions = {}): Promise<AddedEntry> {
	if (!existsSync(path)) throw new Error(`--add: no file ${path}`);
	const result = await importExport(path);
	for (const line of describeImport(result, path)) console.log(line);
	if (result.report.imported === 0) throw new Error(`--add: ${path}: no row could be imported; nothing was added`);
	const name = opts.name?.trim() || basename(path).replace(/\.csv$/i, '');
	const id = slugify(opts.id ?? name);
	if (!id) throw new Error('--add: the dataset needs a name made of letters or digits (--name)');
	const entries = readIndex(dir).filter((e) => e.id !== id);
	if (['gtd-2008', 'gtd-2015-bombings'].includes(id)) throw new Error(`--add: "${id}" is a bundled dataset's id; choose another --name`);
	const terms = DEFAULT_TERMS[result.format];
	const fetched = fetchedProvenance(path);
	const entry: AddedEntry = {
		id,
		name,
		file: `${ADDED_DIR}/${id}.csv`,
		format: result.format,
		attribution: opts.attribution ?? terms.attribution,
		licence: opts.licence ?? terms.licence,
		...(fetched ? { fetched } : {})
	};
	mkdirSync(join(dir, ADDED_DIR), { recursive: true });
	copyFileSync(path, join(dir, entry.file));
	writeFileSync(join(dir, INDEX), JSON.stringify({ datasets: [...entries, entry].sort((a, b) => a.id.localeCompare(b.id)) }, null, '\t') + '\n');
	console.log(`added "${name}" as sources/${entry.file} (${entry.format}; ${entry.licence})`);
	return entry;
}

/** `--add FILE [--name N] [--id ID] [--attribution A] [--licence L]` from argv, or null. */
export function parseAddArgs(argv: string[]): { path: string; opts: AddOptions } | null {
	const value = (flag: string) => {
		const i = argv.indexOf(flag);
		if (i < 0) return undefined;
		const v = argv[i + 1];
		if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
		return v;
	};
	const path = value('--add');
	if (path === undefined) return null;
	return { path, opts: { name: value('--name'), id: value('--id'), attribution: value('--attribution'), licence: value('--licence') } };
}
