/**
 * "Fill 2022–2025": the months a bundled UCDP series does not cover, fetched from the UCDP API
 * (the newest yearly release, then the Candidate releases after it: ucdpFillRequests) and merged
 * into the series by UCDP event id, a newer release's row replacing an older one. The result is
 * one series, each row with its release, covering what it covered before and what was fetched.
 * Pure: rows and releases in, rows, releases and counts out.
 */
import type { DatasetInfo, Incident, ReleaseInfo } from '../incident/index.js';
import type { ImportResult } from '../importers/file.js';
import { locationCounts, tableIncidents, toTable } from '../table/index.js';

export interface Merged {
	incidents: Incident[];
	/** Rows of the older set that a newer row of the same id replaced. */
	replaced: number;
	/** Newer rows whose id the older set did not have. */
	added: number;
}

/** The older rows, less those a newer row of the same id replaces, then the newer rows. */
export function mergeByEventId(older: readonly Incident[], newer: readonly Incident[]): Merged {
	const newIds = new Set(newer.map((i) => i.id));
	const kept = older.filter((i) => !newIds.has(i.id));
	return { incidents: [...kept, ...newer], replaced: older.length - kept.length, added: newer.length - (older.length - kept.length) };
}

/**
 * The releases of the filled series, in order of their months, each with the rows it still
 * holds (a release whose rows were all replaced keeps its months: it covered them).
 */
export function filledReleases(before: readonly ReleaseInfo[], fetched: readonly ReleaseInfo[], incidents: readonly Incident[]): ReleaseInfo[] {
	const rows = new Map<string, number>();
	for (const inc of incidents) if (inc.release) rows.set(inc.release, (rows.get(inc.release) ?? 0) + 1);
	return [...before, ...fetched].map((r) => ({ ...r, rows: rows.get(r.name) ?? 0 })).sort((a, b) => a.months[0].localeCompare(b.months[0]));
}

/**
 * A fill's import: the series' rows merged with the fetched ones, and an import report whose
 * accounting still closes: imported + rejected + replaced = rows read (the series' rows and the
 * rows received).
 */
export function fillResult(
	series: { info: DatasetInfo; incidents: readonly Incident[] },
	fetched: ImportResult,
	fetchedReleases: readonly ReleaseInfo[]
): { result: ImportResult; releases: ReleaseInfo[]; name: string } {
	const merged = mergeByEventId(series.incidents, tableIncidents(fetched.table));
	const table = toTable(merged.incidents);
	const releases = filledReleases(series.info.releases ?? [], fetchedReleases, merged.incidents);
	const r = fetched.report;
	const report = {
		...r,
		file: `${series.info.name}, filled from the UCDP API`,
		rowsRead: series.incidents.length + r.rowsRead,
		imported: merged.incidents.length,
		replaced: merged.replaced,
		...locationCounts(table.columns),
		notes: [
			...r.notes,
			`Merged with the ${series.incidents.length.toLocaleString('en-GB')} rows of ${series.info.name} by UCDP event id: ${merged.added.toLocaleString('en-GB')} added, ${merged.replaced.toLocaleString('en-GB')} replaced by a newer release.`
		]
	};
	return { result: { ...fetched, table, report }, releases, name: `${releaseNames(releases)} (filled ${new Date().toISOString().slice(0, 10)})` };
}

/** "UCDP GED 22.1 + GED 26.1 + Candidate 26.0.1–26.0.9": a series' releases in one name. */
export function releaseNames(releases: readonly ReleaseInfo[]): string {
	const yearly = releases.filter((r) => !r.preliminary).map((r) => r.name.replace(/^UCDP /, ''));
	const candidate = releases.filter((r) => r.preliminary).map((r) => r.name.replace(/^UCDP Candidate /, ''));
	const run = candidate.length <= 1 ? candidate[0] : `${candidate[0]}–${candidate.at(-1)}`;
	return `UCDP ${[...yearly, ...(run ? [`Candidate ${run}`] : [])].join(' + ')}`;
}
