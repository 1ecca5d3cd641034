/** What reading an import file gives: the result, a request for a column mapping, or a cancel; and the error for a file as a whole. */
import { type Row } from './cells.js';
import { type ColumnMapping } from './mapping.js';
import { type ImportReport, type RejectedRow } from './report.js';
import type { IncidentTable } from '../table/index.js';

/** A problem with the file as a whole: the message says what is wrong and what to do. */
export class ImportFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportFileError';
	}
}

export interface ImportResult {
	/** The accepted rows as typed and text columns, built row by row (the engine reads the typed ones). */
	table: IncidentTable;
	rejections: RejectedRow[];
	report: ImportReport;
	/** Column names of the file, for the rejected-rows download. */
	headers: string[];
}

export type ImportOutcome =
	{ kind: 'done'; result: ImportResult } | { kind: 'needs-mapping'; headers: string[]; preview: Row[]; guess: ColumnMapping } | { kind: 'cancelled' };
