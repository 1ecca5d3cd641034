/**
 * The known exports (UCDP GED, ACLED, GTD): how each is recognised from its header, the columns
 * its row mapper reads, and the mapper onto the shared incident schema (DATA-MODEL.md). Each
 * format is declared once, with its columns: the mapper's row type holds only those, the CSV reader
 * hands it only those (MAPPER_COLUMNS), and the connectors require them of an API page.
 */
import type { Point } from 'geojson';
import type { DatePrecision, Incident, PlacePrecision } from '../incident/index.js';
import { normaliseGtdRow, type GtdRow } from '../gtd/index.js';
import { SourceRowError } from '../incident/errors.js';
import { ucdpActorName, ucdpTarget } from '../actors/index.js';
import { ownValue } from '../lookup/index.js';
import { casualtyCount, coordinates, numberCell, rowDate, rowId, RowProblem, textCell, type Cells, type Row, type RowContext } from './cells.js';

/** Exports recognised from their header. */
export type KnownFormat = 'UCDP GED' | 'ACLED' | 'GTD';
export type ImportFormat = KnownFormat | 'CSV' | 'GeoJSON';

/** One source format's row mapper. */
export type RowMapper = (row: Row, rowNumber: number, ctx: RowContext) => Incident;

/** A format: the columns its mapper reads, and the mapper, which can read no other. */
function rowFormat<const C extends readonly string[]>(columns: C, map: (row: Cells<C[number]>, rowNumber: number, ctx: RowContext) => Incident) {
	return { columns, map: map as RowMapper };
}

/** The columns that identify each known export (all must be present). */
const SIGNATURES: [KnownFormat, string[]][] = [
	['UCDP GED', ['id', 'date_start', 'latitude', 'longitude', 'where_prec', 'side_a', 'best']],
	['ACLED', ['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude', 'geo_precision', 'fatalities']],
	['GTD', ['iyear', 'imonth', 'iday', 'latitude', 'longitude', 'specificity']]
];

/** Recognises a known export from its header (case-insensitive), or null. */
export function detectFormat(headers: readonly string[]): KnownFormat | null {
	const have = new Set(headers.map((h) => h.trim().toLowerCase()));
	return SIGNATURES.find(([, cols]) => cols.every((c) => have.has(c)))?.[0] ?? null;
}

/** A coded cell (a precision code, a violence type) looked up in its codebook table, or undefined. */
const codeCell = <C extends string, V>(row: Cells<C>, column: C, table: Readonly<Record<string, V>>): V | undefined =>
	ownValue(table, (row[column] ?? '').trim());

/** A code the row cannot do without: an unknown one rejects the row, naming the column and the codes allowed. */
function requiredCode<C extends string, V>(row: Cells<C>, column: C, table: Readonly<Record<string, V>>, codes: string): V {
	const value = codeCell(row, column, table);
	if (value === undefined) throw new RowProblem(column, `"${(row[column] ?? '').trim()}" is not ${codes}`);
	return value;
}

const UCDP_VIOLENCE: Record<string, string> = { '1': 'State-based conflict', '2': 'Non-state conflict', '3': 'One-sided violence' };
const UCDP_WHERE: Record<string, PlacePrecision> = {
	'1': 'exact',
	'2': 'near',
	'3': 'district',
	'4': 'province',
	'5': 'province',
	'6': 'country',
	'7': 'unknown'
};
const UCDP_DATE: Record<string, DatePrecision> = { '1': 'day', '2': 'day', '3': 'day', '4': 'month', '5': 'year' };

/** The GED codebook's columns the UCDP mapper reads (the UCDP connector requires each of them). */
export const UCDP_EVENT_COLUMNS = [
	'id',
	'date_start',
	'date_prec',
	'latitude',
	'longitude',
	'where_prec',
	'where_coordinates',
	'adm_1',
	'adm_2',
	'type_of_violence',
	'side_a',
	'side_b',
	'best',
	'source_headline',
	'where_description',
	'source_article'
] as const;

// `release` is not a UCDP column: the release a fetched row came from, in the CSV `npm run
// fetch-data` writes.
const ucdp = rowFormat([...UCDP_EVENT_COLUMNS, 'release'], (row, rowNumber, ctx) => {
	const { lon, lat } = coordinates(row, 'latitude', 'longitude', ctx);
	const placePrecision = requiredCode(row, 'where_prec', UCDP_WHERE, 'a UCDP precision code (1–7)');
	const eventType = codeCell(row, 'type_of_violence', UCDP_VIOLENCE) ?? textCell(row.type_of_violence, ctx);
	return {
		id: rowId(textCell(row.id, ctx), rowNumber, ctx),
		date: rowDate(row, 'date_start'),
		datePrecision: codeCell(row, 'date_prec', UCDP_DATE) ?? 'day',
		lon,
		lat,
		placePrecision,
		place: textCell(row.where_coordinates, ctx),
		provinceRecorded: textCell(row.adm_1, ctx),
		districtRecorded: textCell(row.adm_2, ctx),
		eventType,
		subType: null,
		// The two sides of the dyad (src/lib/actors): UCDP does not say who attacked; it codes a
		// target only in one-sided violence, where side B is civilians.
		target: ucdpTarget(eventType),
		actor: ucdpActorName(textCell(row.side_a, ctx)),
		actor2: ucdpActorName(textCell(row.side_b, ctx)),
		killed: casualtyCount(row, 'best', ctx),
		wounded: null,
		suicide: null,
		summary: textCell(row.source_headline, ctx) ?? textCell(row.where_description, ctx),
		source: textCell(row.source_article, ctx),
		...(row.release?.trim() ? { release: row.release.trim() } : {})
	};
});

const ACLED_GEO: Record<string, PlacePrecision> = { '1': 'exact', '2': 'near', '3': 'province' };
const ACLED_TIME: Record<string, DatePrecision> = { '1': 'day', '2': 'month', '3': 'month' };

const acled = rowFormat(
	[
		'event_id_cnty',
		'event_date',
		'time_precision',
		'latitude',
		'longitude',
		'geo_precision',
		'location',
		'admin1',
		'admin2',
		'event_type',
		'sub_event_type',
		'actor1',
		'actor2',
		'fatalities',
		'notes',
		'source'
	],
	(row, rowNumber, ctx) => {
		const { lon, lat } = coordinates(row, 'latitude', 'longitude', ctx);
		const placePrecision = requiredCode(row, 'geo_precision', ACLED_GEO, 'an ACLED precision code (1–3)');
		const subType = textCell(row.sub_event_type, ctx);
		return {
			id: rowId(textCell(row.event_id_cnty, ctx), rowNumber, ctx),
			date: rowDate(row, 'event_date'),
			datePrecision: codeCell(row, 'time_precision', ACLED_TIME) ?? 'day',
			lon,
			lat,
			placePrecision,
			place: textCell(row.location, ctx),
			provinceRecorded: textCell(row.admin1, ctx),
			districtRecorded: textCell(row.admin2, ctx),
			eventType: textCell(row.event_type, ctx),
			subType,
			target: textCell(row.actor2, ctx),
			actor: textCell(row.actor1, ctx),
			actor2: textCell(row.actor2, ctx),
			killed: casualtyCount(row, 'fatalities', ctx),
			wounded: null,
			suicide: subType === 'Suicide bomb' ? true : null,
			summary: textCell(row.notes, ctx),
			source: textCell(row.source, ctx)
		};
	}
);

/** GTD CSV rows go through the same normaliser as the bundled GTD extracts (src/lib/gtd). */
const gtd = rowFormat(
	[
		'eventid',
		'iyear',
		'imonth',
		'iday',
		'provstate',
		'city',
		'specificity',
		'summary',
		'attacktype1_txt',
		'targtype1_txt',
		'gname',
		'nkill',
		'nwound',
		'suicide',
		'scite1',
		'scite2',
		'scite3',
		'latitude',
		'longitude'
	],
	(row, rowNumber, ctx) => {
		const { lon, lat } = coordinates(row, 'latitude', 'longitude', ctx);
		const textOf = (column: keyof typeof row) => textCell(row[column], ctx);
		const numberOf = (column: keyof typeof row) => numberCell(row, column, ctx);
		const source: GtdRow = {
			eventid: textOf('eventid'),
			iyear: numberOf('iyear'),
			imonth: numberOf('imonth'),
			iday: numberOf('iday'),
			provstate: textOf('provstate'),
			city: textOf('city'),
			specificity: numberOf('specificity'),
			summary: textOf('summary'),
			attacktype1_txt: textOf('attacktype1_txt'),
			targtype1_txt: textOf('targtype1_txt'),
			gname: textOf('gname'),
			nkill: numberOf('nkill'),
			nwound: numberOf('nwound'),
			suicide: numberOf('suicide'),
			scite1: textOf('scite1'),
			scite2: textOf('scite2'),
			scite3: textOf('scite3')
		};
		try {
			const point: Point | null = lon === null || lat === null ? null : { type: 'Point', coordinates: [lon, lat] };
			const { incident } = normaliseGtdRow(source, point, rowNumber, { file: 'import', idPrefix: 'row' });
			return source.eventid ? incident : { ...incident, id: rowId(null, rowNumber, ctx) };
		} catch (err) {
			if (err instanceof SourceRowError) throw new RowProblem(err.field, err.problem);
			throw err;
		}
	}
);

export const ucdpRow = ucdp.map;
export const acledRow = acled.map;
export const gtdCsvRow = gtd.map;

export const ROW_MAPPERS: Record<KnownFormat, RowMapper> = { 'UCDP GED': ucdp.map, ACLED: acled.map, GTD: gtd.map };

/**
 * The columns each row mapper reads, as its format declares them. A CSV's rows are handed to the
 * mapper with only these: a GTD export has 135 columns and a row object of all of them cost a third
 * of a wide import (200,000 rows: 2.4 s of 7.3 s). A rejected row still keeps all its cells.
 */
export const MAPPER_COLUMNS: Record<KnownFormat, readonly string[]> = { 'UCDP GED': ucdp.columns, ACLED: acled.columns, GTD: gtd.columns };
