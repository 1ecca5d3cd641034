/**
 * CSVs whose header no known export matches: the user maps the columns (the import dialog offers a
 * guess), and the mapping becomes a row mapper.
 */
import { casualtyCount, coordinates, rowDate, rowId, textCell } from './cells.js';
import type { RowMapper } from './formats.js';

/** Which CSV column holds what, for exports whose header we do not recognise. */
export interface ColumnMapping {
	latitude: string;
	longitude: string;
	date: string;
	/** Optional columns; empty string = not present. */
	killed: string;
	type: string;
	group: string;
	id: string;
	place: string;
}

export const MAPPING_FIELDS: { key: keyof ColumnMapping; label: string; required: boolean }[] = [
	{ key: 'latitude', label: 'Latitude', required: true },
	{ key: 'longitude', label: 'Longitude', required: true },
	{ key: 'date', label: 'Date', required: true },
	{ key: 'killed', label: 'Casualties (killed)', required: false },
	{ key: 'type', label: 'Event type', required: false },
	{ key: 'group', label: 'Group / actor', required: false },
	{ key: 'id', label: 'Event id', required: false },
	{ key: 'place', label: 'Place name', required: false }
];

/** Guesses a mapping for an unknown CSV from common column names (the user confirms it). */
export function guessMapping(headers: readonly string[]): ColumnMapping {
	// Patterns in order of preference: an exact name anywhere in the header beats a column that only
	// contains it ("lat" over an earlier "plate_no").
	const find = (...patterns: RegExp[]) => patterns.map((p) => headers.find((h) => p.test(h.trim()))).find((h) => h !== undefined) ?? '';
	return {
		latitude: find(/^lat(itude)?$/i, /^y$/i, /lat/i),
		longitude: find(/^(lon|lng|long|longitude)$/i, /^x$/i, /lon|lng/i),
		date: find(/^date$/i, /date/i, /^day$/i),
		killed: find(/^(killed|deaths|fatalities|nkill|best)$/i, /kill|death|fatal/i),
		type: find(/^(type|event_?type|attack_?type)$/i, /type/i),
		group: find(/^(group|actor|perpetrator|gname|side_a|actor1)$/i, /group|actor|perp/i),
		id: find(/^(id|event_?id)$/i),
		place: find(/^(place|location|city|town)$/i)
	};
}

/** A row mapper from a user's column mapping (precision is taken as exact: the user's claim). */
export function mappedRow(mapping: ColumnMapping): RowMapper {
	return (row, rowNumber, ctx) => {
		const { lon, lat } = coordinates(row, mapping.latitude, mapping.longitude, ctx);
		return {
			id: rowId((mapping.id && textCell(row[mapping.id], ctx)) || null, rowNumber, ctx),
			date: rowDate(row, mapping.date),
			datePrecision: 'day',
			lon,
			lat,
			placePrecision: 'exact',
			place: mapping.place ? textCell(row[mapping.place], ctx) : null,
			provinceRecorded: null,
			districtRecorded: null,
			eventType: mapping.type ? textCell(row[mapping.type], ctx) : null,
			subType: null,
			target: null,
			actor: mapping.group ? textCell(row[mapping.group], ctx) : null,
			actor2: null,
			killed: mapping.killed ? casualtyCount(row, mapping.killed, ctx) : null,
			wounded: null,
			suicide: null,
			summary: null,
			source: null
		};
	};
}

/** The columns a user's mapping names. */
export const mappedColumns = (mapping: ColumnMapping): string[] => MAPPING_FIELDS.map((f) => mapping[f.key]).filter((c) => c !== '');

/** Columns the mapping dialog lists at once: a header of 100,000 columns, every one an option of every field, froze the page for 385 s. */
export const LISTED_COLUMNS = 50;

/**
 * The columns a field offers: those whose name holds `filter` (any case), the first `limit` in
 * file order, with the one chosen always among them; and how many match in all.
 */
export function columnChoices(headers: readonly string[], filter: string, chosen: string, limit = LISTED_COLUMNS): { columns: string[]; matched: number } {
	const needle = filter.trim().toLowerCase();
	const columns: string[] = [];
	let matched = 0;
	for (const h of headers) {
		if (needle && !h.toLowerCase().includes(needle)) continue;
		matched++;
		if (columns.length < limit) columns.push(h);
	}
	if (chosen && !columns.includes(chosen)) columns.unshift(chosen);
	return { columns, matched };
}

/** The preview's columns: the ones mapped, then the file's first others, `limit` in all. */
export function previewColumns(headers: readonly string[], mapping: ColumnMapping, limit = LISTED_COLUMNS): string[] {
	const mapped = mappedColumns(mapping).filter((c, i, all) => all.indexOf(c) === i);
	const shown = new Set(mapped);
	for (const h of headers) {
		if (shown.size >= Math.max(limit, mapped.length)) break;
		shown.add(h);
	}
	return [...shown];
}
