/** What an imported file or a fetched dataset becomes in browser storage: its description and attribution. */
import type { ImportResult } from '../lib/importers/file.js';
import { termsOf } from '../lib/importers/terms.js';
import type { DatasetInfo, Incident } from '../lib/incident/index.js';
import type { FetchProvenance } from '../lib/incident/provenance.js';
import { randomId } from './random-id.js';
import { saveImported, type StoredDataset } from './store/index.js';
import { locationCounts, tableDateRange, toTable } from '../lib/table/index.js';

type Stored = Omit<StoredDataset, 'incidentChunks' | 'rejectionChunks' | 'columns' | 'textChunks'>;

/** "UCDP: Pakistan (GW 770), 2022-11-28 – 2026-11-26 (fetched 2026-11-26)". */
const fetchedName = (fetched: FetchProvenance) => `${fetched.source}: ${fetched.query} (fetched ${fetched.retrievedAt.slice(0, 10)})`;

/** A new imported dataset's id (also its key in storage and in URLs): random (random-id.ts). */
export const newDatasetId = () => randomId('import');

/**
 * Stores an import (atomically) and returns its dataset description. `describe`: what the import
 * itself knows of the dataset (a fetch's releases and their months; a fill's name and terms).
 */
export async function keepImport(
	result: ImportResult,
	fetched?: FetchProvenance,
	id = newDatasetId(),
	describe: Partial<Pick<DatasetInfo, 'name' | 'attribution' | 'licence' | 'releases' | 'codebook'>> = {}
): Promise<DatasetInfo> {
	const format = result.report.format;
	const info: DatasetInfo = {
		id,
		name: fetched ? fetchedName(fetched) : `${result.report.file} (${format}, imported)`,
		format: format === 'UCDP GED' || format === 'ACLED' || format === 'GTD' || format === 'GeoJSON' ? format : 'CSV',
		...termsOf(format),
		dateRange: tableDateRange(result.table.columns),
		...(fetched ? { fetched } : {}),
		...describe
	};
	await saveImported({ info, importReport: result.report, headers: result.headers, importedAt: new Date().toISOString() }, result.table, result.rejections);
	return info;
}

type Rejected = ImportResult['rejections'][number];

/**
 * Rewrites a fetched dataset after a refresh, under the same id: the merged incidents, the
 * stored rejections of rows the refresh did not receive again plus the refresh's own, and an
 * import report whose accounting still closes (imported + rejected = rows read).
 */
export async function keepRefresh(
	stored: Stored,
	incidents: Incident[],
	oldRejections: Rejected[],
	fresh: ImportResult,
	fetched: FetchProvenance,
	idColumn: string
): Promise<DatasetInfo> {
	const received = new Set(fresh.rejections.map((r) => r.cells[idColumn]).concat(fresh.table.text.id as string[]));
	const rejections = [...oldRejections.filter((r) => !received.has(r.cells[idColumn])), ...fresh.rejections];
	const table = toTable(incidents);
	const info: DatasetInfo = { ...stored.info, name: fetchedName(fetched), dateRange: tableDateRange(table.columns), fetched };
	const importReport = {
		...fresh.report,
		rowsRead: incidents.length + rejections.length,
		imported: incidents.length,
		rejected: rejections.length,
		...locationCounts(table.columns),
		notes: [...fresh.report.notes, 'Refreshed: rows dated before the refresh window are kept from the earlier fetch.']
	};
	await saveImported({ ...stored, info, importReport, importedAt: new Date().toISOString() }, table, rejections);
	return info;
}
