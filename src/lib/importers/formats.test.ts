import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { acledRow, detectFormat, gtdCsvRow, MAPPER_COLUMNS, ucdpRow, type RowMapper } from './formats.js';
import { guessMapping } from './mapping.js';
import { RowProblem } from './cells.js';
import { importCsv, importCsvInParts, readPart } from './file.js';
import { accounted, done, fixture, rejection } from './test-helpers.js';
import { lazy } from '../../../tests/unit/lazy.js';

describe('format detection', () => {
	it('recognises UCDP GED, ACLED and GTD headers', () => {
		expect(detectFormat(['id', 'date_start', 'latitude', 'longitude', 'where_prec', 'side_a', 'best', 'x'])).toBe('UCDP GED');
		expect(detectFormat(['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude', 'geo_precision', 'fatalities'])).toBe('ACLED');
		expect(detectFormat(['eventid', 'iyear', 'imonth', 'iday', 'latitude', 'longitude', 'specificity'])).toBe('GTD');
		expect(detectFormat(['Datum', 'Breite'])).toBeNull();
	});
	it('guesses a mapping from common column names', () => {
		expect(guessMapping(['lat', 'lng', 'event date', 'fatalities', 'actor'])).toMatchObject({
			latitude: 'lat',
			longitude: 'lng',
			date: 'event date',
			killed: 'fatalities',
			group: 'actor'
		});
	});
});

describe('UCDP GED (test fixture)', () => {
	// Read on first use in a test (tests/unit/lazy.ts says why).
	const read = lazy(() => done(fixture('ucdp-ged.csv'), 'ucdp-ged.csv'));
	it('accounts for every row: imported + rejected = rows read', async () => {
		const r = await read();
		expect(r.report.rowsRead).toBe(9);
		expect(r.report.imported).toBe(5);
		accounted(r);
	});
	it('maps UCDP columns and precision codes', async () => {
		const r = await read();
		const first = r.incidents[0]!;
		expect(first).toMatchObject({
			id: '900001',
			date: '2023-01-15',
			lon: 71.58,
			lat: 34.01,
			placePrecision: 'exact',
			actor: 'TEST FIXTURE group A',
			killed: 4,
			wounded: null,
			eventType: 'One-sided violence',
			provinceRecorded: 'Khyber Pakhtunkhwa province'
		});
		expect(r.incidents[1]).toMatchObject({ placePrecision: 'near', datePrecision: 'month' });
		expect(r.incidents.map((i) => i.placePrecision)).toEqual(['exact', 'near', 'province', 'country', 'exact']);
		expect(r.report.coarse).toBe(2);
		expect(r.report.unlocated).toBe(1);
	});
	it('rejects with row, column and problem', async () => {
		const r = await read();
		expect(rejection(r, 5)).toMatchObject({ column: 'date_start', problem: '2023-02-30 is not a calendar date' });
		expect(rejection(r, 6)).toMatchObject({ column: 'best', problem: '-2 is not a whole number ≥ 0' });
		expect(rejection(r, 7)).toMatchObject({ column: 'id', problem: 'duplicate id "900001"' });
		expect(rejection(r, 8)!.problem).toMatch(/look swapped/);
		expect(rejection(r, 8)!.cells.where_coordinates).toBe('TEST FIXTURE swapped');
	});
	it('counts rows by reason with the row’s values left out and the fixed figures (ranges, limits, dates) kept', async () => {
		const csv = [
			'id,date_start,latitude,longitude,where_prec,side_a,best',
			'T1,2023-01-01,95,71,1,TEST,1',
			'T2,2023-01-01,-91.5,71,1,TEST,1',
			'T3,2023-01-01,34,181,1,TEST,1',
			'T4,2023-01-01,34,71,1,TEST,100001',
			'T5,1850-06-01,34,71,1,TEST,1',
			'T6,2023-01-01,71.58,34.01,1,TEST,1'
		].join('\n');
		const r = await done(new TextEncoder().encode(csv), 'reasons.csv');
		expect(r.report.byReason).toEqual({
			'latitude: latitude … is outside −90…90': 2,
			'longitude: longitude … is outside −180…180': 1,
			'best: … is over 100,000, the most one event may record': 1,
			'date_start: … is before 1900-01-01, the earliest date accepted': 1,
			'latitude: latitude …, longitude … look swapped (read the other way round, the point falls in Pakistan or Afghanistan): rejected, not swapped; swap the two columns in the file and import it again': 1
		});
	});
});

describe('HDX layout: an HXL tag row under the header, an extra column', () => {
	const header = 'id,date_start,latitude,longitude,where_prec,side_a,side_b,best,iso3';
	const tags = ',#date+start,#geo+lat,#geo+lon,,#group+name+first,#group+name+second,#affected+killed,#country+code';
	const rows = ['TEST-1,2023-01-01,34.01,71.58,1,TEST A,TEST B,1,PAK', 'TEST-2,2023-01-02,34.01,71.58,1,TEST A,TEST C,2,PAK'];
	it('counts the tag row as "1 HXL tag row (not an event)", never as a rejected row or a row read', async () => {
		const r = await done(new TextEncoder().encode([header, tags, ...rows].join('\n')), 'hdx.csv');
		expect(r.report).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0, hxlRows: 1 });
		expect(r.report.notes.join(' ')).toMatch(/^1 HXL tag row \(not an event\)/);
		accounted(r);
	});
	it('takes only a row of hashtags (and empty cells) for a tag row: a data row with one "#…" cell is read as data', async () => {
		const r = await done(new TextEncoder().encode([header, 'TEST-0,2023-01-01,34.01,71.58,1,#TEST A,TEST B,1,PAK', ...rows].join('\n')), 'hash.csv');
		expect(r.report).toMatchObject({ rowsRead: 3, imported: 3, hxlRows: 0 });
		expect(r.incidents[0]!.actor).toBe('#TEST A');
	});
	it('looks for a tag row only directly under the header: a later one is a bad row, rejected with its reason', async () => {
		const r = await done(new TextEncoder().encode([header, ...rows, tags].join('\n')), 'late-tags.csv');
		expect(r.report).toMatchObject({ rowsRead: 3, imported: 2, rejected: 1, hxlRows: 0 });
		expect(r.rejections[0]!.problem).toBe('"#geo+lat" is not a number (plain decimal digits expected)');
	});
	it('gives the same outcome read in two parts', async () => {
		const file = new Blob([
			[header, tags, ...Array.from({ length: 400 }, (_, i) => `TEST-${i},2023-01-01,34.01,71.58,1,TEST A,TEST B,${i % 7},PAK`)].join('\n') + '\n'
		]);
		const opts = { file: 'hdx-parts.csv', size: file.size, encoding: 'utf-8' as const };
		const onePass = await importCsv(file, opts);
		const inParts = await importCsvInParts(file, opts, (part, setup, onProgress) => readPart(part, setup, 'none', { size: part.size, onProgress }));
		expect(inParts).toEqual(onePass);
		if (onePass.kind !== 'done') throw new Error(onePass.kind);
		expect(onePass.result.report).toMatchObject({ rowsRead: 400, hxlRows: 1 });
	});
});

describe('the columns each mapper reads (MAPPER_COLUMNS)', () => {
	/** Every column a mapper reads, over every row of a fixture and each row with one cell emptied in turn (so each `??` fallback runs). */
	function columnsRead(mapper: RowMapper, file: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8'): Set<string> {
		const parsed = Papa.parse<Record<string, string>>(new TextDecoder(encoding).decode(fixture(file)), { header: true, skipEmptyLines: true });
		const seen = new Set<string>();
		const watch = (row: Record<string, string>) =>
			new Proxy(row, {
				get: (target, key) => {
					if (typeof key === 'string') seen.add(key);
					return target[key as string];
				}
			});
		const ctx = { decimalComma: false, truncated: 0 };
		for (const row of parsed.data) {
			for (const emptied of [null, ...Object.keys(row)]) {
				try {
					mapper(watch(emptied ? { ...row, [emptied]: '' } : row), 1, ctx);
				} catch {
					/* a rejected row: what it read up to its problem still counts */
				}
			}
		}
		return seen;
	}
	it('declares every column its mapper reads, so a CSV row handed over with only those loses nothing', () => {
		expect([...columnsRead(ucdpRow, 'ucdp-ged.csv')].filter((c) => !MAPPER_COLUMNS['UCDP GED'].includes(c))).toEqual([]);
		expect([...columnsRead(acledRow, 'acled.csv')].filter((c) => !MAPPER_COLUMNS.ACLED.includes(c))).toEqual([]);
		expect([...columnsRead(gtdCsvRow, 'gtd-latin1.csv', 'windows-1252')].filter((c) => !MAPPER_COLUMNS.GTD.includes(c))).toEqual([]);
		// …and reads them all (no stale entries).
		expect(columnsRead(ucdpRow, 'ucdp-ged.csv')).toEqual(new Set(MAPPER_COLUMNS['UCDP GED']));
		expect(columnsRead(acledRow, 'acled.csv')).toEqual(new Set(MAPPER_COLUMNS.ACLED));
		expect(columnsRead(gtdCsvRow, 'gtd-latin1.csv', 'windows-1252')).toEqual(new Set(MAPPER_COLUMNS.GTD));
	});
	it('keeps every cell of a rejected row of a wide file, not only the columns the mapper reads', async () => {
		const header = 'id,date_start,latitude,longitude,where_prec,side_a,best,unread_a,unread_b';
		const r = await done(new TextEncoder().encode([header, 'TEST-1,2023-02-30,34.01,71.58,1,TEST A,1,TEST kept a,TEST kept b'].join('\n')), 'wide.csv');
		expect(r.rejections[0]!.cells).toEqual({
			id: 'TEST-1',
			date_start: '2023-02-30',
			latitude: '34.01',
			longitude: '71.58',
			where_prec: '1',
			side_a: 'TEST A',
			best: '1',
			unread_a: 'TEST kept a',
			unread_b: 'TEST kept b'
		});
	});
});

describe('ACLED (test fixture)', () => {
	// Read on first use in a test (tests/unit/lazy.ts says why).
	const read = lazy(() => done(fixture('acled.csv'), 'acled.csv'));
	it('reads both date styles, precision codes and suicide bombs', async () => {
		const r = await read();
		accounted(r);
		expect(r.incidents.map((i) => [i.id, i.date, i.placePrecision])).toEqual([
			['PAKTEST1', '2023-01-15', 'exact'],
			['PAKTEST2', '2023-02-20', 'near'],
			['PAKTEST3', '2023-03-05', 'province']
		]);
		expect(r.incidents[0]).toMatchObject({ suicide: true, killed: 5, wounded: null, summary: 'TEST FIXTURE notes, with a comma' });
		expect(r.incidents[1]).toMatchObject({ suicide: null, datePrecision: 'month' });
	});
	it('rejects an impossible date, a non-numeric latitude and an unknown precision code', async () => {
		const r = await read();
		expect(r.rejections.map((x) => [x.row, x.column])).toEqual([
			[4, 'event_date'],
			[5, 'latitude'],
			[6, 'geo_precision']
		]);
	});
});

describe('GTD CSV in Latin-1 with CRLF (test fixture)', () => {
	// Read on first use in a test (tests/unit/lazy.ts says why).
	const read = lazy(() => done(fixture('gtd-latin1.csv'), 'gtd-latin1.csv'));
	it('decodes Latin-1 and says so', async () => {
		const r = await read();
		expect(r.report.notes.join(' ')).toMatch(/Latin-1/);
		expect(r.incidents[0]!.place).toBe('TEST FIXTURE Bannu café');
	});
	it('keeps GTD date precision and rejects an out-of-range longitude', async () => {
		const r = await read();
		expect(r.incidents.map((i) => [i.date, i.datePrecision])).toEqual([
			['2015-01-01', 'month'],
			['2015-01-01', 'year']
		]);
		expect(r.incidents[1]).toMatchObject({ placePrecision: 'district', killed: null, wounded: 2 });
		expect(rejection(r, 3)).toMatchObject({ column: 'longitude', problem: 'longitude 650 is outside −180…180' });
		accounted(r);
	});
});

describe('the codebooks, code by code', () => {
	const ctx = () => ({ decimalComma: false, truncated: 0 });
	const ucdp = (cells: Record<string, string>) =>
		ucdpRow({ id: '1', date_start: '2023-01-01', latitude: '34.01', longitude: '71.58', where_prec: '1', side_a: 'TEST', best: '1', ...cells }, 1, ctx());
	it('UCDP where_prec: 1 exact, 2 near, 3 district, 4–5 province, 6 country, 7 unknown; codes written with spaces too', () => {
		expect(['1', '2', '3', '4', '5', '6', ' 7 '].map((where_prec) => ucdp({ where_prec }).placePrecision)).toEqual([
			'exact',
			'near',
			'district',
			'province',
			'province',
			'country',
			'unknown'
		]);
		expect(() => ucdp({ where_prec: ' 8 ' })).toThrow('"8" is not a UCDP precision code (1–7)');
		expect(() => ucdp({ where_prec: '' })).toThrow('"" is not a UCDP precision code (1–7)');
	});
	it('UCDP date_prec: 1–3 a day, 4 a month, 5 a year, and a day when absent', () => {
		expect(['1', '2', '3', '4', ' 5', ''].map((date_prec) => ucdp({ date_prec }).datePrecision)).toEqual(['day', 'day', 'day', 'month', 'year', 'day']);
	});
	it('UCDP type_of_violence: the three types by name, another code kept as written', () => {
		expect(['1', '2', '3', 'x'].map((type_of_violence) => ucdp({ type_of_violence }).eventType)).toEqual([
			'State-based conflict',
			'Non-state conflict',
			'One-sided violence',
			'x'
		]);
	});
	it('UCDP release: kept when the row names one, trimmed', () => {
		expect(ucdp({ release: ' UCDP GED 22.1 ' }).release).toBe('UCDP GED 22.1');
		expect(ucdp({ release: '  ' })).not.toHaveProperty('release');
	});
	const acled = (cells: Record<string, string>) =>
		acledRow(
			{
				event_id_cnty: 'PAK1',
				event_date: '2023-01-01',
				event_type: 'Battles',
				latitude: '34.01',
				longitude: '71.58',
				geo_precision: '1',
				fatalities: '0',
				...cells
			},
			1,
			ctx()
		);
	it('ACLED geo_precision and time_precision, with a day when the time precision is absent', () => {
		expect(() => acled({ geo_precision: '4' })).toThrow('"4" is not an ACLED precision code (1–3)');
		expect(acled({ time_precision: '' }).datePrecision).toBe('day');
	});
	const gtd = (cells: Record<string, string>) =>
		gtdCsvRow({ eventid: '1', iyear: '2015', imonth: '3', iday: '9', latitude: '34.01', longitude: '71.58', specificity: '1', ...cells }, 1, ctx());
	it('GTD: a row without coordinates is kept unlocated, and the GTD rules reject with the column named', () => {
		expect(gtd({ latitude: '', longitude: '' })).toMatchObject({ lat: null, lon: null, date: '2015-03-09' });
		expect(() => gtd({ imonth: '13' })).toThrow(new RowProblem('imonth', 'expected 0–12, got 13'));
		expect(gtd({ eventid: '' }).id).toBe('row-1');
	});
	it('detects a header written in any case, with spaces around the names', () => {
		expect(detectFormat([' ID ', 'Date_Start', 'LATITUDE', 'longitude', 'where_prec', 'Side_A', 'best'])).toBe('UCDP GED');
	});
});
