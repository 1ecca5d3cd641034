/** Monthly counts for trend charts. Pure: ISO date strings in, arrays out. */

/**
 * Incidents per month over `months`. Events known only to the year cannot be placed in a month;
 * they are returned apart, not spread or dropped.
 */
export function monthlyCounts(
	items: readonly { date: string; datePrecision: 'day' | 'month' | 'year' }[],
	months: readonly string[]
): { counts: number[]; yearOnly: number } {
	const index = new Map(months.map((m, i) => [m, i]));
	const counts = new Array<number>(months.length).fill(0);
	let yearOnly = 0;
	for (const item of items) {
		if (item.datePrecision === 'year') {
			yearOnly++;
			continue;
		}
		const i = index.get(item.date.slice(0, 7));
		if (i !== undefined) counts[i]!++;
	}
	return { counts, yearOnly };
}

/**
 * Monthly counts in bins of k months (k the smallest that gives at most `maxBins`), for a chart
 * too narrow to draw every month of decades: each bin's sum over its covered months, null when
 * none of them is covered (a gap stays a gap), and whether it is only partly covered.
 */
export function binCounts(counts: readonly (number | null)[], maxBins: number): { k: number; bins: { count: number | null; partial: boolean }[] } {
	const k = Math.max(1, Math.ceil(counts.length / Math.max(1, maxBins)));
	const bins: { count: number | null; partial: boolean }[] = [];
	for (let i = 0; i < counts.length; i += k) {
		let count: number | null = null;
		let missing = 0;
		const end = Math.min(counts.length, i + k);
		for (let j = i; j < end; j++) {
			const n = counts[j];
			if (n === null || n === undefined) missing++;
			else count = (count ?? 0) + n;
		}
		bins.push({ count, partial: count !== null && missing > 0 });
	}
	return { k, bins };
}

/** The same with each bin's first and last month, for labels. */
export function binMonths(
	months: readonly string[],
	counts: readonly (number | null)[],
	maxBins: number
): { from: string; to: string; count: number | null; partial: boolean }[] {
	const { k, bins } = binCounts(counts, maxBins);
	return bins.map((b, i) => ({ ...b, from: months[i * k]!, to: months[Math.min(months.length, (i + 1) * k) - 1]! }));
}
