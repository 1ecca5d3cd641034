/**
 * Reads an import file off the main thread: sniffing, streaming CSV parse (papaparse) or GeoJSON,
 * and the row importers, with progress and cancel. A million rows never block the page.
 */
import { expose } from 'comlink';
import { importCsv, importGeoJson, sniff, type ImportOutcome, type ImportResult } from '../lib/importers/file.js';
import type { ColumnMapping, ImportReport, Rejection } from '../lib/importers/index.js';
import type { DatasetInfo } from '../lib/incident/index.js';
import { keepImport } from '../data/keep.js';

/** Rejections sent back with the report (all of them stay in storage for the download). */
const REJECTIONS_SHOWN = 100;

/**
 * What the page gets back. A successful import is stored here, in the worker, so the page never
 * receives a million rows in one message; it reads the dataset back from storage in chunks.
 */
export type WorkerOutcome =
	| Exclude<ImportOutcome, { kind: 'done' }>
	| { kind: 'saved'; info: DatasetInfo; report: ImportReport; headers: string[]; rejections: (Rejection & { cells: Record<string, string | undefined> })[] }
	| { kind: 'nothing-imported'; result: ImportResult };

let cancelled = false;

const importer = {
	async importFile(file: File, mapping: ColumnMapping | undefined, onProgress: (fraction: number) => void): Promise<WorkerOutcome> {
		const outcome = await read(file, mapping, onProgress);
		if (outcome.kind !== 'done') return outcome;
		const { result } = outcome;
		if (result.report.imported === 0) return { kind: 'nothing-imported', result };
		const info = await keepImport(result);
		return { kind: 'saved', info, report: result.report, headers: result.headers, rejections: result.rejections.slice(0, REJECTIONS_SHOWN) };
	},
	cancel() {
		cancelled = true;
	}
};

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
	return importCsv(file, {
		file: file.name,
		size: file.size,
		encoding: sniffed.encoding,
		notes: sniffed.notes,
		mapping,
		onProgress,
		isCancelled: () => cancelled
	});
}

export type ImporterApi = typeof importer;
expose(importer);
