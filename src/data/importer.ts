/** Main-thread handle on the import worker. */
import { proxy, wrap } from 'comlink';
import ImportWorker from '../workers/import.worker.ts?worker';
import type { ImporterApi, WorkerOutcome } from '../workers/import.worker.js';
import type { ColumnMapping } from '$lib/importers/index.js';

const api = (() => {
	let remote: ReturnType<typeof wrap<ImporterApi>> | null = null;
	return () => (remote ??= wrap<ImporterApi>(new ImportWorker()));
})();

export function importFile(file: File, mapping: ColumnMapping | undefined, onProgress: (fraction: number) => void): Promise<WorkerOutcome> {
	return api().importFile(file, mapping, proxy(onProgress));
}

export const cancelImport = () => api().cancel();

