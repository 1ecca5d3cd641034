import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { projectRoot, readJson, sourcesDir } from '../../../tests/unit/sources.js';
import { nationalEvents, overlap, yearTotals, type NationalTotals } from './index.js';

const national = readJson<NationalTotals>(join(projectRoot, 'geodata/national.json'));
// The source file read on its own, summed here without the build's code.
const raw = Papa.parse<Record<string, string>>(readFileSync(join(sourcesDir, 'incidents/ucdp_ged_25_1_pakistan_monthly.csv'), 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;
const fileYear = (year: string, column: string) => raw.filter((r) => r.year_month!.startsWith(year)).reduce((n, r) => n + Number(r[column]), 0);

describe('Pakistan-wide monthly totals of UCDP GED 25.1', () => {
	it('have the file’s year totals (2023: 382 events, 1,178 deaths; 2024: 687 and 1,885)', () => {
		const years = new Map(yearTotals(national).map((y) => [y.year, y]));
		expect([years.get(2023)!.events, years.get(2023)!.deaths, years.get(2024)!.events, years.get(2024)!.deaths]).toEqual([382, 1178, 687, 1885]);
		for (const y of yearTotals(national))
			expect([y.events, y.deaths], String(y.year)).toEqual([fileYear(String(y.year), 'ucdp_event_count'), fileYear(String(y.year), 'ucdp_fatalities_best')]);
		expect(national.events).toHaveLength(432);
	});
	it('are compared with the bundled events only over years the bundled series covers in full', () => {
		const years = yearTotals(national);
		expect(years.filter((y) => y.bundled !== null).map((y) => y.year)).toEqual(Array.from({ length: 33 }, (_, i) => 1989 + i));
		const o = overlap(national)!;
		expect([o.from, o.to, o.national, o.bundled]).toEqual([1989, 2021, 6502, 6416]);
		expect(years.find((y) => y.year === 2023)!.bundled).toBeNull();
	});
	it('answer a month inside the series, and nothing outside it', () => {
		expect(nationalEvents(national, '2024-12')).toBe(Number(raw.at(-1)!.ucdp_event_count));
		expect(nationalEvents(national, '2025-01')).toBeNull();
		expect(nationalEvents(national, '1988-12')).toBeNull();
	});
});
