/** GeoJSON points into the row importer, each feature a row (its properties the cells). */
import type { Feature, FeatureCollection } from 'geojson';
import { type Row } from './cells.js';
import { emptyRecord } from '../lookup/index.js';
import { detectFormat, ROW_MAPPERS } from './formats.js';
import { guessMapping, mappedRow, type ColumnMapping } from './mapping.js';
import { createRowImporter } from './report.js';
import { ImportFileError, type ImportOutcome } from './outcome.js';

/**
 * GeoJSON points: each feature's properties are read as a row of the export they resemble (GTD,
 * UCDP, ACLED), or through a mapping; its Point gives latitude/longitude.
 */
export function importGeoJson(textContent: string, opts: { file: string; notes?: string[]; mapping?: ColumnMapping }): ImportOutcome {
	let data: unknown;
	try {
		data = JSON.parse(textContent.replace(/^\ufeff/, ''));
	} catch (err) {
		throw new ImportFileError(`The file is not valid JSON: ${(err as Error).message}`);
	}
	const fc = data as FeatureCollection;
	if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new ImportFileError('The JSON is not a GeoJSON FeatureCollection.');
	if (fc.features.length === 0) throw new ImportFileError('The FeatureCollection has no features.');
	const keys = new Set<string>(['latitude', 'longitude']);
	for (const f of fc.features.slice(0, 100)) for (const k of Object.keys(f?.properties ?? {})) keys.add(k);
	const headers = [...keys];
	const format = opts.mapping ? 'CSV' : detectFormat(headers);
	const toRow = (f: Feature): Row => {
		const row: Row = emptyRecord();
		// A nested property (an object or a list) is kept as its JSON, not "[object Object]".
		for (const [k, v] of Object.entries(f?.properties ?? {}))
			row[k] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
		const point = f?.geometry?.type === 'Point' ? f.geometry.coordinates : null;
		row.longitude = point ? String(point[0] ?? '') : '';
		row.latitude = point ? String(point[1] ?? '') : '';
		return row;
	};
	if (!format)
		return {
			kind: 'needs-mapping',
			headers,
			preview: fc.features.slice(0, 5).map(toRow),
			guess: { ...guessMapping(headers), latitude: 'latitude', longitude: 'longitude' }
		};
	const importer = createRowImporter('GeoJSON', format === 'CSV' ? mappedRow(opts.mapping!) : ROW_MAPPERS[format], opts.file);
	for (const f of fc.features) {
		if (f?.geometry && f.geometry.type !== 'Point') importer.addUnparseable(toRow(f), `geometry is a ${f.geometry.type}, expected a Point`);
		else importer.add(toRow(f));
	}
	return {
		kind: 'done',
		result: { ...importer.finish([...(opts.notes ?? []), ...(format !== 'CSV' ? [`Feature properties read as ${format} columns.`] : [])]), headers }
	};
}
