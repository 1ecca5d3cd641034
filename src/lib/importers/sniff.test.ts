import { describe, expect, it } from 'vitest';
import { sniff } from './sniff.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniff: empty files', () => {
	it('calls a file of size 0 empty, whatever sample it is given', () => {
		expect(() => sniff(new Uint8Array(), 0, 'x.csv')).toThrow(expect.objectContaining({ name: 'ImportFileError', message: 'The file is empty.' }));
		expect(() => sniff(text('A'), 0, 'x.csv')).toThrow('The file is empty.');
	});
	it('calls a file of spaces, tabs and line breaks empty, each of them alone too', () => {
		for (const blank of [' ', '\n', '\r', '\t', ' \r\n\t '])
			expect(() => sniff(text(blank), blank.length, 'x.csv'), JSON.stringify(blank)).toThrow('The file is empty.');
	});
	it('does not call a file empty when one byte is not white space', () => {
		expect(sniff(text(' \na'), 3, 'x.csv').kind).toBe('csv');
	});
});

describe('sniff: UTF-16', () => {
	it('refuses both byte-order marks', () => {
		expect(() => sniff(bytes(0xff, 0xfe, 0x41, 0x00), 4, 'x.csv')).toThrow(/UTF-16/);
		expect(() => sniff(bytes(0xfe, 0xff, 0x00, 0x41), 4, 'x.csv')).toThrow(/UTF-16/);
	});
	it('reads a file that has only half of a mark as Latin-1, not UTF-16', () => {
		for (const head of [bytes(0xff, 0x41), bytes(0x41, 0xfe), bytes(0xfe, 0x41), bytes(0x41, 0xff), bytes(0xff, 0xff), bytes(0xfe, 0xfe)])
			expect(sniff(head, head.length, 'x.csv').encoding, String([...head])).toBe('windows-1252');
	});
});

describe('sniff: UTF-8 or Latin-1', () => {
	it('reads a whole file that ends in half a character as Latin-1', () => {
		const head = bytes(0x61, 0x62, 0x63, 0xc3);
		expect(sniff(head, head.length, 'x.csv')).toEqual({
			encoding: 'windows-1252',
			kind: 'csv',
			notes: ['The file is not UTF-8; it was read as Latin-1 (Windows-1252).']
		});
	});
	it('reads a sample cut inside a character as UTF-8: the file goes on', () => {
		const head = text('id,place\n1,Peña');
		expect(sniff(head.subarray(0, head.length - 1), 1000, 'x.csv')).toEqual({ encoding: 'utf-8', kind: 'csv', notes: [] });
	});
	it('reads a sample with a Latin-1 byte early on as Latin-1', () => {
		expect(sniff(bytes(0x61, 0xe9, 0x61, 0x61, 0x61, 0x61), 1000, 'x.csv').encoding).toBe('windows-1252');
	});
});

describe('sniff: CSV or GeoJSON', () => {
	it('goes by the first character, after a byte-order mark and white space', () => {
		expect(sniff(text('\ufeff {"type":"FeatureCollection"}'), 40, 'data.txt').kind).toBe('geojson');
		expect(sniff(text('\n{"type":"FeatureCollection"}'), 40, 'data.txt').kind).toBe('geojson');
		expect(sniff(text('id,date\n'), 8, 'data.txt').kind).toBe('csv');
	});
	it('goes by a .json or .geojson name, and only at the end of the name', () => {
		expect(sniff(text('[1]'), 3, 'x.json').kind).toBe('geojson');
		expect(sniff(text('[1]'), 3, 'x.GeoJSON').kind).toBe('geojson');
		expect(sniff(text('a,b'), 3, 'x.json.csv').kind).toBe('csv');
		expect(sniff(text('a,b'), 3, 'x.geojso').kind).toBe('csv');
	});
});
