/**
 * Reads an import file off the main thread: sniffing, streaming CSV parse (papaparse) or GeoJSON,
 * and the row importers, with progress and cancel. A million rows never block the page.
 * "Get current data" runs here too: the UCDP/ACLED connectors fetch page by page into the same
 * row importer, and the result is stored like a dropped file.
 */
import { expose, proxy, releaseProxy, wrap, type Remote } from 'comlink';
import {
	importCsv,
	importCsvInParts,
	importGeoJson,
	PARTS_FROM_BYTES,
	sniff,
	type ImportOutcome,
	type ImportResult,
	type ReadLaterPart
} from '../lib/importers/file.js';
import type { PartReaderApi } from './import-part.worker.js';
import type { ColumnMapping, ImportReport, RejectedRow } from '../lib/importers/index.js';
import type { DatasetInfo } from '../lib/incident/index.js';
import {
	ConnectorError,
	fetchDataset,
	mergeRefresh,
	refreshFrom,
	type ConnectorErrorKind,
	type FetchProgress,
	type FetchRequest
} from '../lib/connectors/index.js';
import { browserUnreachable } from '../lib/connectors/advice.js';
import { keepImport, keepRefresh, newDatasetId } from '../data/keep.js';
import { loadImported, loadRejections, saveSites } from '../data/store/index.js';
import { parseSitesCsv } from '../lib/sites/index.js';
import { randomId } from '../data/random-id.js';
import { tableIncidents } from '../lib/table/index.js';
import { currentYearlyVersion, GW_PAKISTAN, ucdpFillRequests } from '../lib/connectors/ucdp.js';
import { fillResult } from '../lib/connectors/fill.js';
import type { Incident } from '../lib/incident/index.js';

/** Rejections sent back with the report (all of them stay in storage for the download). */
const REJECTIONS_SHOWN = 100;
/** Rejected sites named in the saved-sites message (the rest are counted). */
const SITE_REJECTIONS_SHOWN = 5;

/**
 * What the page gets back. A successful import is stored here, in the worker, so the page never
 * receives a million rows in one message; it reads the dataset back from storage in chunks.
 */
export type WorkerOutcome =
	| Exclude<ImportOutcome, { kind: 'done' }>
	| { kind: 'saved'; info: DatasetInfo; report: ImportReport; headers: string[]; rejections: RejectedRow[] }
	| { kind: 'nothing-imported'; result: ImportResult }
	/** A connector's failure, by kind (Comlink keeps only an Error's message, so it travels as a value). */
	| { kind: 'failed'; problem: ConnectorErrorKind; message: string };

/** A refresh: what changed, and the dataset as now stored. */
export interface RefreshOutcome {
	kind: 'refreshed';
	info: DatasetInfo;
	from: string;
	received: number;
	added: number;
	changed: number;
	removed: number;
}

/** Credentials for a refresh, by source (the page holds them; they are never stored here). */
export type Secrets = { source: 'ucdp'; token: string } | { source: 'acled'; email: string; password: string };

/** What the browser says of its network (false only when it knows it is offline). */
const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

let cancelled = false;
/** The engine worker's end of a channel (set by the page): each import's columns go there while they are stored. */
let enginePort: MessagePort | null = null;
let aborter: AbortController | null = null;
/** The worker reading the second part of a large CSV, while it does. */
let partReader: Remote<PartReaderApi> | null = null;

const today = () => new Date().toISOString().slice(0, 10);

const importer = {
	async importFile(file: File, mapping: ColumnMapping | undefined, onProgress: (fraction: number) => void): Promise<WorkerOutcome> {
		const outcome = await read(file, mapping, onProgress);
		if (outcome.kind !== 'done') return outcome;
		return save(outcome.result);
	},

	/** Fetches from an API and stores the dataset; throws a ConnectorError's message on failure. */
	async fetchCurrent(req: FetchRequest, onProgress: (p: FetchProgress) => void): Promise<WorkerOutcome> {
		aborter = new AbortController();
		return asOutcome(async () => {
			const { result, provenance, releases } = await fetchDataset(req, {
				fetch: fetch.bind(globalThis),
				signal: aborter!.signal,
				onProgress,
				unreachable: browserUnreachable(req, isOnline)
			});
			return save(result, provenance, releases.length ? { releases } : {});
		});
	},

	/**
	 * "Fill 2022–2025": fetches only the months the series does not cover (the newest yearly
	 * release, then the Candidate releases after it), merges them into the series by UCDP event id
	 * (a newer release's row replaces an older one), and stores the filled series as a dataset.
	 */
	async fillSeries(series: { info: DatasetInfo; incidents: Incident[] }, token: string, onProgress: (p: FetchProgress) => void): Promise<WorkerOutcome> {
		aborter = new AbortController();
		return asOutcome(async () => {
			const day = today();
			const yearlyVersion = currentYearlyVersion(day);
			const requests = ucdpFillRequests(series.info.releases ?? [], day, yearlyVersion);
			if (requests.length === 0) throw new ConnectorError('query', `${series.info.name} covers every month up to today: there is nothing to fill.`);
			const req: FetchRequest = { source: 'ucdp', token, query: { from: requests[0]!.from, to: day, countries: [GW_PAKISTAN], yearlyVersion }, requests };
			const fetched = await fetchDataset(req, {
				fetch: fetch.bind(globalThis),
				signal: aborter!.signal,
				onProgress,
				unreachable: browserUnreachable(req, isOnline)
			});
			const filled = fillResult(series, fetched.result, fetched.releases);
			return save(filled.result, fetched.provenance, {
				name: filled.name,
				releases: filled.releases,
				attribution: `${series.info.attribution}; filled from the ${fetched.provenance.api}`,
				licence: series.info.licence
			});
		});
	},

	/** Asks the API again from a month before the newest stored event, and merges. */
	async refresh(id: string, secrets: Secrets, onProgress: (p: FetchProgress) => void): Promise<RefreshOutcome | Extract<WorkerOutcome, { kind: 'failed' }>> {
		aborter = new AbortController();
		return asOutcome(() => refreshDataset(id, secrets, onProgress, aborter!.signal));
	},

	/**
	 * A saved-sites CSV, read and stored here rather than on the page, where 20,000 rows took one
	 * task of 228 ms. Returns the counts and the first few rejections, for the message.
	 */
	async importSites(file: File): Promise<{ imported: number; rejected: number; firstRejected: { row: number; problem: string }[] }> {
		const { sites, rejected } = parseSitesCsv(await file.text());
		const now = new Date().toISOString();
		await saveSites(sites.map((s) => ({ ...s, id: randomId('site'), savedAt: now })));
		return { imported: sites.length, rejected: rejected.length, firstRejected: rejected.slice(0, SITE_REJECTIONS_SHOWN) };
	},

	/** The page's channel to the engine worker (see `enginePort`). */
	connectEngine(port: MessagePort) {
		enginePort = port;
	},

	cancel() {
		cancelled = true;
		aborter?.abort();
		void partReader?.cancel();
	}
};

async function asOutcome<T>(run: () => Promise<T>): Promise<T | Extract<WorkerOutcome, { kind: 'failed' }>> {
	try {
		return await run();
	} catch (err) {
		if (err instanceof ConnectorError) return { kind: 'failed', problem: err.kind, message: err.message };
		throw err;
	}
}

async function refreshDataset(id: string, secrets: Secrets, onProgress: (p: FetchProgress) => void, signal: AbortSignal): Promise<RefreshOutcome> {
	const current = await loadImported(id);
	const { stored } = current;
	const fetched = stored.info.fetched;
	if (!fetched) throw new Error('This dataset was not fetched from an API, so it cannot be refreshed.');
	const newest = stored.info.dateRange?.[1] ?? fetched.params.from;
	const from = refreshFrom(newest, fetched.params.from);
	const query = { from, to: today() };
	const req: FetchRequest =
		secrets.source === 'ucdp'
			? {
					source: 'ucdp',
					token: secrets.token,
					query: { ...query, countries: fetched.params.countries ?? [770], yearlyVersion: fetched.params.yearlyVersion ?? '26.1' }
				}
			: { source: 'acled', credentials: { email: secrets.email, password: secrets.password }, query };
	let fetchedNow: Awaited<ReturnType<typeof fetchDataset>>;
	try {
		fetchedNow = await fetchDataset(req, { fetch: fetch.bind(globalThis), signal, onProgress, unreachable: browserUnreachable(req, isOnline) });
	} catch (err) {
		// Nothing in the window: nothing new, and nothing is removed on the strength of an empty answer.
		if (err instanceof ConnectorError && err.kind === 'empty')
			return { kind: 'refreshed', info: stored.info, from, received: 0, added: 0, changed: 0, removed: 0 };
		throw err;
	}
	const { result, provenance } = fetchedNow;
	const diff = mergeRefresh(current.incidents, tableIncidents(result.table), from);
	// The dataset still covers the original start: the provenance keeps it, with the new end and time.
	const merged = { ...provenance, query: provenance.query.replace(from, fetched.params.from), params: { ...provenance.params, from: fetched.params.from } };
	const info = await keepRefresh(stored, diff.incidents, await loadRejections(id), result, merged, secrets.source === 'ucdp' ? 'id' : 'event_id_cnty');
	return { kind: 'refreshed', info, from, received: result.report.rowsRead, added: diff.added, changed: diff.changed, removed: diff.removed };
}

async function save(result: ImportResult, fetched?: Parameters<typeof keepImport>[1], describe: Parameters<typeof keepImport>[3] = {}): Promise<WorkerOutcome> {
	if (result.report.imported === 0) return { kind: 'nothing-imported', result };
	const id = newDatasetId();
	// The engine joins the columns (a copy) while they are stored here: the two overlap.
	enginePort?.postMessage({ id, columns: result.table.columns });
	let info: DatasetInfo;
	try {
		info = await keepImport(result, fetched, id, describe);
	} catch (err) {
		// Not stored, so never shown: the engine lets go of its join (a million rows' worth).
		enginePort?.postMessage({ id, drop: true });
		throw err;
	}
	return { kind: 'saved', info, report: result.report, headers: result.headers, rejections: result.rejections.slice(0, REJECTIONS_SHOWN) };
}

/** Sniffs the file and runs it through the CSV or GeoJSON importer. */
async function read(file: File, mapping: ColumnMapping | undefined, onProgress: (fraction: number) => void): Promise<ImportOutcome> {
	cancelled = false;
	const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
	const sniffed = sniff(head, file.size, file.name);
	if (sniffed.kind === 'geojson') {
		const text = new TextDecoder(sniffed.encoding).decode(await file.arrayBuffer());
		onProgress(0.5);
		return importGeoJson(text, { file: file.name, notes: sniffed.notes, mapping });
	}
	const csv = { file: file.name, size: file.size, encoding: sniffed.encoding, notes: sniffed.notes, mapping, onProgress, isCancelled: () => cancelled };
	// A large file on a machine with a second core is read in two parts at once (decision record 0006).
	const inParts = file.size >= PARTS_FROM_BYTES && typeof Worker !== 'undefined' && (navigator.hardwareConcurrency ?? 1) > 1;
	return inParts ? importCsvInParts(file, csv, readInPartWorker) : importCsv(file, csv);
}

/** The second part of a large CSV, read by a worker of its own (which ends with it). */
const readInPartWorker: ReadLaterPart = async (part, setup, onProgress) => {
	const worker = new Worker(new URL('./import-part.worker.ts', import.meta.url), { type: 'module' });
	const reader = wrap<PartReaderApi>(worker);
	partReader = reader;
	// A worker that cannot start fails the import, rather than leaving it waiting.
	const failed = new Promise<never>((_, reject) =>
		worker.addEventListener('error', (e) => reject(new Error(`The second reader of the file did not start: ${e.message}`)))
	);
	try {
		return await Promise.race([reader.read(part, setup, proxy(onProgress)), failed]);
	} finally {
		partReader = null;
		reader[releaseProxy]();
		worker.terminate();
	}
};

export type ImporterApi = typeof importer;
expose(importer);
