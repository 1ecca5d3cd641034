import { describe, expect, it } from 'vitest';
import { parseSitesCsv, sitesCsv } from './index.js';

describe('saved sites CSV', () => {
	it('round-trips a list and explains bad rows', () => {
		const csv = sitesCsv([
			{ name: 'TEST clinic, Peshawar', lat: 34.01, lon: 71.58, note: '=not a formula', kind: 'town' },
			{ name: 'TEST office', lat: 34.1, lon: 71.5, note: '', kind: null }
		]);
		expect(csv.split('\r\n')[0]).toBe('name,latitude,longitude,kind,note');
		const back = parseSitesCsv(csv + 'No place,,\r\nFar away,51.5,-0.1\r\nTEST fort,34,71,fortress,\r\n');
		expect(back.sites).toEqual([
			{ name: 'TEST clinic, Peshawar', lat: 34.01, lon: 71.58, note: "'=not a formula", kind: 'town' },
			{ name: 'TEST office', lat: 34.1, lon: 71.5, note: '', kind: null }
		]);
		expect(back.rejected.map((r) => r.row)).toEqual([3, 4, 5]);
		expect(back.rejected[1]!.problem).toMatch(/outside Pakistan and Afghanistan/);
		expect(back.rejected[2]!.problem).toMatch(/^kind "fortress" is not one of town, district, /);
	});
	it('names the missing columns', () => {
		expect(() => parseSitesCsv('title,x,y\na,1,2\n')).toThrow(/needs columns name, latitude and longitude/);
	});
});

describe('a sites file with an unclosed quote', () => {
	it('rejects the row that absorbed the lines after it, counting them, instead of losing 50 sites', () => {
		const later = Array.from({ length: 50 }, (_, i) => `TEST site ${i},34.0${i % 10},71.5${i % 10},`);
		const text = ['name,latitude,longitude,note', 'TEST first,34.01,71.58,ok', 'TEST open,34.02,71.59,"the quote is not closed', ...later].join('\n') + '\n';
		const { sites, rejected } = parseSitesCsv(text);
		expect(sites.map((s) => s.name)).toEqual(['TEST first']);
		expect(rejected).toEqual([
			{ row: 2, problem: 'a quote mark is not closed: the 50 line(s) after it were read into this row, which is rejected (they are not sites)' }
		]);
	});
});
