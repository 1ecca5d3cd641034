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
