import { describe, expect, it } from 'vitest';
import type Papa from 'papaparse';
import { absorbedRows, cleanHeader, headerFields, parseProblem, rowLikeLines, rowOf, streamRows } from './csv-stream.js';

describe('header names', () => {
	it('drops a byte-order mark and spaces around a name', () => {
		expect(cleanHeader('\ufeff id ')).toBe('id');
		expect(headerFields(['\ufeffid', ' date '])).toEqual(['id', 'date']);
	});
	it('numbers a repeated name past the names the header already has', () => {
		expect(headerFields(['a', 'a', 'a_1', 'a', 'b', 'b'])).toEqual(['a', 'a_2', 'a_1', 'a_3', 'b', 'b_1']);
	});
});

describe('rowOf', () => {
	it('names the cells by the header, and keeps cells past it in __parsed_extra', () => {
		expect(rowOf(['1', '2', '3', '4'], ['a', 'b'])).toEqual({ a: '1', b: '2', __parsed_extra: ['3', '4'] });
		expect(rowOf(['1'], ['a', 'b'])).toEqual({ a: '1' });
	});
});

describe('parseProblem', () => {
	const error = (code: string, message = 'TEST message') => ({ code, message, type: 'Quotes', row: 0 }) as Papa.ParseError;
	it('explains a quote not closed, for both of papaparse’s codes, and passes other messages on', () => {
		const quote = /^a quote mark is not closed: the lines after it, up to the next quote mark or the end of the file, were read into this row/;
		expect(parseProblem(error('MissingQuotes'))).toMatch(quote);
		expect(parseProblem(error('InvalidQuotes'))).toMatch(quote);
		expect(parseProblem(error('TooFewFields', 'Too few fields'))).toBe('Too few fields');
	});
});

describe('lines absorbed into a cell', () => {
	it('counts the lines after the first that have about as many delimiters as a row', () => {
		expect(rowLikeLines('a\nb,c,d\ne,f', ',', 4)).toBe(1);
		expect(rowLikeLines('a\r\nb,c,d\rb,c,d', ',', 4)).toBe(2);
		expect(rowLikeLines('b,c,d', ',', 4)).toBe(0);
		// At least max(3, columns − 1) cells: 3 for a narrow file, 6 for a 7-column one.
		expect(rowLikeLines('a\nb,c,d', ',', 7)).toBe(0);
		expect(rowLikeLines('a\nb,c,d,e,f,g', ',', 7)).toBe(1);
		expect(rowLikeLines('a\nb,c', ',', 2)).toBe(0);
		expect(rowLikeLines('a\nb;c;d', ',', 4)).toBe(0);
	});
	it('names the first cell holding such lines, past cells with other line breaks', () => {
		const fields = ['id', 'note', 'text'];
		expect(absorbedRows(['1', 'two\nlines', 'x\n2,b,c'], fields, ',', 3, '\n')).toBe(
			'cell "text" holds 1 more line(s) that look like rows: a quote mark is probably not closed (those lines are kept in this rejected row)'
		);
		expect(absorbedRows(['1', '\n2,b,c', 'x'], fields, ',', 3, '\n')).toMatch(/^cell "note" holds 1 more/);
		expect(absorbedRows(['1', 'x', 'y', 'z\n2,b,c'], fields, ',', 3, '\n')).toMatch(/^cell "__parsed_extra" holds 1 more/);
		expect(absorbedRows(['1', 'two\nlines', 'x'], fields, ',', 3, '\n')).toBeUndefined();
		expect(absorbedRows(['1', 'a,b,c', 'x'], fields, ',', 3, '\n')).toBeUndefined();
	});
});

describe('streamRows', () => {
	const read = { encoding: 'utf-8' as const, delimiter: ',', newline: '\n' };
	async function rows(text: string) {
		const seen: [string[], string | undefined, number, number][] = [];
		const streamed = await streamRows(text, read, 'none', { row: (cells, problem, from, to) => void seen.push([cells, problem, from, to]) });
		return { streamed, seen };
	}
	it('reads a string input, skipping blank rows, with each row’s lines', async () => {
		const { streamed, seen } = await rows('a,b\n\n"c\nd",e\n');
		expect(streamed).toEqual({ cancelled: false, headerSeen: true, quoteTrouble: false });
		expect(seen).toEqual([
			[['a', 'b'], undefined, 1, 1],
			[['c\nd', 'e'], undefined, 3, 4]
		]);
	});
	it('marks quote trouble and names the row it is in', async () => {
		const { streamed, seen } = await rows('a,b\n"c,d\ne,f\n');
		expect(streamed.quoteTrouble).toBe(true);
		expect(seen.map(([, problem]) => problem?.slice(0, 27))).toEqual([undefined, 'a quote mark is not closed:']);
	});
	it('finds the header past blank lines at the top, and sees none in a file of blank lines', async () => {
		const headers: string[][] = [];
		const find = (text: string) => streamRows(text, read, 'find', { header: (cells) => (headers.push(cells), false), row() {} });
		expect((await find('\n,\n\nid,date\n1,2\n')).headerSeen).toBe(true);
		expect(headers).toEqual([['id', 'date']]);
		expect((await find('\n\n,\n')).headerSeen).toBe(false);
	});
});
