/** A problem in one row of one input file, reported as "file, row N, field: what is wrong". */
export class SourceRowError extends Error {
	constructor(
		readonly file: string,
		/** 1-based position of the row (feature) in the file. */
		readonly row: number,
		readonly field: string,
		readonly problem: string
	) {
		super(`${file}, row ${row}, ${field}: ${problem}`);
		this.name = 'SourceRowError';
	}
}
