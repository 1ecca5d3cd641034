import { describe, expect, it } from 'vitest';
import { surgeKey, surgeMarks, surges, surgeWords } from './index.js';
import { labelPoint } from '../districts/index.js';
import type { TimelineState as MonthState } from '../coverage/index.js';
import { squareDistrict } from '../districts/test-squares.js';

// Three districts over 15 months (numbers 600–614, 2020-01 – 2021-03), one row per district.
const row = (values: number[]) => values;
const monthly = Int32Array.from([
	...row([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]), // mean 1, newest 2: under 3
	...row([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3]), // mean 1, newest 3: 3 ≥ 3 and ≥ 2 × 1
	...row([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3]) //  mean 2, newest 3: under 2 × 2
]);
const covered = (n: number): MonthState[] => Array(n).fill('covered');

describe('surges', () => {
	it('flags a district with at least 3 incidents and at least twice its mean of the 12 months before', () => {
		const r = surges(monthly, 3, 600, 15, covered(15), 600);
		expect(r.kind).toBe('figures');
		if (r.kind !== 'figures') return;
		expect(r.month).toBe('2021-03');
		expect(r.baselineMonths).toEqual(['2020-03', '2021-02']);
		expect(r.districts.map((d) => d.surging)).toEqual([false, true, false]);
		expect(r.districts[1]).toEqual({ count: 3, baseline: 1, surging: true });
		expect(surgeWords(r.districts[1]!, r.month, r.baselineMonths)).toBe('3 incidents in 2021-03, 3.0× its mean of 1.00 a month over 2020-03 – 2021-02');
	});
	it('takes the newest covered month and skips months not covered for the baseline', () => {
		// The last two months are not covered; two months in the middle neither.
		const states = covered(15);
		states[13] = 'not-covered';
		states[14] = 'not-covered';
		states[5] = 'not-covered';
		const r = surges(monthly, 3, 600, 15, states, 600);
		expect(r).toMatchObject({ kind: 'refused', month: '2021-01', reason: 'only 11 covered months before it, fewer than 12' });
		states[5] = 'covered';
		const ok = surges(monthly, 3, 600, 15, states, 600);
		expect(ok).toMatchObject({ kind: 'figures', month: '2021-01', baselineMonths: ['2020-01', '2020-12'] });
	});
	it('says so when a month of the baseline is not loaded yet, or there is no covered month', () => {
		const states = covered(15);
		states[8] = 'not-loaded';
		expect(surges(monthly, 3, 600, 15, states, 600)).toEqual({
			kind: 'refused',
			month: '2021-03',
			reason: 'the months before it are not loaded yet (2020-09)'
		});
		expect(surges(monthly, 3, 600, 15, Array(15).fill('not-covered'), 600)).toEqual({ kind: 'refused', month: null, reason: 'no covered month' });
	});
	it('reads months outside the matrix as 0 and a preliminary month as covered', () => {
		const states: MonthState[] = [...covered(14), 'preliminary', 'covered'];
		const r = surges(monthly, 3, 600, 15, states, 600);
		expect(r).toMatchObject({ kind: 'figures', month: '2021-04' });
		if (r.kind === 'figures') expect(r.districts.map((d) => d.count)).toEqual([0, 0, 0]);
	});
});

describe('surgeMarks and surgeKey', () => {
	// Three square TEST districts side by side; the second surges (the fixture above).
	const square = (x: number, slug: string) => squareDistrict(slug, x, 30, { name: `TEST ${slug}` });
	const districts = [square(70, 'a'), square(71, 'b'), square(72, 'c')];
	it('puts one marker at the label point of each surging district, with its words', () => {
		const r = surges(monthly, 3, 600, 15, covered(15), 600);
		const marks = surgeMarks(districts, r);
		expect(marks.features.map((f) => f.properties.slug)).toEqual(['b']);
		expect(marks.features[0]!.geometry.coordinates).toEqual(labelPoint(districts[1]!));
		if (r.kind === 'figures') expect(marks.features[0]!.properties.words).toBe(surgeWords(r.districts[1]!, r.month, r.baselineMonths));
		expect(surgeKey(r, marks.features.length)).toBe('Surge in Mar 2021 (1 district; see Surges)');
	});
	it('marks nothing, and says nothing in the legend, when surges are refused', () => {
		const r = surges(monthly, 3, 600, 5, covered(5), 600);
		expect(r.kind).toBe('refused');
		expect(surgeMarks(districts, r).features).toEqual([]);
		expect(surgeKey(r, 0)).toBeNull();
	});
});
