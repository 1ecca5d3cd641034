/** Text for numbers and metrics, shared by the map tooltip, legend, panel and tests. */
import type { Metric } from '../aggregate/index.js';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMetric(value: number, perArea: boolean): string {
	return perArea ? decimal.format(value) : integer.format(value);
}

export const formatCount = (n: number) => integer.format(n);

export function metricUnit(metric: Metric, perArea: boolean): string {
	return perArea ? `${metric} per 1,000 km²` : metric;
}

/** "14 Mar 2008", "Mar 2008" or "2008" depending on what the source knows. */
export function formatDate(iso: string, precision: 'day' | 'month' | 'year'): string {
	const d = new Date(`${iso}T00:00:00Z`);
	const opts: Intl.DateTimeFormatOptions =
		precision === 'day' ? { day: 'numeric', month: 'short', year: 'numeric' } : precision === 'month' ? { month: 'short', year: 'numeric' } : { year: 'numeric' };
	return new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' }).format(d);
}
