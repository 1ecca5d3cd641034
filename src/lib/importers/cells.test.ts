import { describe, expect, it } from 'vitest';
import { casualtyCount, coordinates, MAX_CASUALTIES, MAX_TEXT, numberCell, remember, rowDate, RowProblem, textCell } from './cells.js';
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

describe('textCell', () => {
	const ctx = () => ({ decimalComma: false, truncated: 0 });
	it('trims, and reads an absent, null or blank cell as null', () => {
		expect(textCell('  TEST place \t', ctx())).toBe('TEST place');
		for (const blank of [undefined, null, '', '   ']) expect(textCell(blank, ctx())).toBeNull();
	});
	it('keeps a cell of MAX_TEXT characters whole, and cuts a longer one, counting the cut', () => {
		const c = ctx();
		expect(textCell('x'.repeat(MAX_TEXT), c)).toBe('x'.repeat(MAX_TEXT));
		expect(c.truncated).toBe(0);
		expect(textCell('y'.repeat(MAX_TEXT + 1), c)).toBe(`${'y'.repeat(MAX_TEXT)}… [cut at 20,000 characters on import]`);
		expect(c.truncated).toBe(1);
	});
});

describe('numberCell', () => {
	it('quotes at most 40 characters of a cell that is not a number', () => {
		const raw = 'n'.repeat(50);
		expect(() => numberCell({ v: raw }, 'v', { decimalComma: false, truncated: 0 })).toThrow(
			new RowProblem('v', `"${'n'.repeat(40)}" is not a number (plain decimal digits expected)`)
		);
	});
	it('refuses what a decimal comma cannot make a plain decimal', () => {
		const comma = { decimalComma: true, truncated: 0 };
		expect(numberCell({ v: '-0,25' }, 'v', comma)).toBe(-0.25);
		for (const raw of ['1,5,5', '1.000,5', 'x1,5', '1,5x']) expect(() => numberCell({ v: raw }, 'v', comma), raw).toThrow(`"${raw}" is not a number`);
	});
});

describe('rowDate', () => {
	const date = (cell: string | undefined) => rowDate({ d: cell }, 'd');
	it('says a missing date is missing', () => {
		expect(() => date(undefined)).toThrow(new RowProblem('d', 'date is missing'));
		expect(() => date('  ')).toThrow(new RowProblem('d', 'date is missing'));
	});
	it('reads YYYY-MM-DD and YYYY/M/D, with a time after T or a space, with or without Z', () => {
		expect(['2019-07-04', '2019/7/4', '2019-07-04T10:30:00', '2019-07-04T10:30:00.5Z', '2019-07-04 10:30'].map(date)).toEqual(Array(5).fill('2019-07-04'));
		for (const bad of ['2019-07-04x', '2019-07-04T', '2019-07-04X10:30', '2019-07-04 ab', 'x2019-07-04'])
			expect(() => date(bad), bad).toThrow(new RowProblem('d', `"${bad}" is not a date (expected YYYY-MM-DD)`));
	});
	it('reads "D Month YYYY" as older ACLED exports write it, and refuses an unknown month', () => {
		expect(['4 July 2019', '04-Jul-2019', '4 July, 2019', '4 jul 2019'].map(date)).toEqual(Array(4).fill('2019-07-04'));
		expect(() => date('4 Jly 2019')).toThrow(new RowProblem('d', '"4 Jly 2019" is not a date'));
		// `[ -,]` once read as the range from space to comma: it refused 04-Jul-2019 and took "4 July++2019".
		for (const bad of ['x4 July 2019', '4 July 2019x', '4 July++2019']) expect(() => date(bad), bad).toThrow('is not a date (expected YYYY-MM-DD)');
	});
	it('reads DD/MM/YYYY day first', () => {
		expect(date('15/11/2018')).toBe('2018-11-15');
		expect(date('5/3/2018')).toBe('2018-03-05');
		for (const bad of ['15/11/18', 'x15/11/2018', '15/11/2018x', '115/11/2018']) expect(() => date(bad), bad).toThrow('is not a date (expected YYYY-MM-DD)');
	});
	it('quotes at most 40 characters of a cell that is not a date', () => {
		expect(() => date('q'.repeat(60))).toThrow(new RowProblem('d', `"${'q'.repeat(40)}" is not a date (expected YYYY-MM-DD)`));
	});
	it('refuses days and months that do not exist, however they are written', () => {
		for (const [bad, iso] of [
			['2021-02-29', '2021-02-29'],
			['31/04/2021', '2021-04-31'],
			['2021-13-01', '2021-13-01'],
			['2021-03-00', '2021-03-00'],
			['0 March 2021', '2021-03-00']
		])
			expect(() => date(bad), bad).toThrow(new RowProblem('d', `${iso} is not a calendar date`));
		expect(date('2020-02-29')).toBe('2020-02-29');
	});
	it('tells apart dates that share a day, a month or a year (the checked dates are kept by y·10⁴ + m·10² + d)', () => {
		expect(['1931-03-17', '1932-03-17', '1931-04-17', '1931-03-18'].map(date)).toEqual(['1931-03-17', '1932-03-17', '1931-04-17', '1931-03-18']);
	});
});

describe('remember', () => {
	it('keeps at most `limit` entries, emptying the memo when it is full', () => {
		const memo = new Map<string, number>();
		expect(remember(memo, 'a', 1, 2)).toBe(1);
		remember(memo, 'b', 2, 2);
		expect([...memo]).toEqual([
			['a', 1],
			['b', 2]
		]);
		remember(memo, 'c', 3, 2);
		expect([...memo]).toEqual([['c', 3]]);
	});
});

describe('coordinates', () => {
	const ctx = () => ({ decimalComma: false, truncated: 0 });
	const at = (lat: string, lon: string) => coordinates({ lat, lon }, 'lat', 'lon', ctx());
	it('reads both empty as no place, and one empty as an error naming the other', () => {
		expect(at('', '')).toEqual({ lon: null, lat: null });
		expect(() => at('', '71.5')).toThrow(new RowProblem('lat', 'latitude is missing but longitude is given'));
		expect(() => at('34', '')).toThrow(new RowProblem('lon', 'longitude is missing but latitude is given'));
	});
	it('refuses a latitude past ±90 and a longitude past ±180, and keeps the edges', () => {
		expect(at('90', '180')).toEqual({ lat: 90, lon: 180 });
		expect(at('-90', '-180')).toEqual({ lat: -90, lon: -180 });
		expect(() => at('90.5', '71')).toThrow(new RowProblem('lat', 'latitude 90.5 is outside −90…90', 'latitude … is outside −90…90'));
		expect(() => at('-91', '71')).toThrow(new RowProblem('lat', 'latitude -91 is outside −90…90', 'latitude … is outside −90…90'));
		expect(() => at('34', '180.5')).toThrow(new RowProblem('lon', 'longitude 180.5 is outside −180…180', 'longitude … is outside −180…180'));
	});
	it('refuses a point that falls in the region only when swapped, up to the region’s edges', () => {
		expect(() => at('71.58', '34.01')).toThrow(
			new RowProblem(
				'lat',
				'latitude 71.58, longitude 34.01 look swapped (read the other way round, the point falls in Pakistan or Afghanistan): rejected, not swapped; swap the two columns in the file and import it again',
				'latitude …, longitude … look swapped (read the other way round, the point falls in Pakistan or Afghanistan): rejected, not swapped; swap the two columns in the file and import it again'
			)
		);
		// The region is longitude 60–78, latitude 23–38: each edge, swapped, is still refused.
		for (const [lat, lon] of [
			['60', '23'],
			['78', '38'],
			['60', '38'],
			['78', '23']
		])
			expect(() => at(lat!, lon!), `${lat}, ${lon}`).toThrow('look swapped');
		// Swapped, these fall just outside it (or the point is already inside): kept as written.
		for (const [lat, lon] of [
			['59.9', '30'],
			['78.1', '30'],
			['70', '22.9'],
			['70', '38.1'],
			['34.01', '71.58'],
			['10', '20']
		])
			expect(at(lat!, lon!), `${lat}, ${lon}`).toEqual({ lat: Number(lat), lon: Number(lon) });
	});
});
