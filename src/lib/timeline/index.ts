/** Monthly counts for trend charts. Pure: ISO date strings in, arrays out. */

/** Every month "YYYY-MM" from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
	const months: string[] = [];
	let y = Number(from.slice(0, 4));
	let m = Number(from.slice(5, 7));
	const endY = Number(to.slice(0, 4));
	const endM = Number(to.slice(5, 7));
	while (y < endY || (y === endY && m <= endM)) {
		months.push(`${y}-${String(m).padStart(2, '0')}`);
		if (++m > 12) (m = 1), y++;
	}
	return months;
}

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
