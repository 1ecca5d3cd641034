import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, multiPolygon, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { areaMismatch, focusDistricts, labelPoint, slugify, withAreaBasis, type LayoutProps } from './index.js';
import { LEGACY_SLUGS, resolveDistrictSlug } from './legacy.js';
import { squareRing } from './test-squares.js';
import { committedBaseMap, fullResolutionDistricts, readJson, projectRoot } from '../../../tests/unit/sources.js';
import { censusByName, type RawCensus } from '../census/index.js';
import { join } from 'node:path';

const census = censusByName(readJson<RawCensus>(join(projectRoot, 'sources/census/pakistan_census_2023_districts.json')));
const districts = fullResolutionDistricts((name) => census.get(name) ?? null);
const byName = new Map(districts.map((d) => [d.properties.name, d]));

describe('slugify', () => {
	it('makes stable URL slugs', () => {
		expect(slugify('Dera Ismail Khan')).toBe('dera-ismail-khan');
		expect(slugify('Kachhi (Bolan)')).toBe('kachhi-bolan');
	});
});

describe('focusDistricts on the 2023 census layout (OpenStreetMap)', () => {
	it('gives the 35 KP and 34 Balochistan districts of the 2023 census, sorted by slug', () => {
		expect(districts.filter((d) => d.properties.province === 'Khyber Pakhtunkhwa')).toHaveLength(35);
		expect(districts.filter((d) => d.properties.province === 'Balochistan')).toHaveLength(34);
		const slugs = districts.map((d) => d.properties.slug);
		expect(slugs).toEqual([...slugs].sort((a, b) => a.localeCompare(b)));
	});
	it('has the districts the 2015 layer lacked', () => {
		for (const name of [
			'Chaman',
			'Duki',
			'Sohbatpur',
			'Surab',
			'Upper Chitral',
			'Lower Chitral',
			'Upper Kohistan',
			'Lower Kohistan',
			'Kolai Pallas Kohistan',
			'Torghar'
		]) {
			expect(byName.get(name)?.properties.name, name).toBe(name);
		}
		expect(byName.get('North Waziristan')?.properties.province).toBe('Khyber Pakhtunkhwa');
	});
	it('divides by the PBS-published area and keeps the measured one beside it', () => {
		const peshawar = byName.get('Peshawar')!.properties;
		expect(peshawar.areaSource).toBe('PBS Census 2023 Table 1');
		expect(peshawar.areaKm2).toBe(census.get('Peshawar')!.areaKm2);
		expect(peshawar.population).toBe(census.get('Peshawar')!.population);
		// The OSM outline and the published area agree to within a few per cent for an inland district.
		expect(Math.abs(peshawar.measuredAreaKm2 / peshawar.areaKm2 - 1)).toBeLessThan(0.1);
	});
	it('falls back to the measured area, and no population, where the census has no row', () => {
		const square = polygon(squareRing(66, 30, 0.1), { name: 'Nowhere', division: 'X', province: 'Balochistan', osmRelations: [] });
		const [d] = focusDistricts([square as Feature<Polygon, LayoutProps>], () => null);
		expect(d!.properties.population).toBeNull();
		expect(d!.properties.areaSource).toBe('measured on the OSM geometry');
		expect(d!.properties.areaKm2).toBe(d!.properties.measuredAreaKm2);
		expect(d!.properties.areaKm2).toBeGreaterThan(100);
	});
	it('names the feature when one is broken', () => {
		const broken = [{ type: 'Feature', properties: { name: 'Quetta', province: 'Balochistan' }, geometry: null }] as unknown as Feature<
			MultiPolygon,
			LayoutProps
		>[];
		expect(() => focusDistricts(broken, () => null, 'layout.topojson')).toThrow(
			'layout.topojson, feature 1 (Quetta): expected a Polygon or MultiPolygon geometry'
		);
	});
});

describe('old district links (LEGACY_SLUGS)', () => {
	const known = new Set(districts.map((d) => d.properties.slug));
	it('points every old slug at districts that exist today', () => {
		for (const [slug, { today }] of Object.entries(LEGACY_SLUGS)) for (const s of today) expect(known.has(s), `${slug} → ${s}`).toBe(true);
	});
	it('opens a split district’s successor with a one-line explanation', () => {
		const chitral = resolveDistrictSlug('chitral', known);
		expect(chitral.slug).toBe('upper-chitral');
		expect(chitral.today).toEqual(['upper-chitral', 'lower-chitral']);
		expect(chitral.note).toMatch(/Chitral was split into Upper Chitral and Lower Chitral/);
		expect(resolveDistrictSlug('kohistan', known).today).toHaveLength(3);
		const ka = resolveDistrictSlug('killa-abdullah', known);
		expect(ka.slug).toBe('killa-abdullah');
		expect(ka.note).toMatch(/Chaman/);
	});
	it('leaves today’s slugs alone and explains an unknown one', () => {
		expect(resolveDistrictSlug('quetta', known)).toEqual({ slug: 'quetta', today: ['quetta'], note: null });
		const unknown = resolveDistrictSlug('atlantis', known);
		expect(unknown.slug).toBeNull();
		expect(unknown.note).toMatch(/“atlantis”, which is not in the 2023 census layout/);
	});
});

describe('labelPoint', () => {
	it('is the centre of mass of a polygon, and of the largest part of a multipolygon', () => {
		const [x, y] = labelPoint(polygon(squareRing(70, 30, 2)));
		expect(x).toBeCloseTo(71, 12);
		expect(y).toBeCloseTo(31, 12);
		const [mx, my] = labelPoint(multiPolygon([squareRing(60, 20, 1), squareRing(70, 30, 4)]));
		expect([mx, my]).toEqual([72, 32]);
	});
	it('falls inside the shape when the centre of mass does not (a C shape)', () => {
		const c = polygon([
			[
				[0, 0],
				[3, 0],
				[3, 1],
				[1, 1],
				[1, 2],
				[3, 2],
				[3, 3],
				[0, 3],
				[0, 0]
			]
		]);
		const p = labelPoint(c);
		expect(booleanPointInPolygon([1.5, 1.5], c)).toBe(false);
		expect(booleanPointInPolygon(p, c)).toBe(true);
	});
	it('lies inside every district of the full-detail 2023 layout', () => {
		for (const d of fullResolutionDistricts()) expect(booleanPointInPolygon(labelPoint(d), d), d.properties.slug).toBe(true);
	});
});

describe('a district link naming a property of every object', () => {
	// `?district=constructor` found Object.prototype.constructor in the old-slug table and stopped
	// the app at "loading the interactive map…".
	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('?district=%s opens nothing and says why', (slug) => {
		const r = resolveDistrictSlug(slug, new Set(['peshawar']));
		expect(r.slug).toBeNull();
		expect(r.today).toEqual([]);
		expect(r.note).toContain(`“${slug}”, which is not in the 2023 census layout`);
	});
});

describe('which area rates divide by', () => {
	const districts = committedBaseMap().districts;
	it('flags the districts whose published and outline areas differ by more than 25 %, Surab first', () => {
		const flagged = districts
			.map((d) => ({
				name: d.properties.name,
				m: areaMismatch(d.properties.areaSource === 'PBS Census 2023 Table 1' ? d.properties.areaKm2 : null, d.properties.measuredAreaKm2)
			}))
			.filter((d) => d.m)
			.sort((a, b) => b.m!.ratio - a.m!.ratio);
		expect(flagged[0]!.name).toBe('Surab');
		expect(flagged[0]!.m!.ratio).toBeCloseTo(5.2, 1);
		expect(flagged.map((d) => d.name)).toEqual(expect.arrayContaining(['Killa Saifullah', 'Mastung', 'Lower Dir']));
		// Independently: every flagged district's two areas, and no unflagged one, differ by > 25 %.
		for (const d of districts) {
			const { areaKm2, measuredAreaKm2 } = d.properties;
			const off = Math.max(areaKm2 / measuredAreaKm2, measuredAreaKm2 / areaKm2) > 1.25;
			expect(flagged.some((f) => f.name === d.properties.name)).toBe(off && d.properties.areaSource === 'PBS Census 2023 Table 1');
		}
		expect(areaMismatch(100, 124)).toBeNull();
		expect(areaMismatch(100, 80)).toBeNull();
		expect(areaMismatch(100, 79)).not.toBeNull();
		expect(areaMismatch(null, 80)).toBeNull();
	});
	it('divides by the outline under "measured", and leaves the published districts as they are', () => {
		expect(withAreaBasis(districts, 'published')).toBe(districts);
		const measured = withAreaBasis(districts, 'measured');
		expect(measured.map((d) => d.properties.areaKm2)).toEqual(districts.map((d) => d.properties.measuredAreaKm2));
		expect(new Set(measured.map((d) => d.properties.areaSource))).toEqual(new Set(['measured on the OSM geometry']));
		expect(districts[0]!.properties.areaKm2).not.toBe(districts[0]!.properties.measuredAreaKm2);
	});
});
