/** Main-thread handle on the engine worker (comlink turns its methods into async calls). */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import EngineWorker from '../workers/engine.worker.ts?worker';
import type { EngineApi } from '../workers/engine.worker.js';
import { columnBuffers, type IncidentColumns } from '$lib/columns/index.js';
import type { District } from '$lib/districts/index.js';
import { linkEngine } from './importer.js';

export interface Engine {
	api: Remote<EngineApi>;
	/** Sends the columns (transferred, not copied) and joins them, reporting progress 0…1. */
	load(cols: IncidentColumns, onProgress: (fraction: number) => void): Promise<Int32Array>;
	/** An imported dataset: the worker reads it from IndexedDB and builds its columns itself. */
	loadStored(id: string, onProgress: (fraction: number) => void): Promise<{ assignment: Int32Array; labels: IncidentColumns['labels'] }>;
	terminate(): void;
}

/** The worker reports rows done of rows; the page wants a fraction. */
// Returns nothing: comlink clones a callback's return value (see progressProxy in importer.ts).
const progress = (onProgress: (fraction: number) => void) =>
	proxy((done: number, total: number) => {
		onProgress(total ? done / total : 1);
	});

export function createEngine(districts: District[], options: { linkImporter?: boolean } = {}): Engine {
	const worker = new EngineWorker();
	const api = wrap<EngineApi>(worker);
	const ready = api.setDistricts(districts);
	// The dashboard's engine gets each import's columns from the import worker while they are stored.
	if (options.linkImporter) {
		linkEngine(() => {
			const channel = new MessageChannel();
			void api.listenToImporter(transfer(channel.port1, [channel.port1]));
			return channel.port2;
		});
	}
	return {
		api,
		async load(cols, onProgress) {
			await ready;
			return api.load(transfer(cols, columnBuffers(cols)), progress(onProgress));
		},
		async loadStored(id, onProgress) {
			await ready;
			return api.loadStored(id, progress(onProgress));
		},
		terminate: () => worker.terminate()
	};
}
