/** What an imported file becomes in browser storage: its description and attribution. */
import type { ImportResult } from '../lib/importers/file.js';
import type { ImportFormat } from '../lib/importers/index.js';
import type { DatasetInfo } from '../lib/incident/index.js';
import { saveImported } from './store/index.js';

/** Terms to cite for each source format (shown in the About panel and in exports). */
const ATTRIBUTION: Record<ImportFormat, { attribution: string; licence: string }> = {
	'UCDP GED': {
		attribution: 'Uppsala Conflict Data Program (UCDP) Georeferenced Event Dataset; cite Sundberg & Melander (2013), Journal of Peace Research 50(4)',
		licence: 'CC BY 4.0'
	},
	ACLED: { attribution: 'Armed Conflict Location & Event Data (ACLED), acleddata.com', licence: "ACLED's terms of use (attribution required)" },
	GTD: {
		attribution: 'National Consortium for the Study of Terrorism and Responses to Terrorism (START), Global Terrorism Database, https://www.start.umd.edu/gtd',
		licence: 'GTD terms: free for non-commercial research and education, with citation'
	},
	CSV: { attribution: 'Imported from a user file; source as given by its provider', licence: 'as given by the provider of the file' },
	GeoJSON: { attribution: 'Imported from a user file; source as given by its provider', licence: 'as given by the provider of the file' }
};

/** Stores an import (atomically) and returns its dataset description. */
export async function keepImport(result: ImportResult): Promise<DatasetInfo> {
	const dates = result.incidents.map((i) => i.date).sort();
	const format = result.report.format === 'GeoJSON' ? 'GeoJSON' : result.report.format;
	const info: DatasetInfo = {
		id: `import-${Date.now().toString(36)}`,
		name: `${result.report.file} (${format}, imported)`,
		format: format === 'UCDP GED' || format === 'ACLED' || format === 'GTD' || format === 'GeoJSON' ? format : 'CSV',
		...ATTRIBUTION[result.report.format],
		dateRange: dates.length ? [dates[0]!, dates.at(-1)!] : null
	};
	await saveImported({ info, importReport: result.report, headers: result.headers, importedAt: new Date().toISOString() }, result.incidents, result.rejections);
	return info;
}
