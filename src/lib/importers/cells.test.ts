import { describe, expect, it } from 'vitest';
import { casualtyCount, MAX_CASUALTIES, numberCell, RowProblem } from './cells.js';
import { dateRangeProblem, latestDate } from '../incident/dates.js';
import { done } from './test-helpers.js';

describe('dates seen before', () => {
	it('rejects a bad date cell every time it occurs, and reads a repeated or padded good one the same each time', async () => {
		const header = 'id,date_start,latitude,longitude,where_prec,side_a,best';
		const rows = [
			'1,2023-02-30,34.01,71.58,1,TEST A,1',
			'2,2023-02-28,34.01,71.58,1,TEST A,1',
			'3,2023-02-30,34.01,71.58,1,TEST A,1',
			'4, 2023-02-28 ,34.01,71.58,1,TEST A,1',
			'5,2023-02-28,34.01,71.58,1,TEST A,1'
		];
		const r = await done(new TextEncoder().encode([header, ...rows].join('\n')), 'dates.csv');
		expect(r.rejections.map((x) => [x.row, x.problem])).toEqual([
			[1, '2023-02-30 is not a calendar date'],
			[3, '2023-02-30 is not a calendar date']
		]);
		expect(r.incidents.map((i) => i.date)).toEqual(['2023-02-28', '2023-02-28', '2023-02-28']);
	});
});

describe('casualty counts', () => {
	const ctx = () => ({ decimalComma: false, truncated: 0 });
	const cell = (best: string) => ({ best });
	it('reads a whole number ≥ 0, and an empty cell as unknown (null), never 0', () => {
		expect(casualtyCount(cell('0'), 'best', ctx())).toBe(0);
		expect(casualtyCount(cell(' 17 '), 'best', ctx())).toBe(17);
		expect(casualtyCount(cell(''), 'best', ctx())).toBeNull();
		expect(casualtyCount({}, 'best', ctx())).toBeNull();
	});
	// The README promises it: a toll of 1.5 is a typo or a mean, not a count, and is rejected.
	it('rejects a fractional count, naming the column', () => {
		expect(() => casualtyCount(cell('1.5'), 'best', ctx())).toThrow(new RowProblem('best', '1.5 is not a whole number ≥ 0'));
	});
	it('rejects a negative count and a cell that is not a number', () => {
		expect(() => casualtyCount(cell('-2'), 'best', ctx())).toThrow('-2 is not a whole number ≥ 0');
		expect(() => casualtyCount(cell('many'), 'best', ctx())).toThrow('"many" is not a number');
	});
	// Number() reads these too; no export writes them, and each would turn a typo into a toll.
	it.each(['0x22', '0b100010', '0o42', '1e21', '1e3', 'Infinity', '-Infinity', '1_000', '١٢'])('rejects "%s", which is not a plain decimal', (raw) => {
		expect(() => casualtyCount(cell(raw), 'best', ctx())).toThrow(new RowProblem('best', `"${raw}" is not a number (plain decimal digits expected)`));
	});
	it('rejects a toll over the most one event may record', () => {
		expect(casualtyCount(cell(String(MAX_CASUALTIES)), 'best', ctx())).toBe(MAX_CASUALTIES);
		expect(() => casualtyCount(cell('100001'), 'best', ctx())).toThrow('100001 is over 100,000, the most one event may record');
	});
	it('reads coordinates written as plain decimals only', () => {
		expect(numberCell({ lat: '-.5' }, 'lat', ctx())).toBe(-0.5);
		expect(numberCell({ lat: '+34.' }, 'lat', ctx())).toBe(34);
		expect(() => numberCell({ lat: '3.4e1' }, 'lat', ctx())).toThrow('"3.4e1" is not a number');
	});
	it('reads a decimal comma only where the file’s delimiter is a semicolon', () => {
		expect(numberCell({ lat: '34,5' }, 'lat', { decimalComma: true, truncated: 0 })).toBe(34.5);
		expect(() => numberCell({ lat: '34,5' }, 'lat', ctx())).toThrow('"34,5" is not a number (plain decimal digits expected)');
	});
	it('a fractional count in a UCDP file is a rejected row, counted by its reason', async () => {
		const csv = 'id,date_start,latitude,longitude,where_prec,side_a,best\n1,2023-02-01,34.01,71.58,1,TEST A,1.5\n2,2023-02-01,34.01,71.58,1,TEST A,2\n';
		const r = await done(new TextEncoder().encode(csv), 'fraction.csv');
		expect([r.report.imported, r.report.rejected]).toEqual([1, 1]);
		expect(r.rejections[0]).toMatchObject({ row: 1, column: 'best', problem: '1.5 is not a whole number ≥ 0' });
	});
});

describe('dates from 1900-01-01 to a year after today', () => {
	it('keeps the first day accepted, and rejects the day before and a year 9999, with the reason', async () => {
		const latest = latestDate();
		expect(latest).toBe(`${new Date().getUTCFullYear() + 1}${new Date().toISOString().slice(4, 10)}`.replace('-02-29', '-03-01'));
		const header = 'id,date_start,latitude,longitude,where_prec,side_a,best';
		const rows = [
			'1,1900-01-01,34.01,71.58,1,TEST A,1',
			'2,1899-12-31,34.01,71.58,1,TEST A,1',
			'3,9999-12-31,34.01,71.58,1,TEST A,1',
			'4,1969-12-31,34.01,71.58,1,TEST A,1'
		];
		const r = await done(new TextEncoder().encode([header, ...rows].join('\n')), 'dates.csv');
		expect(r.incidents.map((i) => i.date)).toEqual(['1900-01-01', '1969-12-31']);
		expect(r.rejections.map((x) => [x.row, x.column, x.problem])).toEqual([
			[2, 'date_start', '1899-12-31 is before 1900-01-01, the earliest date accepted'],
			[3, 'date_start', `9999-12-31 is after ${latest}, a year from today, the latest date accepted`]
		]);
	});
	it('dateRangeProblem: null inside the range', () => {
		expect(dateRangeProblem('2026-01-31', '2027-12-01')).toBeNull();
		expect(dateRangeProblem('2027-12-02', '2027-12-01')).toMatch(/^2027-12-02 is after 2027-12-01/);
	});
});
