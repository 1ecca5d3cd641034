/** A file's first bytes: empty, binary, UTF-16, not UTF-8 (then Latin-1), CSV or GeoJSON. */
import { ImportFileError } from './outcome.js';

export interface Sniffed {
	encoding: 'utf-8' | 'windows-1252';
	kind: 'csv' | 'geojson';
	notes: string[];
}

/** Looks at the first bytes: empty, binary, UTF-16, not UTF-8 (then Latin-1), CSV or GeoJSON. */
export function sniff(head: Uint8Array, size: number, name: string): Sniffed {
	if (size === 0 || head.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) throw new ImportFileError('The file is empty.');
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
		throw new ImportFileError('The file is UTF-16 text. Save it as UTF-8 (or Latin-1) CSV and import it again.');
	}
	if (head.includes(0)) {
		throw new ImportFileError(
			'This is not a text file (it has binary content, e.g. a spreadsheet or an archive). Export the data as CSV or GeoJSON and import that.'
		);
	}
	const notes: string[] = [];
	let encoding: Sniffed['encoding'] = 'utf-8';
	// A multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes.
	const sample = head.length === size ? head : head.subarray(0, Math.max(0, head.length - 3));
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(sample);
	} catch {
		encoding = 'windows-1252';
		notes.push('The file is not UTF-8; it was read as Latin-1 (Windows-1252).');
	}
	// trimStart drops a byte-order mark too: U+FEFF is white space to JavaScript.
	const first = new TextDecoder(encoding).decode(head.subarray(0, 256)).trimStart()[0];
	const kind = first === '{' || /\.(geo)?json$/i.test(name) ? 'geojson' : 'csv';
	return { encoding, kind, notes };
}
