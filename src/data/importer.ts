/** Main-thread handle on the import worker (file imports and "Get current data"). */
import { proxy, wrap } from 'comlink';
import ImportWorker from '../workers/import.worker.ts?worker';
import type { ImporterApi, Secrets, WorkerOutcome } from '../workers/import.worker.js';
import type { ColumnMapping } from '$lib/importers/index.js';
import type { FetchProgress, FetchRequest } from '$lib/connectors/index.js';

const api = (() => {
	let remote: ReturnType<typeof wrap<ImporterApi>> | null = null;
	return () => (remote ??= wrap<ImporterApi>(new ImportWorker()));
})();

export function importFile(file: File, mapping: ColumnMapping | undefined, onProgress: (fraction: number) => void): Promise<WorkerOutcome> {
	return api().importFile(file, mapping, proxy(onProgress));
}

export function fetchCurrent(req: FetchRequest, onProgress: (p: FetchProgress) => void): Promise<WorkerOutcome> {
	return api().fetchCurrent(req, proxy(onProgress));
}

export function refreshFetched(id: string, secrets: Secrets, onProgress: (p: FetchProgress) => void) {
	return api().refresh(id, secrets, proxy(onProgress));
}

export const cancelImport = () => api().cancel();
