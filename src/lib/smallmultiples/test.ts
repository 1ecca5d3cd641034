import { describe, expect, it } from 'vitest';
import { smallMultiples, wrapWords, type SmallMultiplesInput } from './index.js';
import { aggregate, assignIncidents } from '../aggregate/index.js';
import { classBreaks, classOf } from '../classify/index.js';
import { monthNumber, toColumns } from '../columns/index.js';
import { monthStates } from '../coverage/index.js';
import { stepTotals, windowSteps } from '../emerging/index.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';
import { lazy } from '../../../tests/unit/lazy.js';

const map = lazy(() => committedBaseMap());
const base = (steps: SmallMultiplesInput['steps'], extra: Partial<SmallMultiplesInput> = {}): SmallMultiplesInput => ({
	map: map(),
	steps,
	classes: { method: 'natural', count: 5 },
	scheme: 'YlOrRd',
	unit: 'incidents',
	fractional: false,
	subtitle: 'test',
	stamp: ['stamp'],
	...extra
});
/** The fill of each district's <use> in each step's <g>, read back out of the SVG text. */
function fillsOf(svg: string): { label: string; fills: string[] }[] {
	return [...svg.matchAll(/<g class="step" data-step="([^"]*)"[^>]*>(.*?)<\/g><\/g>/g)].map((m) => ({
		label: m[1]!,
		fills: [...m[2]!.matchAll(/<use href="#sm-d\d+" fill="([^"]+)"\/>/g)].map((f) => f[1]!)
	}));
}

describe('smallMultiples: one map per step, on the same classes', () => {
	it('gives a value the same colour in every step, whatever the step around it', () => {
		const n = map().districts.length;
		// Step B is step A times ten: with classes per step both maps would look alike; with one set of classes they must not.
		const a = Array.from({ length: n }, (_, i) => i + 1);
		const b = a.map((v) => v * 10);
		const out = smallMultiples(
			base([
				{ label: 'A', values: a },
				{ label: 'B', values: b }
			])
		);
		const [sa, sb] = out.steps.map((s) => map().districts.map((d) => s.colours.get(d.properties.slug)!));
		// Value 10 is district 9 in A and district 0 in B.
		expect(sa![9]).toBe(sb![0]);
		expect(sa![0]).not.toBe(sb![n - 1]);
		expect(new Set(sa).size).toBeLessThan(new Set([...sa!, ...sb!]).size);
		// The legend's counts are over all 2 × 69 values.
		expect(out.breaks.counts.reduce((x, y) => x + y, 0)).toBe(2 * n);
	});

	it('writes each outline once and draws it once per step, with the colours the result reports', () => {
		const n = map().districts.length;
		const steps = ['2019', '2020', '2021'].map((label, k) => ({ label, values: Array.from({ length: n }, (_, i) => (i * (k + 1)) % 7) }));
		const out = smallMultiples(base(steps));
		expect(out.svg.match(/<path id="sm-d\d+"/g)).toHaveLength(n);
		expect(out.svg.match(/<use href="#sm-d\d+"/g)).toHaveLength(3 * n);
		const read = fillsOf(out.svg);
		expect(read.map((s) => s.label)).toEqual(['2019', '2020', '2021']);
		read.forEach((s, k) => expect(s.fills).toEqual(map().districts.map((d) => out.steps[k]!.colours.get(d.properties.slug))));
	});

	it('keeps typed breaks, and escapes what it writes', () => {
		const n = map().districts.length;
		const values = Array.from({ length: n }, (_, i) => i);
		const out = smallMultiples(base([{ label: '<Q1> & "Q2"', values }], { typed: [10, 40] }));
		expect(out.breaks.lower).toEqual([values.find((v) => v > 0), 10, 40]);
		expect(out.svg).toContain('data-step="&lt;Q1&gt; &amp; &quot;Q2&quot;"');
		expect(out.svg).not.toContain('<Q1>');
		expect(() => smallMultiples(base([]))).toThrow(/no step/);
		expect(wrapWords('Data: UCDP GED 22.1; figures for 2007–2021', 16)).toEqual(['Data: UCDP GED', '22.1; figures', 'for 2007–2021']);
		const long = smallMultiples(base([{ label: 'x', values }], { stamp: ['a '.repeat(400).trim()] }));
		expect(long.svg.match(/font-size="10" fill="#555">a a/g)!.length).toBeGreaterThan(2);
	});

	// UCDP GED 22.1, 2007–2021, yearly: counts per district per year from the aggregation, classes from all 1,035 values.
	it('draws UCDP GED 2007–2021 as 15 yearly maps whose colours follow the pooled classes', () => {
		const { districts } = map();
		const { incidents, info } = committedDataset('ucdp');
		const agg = aggregate(toColumns(incidents), assignIncidents(incidents, districts), districts.length);
		const [first, last] = [monthNumber('2007-01'), monthNumber('2021-12')];
		const states = monthStates(info, first, last);
		const { steps } = windowSteps(first, last, 'year', (m) => (states[m - first] === 'not-covered' ? 'not covered' : null));
		const values = stepTotals(agg.districtMonthly, districts.length, agg.months.first, agg.months.last - agg.months.first + 1, steps);
		const out = smallMultiples(base(steps.map((s, k) => ({ label: s.label, values: values[k]! }))));
		expect(fillsOf(out.svg)).toHaveLength(15);
		const pooled = classBreaks(values.flat(), { method: 'natural', count: 5 });
		expect(out.breaks.lower).toEqual(pooled.lower);
		// Every district of every year: same class ⇔ same colour, across years.
		const colourOfClass = new Map<number, string>();
		values.forEach((step, k) =>
			step.forEach((v, i) => {
				const cls = classOf(v, pooled);
				const colour = out.steps[k]!.colours.get(districts[i]!.properties.slug)!;
				expect(colourOfClass.get(cls) ?? colour).toBe(colour);
				colourOfClass.set(cls, colour);
			})
		);
		expect(colourOfClass.size).toBe(pooled.lower.length + 1);
		// Outlines once, not fifteen times: the whole grid stays a small file.
		expect(out.svg.length).toBeLessThan(250_000);
	});
});
