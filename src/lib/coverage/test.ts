import { describe, expect, it } from 'vitest';
import { monthNumber } from '../columns/index.js';
import type { DatasetInfo, ReleaseInfo } from '../incident/index.js';
import { committedManifest } from '../../../tests/unit/sources.js';
import {
	coverageNote,
	defaultWindow,
	gapRefusal,
	missingReleases,
	monthStates,
	onTimeline,
	periodLabel,
	releaseLabel,
	timelineOf,
	uncoveredRuns,
	windowCoverage
} from './index.js';

const release = (id: string, months: [string, string], preliminary = false): ReleaseInfo => ({
	id,
	name: `UCDP ${id}`,
	months,
	preliminary,
	citation: 'TEST',
	rows: 1
});
/** The bundled series' shape: GED 22.1 (1989–2021) and Candidate 26.0.1 (2026-01). */
const series: DatasetInfo = {
	id: 'ucdp',
	name: 'UCDP GED 22.1 + Candidate 26.0.1',
	format: 'UCDP GED',
	attribution: 'TEST',
	licence: 'CC BY 4.0',
	dateRange: ['1989-01-25', '2026-01-31'],
	releases: [release('GED 22.1', ['1989-01', '2021-12']), release('Candidate 26.0.1', ['2026-01', '2026-01'], true)]
};
const gtd: DatasetInfo = { id: 'gtd-2008', name: 'GTD 2008', format: 'GTD', attribution: 'TEST', licence: 'TEST', dateRange: ['2008-01-01', '2008-12-31'] };

describe('months a series covers', () => {
	it('leaves 2022-01 – 2025-12 not covered, and marks the candidate month preliminary', () => {
		const from = monthNumber('2021-11');
		const states = monthStates(series, from, monthNumber('2026-01'));
		expect(states.slice(0, 2)).toEqual(['covered', 'covered']);
		expect(states.at(-1)).toBe('preliminary');
		expect(states.filter((s) => s === 'not-covered')).toHaveLength(48);
		expect(uncoveredRuns(states, from)).toEqual([['2022-01', '2025-12']]);
	});
	it('says so for a window that touches the gap, and nothing for one that does not', () => {
		expect(windowCoverage(series, ['2021-07', '2022-06'])).toMatchObject({ months: 12, uncoveredMonths: 6, uncovered: [['2022-01', '2022-06']] });
		expect(coverageNote(series, ['2021-07', '2022-06'])).toMatch(/^6 of the 12 months \(Jan 2022 – Jun 2022\) are not covered/);
		expect(coverageNote(series, ['2015-01', '2015-12'])).toBeNull();
		expect(coverageNote(series, null)).toMatch(/^48 of the 445 months/);
		expect(coverageNote(gtd, null)).toBeNull();
	});
	it('refuses a period that touches the gap, naming it', () => {
		expect(gapRefusal(series, 'Period B', ['2022-01', '2022-12'])).toMatch(
			/^Period B \(Jan 2022 – Dec 2022\) falls in months this dataset does not cover \(Jan 2022 – Dec 2022\)/
		);
		expect(gapRefusal(series, 'Period B', ['2021-01', '2022-12'])).toMatch(/touches/);
		expect(gapRefusal(series, 'Period A', ['2020-01', '2021-12'])).toBeNull();
	});
	it('names the releases that would fill the gap', () => {
		expect(missingReleases(series, ['2022-01', '2025-12'], '2026-12-01')).toBe(
			"not in this dataset's releases; UCDP GED 23.1–26.1 (yearly; 26.1 alone holds 1989–2025) would cover it"
		);
		expect(missingReleases(series, ['2026-02', '2026-11'], '2026-12-01')).toMatch(/UCDP Candidate 26\.0\.2–26\.0\.11 \(monthly, preliminary\)/);
		expect(missingReleases(gtd, ['2009-01', '2009-02'], '2026-12-01')).toBe('no release of this dataset covers it');
	});
	it('opens a series on its newest release, and a dataset of one release on all of it', () => {
		expect(defaultWindow(series)).toEqual(['2026-01', '2026-01']);
		expect(defaultWindow(gtd)).toBeNull();
		expect(defaultWindow(committedManifest().datasets[0]!)).toEqual(['2026-01', '2026-01']);
	});
	it('names the period and the releases of every figure', () => {
		expect(periodLabel(series, ['2026-01', '2026-01'])).toBe('January 2026 · UCDP Candidate 26.0.1, preliminary');
		expect(periodLabel(series, null)).toBe('all of Jan 1989 – Jan 2026 · UCDP GED 22.1 + UCDP Candidate 26.0.1, preliminary');
		expect(periodLabel(series, ['2008-01', '2008-12'])).toBe('Jan 2008 – Dec 2008 · UCDP GED 22.1');
		expect(periodLabel(gtd, null)).toBe('all of Jan 2008 – Dec 2008 · GTD 2008');
		expect(releaseLabel(series, 'UCDP Candidate 26.0.1')).toBe('UCDP Candidate 26.0.1 (preliminary)');
	});
});

describe('the timeline the time control draws', () => {
	it('runs over the whole series, with the months of a release not loaded yet marked as such', () => {
		const t = timelineOf(series, ['GED 22.1'], { first: monthNumber('2026-01'), last: monthNumber('2026-01') });
		expect([t.months[0], t.months.at(-1), t.months.length]).toEqual(['1989-01', '2026-01', 445]);
		expect(t.states.filter((s) => s === 'not-loaded')).toHaveLength(33 * 12);
		expect(t.states.filter((s) => s === 'not-covered')).toHaveLength(48);
	});
	it('never gives a month not covered (or not loaded) a count of 0', () => {
		const t = timelineOf(series, [], { first: monthNumber('2021-12'), last: monthNumber('2026-01') });
		const histogram = Int32Array.from({ length: 50 }, (_, i) => (i === 0 ? 7 : i === 49 ? 87 : 0));
		const counts = onTimeline(t, histogram, monthNumber('2021-12'));
		expect(counts[t.months.indexOf('2021-12')]).toBe(7);
		expect(counts[t.months.indexOf('2026-01')]).toBe(87);
		expect(counts.slice(t.months.indexOf('2022-01'), t.months.indexOf('2025-12') + 1).every((n) => n === null)).toBe(true);
		// A covered month without events is 0, not null.
		expect(counts[t.months.indexOf('1989-01')]).toBe(0);
	});
	it('covers every month of a dataset without releases from its first to its last event', () => {
		const t = timelineOf(gtd, [], { first: monthNumber('2008-01'), last: monthNumber('2008-12') });
		expect(t.states.every((s) => s === 'covered')).toBe(true);
	});
});
