/**
 * The national picture across the district data's gap: Pakistan-wide monthly totals of UCDP GED
 * 25.1 (1989-01 – 2024-12: events, deaths, by type of violence), which carry no locations and so
 * cannot be mapped, but show the 2023–2024 rise that the bundled district data (GED 22.1 to 2021,
 * Candidate 26.0.1 for January 2026) does not. Where they overlap the bundled events (1989–2021),
 * the difference is shown: a later release revises events (dates, tolls, duplicates).
 * Pure: the build writes geodata/national.json (scripts/national-totals.ts); the page draws it.
 */
import { isoMonth, monthNumber } from '../columns/index.js';

export interface NationalTotals {
	/** "Pakistan-wide, UCDP GED 25.1, no locations". */
	label: string;
	citation: string;
	licence: string;
	/** First month ("YYYY-MM"); every series below has one value per month from it, consecutively. */
	first: string;
	events: number[];
	deaths: number[];
	civilianDeaths: number[];
	stateBased: number[];
	nonState: number[];
	oneSided: number[];
	/** The bundled series' own events per month over the same months (all of Pakistan, no filter), for the comparison. */
	bundled: { name: string; first: string; events: (number | null)[] };
}

export interface YearTotal {
	year: number;
	events: number;
	deaths: number;
	/** The bundled series' events that year (null: it does not cover the whole year). */
	bundled: number | null;
}

/** Year totals of the national series, with the bundled series' events for the years it covers in full. */
export function yearTotals(t: NationalTotals): YearTotal[] {
	const first = monthNumber(t.first);
	const bundledFirst = monthNumber(t.bundled.first);
	const byYear = new Map<number, YearTotal & { bundledMonths: number }>();
	t.events.forEach((events, i) => {
		const m = first + i;
		const year = Math.floor(m / 12) + 1970;
		const y = byYear.get(year) ?? { year, events: 0, deaths: 0, bundled: 0, bundledMonths: 0 };
		y.events += events;
		y.deaths += t.deaths[i]!;
		const b = t.bundled.events[m - bundledFirst];
		if (b !== null && b !== undefined) {
			y.bundled! += b;
			y.bundledMonths++;
		}
		byYear.set(year, y);
	});
	return [...byYear.values()].map(({ bundledMonths, ...y }) => ({ ...y, bundled: bundledMonths === 12 ? y.bundled : null }));
}

export interface Overlap {
	/** Years both series cover in full. */
	from: number;
	to: number;
	national: number;
	bundled: number;
	/** The year they differ most, and by how much (national − bundled). */
	widest: { year: number; national: number; bundled: number } | null;
}

/** How far apart the two series are where both cover whole years, or null where they do not overlap. */
export function overlap(t: NationalTotals): Overlap | null {
	const both = yearTotals(t).filter((y) => y.bundled !== null);
	if (both.length === 0) return null;
	let widest: Overlap['widest'] = null;
	for (const y of both)
		if (!widest || Math.abs(y.events - y.bundled!) > Math.abs(widest.national - widest.bundled))
			widest = { year: y.year, national: y.events, bundled: y.bundled! };
	return {
		from: both[0]!.year,
		to: both.at(-1)!.year,
		national: both.reduce((n, y) => n + y.events, 0),
		bundled: both.reduce((n, y) => n + y.bundled!, 0),
		widest
	};
}

/** The national events of a month ("YYYY-MM"), or null outside the series. */
export function nationalEvents(t: NationalTotals, month: string): number | null {
	const i = monthNumber(month) - monthNumber(t.first);
	return i >= 0 && i < t.events.length ? t.events[i]! : null;
}

/** The last month of the series. */
export const lastMonth = (t: NationalTotals) => isoMonth(monthNumber(t.first) + t.events.length - 1);
