import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { area } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { currentDistrictName, districtsInCurrentLayout, slugify } from './index.js';
import { readJson, sourcesDir } from '../../../tests/unit/sources.js';

type Source = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
const source = readJson<Source>(join(sourcesDir, 'boundaries/pakistan_districts_2015.geojson'));
const districts = districtsInCurrentLayout(source.features);
const byName = new Map(districts.map((d) => [d.properties.name, d]));

describe('slugify / names', () => {
	it('makes stable URL slugs', () => {
		expect(slugify('Dera Ismail Khan')).toBe('dera-ismail-khan');
		expect(slugify('Killa Saifullah')).toBe('killa-saifullah');
	});
	it('drops "Agency" from tribal agency names', () => {
		expect(currentDistrictName('North Waziristan Agency')).toBe('North Waziristan');
	});
});

describe('districtsInCurrentLayout on the 2015 layer', () => {
	it('gives 32 KP districts (25 + 7 former agencies) and 32 Balochistan districts', () => {
		const kp = districts.filter((d) => d.properties.province === 'Khyber Pakhtunkhwa');
		expect(kp).toHaveLength(32);
		expect(districts.filter((d) => d.properties.province === 'Balochistan')).toHaveLength(32);
		for (const agency of ['Bajaur', 'Khyber', 'Kurram', 'Mohmand', 'North Waziristan', 'Orakzai', 'South Waziristan']) {
			expect(byName.get(agency)?.properties.province).toBe('Khyber Pakhtunkhwa');
		}
	});
	it('leaves no Frontier Region or "Agency" as a district of its own', () => {
		expect(districts.some((d) => /^FR |Agency/.test(d.properties.name))).toBe(false);
	});
	it('merges each Frontier Region into its district with turf.union (area adds up)', () => {
		const pairs: [string, string][] = [
			['FR Peshawar', 'Peshawar'], ['FR Kohat', 'Kohat'], ['FR Bannu', 'Bannu'],
			['FR Lakki Marwat', 'Lakki Marwat'], ['FR DI Khan', 'Dera Ismail Khan'], ['FR Tank', 'Tank']
		];
		for (const [fr, target] of pairs) {
			const frFeature = source.features.find((f) => f.properties.district_agency === fr)!;
			const oldFeature = source.features.find((f) => f.properties.district_agency === target)!;
			const merged = byName.get(target)!;
			expect(merged.properties.sourceUnits).toEqual([target, fr]);
			const expectedKm2 = (area(frFeature) + area(oldFeature)) / 1e6;
			expect(merged.properties.areaKm2).toBeCloseTo(expectedKm2, -1); // within ~5 km²: union removes only overlap
		}
	});
	it('gives unique slugs, sorted, and plausible areas', () => {
		const slugs = districts.map((d) => d.properties.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
		expect([...slugs].sort()).toEqual(slugs);
		// Chagai (Chaghi) is the largest district of Pakistan, Peshawar (with FR) ~1,500 km².
		const largest = districts.reduce((a, b) => (a.properties.areaKm2 > b.properties.areaKm2 ? a : b));
		expect(largest.properties.name).toBe('Chaghi');
		expect(byName.get('Peshawar')!.properties.areaKm2).toBeGreaterThan(1000);
		expect(byName.get('Peshawar')!.properties.areaKm2).toBeLessThan(2500);
	});
	it('says which feature is wrong when a Frontier Region has no target', () => {
		const broken = source.features.filter((f) => f.properties.district_agency !== 'Kohat');
		expect(() => districtsInCurrentLayout(broken, undefined, 'layer.geojson')).toThrow(/layer\.geojson, feature \d+: Frontier Region "FR Kohat" should merge into "Kohat"/);
	});
});
