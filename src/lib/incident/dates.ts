/**
 * The dates an incident may have: 1900-01-01 to a year after today. Earlier dates broke the page's
 * formatters ("Invalid time value") and the build of every district page; a year like 9999 made
 * every time window span eight thousand years of empty months. Both are typing errors, never an
 * event, and are rejected with the reason.
 */
export const EARLIEST_DATE = '1900-01-01';

/** A year after `now`, as an ISO date (the latest an incident may be dated, allowing for clocks and time zones). */
export function latestDate(now = new Date()): string {
	const later = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
	return later.toISOString().slice(0, 10);
}

/** Why `iso` (YYYY-MM-DD) is out of range, or null when it is in range. */
export function dateRangeProblem(iso: string, latest = latestDate()): string | null {
	if (iso < EARLIEST_DATE) return `${iso} is before ${EARLIEST_DATE}, the earliest date accepted`;
	if (iso > latest) return `${iso} is after ${latest}, a year from today, the latest date accepted`;
	return null;
}
