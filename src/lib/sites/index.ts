/** Saved sites as CSV: the list an NGO keeps, moved in and out of the dashboard. */
import Papa from 'papaparse';
import { toCsv } from '../export/index.js';
import { parseCoordinates, PLACE_KINDS, type PlaceKind } from '../place/index.js';
import { rowLikeLines } from '../importers/csv-stream.js';

export interface SiteRow {
	name: string;
	lon: number;
	lat: number;
	note: string;
	/** What the point is (a town, a district centre, typed coordinates…); null when the file does not say. */
	kind: PlaceKind | null;
}

/** Reads name, latitude, longitude (and note, kind) columns; every other row is rejected with a reason. */
export function parseSitesCsv(text: string): { sites: SiteRow[]; rejected: { row: number; problem: string }[] } {
	const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim().toLowerCase()
	});
	const fields = parsed.meta.fields ?? [];
	for (const need of ['name', 'latitude', 'longitude']) {
		if (!fields.includes(need)) throw new Error(`The sites file needs columns name, latitude and longitude (found: ${fields.join(', ') || 'none'}).`);
	}
	const sites: SiteRow[] = [];
	const rejected: { row: number; problem: string }[] = [];
	// An unclosed quote pulls every line after it into one cell. papaparse reports it, but its row
	// index for quote errors counts the header: the row is found by the lines inside its cells, and
	// rejected with them counted, so no site is silently lost.
	const quoteTrouble = parsed.errors.some((e) => e.type === 'Quotes');
	// Lines that look like rows, by the importer's own rule (src/lib/importers).
	const absorbedLines = (r: Record<string, unknown>) =>
		Object.values(r).reduce<number>((n, v) => n + (typeof v === 'string' ? rowLikeLines(v, parsed.meta.delimiter, fields.length) : 0), 0);
	parsed.data.forEach((r, i) => {
		const lines = quoteTrouble ? absorbedLines(r) : 0;
		if (lines)
			return void rejected.push({
				row: i + 1,
				problem: `a quote mark is not closed: the ${lines} line(s) after it were read into this row, which is rejected (they are not sites)`
			});
		const name = (r.name ?? '').trim();
		if (!name) return void rejected.push({ row: i + 1, problem: 'name is empty' });
		const at = parseCoordinates(`${r.latitude ?? ''}, ${r.longitude ?? ''}`);
		if (!at || 'error' in at) return void rejected.push({ row: i + 1, problem: at ? at.error : 'latitude/longitude missing' });
		const kind = (r.kind ?? '').trim();
		if (kind && !(PLACE_KINDS as readonly string[]).includes(kind))
			return void rejected.push({ row: i + 1, problem: `kind "${kind.slice(0, 40)}" is not one of ${PLACE_KINDS.join(', ')} (or empty)` });
		sites.push({ name, lon: at.lon, lat: at.lat, note: (r.note ?? '').trim(), kind: (kind || null) as PlaceKind | null });
	});
	return { sites, rejected };
}

export function sitesCsv(rows: readonly (SiteRow & Record<string, string | number | null>)[], extraColumns: readonly string[] = []): string {
	return toCsv(
		['name', 'latitude', 'longitude', 'kind', 'note', ...extraColumns],
		rows.map((r) => [r.name, r.lat, r.lon, r.kind, r.note, ...extraColumns.map((c) => r[c] ?? null)])
	);
}
