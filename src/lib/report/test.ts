import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { districtReports, shareSummary, LARGEST_INCIDENTS } from './index.js';
import { categoryName, emergingHotSpots } from '../emerging/index.js';
import { queenNeighbours } from '../hotspot/index.js';
import { lazy } from '../../../tests/unit/lazy.js';
import { committedBaseMap, committedCensus, committedDataset } from '../../../tests/unit/sources.js';
import { countsInDistrict } from '../incident/index.js';
import { ZERO_COLOUR } from '../shading/index.js';
import { formatDate } from '../format/index.js';

const { districts } = committedBaseMap();
const datasets = [committedDataset('gtd-2008'), committedDataset('gtd-2015-bombings')];
const reports = districtReports(districts, datasets, committedCensus().districts);
const bySlug = new Map(reports.map((r) => [r.district.slug, r]));

describe('districtReports', () => {
	it('has one report per district, with every dataset', () => {
		expect(reports).toHaveLength(69);
		expect(reports.every((r) => r.datasets.length === 2)).toBe(true);
	});
	it('counts what a point-in-polygon check counts (Swat, GTD 2008)', () => {
		const swat = bySlug.get('swat')!;
		const shape = districts.find((d) => d.properties.slug === 'swat')!;
		const mine = datasets[0]!.incidents.filter((i) => i.lon !== null && countsInDistrict(i.placePrecision) && booleanPointInPolygon([i.lon, i.lat!], shape));
		expect(swat.datasets[0]!.totals.incidents).toBe(mine.length);
		expect(swat.datasets[0]!.totals.killed).toBe(mine.reduce((a, i) => a + (i.killed ?? 0), 0));
		expect(swat.datasets[0]!.monthly.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(mine.length);
		expect(swat.datasets[0]!.perThousandKm2).toBeCloseTo((mine.length / swat.district.areaKm2) * 1000, 9);
		expect(swat.datasets[0]!.perHundredThousandPeople).toBeCloseTo((mine.length / swat.district.population!) * 1e5, 9);
		// The largest incidents, by killed + wounded.
		const top = [...mine].sort((a, b) => (b.killed ?? 0) + (b.wounded ?? 0) - ((a.killed ?? 0) + (a.wounded ?? 0)))[0]!;
		expect(swat.datasets[0]!.largest).toHaveLength(LARGEST_INCIDENTS);
		expect((swat.datasets[0]!.largest[0]!.killed ?? 0) + (swat.datasets[0]!.largest[0]!.wounded ?? 0)).toBe((top.killed ?? 0) + (top.wounded ?? 0));
	});
	it('ranks 1 the district with the most incidents per 1,000 km²', () => {
		const first = reports.filter((r) => r.datasets[0]!.rankPerArea === 1);
		const max = Math.max(...reports.map((r) => r.datasets[0]!.perThousandKm2));
		expect(first.map((r) => r.datasets[0]!.perThousandKm2)).toEqual([max]);
	});
	it('gives each district its class on the map of the dataset (shade()): the highest rate the top class, none the zero class', () => {
		const top = reports.reduce((a, b) => (b.datasets[0]!.perThousandKm2 > a.datasets[0]!.perThousandKm2 ? b : a));
		const none = reports.find((r) => r.datasets[0]!.totals.incidents === 0)!;
		expect(top.datasets[0]!.mapClass.label).toMatch(/^[\d.,]+ – [\d.,]+$|^[\d.,]+$/);
		expect(none.datasets[0]!.mapClass).toEqual({ colour: ZERO_COLOUR, label: '0 (none recorded)' });
		expect(new Set(reports.map((r) => r.datasets[0]!.mapClass.colour)).size).toBeGreaterThanOrEqual(4);
	});
	it('lists neighbours and census context', () => {
		expect(bySlug.get('chaman')!.neighbours).toEqual([{ slug: 'killa-abdullah', name: 'Killa Abdullah' }]);
		expect(bySlug.get('chaman')!.census?.population).toBe(466_218);
	});
	it('summarises a district in one line for link previews', () => {
		const line = shareSummary(bySlug.get('peshawar')!, String);
		expect(line).toMatch(
			/^Peshawar, Khyber Pakhtunkhwa: \d+ incidents, \d+ killed, \d+ wounded in GTD 2008 — all attack types \(2008\); rank \d+ of 69 districts by incidents per 1,000 km²\.$/
		);
	});
});

describe('a district page of the UCDP series', () => {
	const ucdp = committedDataset('ucdp');
	const [r] = districtReports(districts, [ucdp], committedCensus().districts).filter((x) => x.district.slug === 'north-waziristan');
	const f = r!.datasets[0]!;
	it('has a row per year, 1989–2021 and 2026, with 2022–2025 as one gap, never rows of zeros', () => {
		const years = f.years!;
		expect(years.filter((y) => y.kind === 'year').map((y) => (y.kind === 'year' ? y.year : 0))).toEqual([
			...Array.from({ length: 33 }, (_, i) => 1989 + i),
			2026
		]);
		expect(years.filter((y) => y.kind === 'gap')).toEqual([{ kind: 'gap', from: 2022, to: 2025 }]);
		const y2026 = years.at(-1)!;
		expect(y2026).toMatchObject({ kind: 'year', year: 2026, preliminary: true, partial: true });
		// The rows add up to the district's totals.
		const sum = (k: 'incidents' | 'killed') => years.reduce((n, y) => n + (y.kind === 'year' ? y[k] : 0), 0);
		expect([sum('incidents'), sum('killed')]).toEqual([f.totals.incidents, f.totals.killed]);
	});
	it('draws no month of the gap as 0 in its trend', () => {
		const gap = f.months.map((m, i) => [m, f.monthly[i]] as const).filter(([m]) => m >= '2022-01' && m <= '2025-12');
		expect(gap).toHaveLength(48);
		expect(gap.every(([, n]) => n === null)).toBe(true);
	});
	it('says wounded are not recorded by UCDP, rather than "0 wounded"', () => {
		expect(shareSummary(r!, String)).toMatch(/killed \(wounded not recorded by UCDP\) in UCDP GED 22\.1 \+ Candidate 26\.0\.1 \(1989–2026\)/);
	});
});

describe('emerging hot spots on the district pages', () => {
	const series = lazy(() => districtReports(districts, [committedDataset('ucdp'), datasets[0]!], committedCensus().districts));
	const ucdp = (r: (typeof reports)[number]) => r.datasets.find((f) => f.info.id === 'ucdp')!;
	it('give a series its category over every covered year, and a one-year dataset none', () => {
		const f = ucdp(series()[0]!);
		expect(f.emerging!.over).toBe('yearly Gi* of incidents, 1989–2021 (33 covered years; left out: 2022–2025 not covered; 2026 cut by the window)');
		expect(series().every((r) => r.datasets[1]!.emerging === null)).toBe(true);
	});
	it('agree with the pages’ own year rows run through the method', () => {
		// The year rows count incidents by date from the district's list, not from the monthly matrix.
		const values = Array.from({ length: 33 }, (_, y) =>
			series().map((r) => {
				const row = ucdp(r).years!.find((x) => x.kind === 'year' && x.year === 1989 + y);
				return row && row.kind === 'year' ? row.incidents : NaN;
			})
		);
		expect(values.flat().some(Number.isNaN)).toBe(false);
		const expected = emergingHotSpots(values, queenNeighbours(districts));
		expect(series().map((r) => ucdp(r).emerging!.category)).toEqual(expected.map((e) => categoryName(e.category)));
	});
});

describe('a dataset reaching back to 1900', () => {
	// `--add` accepted a file dated before 1970, and then every district page failed to build
	// ("Invalid time value"). Dates from 1900-01-01 import (src/lib/incident/dates.ts): the pages build.
	const gtd = committedDataset('gtd-2008');
	const incidents = gtd.incidents.map((inc, i) => (i === 0 ? { ...inc, date: '1900-01-01' } : i === 1 ? { ...inc, date: '1969-07-20' } : inc));
	const [report] = districtReports(districts, [{ ...gtd, incidents }], committedCensus().districts);
	it('has months from January 1900, each one written as a month', () => {
		const f = report!.datasets[0]!;
		expect(f.months[0]).toBe('1900-01');
		expect(f.months.at(-1)).toBe('2008-12');
		expect(f.months.map((m) => formatDate(m, 'month')).slice(0, 2)).toEqual(['Jan 1900', 'Feb 1900']);
	});
});
