/**
 * Reads the second part of a large CSV while the import worker reads the first (decision record
 * 0006, src/lib/importers/parts.ts): the same row importer over the rows from a row start near
 * the file's middle. Its table's typed columns are handed back, not copied.
 */
import { expose, transfer } from 'comlink';
import { readPart, type CsvSetup, type PartRead } from '../lib/importers/file.js';
import { columnBuffers } from '../lib/columns/index.js';

let cancelled = false;

const partReader = {
	async read(part: Blob, setup: CsvSetup, onProgress: (fraction: number) => void): Promise<PartRead> {
		cancelled = false;
		const read = await readPart(part, setup, 'none', { size: part.size, onProgress, isCancelled: () => cancelled });
		const { columns } = read.part.table;
		return transfer(read, [...columnBuffers(columns), ...(read.part.rowNumbers ? [read.part.rowNumbers.buffer as ArrayBuffer] : [])]);
	},

	cancel() {
		cancelled = true;
	}
};

export type PartReaderApi = typeof partReader;
expose(partReader);
