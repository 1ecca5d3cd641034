/**
 * The import report's sentences, with the count's noun and verb agreeing ("1 imported row has",
 * "2 imported rows have"): the report said "1 imported rows" before (issue #26). Pure: counts in,
 * words out, so the dialog and a test read the same sentences.
 */
import { formatCount } from '../format/index.js';

/** "1 row" / "2 rows", the count formatted (en-GB). */
export const countOf = (n: number, singular: string, plural = `${singular}s`) => `${formatCount(n)} ${n === 1 ? singular : plural}`;

/** One sentence per kept-but-flagged count of the report, empty counts left out. */
export function keptWords(r: { coarse: number; unlocated: number; truncatedFields: number }): { key: string; text: string }[] {
	const one = (n: number, singular: string, plural: string) => (n === 1 ? singular : plural);
	return [
		r.coarse && {
			key: 'coarse',
			text: `${countOf(r.coarse, 'imported row')} ${one(r.coarse, 'is', 'are')} located only at province or country level: kept, not counted in a district.`
		},
		r.unlocated && {
			key: 'unlocated',
			text: `${countOf(r.unlocated, 'imported row')} ${one(r.unlocated, 'has', 'have')} no coordinates: kept as "no coordinates".`
		},
		r.truncatedFields && {
			key: 'truncated',
			text: `${countOf(r.truncatedFields, 'text field')} longer than 20,000 characters ${one(r.truncatedFields, 'was', 'were')} cut.`
		}
	].filter((x): x is { key: string; text: string } => !!x);
}

/** The report's identity: every row read accounted for ("3 imported + 1 rejected = 4 rows read"; "= 1 row read"). */
export const identityWords = (r: { imported: number; rejected: number; replaced?: number; rowsRead: number }) =>
	`${formatCount(r.imported)} imported + ${formatCount(r.rejected)} rejected${r.replaced ? ` + ${formatCount(r.replaced)} replaced by a newer release` : ''} = ${countOf(r.rowsRead, 'row')} read`;

/**
 * Where a rejected row is, as a reader finds it in the file: "file line 3 (data row 2)" (an editor
 * counts lines, the header and any line breaks inside quoted cells among them), or "feature 2" in GeoJSON.
 */
export const rowPlace = (r: { row: number; line?: number }, format?: string) =>
	r.line !== undefined
		? `file line ${formatCount(r.line)} (data row ${formatCount(r.row)})`
		: `${format === 'GeoJSON' ? 'feature' : 'row'} ${formatCount(r.row)}`;
