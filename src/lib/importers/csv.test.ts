import { describe, expect, it } from 'vitest';
import { cellsOfRows, csvHead, importCsv, importCsvInParts, readPart, type ReadLaterPart } from './file.js';
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
		// Data row 2 starts on the file's line 5: the header and two blank lines are lines too.
		expect(r.rejections[0]).toMatchObject({ row: 2, line: 5, column: '(row)' });
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
		expect(inParts.result.rejections[0]!.line).toBe(1501);
	});
	it('counts the lines of a quoted cell with line breaks in an imported row, none rejected', async () => {
		const csv = [header, '1,2023-01-01,34.01,71.58,1,TEST A,1,"two\nlines",x,y', '2,2023-01-02,34.01,71.58,1,TEST B,1,"three\r\nlines\nhere",x,y'].join('\r\n');
		const r = await done(new TextEncoder().encode(csv), 'multiline.csv');
		expect(r.report).toMatchObject({ rowsRead: 2, imported: 2, linesRead: 5, linesRejected: 0 });
	});
});

const UCDP_HEADER = 'id,date_start,latitude,longitude,where_prec,side_a,best';
/** Test rows (not real incidents) under the UCDP header, one a line. */
const ucdpRows = (n: number, cell = (k: number) => `${k + 1},2023-01-01,34.01,71.58,1,TEST A,1`) =>
	[UCDP_HEADER, ...Array.from({ length: n }, (_, k) => cell(k))].join('\n') + '\n';
const opts = (text: string, more: Partial<Parameters<typeof importCsv>[1]> = {}) => ({ file: 'x.csv', size: text.length, encoding: 'utf-8' as const, ...more });
const NO_MAPPING = { latitude: '', longitude: '', date: '', killed: '', type: '', group: '', id: '', place: '' };

describe('csvHead: what the header allows', () => {
	it('counts only named columns: a header of one name and an empty one is refused', async () => {
		await expect(importCsv('lat,\n1,\n', opts('lat,\n1,\n'))).rejects.toThrow(
			'Only 1 column found in the header; is this a CSV file? (comma or semicolon separated, one header row)'
		);
	});
	it('previews the first five rows that are not blank', async () => {
		const text = ['when,where', '1,a', ',', '2,b', '', '3,c', '4,d', '5,e', '6,f'].join('\n');
		const outcome = await importCsv(text, opts(text));
		expect(outcome.kind === 'needs-mapping' && outcome.preview.map((r) => r.when)).toEqual(['1', '2', '3', '4', '5']);
	});
	it('refuses a mapped column the header repeats', async () => {
		const text = 'lat,lat,lon,when\n34,35,71,2023-01-01\n';
		await expect(importCsv(text, opts(text, { mapping: { ...NO_MAPPING, latitude: 'lat', longitude: 'lon', date: 'when' } }))).rejects.toThrow(
			'The header has the column "lat" 2 times (columns 1, 2), and the importer reads it'
		);
	});
	it('names every required column a mapping gives that the file lacks', async () => {
		const text = 'lat,lon\n34,71\n';
		await expect(importCsv(text, opts(text, { mapping: { ...NO_MAPPING, latitude: 'y', longitude: 'lon', date: 'when' } }))).rejects.toThrow(
			'The mapping names columns the file does not have: latitude → "y", date → "when".'
		);
	});
	it('says a file of blank lines is empty, and stops when cancelled', async () => {
		await expect(importCsv('\n\n\n', opts('\n\n\n'))).rejects.toThrow('The file is empty.');
		const text = ucdpRows(3);
		expect(await importCsv(text, opts(text, { isCancelled: () => true }))).toEqual({ kind: 'cancelled' });
	});
});

describe('readPart and the result', () => {
	it('reads a decimal comma only in a file separated by semicolons, and says how it was separated', async () => {
		const semicolons = ucdpRows(1, () => '1;2023-01-01;"34,5";71,58;1;TEST A;1')
			.replaceAll(',', ';')
			.replace(/"34;5";71;58/, '"34,5";71,58');
		const bySemicolon = await done(new TextEncoder().encode(semicolons), 'semi.csv');
		expect(bySemicolon.incidents.map((i) => [i.lat, i.lon])).toEqual([[34.5, 71.58]]);
		expect(bySemicolon.report.notes).toEqual(['Columns are separated by ";"; decimal commas were accepted.']);
		const byComma = await done(new TextEncoder().encode(ucdpRows(1, () => '1,2023-01-01,"34,5",71.58,1,TEST A,1')), 'comma.csv');
		expect(byComma.rejections.map((x) => x.problem)).toEqual(['"34,5" is not a number (plain decimal digits expected)']);
		expect(byComma.report.notes).toEqual([]);
		const byTab = await done(new TextEncoder().encode(ucdpRows(2).replaceAll(',', '\t')), 'tab.csv');
		expect(byTab.report.notes).toEqual(['Columns are separated by "\t".']);
		expect(byTab.report.imported).toBe(2);
	});
	it('keeps the notes it was given, before its own', async () => {
		const text = ucdpRows(1).replaceAll(',', ';');
		const outcome = await importCsv(text, opts(text, { notes: ['given'] }));
		expect(outcome.kind === 'done' && outcome.result.report.notes).toEqual(['given', 'Columns are separated by ";"; decimal commas were accepted.']);
	});
	it('reports progress as a growing fraction of the file, ending at 1', async () => {
		const text = ucdpRows(60_000);
		const seen: number[] = [];
		await importCsv(new Blob([text]), opts(text, { onProgress: (f) => seen.push(f) }));
		expect(seen.length).toBeGreaterThan(2);
		expect(seen.some((f) => f > 0 && f < 1)).toBe(true);
		expect(seen.at(-1)).toBe(1);
		expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
	});
	it('reads only the rows asked for again, by their number in the part', async () => {
		const text = ucdpRows(5, (k) => `${k + 1},2023-01-0${k + 1},34.01,71.58,1,TEST ${k + 1},1`);
		const head = await csvHead(text, opts(text));
		if (head.kind !== 'setup') throw new Error(head.kind);
		const body = text.slice(text.indexOf('\n') + 1);
		expect((await cellsOfRows(body, head.setup, [4, 2])).map((r) => [r.cells.side_a, r.lines])).toEqual([
			['TEST 4', { from: 4, to: 4 }],
			['TEST 2', { from: 2, to: 2 }]
		]);
	});
});

describe('importCsvInParts', () => {
	const readLater: ReadLaterPart = (part, setup, onProgress) => readPart(part, setup, 'none', { size: part.size, onProgress });
	it('asks for a mapping as importCsv does', async () => {
		const text = 'when,where\n1,a\n2,b\n';
		expect(await importCsvInParts(new Blob([text]), opts(text), readLater)).toEqual(await importCsv(new Blob([text]), opts(text)));
		expect((await importCsvInParts(new Blob([text]), opts(text), readLater)).kind).toBe('needs-mapping');
	});
	it('reads a file of its header only in one pass, and a longer one in two, the second by readLater', async () => {
		let laterCalls = 0;
		const counting: ReadLaterPart = (...args) => (laterCalls++, readLater(...args));
		const one = ucdpRows(0);
		expect(await importCsvInParts(new Blob([one]), opts(one), counting)).toEqual(await importCsv(new Blob([one]), opts(one)));
		expect(laterCalls).toBe(0);
		const many = ucdpRows(50);
		const outcome = await importCsvInParts(new Blob([many]), opts(many), counting);
		expect(laterCalls).toBe(1);
		expect(outcome.kind === 'done' && outcome.result.report.imported).toBe(50);
	});
	it('fails as the later part fails, and stops when the later part was cancelled', async () => {
		const many = ucdpRows(50);
		await expect(importCsvInParts(new Blob([many]), opts(many), () => Promise.reject(new Error('TEST worker lost')))).rejects.toThrow('TEST worker lost');
		const cancelled: ReadLaterPart = async (...args) => ({ ...(await readLater(...args)), cancelled: true });
		expect(await importCsvInParts(new Blob([many]), opts(many), cancelled)).toEqual({ kind: 'cancelled' });
	});
	it('reports progress over both parts, weighted by their sizes, ending at 1', async () => {
		const text = ucdpRows(60_000);
		const seen: number[] = [];
		await importCsvInParts(new Blob([text]), opts(text, { onProgress: (f) => seen.push(f) }), readLater);
		expect(seen.some((f) => f > 0 && f < 1)).toBe(true);
		expect(seen.at(-1)).toBeCloseTo(1, 9);
		expect(seen.every((f, i) => f >= 0 && f <= 1 + 1e-9 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
	});
});
