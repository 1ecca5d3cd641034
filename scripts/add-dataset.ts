/**
 * Datasets a user bundles with the map: `npm run geodata -- --add FILE.csv [--name "…"]`.
 *
 * The export (UCDP GED, ACLED or GTD CSV, recognised from its header) runs through the same
 * importer as a file dropped on the page — same accounting, imported + rejected = rows read, a
 * reason for every rejected row — and is then kept as an input of the build: the CSV is copied to
 * sources/datasets/ and listed in sources/datasets/index.json with its name, attribution and
 * licence, so every later `npm run geodata` rebuilds it like the bundled GTD extracts.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportResult } from '../src/lib/importers/file.js';
import { slugify } from '../src/lib/districts/index.js';
import { SOURCE_TERMS } from '../src/lib/importers/terms.js';
import type { FetchProvenance } from '../src/lib/incident/provenance.js';
import type { ReleaseInfo } from '../src/lib/incident/index.js';
import { ADDED_DIR, BUNDLED_IDS, importExport, INDEX, readIndex, type AddedEntry } from './bundled-datasets.js';

/** What each export's publisher asks of a redistributor (README, "Deploy with current data"). */
export const DEFAULT_TERMS = SOURCE_TERMS;

export interface AddOptions {
	name?: string;
	id?: string;
	attribution?: string;
	licence?: string;
	/** Add a file even though fewer than half its rows import. */
	force?: boolean;
}

/** The accounting of one import, as the build prints it. */
export function describeImport(result: ImportResult, file: string, maxRows = 50): string[] {
	const r = result.report;
	const lines = [
		`${file}: ${r.format}, read ${r.rowsRead} rows: imported ${r.imported} + rejected ${r.rejected} (province-level only ${r.coarse}, no coordinates ${r.unlocated})`
	];
	for (const note of r.notes) lines.push(`  note: ${note}`);
	for (const [reason, n] of Object.entries(r.byReason)) lines.push(`  rejected ${n}× ${reason}`);
	for (const x of result.rejections.slice(0, maxRows)) lines.push(`  row ${x.row}, ${x.column}: ${x.problem}`);
	if (result.rejections.length > maxRows) lines.push(`  … and ${result.rejections.length - maxRows} more rejected rows (all listed in the dataset's report)`);
	return lines;
}

/** The provenance `npm run fetch-data` writes beside its CSV (FILE.provenance.json), if any. */
/** What `npm run fetch-data` writes beside its CSV; a fill (`--fill`) also names the series it completes and the releases of its rows. */
export type FetchSidecar = FetchProvenance & { fills?: string; releases?: ReleaseInfo[] };

function fetchedProvenance(csvPath: string): FetchSidecar | undefined {
	const sidecar = csvPath.replace(/\.csv$/i, '') + '.provenance.json';
	if (!existsSync(sidecar)) return undefined;
	const p = JSON.parse(readFileSync(sidecar, 'utf8')) as FetchSidecar;
	if (!p.api || !p.query || !p.retrievedAt) throw new Error(`--add: ${sidecar} is not a fetch-data provenance file (api, query, retrievedAt)`);
	if (p.fills !== undefined && !(BUNDLED_IDS.includes(p.fills) && Array.isArray(p.releases) && p.releases.length))
		throw new Error(`--add: ${sidecar} fills "${p.fills}" but does not name a bundled series and the releases of its rows`);
	return p;
}

/** Copies the export into the sources and lists it; returns the entry (the caller rebuilds). */
export async function addDataset(dir: string, path: string, opts: AddOptions = {}): Promise<AddedEntry> {
	if (!existsSync(path)) throw new Error(`--add: no file ${path}`);
	const result = await importExport(path);
	for (const line of describeImport(result, path)) console.log(line);
	if (result.report.imported === 0) throw new Error(`--add: ${path}: no row could be imported; nothing was added`);
	const { imported, rowsRead, rejected } = result.report;
	if (!opts.force && imported < rowsRead / 2)
		throw new Error(
			`--add: ${path}: only ${imported} of ${rowsRead} rows import (${rejected} rejected, listed above); nothing was added. If that is right, run it again with --force.`
		);
	console.log(`--add: ${path} adds ${(statSync(path).size / 1024).toFixed(1)} KiB to sources/${ADDED_DIR}/`);
	const name = opts.name?.trim() || basename(path).replace(/\.csv$/i, '');
	const id = slugify(opts.id ?? name);
	if (!id) throw new Error('--add: the dataset needs a name made of letters or digits (--name)');
	const entries = readIndex(dir).filter((e) => e.id !== id);
	if (BUNDLED_IDS.includes(id)) throw new Error(`--add: "${id}" is a bundled dataset's id; choose another --name`);
	const terms = DEFAULT_TERMS[result.format];
	const sidecar = fetchedProvenance(path);
	const { fills, releases, ...fetched } = sidecar ?? ({} as Partial<FetchSidecar>);
	const entry: AddedEntry = {
		id,
		name,
		file: `${ADDED_DIR}/${id}.csv`,
		format: result.format,
		attribution: opts.attribution ?? terms.attribution,
		licence: opts.licence ?? terms.licence,
		...(sidecar ? { fetched: fetched as FetchProvenance } : {}),
		// A fill becomes part of the series it fills (its releases join the series' timeline).
		...(fills ? { fills, releases } : {})
	};
	mkdirSync(join(dir, ADDED_DIR), { recursive: true });
	copyFileSync(path, join(dir, entry.file));
	writeFileSync(join(dir, INDEX), JSON.stringify({ datasets: [...entries, entry].sort((a, b) => a.id.localeCompare(b.id)) }, null, '\t') + '\n');
	console.log(
		fills
			? `added "${name}" as sources/${entry.file}, filling the ${fills} series with ${releases!.map((r) => r.name).join(', ')}`
			: `added "${name}" as sources/${entry.file} (${entry.format}; ${entry.licence})`
	);
	return entry;
}

/**
 * `--add` as one step: the export is added to the sources and the geodata built from them, or,
 * when the build fails, the sources are put back as they were (an interrupted add left
 * sources/datasets/ changed and geodata/ stale, and every later build failed on it).
 */
export async function addAndBuild(dir: string, path: string, opts: AddOptions, build: () => Promise<unknown>): Promise<AddedEntry> {
	// The added datasets' folder as it was (an add may replace a dataset of the same id): it is small.
	const folder = join(dir, ADDED_DIR);
	const before = new Map(existsSync(folder) ? readdirSync(folder).map((f) => [f, readFileSync(join(folder, f))] as const) : []);
	const entry = await addDataset(dir, path, opts);
	try {
		await build();
		return entry;
	} catch (err) {
		for (const f of existsSync(folder) ? readdirSync(folder) : []) if (!before.has(f)) rmSync(join(folder, f), { force: true });
		for (const [f, bytes] of before) writeFileSync(join(folder, f), bytes);
		throw new Error(`${(err as Error).message}. The dataset was not added: sources/ is as it was; run npm run geodata to rebuild geodata/ from it.`, {
			cause: err
		});
	}
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
	return {
		path,
		opts: { name: value('--name'), id: value('--id'), attribution: value('--attribution'), licence: value('--licence'), force: argv.includes('--force') }
	};
}
