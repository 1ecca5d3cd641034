import { describe, expect, it } from 'vitest';
import { casualtyCount, numberCell, RowProblem } from './cells.js';
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
	it('reads a decimal comma only where the file’s delimiter is a semicolon', () => {
		expect(numberCell({ lat: '34,5' }, 'lat', { decimalComma: true, truncated: 0 })).toBe(34.5);
		expect(() => numberCell({ lat: '34,5' }, 'lat', ctx())).toThrow('"34,5" is not a number');
	});
	it('a fractional count in a UCDP file is a rejected row, counted by its reason', async () => {
		const csv = 'id,date_start,latitude,longitude,where_prec,side_a,best\n1,2023-02-01,34.01,71.58,1,TEST A,1.5\n2,2023-02-01,34.01,71.58,1,TEST A,2\n';
		const r = await done(new TextEncoder().encode(csv), 'fraction.csv');
		expect([r.report.imported, r.report.rejected]).toEqual([1, 1]);
		expect(r.rejections[0]).toMatchObject({ row: 1, column: 'best', problem: '1.5 is not a whole number ≥ 0' });
	});
});
