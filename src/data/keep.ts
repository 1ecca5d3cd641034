/** What an imported file becomes in browser storage: its description and attribution. */
import type { ImportResult } from '../lib/importers/file.js';
import { termsOf } from '../lib/importers/terms.js';
import type { DatasetInfo } from '../lib/incident/index.js';
import { saveImported } from './store/index.js';


/** Stores an import (atomically) and returns its dataset description. */
export async function keepImport(result: ImportResult): Promise<DatasetInfo> {
	const dates = result.incidents.map((i) => i.date).sort();
	const format = result.report.format === 'GeoJSON' ? 'GeoJSON' : result.report.format;
	const info: DatasetInfo = {
		id: `import-${Date.now().toString(36)}`,
		name: `${result.report.file} (${format}, imported)`,
		format: format === 'UCDP GED' || format === 'ACLED' || format === 'GTD' || format === 'GeoJSON' ? format : 'CSV',
		...termsOf(result.report.format),
		dateRange: dates.length ? [dates[0]!, dates.at(-1)!] : null
	};
	await saveImported({ info, importReport: result.report, headers: result.headers, importedAt: new Date().toISOString() }, result.incidents, result.rejections);
	return info;
}
