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

export function metricUnit(metric: Metric, per: Per): string {
	return per === 'count' ? metric : `${metric} ${PER_LABEL[per]}`;
}

/** A share (0–1) as a percentage with one decimal. */
export const formatShare = (share: number) => `${(share * 100).toFixed(1)} %`;

/** "14 Mar 2008", "Mar 2008" or "2008" depending on what the source knows. */
export function formatDate(iso: string, precision: 'day' | 'month' | 'year'): string {
	const d = new Date(`${iso}T00:00:00Z`);
	const opts: Intl.DateTimeFormatOptions =
		precision === 'day' ? { day: 'numeric', month: 'short', year: 'numeric' } : precision === 'month' ? { month: 'short', year: 'numeric' } : { year: 'numeric' };
	return new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' }).format(d);
}
