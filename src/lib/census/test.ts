import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { censusByName, perHundredThousand, type RawCensus } from './index.js';
import { projectRoot, readJson } from '../../../tests/unit/sources.js';

const raw = readJson<RawCensus & { totals: { provinces: Record<string, number> } }>(join(projectRoot, 'sources/census/pakistan_census_2023_districts.json'));
const census = censusByName(raw);

describe('censusByName (PBS Census 2023)', () => {
	it('reads every district and reconciles with the published province totals', () => {
		const byProvince = new Map<string, number>();
		for (const [name, d] of Object.entries(raw.districts)) {
			const p = (d as { province: string }).province;
			byProvince.set(p, (byProvince.get(p) ?? 0) + census.get(name)!.population);
		}
		expect(byProvince.get('Khyber Pakhtunkhwa')).toBe(40_856_097);
		expect(byProvince.get('Balochistan')).toBe(14_894_402);
	});
	it('keeps the development shares as published', () => {
		const chaman = census.get('Chaman')!;
		expect(chaman).toMatchObject({ population: 466_218, areaKm2: 1341, households: 61_942 });
		expect(chaman.literacyRate).toBeCloseTo(0.399674, 6);
		expect(chaman.improvedWaterShare).toBeCloseTo(0.759897, 6);
		expect(chaman.noToiletShare).toBeCloseTo(0.044496, 6);
	});
	const TABLE1_SPELLING: Record<string, string> = { Abbotabad: 'ABBOTTABAD', 'Kachhi (Bolan)': 'KACHHI', 'Kolai Pallas Kohistan': 'KOLAI PALAS KOHISTAN' };
	it('carries the areas and populations PBS prints in Table 1 (transcribed separately), for every KP/Balochistan district', () => {
		const table1 = readJson<{ districts: { district: string; province: string; areaSqKm: number; population2023: number }[] }>(
			join(projectRoot, 'sources/census/pbs_table1_district_areas.json')
		);
		let checked = 0;
		for (const [name, d] of Object.entries(raw.districts) as [string, { province: string }][]) {
			if (d.province !== 'Khyber Pakhtunkhwa' && d.province !== 'Balochistan') continue;
			const c = census.get(name)!;
			// Table 1 prints names in capitals, three of them spelt differently.
			const key = (n: string) => (TABLE1_SPELLING[n] ?? n).toUpperCase().replace(/[^A-Z]/g, '');
			const row = table1.districts.find((r) => r.province === d.province && key(r.district) === key(name));
			expect(row, name).toBeDefined();
			expect(c.areaKm2, name).toBe(row!.areaSqKm);
			// The two transcriptions' populations agree to within 1 % (eight districts differ slightly, in
			// pairs of neighbours whose differences cancel: see the file's "reconciliation" note).
			expect(Math.abs(c.population - row!.population2023) / c.population, name).toBeLessThan(0.01);
			checked++;
		}
		expect(checked).toBe(69);
	});
	it('names the district and field of a bad figure', () => {
		expect(() => censusByName({ districts: { Quetta: { population: -5, households: 1 } } }, 'census.json')).toThrow(
			'census.json, district "Quetta", population: expected a whole number ≥ 0, got -5'
		);
		expect(() => censusByName({ districts: { Quetta: { population: 5, households: 1, development: { literacy: { rate: 1.4 } } } } })).toThrow(
			/literacy\.rate: expected a share between 0 and 1/
		);
	});
	it('gives no rate without a population', () => {
		expect(perHundredThousand(3, 300_000)).toBeCloseTo(1);
		expect(perHundredThousand(3, null)).toBeNull();
	});
});
