/**
 * The columns an API page must have. A column we do not know, or one we need and do not get, is
 * an error that names it: the API changed, and guessing would drop or misread data silently.
 */
import { emptyRecord } from '../lookup/index.js';
import { ConnectorError } from './http.js';

export interface Schema {
	/** Every column the API documents (the order is the CSV column order of `npm run fetch-data`). */
	columns: readonly string[];
	/** Columns the importer reads; a row without one of them means the schema changed. */
	required: readonly string[];
}

export type ApiRecord = Record<string, unknown>;
type Row = Record<string, string | undefined>;

/**
 * Checks every record of a page against the schema and turns it into the importer's row shape
 * (strings; null → empty cell). `where` names the page in messages ("UCDP GED 26.1, page 3").
 */
export function rowsOfPage(records: unknown, schema: Schema, where: string): Row[] {
	if (!Array.isArray(records))
		throw new ConnectorError('malformed', `${where}: the response has no list of events where the API documents one; nothing was saved.`);
	const known = new Set(schema.columns);
	return records.map((record, i) => {
		if (record === null || typeof record !== 'object' || Array.isArray(record)) {
			throw new ConnectorError('malformed', `${where}, event ${i + 1}: not an object (${JSON.stringify(record)?.slice(0, 40)}); nothing was saved.`);
		}
		const row: Row = emptyRecord();
		for (const [key, value] of Object.entries(record as ApiRecord)) {
			if (!known.has(key))
				throw new ConnectorError(
					'schema',
					`${where}: unknown column "${key}". The API's columns have changed; nothing was saved. The connector's column list (src/lib/connectors) needs updating.`
				);
			row[key] = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
		for (const column of schema.required) {
			if (!(column in row))
				throw new ConnectorError(
					'schema',
					`${where}: column "${column}" is missing. The API's columns have changed; nothing was saved. The connector's column list (src/lib/connectors) needs updating.`
				);
		}
		return row;
	});
}
