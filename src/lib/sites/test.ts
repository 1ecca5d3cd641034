import { describe, expect, it } from 'vitest';
import { parseSitesCsv, sitesCsv } from './index.js';

describe('saved sites CSV', () => {
	it('round-trips a list and explains bad rows', () => {
		const csv = sitesCsv([{ name: 'TEST clinic, Peshawar', lat: 34.01, lon: 71.58, note: '=not a formula' }]);
		const back = parseSitesCsv(csv + 'No place,,\r\nFar away,51.5,-0.1\r\n');
		expect(back.sites).toEqual([{ name: 'TEST clinic, Peshawar', lat: 34.01, lon: 71.58, note: "'=not a formula" }]);
		expect(back.rejected.map((r) => r.row)).toEqual([2, 3]);
		expect(back.rejected[1]!.problem).toMatch(/outside Pakistan and Afghanistan/);
	});
	it('names the missing columns', () => {
		expect(() => parseSitesCsv('title,x,y\na,1,2\n')).toThrow(/needs columns name, latitude and longitude/);
	});
});
