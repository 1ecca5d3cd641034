/**
 * What each source's publisher asks of anyone who shows or redistributes its data: one line to
 * cite and the licence. Shown in the About panel, stamped on exports, written into the bundled
 * manifest. One table for dropped files, fetched datasets and `npm run geodata -- --add`.
 */
import type { ImportFormat, KnownFormat } from './index.js';

export interface Terms {
	attribution: string;
	licence: string;
}

export const SOURCE_TERMS: Record<KnownFormat, Terms> = {
	'UCDP GED': {
		attribution: 'Uppsala Conflict Data Program (UCDP), Georeferenced Event Dataset — Sundberg & Melander (2013), Journal of Peace Research 50(4); ucdp.uu.se',
		licence: 'CC BY 4.0'
	},
	ACLED: {
		attribution: 'Armed Conflict Location & Event Data (ACLED), acleddata.com',
		licence: 'ACLED Terms of Use: attribution required; check that your ACLED licence allows publishing the data'
	},
	GTD: {
		attribution: 'National Consortium for the Study of Terrorism and Responses to Terrorism (START), Global Terrorism Database, https://www.start.umd.edu/gtd',
		licence: 'GTD terms: free for non-commercial research and education, with citation'
	}
};

const USER_FILE: Terms = { attribution: 'Imported from a user file; source as given by its provider', licence: 'as given by the provider of the file' };

/** Terms for any import: a known export's publisher, else the file's own provider. */
export function termsOf(format: ImportFormat): Terms {
	return format === 'CSV' || format === 'GeoJSON' ? USER_FILE : SOURCE_TERMS[format];
}
