/**
 * Which months a dataset covers (DATA-MODEL.md, "Coverage"). A series of releases (UCDP GED 22.1,
 * 1989-01 – 2021-12, + Candidate 26.0.1, 2026-01) covers the months of its releases and no
 * others: 2022-01 – 2025-12 is **not covered**, which is not the same as a run of months without
 * events. A dataset without releases covers every month from its first event to its last.
 * Everything that draws or sums months asks here: the time control hatches what is not covered,
 * figures over a window that touches such months say so, and comparisons, Gi* and play refuse
 * steps that fall in them. Pure: month numbers (src/lib/columns) in, months and words out.
 */
import { isoMonth, monthNumber } from '../columns/index.js';
import type { DatasetInfo, ReleaseInfo } from '../incident/index.js';
import { codebookOf } from '../actors/index.js';

/** Months as "YYYY-MM", inclusive. */
export type MonthSpan = [string, string];

export type MonthState = 'covered' | 'preliminary' | 'not-covered';

type Covered = Pick<DatasetInfo, 'releases' | 'dateRange' | 'format' | 'codebook'>;

/** The covered spans as month numbers, with the release of each (null: the dataset's own span). */
export function coveredSpans(info: Covered): { from: number; to: number; release: ReleaseInfo | null }[] {
	if (info.releases?.length)
		return info.releases.map((r) => ({ from: monthNumber(r.months[0]), to: monthNumber(r.months[1]), release: r })).sort((a, b) => a.from - b.from);
	if (!info.dateRange) return [];
	return [{ from: monthNumber(info.dateRange[0]), to: monthNumber(info.dateRange[1]), release: null }];
}

/** The first and last month of the dataset's timeline (month numbers), or null for no months. */
export function timelineSpan(info: Covered): { first: number; last: number } | null {
	const spans = coveredSpans(info);
	if (spans.length === 0) return null;
	return { first: Math.min(...spans.map((s) => s.from)), last: Math.max(...spans.map((s) => s.to)) };
}

/** The state of each month from `first` to `last` (month numbers). */
export function monthStates(info: Covered, first: number, last: number): MonthState[] {
	const states: MonthState[] = new Array(Math.max(0, last - first + 1)).fill('not-covered');
	for (const s of coveredSpans(info)) {
		for (let m = Math.max(first, s.from); m <= Math.min(last, s.to); m++) states[m - first] = s.release?.preliminary ? 'preliminary' : 'covered';
	}
	return states;
}

/** Runs of consecutive months in `states` (from month `first`) that are not covered, as month spans. */
export function uncoveredRuns(states: readonly MonthState[], first: number): MonthSpan[] {
	const runs: MonthSpan[] = [];
	for (let i = 0; i < states.length; i++) {
		if (states[i] !== 'not-covered') continue;
		let j = i;
		while (j + 1 < states.length && states[j + 1] === 'not-covered') j++;
		runs.push([isoMonth(first + i), isoMonth(first + j)]);
		i = j;
	}
	return runs;
}

/** The month numbers of a window, or the whole timeline for none. */
function windowMonths(info: Covered, window: MonthSpan | null): { first: number; last: number } | null {
	if (window) return { first: monthNumber(window[0]), last: monthNumber(window[1]) };
	return timelineSpan(info);
}

export interface WindowCoverage {
	/** Months in the window, and how many of them no release covers. */
	months: number;
	uncoveredMonths: number;
	/** The runs not covered, e.g. [["2022-01", "2025-12"]]. */
	uncovered: MonthSpan[];
	/** The releases the window draws on, and those of them that are preliminary. */
	releases: ReleaseInfo[];
	preliminary: ReleaseInfo[];
}

export function windowCoverage(info: Covered, window: MonthSpan | null): WindowCoverage {
	const span = windowMonths(info, window);
	if (!span) return { months: 0, uncoveredMonths: 0, uncovered: [], releases: [], preliminary: [] };
	const states = monthStates(info, span.first, span.last);
	const releases = coveredSpans(info)
		.filter((s) => s.release && s.to >= span.first && s.from <= span.last)
		.map((s) => s.release!);
	return {
		months: states.length,
		uncoveredMonths: states.filter((s) => s === 'not-covered').length,
		uncovered: uncoveredRuns(states, span.first),
		releases,
		preliminary: releases.filter((r) => r.preliminary)
	};
}

const MONTH_WORDS = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "Jan 2022". */
export const monthWords = (month: string) => MONTH_WORDS.format(new Date(`${month}-01T00:00:00Z`));
/** "Jan 2022 – Dec 2025", or "Jan 2026" for one month. */
export const spanWords = ([a, b]: MonthSpan) => (a === b ? monthWords(a) : `${monthWords(a)} – ${monthWords(b)}`);

/**
 * The releases that would cover a gap. For UCDP: each year is first published in the yearly
 * release of the year after (2022 in GED 23.1, …, 2025 in 26.1, which holds 1989–2025), and a
 * month of the current year in that month's Candidate release (26.0.2 for February 2026).
 */
export function missingReleases(info: Covered, [from, to]: MonthSpan, today: string): string {
	if (codebookOf(info) !== 'UCDP GED') return 'no release of this dataset covers it';
	const thisYear = Number(today.slice(0, 4));
	const [y0, y1] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
	const parts: string[] = [];
	const lastYearly = Math.min(y1, thisYear - 1);
	if (y0 <= lastYearly) {
		const first = `${y0 + 1 - 2000}.1`;
		const last = `${lastYearly + 1 - 2000}.1`;
		parts.push(first === last ? `UCDP GED ${first}` : `UCDP GED ${first}–${last} (yearly; ${last} alone holds 1989–${lastYearly})`);
	}
	if (y1 >= thisYear) {
		const m0 = y0 >= thisYear ? Number(from.slice(5, 7)) : 1;
		const m1 = Number(to.slice(5, 7));
		const yy = thisYear - 2000;
		parts.push(m0 === m1 ? `UCDP Candidate ${yy}.0.${m0}` : `UCDP Candidate ${yy}.0.${m0}–${yy}.0.${m1} (monthly, preliminary)`);
	}
	return `not in this dataset's releases; ${parts.join(' and ')} would cover it`;
}

/**
 * One line for a window that touches months the dataset does not cover, to stand beside every
 * figure it produces; null when the window is wholly covered.
 */
export function coverageNote(info: Covered, window: MonthSpan | null, short = false): string | null {
	const c = windowCoverage(info, window);
	if (c.uncoveredMonths === 0) return null;
	const runs = c.uncovered.map(spanWords).join(', ');
	if (short) return `${c.uncoveredMonths} of the ${c.months} months not covered (${runs})`;
	return `${c.uncoveredMonths} of the ${c.months} months (${runs}) are not covered by ${info.releases?.length ? 'the releases in this dataset' : 'this dataset'}: figures count the covered months only, never the others as 0.`;
}

/** "preliminary (UCDP Candidate 26.0.1)" when the window draws on preliminary releases, else null. */
export function preliminaryNote(info: Covered, window: MonthSpan | null): string | null {
	const p = windowCoverage(info, window).preliminary;
	return p.length ? `preliminary (${p.map((r) => r.name).join(', ')}: revised in a later release)` : null;
}

/**
 * Why a period (a comparison's A or B, a play step, a Gi* window) cannot be used: it touches
 * months the dataset does not cover. Null when every month of it is covered.
 */
export function gapRefusal(info: Covered, what: string, window: MonthSpan | null): string | null {
	const c = windowCoverage(info, window);
	if (c.uncoveredMonths === 0) return null;
	const whole = c.uncoveredMonths === c.months;
	return `${what} (${window ? spanWords(window) : 'all dates'}) ${whole ? 'falls in' : 'touches'} months this dataset does not cover (${c.uncovered.map(spanWords).join(', ')}): a month without data is not a month without events, so it is not used.`;
}

/**
 * The window a dataset opens on: the newest release's months when it holds several (a series
 * opens on its newest data, e.g. January 2026), else null (all of it).
 */
export function defaultWindow(info: Pick<DatasetInfo, 'releases'>): MonthSpan | null {
	const releases = info.releases ?? [];
	if (releases.length < 2) return null;
	const newest = [...releases].sort((a, b) => b.months[1].localeCompare(a.months[1]))[0]!;
	return [...newest.months];
}

/** A month of the time control: covered (final or preliminary), not covered, or covered by a release not loaded yet. */
export type TimelineState = MonthState | 'not-loaded';

export interface Timeline {
	/** Every month of the dataset's timeline, "YYYY-MM". */
	months: string[];
	/** Month number of months[0]. */
	first: number;
	states: TimelineState[];
}

/**
 * The months the time control, the sparklines and the ranking's trends run over: the dataset's
 * whole timeline (its releases' months, and any month with data), each with its state. `unloaded`:
 * releases of a bundled series not fetched yet (their months are covered, just not here yet).
 */
export function timelineOf(info: Covered, unloaded: readonly string[], dataMonths: { first: number; last: number }): Timeline {
	const span = timelineSpan(info);
	const hasData = dataMonths.first <= dataMonths.last;
	const first = Math.min(span?.first ?? Infinity, hasData ? dataMonths.first : Infinity);
	const last = Math.max(span?.last ?? -Infinity, hasData ? dataMonths.last : -Infinity);
	if (!Number.isFinite(first)) return { months: [], first: 0, states: [] };
	const states: TimelineState[] = monthStates(info, first, last);
	for (const r of info.releases ?? []) {
		if (!unloaded.includes(r.id)) continue;
		for (let m = monthNumber(r.months[0]); m <= monthNumber(r.months[1]); m++) states[m - first] = 'not-loaded';
	}
	// A dataset without releases covers its data's months, whatever its stated range says.
	if (!info.releases?.length && hasData) for (let m = dataMonths.first; m <= dataMonths.last; m++) states[m - first] = 'covered';
	return { months: Array.from({ length: last - first + 1 }, (_, i) => isoMonth(first + i)), first, states };
}

/**
 * Monthly values indexed from month `from` (an aggregation's histogram) laid on a timeline: null
 * where the month is not covered or not loaded (never 0), 0 where it is covered without events.
 */
export function onTimeline(t: Timeline, values: ArrayLike<number>, from: number, offset = 0, length = values.length - offset): (number | null)[] {
	return t.states.map((state, i) => {
		if (state === 'not-covered' || state === 'not-loaded') return null;
		const k = t.first + i - from;
		return k >= 0 && k < length ? values[offset + k]! : 0;
	});
}

const LONG_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The period and the source of every figure on screen, in one line for the header, the district
 * card and the page title: "January 2026 · UCDP Candidate 26.0.1, preliminary";
 * "all of Jan 1989 – Jan 2026 · UCDP GED 22.1 + UCDP Candidate 26.0.1 (preliminary)".
 */
export function periodLabel(info: Covered & Pick<DatasetInfo, 'name'>, window: MonthSpan | null): string {
	const t = timelineSpan(info);
	const span: MonthSpan | null = window ?? (t ? [isoMonth(t.first), isoMonth(t.last)] : null);
	const when = !span
		? 'no dates'
		: span[0] === span[1]
			? LONG_MONTH.format(new Date(`${span[0]}-01T00:00:00Z`))
			: `${window ? '' : 'all of '}${spanWords(span)}`;
	const releases = windowCoverage(info, window).releases;
	const source = releases.length ? releases.map((r) => `${r.name}${r.preliminary ? ', preliminary' : ''}`).join(' + ') : info.name;
	return `${when} · ${source}`;
}

/** A row's release in words, marked when preliminary: "UCDP Candidate 26.0.1 (preliminary)". */
export function releaseLabel(info: Pick<DatasetInfo, 'releases'>, name: string): string {
	const r = info.releases?.find((x) => x.name === name);
	return r?.preliminary ? `${name} (preliminary)` : name;
}
