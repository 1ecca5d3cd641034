/** Main-thread handle on the import worker (file imports and "Get current data"). */
import { proxy, transfer, wrap } from 'comlink';
import ImportWorker from '../workers/import.worker.ts?worker';
import type { ImporterApi, Secrets, WorkerOutcome } from '../workers/import.worker.js';
import type { ColumnMapping } from '$lib/importers/index.js';
import type { FetchProgress, FetchRequest } from '$lib/connectors/index.js';
import type { DatasetInfo, Incident } from '$lib/incident/index.js';

let remote: ReturnType<typeof wrap<ImporterApi>> | null = null;
/** Opens a channel to the dashboard's engine worker and returns the importer's end. */
let engineChannel: (() => MessagePort) | null = null;

/** The import worker, started on first use (a reader who never imports never loads it). */
function api() {
	if (!remote) {
		remote = wrap<ImporterApi>(new ImportWorker());
		if (engineChannel) connect(engineChannel());
	}
	return remote;
}

const connect = (port: MessagePort) => void remote!.connectEngine(transfer(port, [port]));

/**
 * A progress callback for the worker. It returns nothing: comlink sends a callback's return value
 * back, and a caller that assigns to $state (`(p) => (this.progress = p)`) returns a Svelte proxy,
 * which cannot be cloned ("Unserializable return value" on every update).
 */
const progressProxy = <T>(onProgress: (p: T) => void) =>
	proxy((p: T) => {
		onProgress(p);
	});

export function importFile(file: File, mapping: ColumnMapping | undefined, onProgress: (fraction: number) => void): Promise<WorkerOutcome> {
	return api().importFile(file, mapping, progressProxy(onProgress));
}

export function fetchCurrent(req: FetchRequest, onProgress: (p: FetchProgress) => void): Promise<WorkerOutcome> {
	return api().fetchCurrent(req, progressProxy(onProgress));
}

/** "Fill 2022–2025": the months the series does not cover, fetched, merged into it and stored as a dataset. */
export function fillSeries(
	series: { info: DatasetInfo; incidents: Incident[] },
	token: string,
	onProgress: (p: FetchProgress) => void
): Promise<WorkerOutcome> {
	return api().fillSeries(series, token, progressProxy(onProgress));
}

export function refreshFetched(id: string, secrets: Secrets, onProgress: (p: FetchProgress) => void) {
	return api().refresh(id, secrets, progressProxy(onProgress));
}

export const cancelImport = () => api().cancel();

/** Reads and stores a saved-sites CSV in the import worker; the counts and the first rejections come back. */
export const importSitesFile = (file: File) => api().importSites(file);

/**
 * Lets the import worker send each import's columns straight to the dashboard's engine worker,
 * which joins them while they are stored. `open` makes a channel and returns the importer's end.
 */
export function linkEngine(open: () => MessagePort): void {
	engineChannel = open;
	if (remote) connect(open());
}
