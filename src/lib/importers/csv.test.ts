import { describe, expect, it } from 'vitest';
import { importCsv, importCsvInParts, readPart, type ReadLaterPart } from './file.js';
import { accounted, done } from './test-helpers.js';

describe('reading the CSV: header, blank lines and bad quotes', () => {
	// `comment` twice: a column the importer does not read, so the file is read and the second is numbered.
	const header = 'id,date_start,latitude,longitude,where_prec,side_a,best,source_headline,comment,comment';
	it('numbers a repeated header name, skips blank lines uncounted, and rejects the row whose quote does not close', async () => {
		const csv = [
			header,
			'1,2023-01-01,34.01,71.58,1,TEST A,1,ok,c1,c2',
			',,,,,,,,,',
			'   ',
			'2,2023-01-02,34.01,71.58,1,TEST B,1,"open quote,x,y',
			'3,2023-01-03,34.01,71.58,1,TEST C,1,ok,x,y'
		].join('\n');
		const r = await done(new TextEncoder().encode(csv), 'blank-lines.csv');
		accounted(r);
		expect(r.headers).toContain('comment_1');
		expect(r.report.rowsRead).toBe(2);
		expect(r.incidents.map((i) => i.actor)).toEqual(['TEST A']);
		expect(r.rejections[0]).toMatchObject({ row: 2, column: '(row)' });
		expect(r.rejections[0]!.problem).toMatch(/quote mark is not closed/);
	});
	/** Test rows (not real incidents), one a line, numbered from 1; row `open` opens a quote it never closes. */
	const unclosedAt = (rows: number, open: number) =>
		[header, ...Array.from({ length: rows }, (_, k) => `${k + 1},2023-01-01,34.01,71.58,1,TEST A,1,${k + 1 === open ? '"open quote' : 'ok'},x,y`)].join('\n') +
		'\n';
	it('accounts for every line a quote not closed absorbs: row 2 of 1,000 lines is one rejected row of 999 lines, named', async () => {
		const r = await done(new TextEncoder().encode(unclosedAt(1000, 2)), 'unclosed.csv');
		accounted(r);
		expect(r.report).toMatchObject({ rowsRead: 2, imported: 1, rejected: 1, linesRead: 1000, linesRejected: 999 });
		expect(r.rejections[0]).toMatchObject({ row: 2, lines: { from: 3, to: 1001 } });
		expect(r.rejections[0]!.problem).toMatch(/quote mark is not closed.*; the row spans lines 3–1,001 of the file$/);
	});
	it("names the file's lines, not the part's, when the quote is opened in the second part of a file read in two", async () => {
		const file = new Blob([unclosedAt(2000, 1500)]);
		const opts = { file: 'unclosed.csv', size: file.size, encoding: 'utf-8' as const };
		const readLater: ReadLaterPart = (part, setup, onProgress) => readPart(part, setup, 'none', { size: part.size, onProgress });
		const inParts = await importCsvInParts(file, opts, readLater);
		expect(inParts).toEqual(await importCsv(file, opts));
		if (inParts.kind !== 'done') throw new Error(inParts.kind);
		expect(inParts.result.report).toMatchObject({ rowsRead: 1500, linesRead: 2000, linesRejected: 501 });
		expect(inParts.result.rejections[0]!.lines).toEqual({ from: 1501, to: 2001 });
	});
	it('counts the lines of a quoted cell with line breaks in an imported row, none rejected', async () => {
		const csv = [header, '1,2023-01-01,34.01,71.58,1,TEST A,1,"two\nlines",x,y', '2,2023-01-02,34.01,71.58,1,TEST B,1,"three\r\nlines\nhere",x,y'].join('\r\n');
		const r = await done(new TextEncoder().encode(csv), 'multiline.csv');
		expect(r.report).toMatchObject({ rowsRead: 2, imported: 2, linesRead: 5, linesRejected: 0 });
	});
});
