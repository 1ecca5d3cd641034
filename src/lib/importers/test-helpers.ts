/** Shared by the importer's tests (not a test file): running a file through the importer as the worker does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ColumnMapping } from './mapping.js';
import { importCsv, importGeoJson, sniff, type ImportOutcome, type ImportResult } from './file.js';
import { tableIncidents } from '../table/index.js';
import type { Incident } from '../incident/index.js';

export const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

/** Runs a file through sniffing and the right importer, as the import worker does. */
export async function importBytes(bytes: Uint8Array, name: string, mapping?: ColumnMapping): Promise<ImportOutcome> {
	const s = sniff(bytes.subarray(0, 65536), bytes.length, name);
	if (s.kind === 'geojson') return importGeoJson(new TextDecoder(s.encoding).decode(bytes), { file: name, notes: s.notes, mapping });
	// A Blob, as the worker reads a File: decoded as it streams, fatally for UTF-8.
	return importCsv(new Blob([bytes as Uint8Array<ArrayBuffer>]), { file: name, size: bytes.length, encoding: s.encoding, notes: s.notes, mapping });
}
/** An import's result, with its table's rows rebuilt as incidents (what the lists and exports show). */
export async function done(bytes: Uint8Array, name: string, mapping?: ColumnMapping): Promise<ImportResult & { incidents: Incident[] }> {
	const outcome = await importBytes(bytes, name, mapping);
	if (outcome.kind !== 'done') throw new Error(`expected an import, got ${outcome.kind}`);
	return { ...outcome.result, incidents: tableIncidents(outcome.result.table) };
}
/** Every row read is imported or rejected. */
export const accounted = (r: ImportResult) => expect(r.report.imported + r.report.rejected).toBe(r.report.rowsRead);
export const rejection = (r: ImportResult, row: number) => r.rejections.find((x) => x.row === row);

/**
 * True while Stryker runs these tests against a mutant (npm run mutate). The scale tests (200,000
 * rows, 40 files) then run smaller or not at all: each mutant reruns every test that reaches it,
 * and at 20 s a mutant the module would take hours. Fewer or smaller runs can only let more
 * mutants live, so the score stays an honest lower bound.
 */
export const MUTATING = process.env.STRYKER_MODULE !== undefined;
