/** Text for numbers and metrics, shared by the map tooltip, legend, panel and tests. */
import type { Metric, Per } from '../aggregate/index.js';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What a district without a census figure shows instead of a rate (never 0). */
export const NO_CENSUS_FIGURE = 'no census figure';

/** A metric value: two decimals for rates (`fractional`), whole numbers for counts. */
export function formatMetric(value: number, fractional: boolean): string {
	if (Number.isNaN(value)) return NO_CENSUS_FIGURE;
	return fractional ? decimal.format(value) : integer.format(value);
}

export const PER_LABEL: Record<Per, string> = { count: 'count', area: 'per 1,000 km²', people: 'per 100,000 people' };

export const formatCount = (n: number) => integer.format(n);

/** "1 incident", "1,204 incidents": a count with its noun. */
export const formatPlural = (x: number, one: string, many = `${one}s`) => `${formatCount(x)} ${x === 1 ? one : many}`;

export function metricUnit(metric: Metric, per: Per): string {
	return per === 'count' ? metric : `${metric} ${PER_LABEL[per]}`;
}

/** A share (0–1) as a percentage with one decimal. */
export const formatShare = (share: number) => `${(share * 100).toFixed(1)} %`;

/** One formatter per precision: building an Intl.DateTimeFormat costs far more than using one (time-play labels every month). */
const DATE_FORMATS = {
	day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
	month: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
	year: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' })
} as const;

/** "14 Mar 2008", "Mar 2008" or "2008" depending on what the source knows. */
export function formatDate(iso: string, precision: 'day' | 'month' | 'year'): string {
	const date = new Date(`${iso}T00:00:00Z`);
	// A date that is not one (a record stored by an older version, a hand-edited file) is shown as
	// written: Intl throws "Invalid time value" on it, and that stopped the whole page.
	if (Number.isNaN(date.getTime())) return iso ? `${iso} (not a valid date)` : 'date not given';
	return DATE_FORMATS[precision].format(date);
}
