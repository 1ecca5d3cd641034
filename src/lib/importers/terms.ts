/**
 * What each source's publisher asks of anyone who shows or redistributes its data: one line to
 * cite and the licence. Shown in the About panel, stamped on exports, written into the bundled
 * manifest. One table for dropped files, fetched datasets and `npm run geodata -- --add`.
 */
import type { ImportFormat, KnownFormat } from './formats.js';

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

/**
 * The publications UCDP asks users to cite, by release (sources/SOURCES.md): the GED's own paper
 * for every GED release, with the release's annual article; the Candidate dataset's paper for
 * the monthly Candidate releases.
 */
const SUNDBERG_MELANDER = 'Sundberg, Ralph and Erik Melander (2013), "Introducing the UCDP Georeferenced Event Dataset", Journal of Peace Research 50(4)';
export const UCDP_CITATIONS = {
	'ged-22.1': `${SUNDBERG_MELANDER}; Davies, Shawn, Therése Pettersson and Magnus Öberg (2022), "Organized violence 1989–2021 and drone warfare", Journal of Peace Research 59(4).`,
	'candidate-26.0.1': `Hegre, Håvard, Mihai Croicu, Kristine Eck and Stina Högbladh (2020), "Introducing the UCDP Candidate Events Dataset", Research & Politics 7(3); ${SUNDBERG_MELANDER}.`,
	'ged-25.1': `${SUNDBERG_MELANDER}; Davies, Shawn et al. (2025), the annual "Organized violence" article for GED 25.1, Journal of Peace Research; monthly totals aggregated by the project Ahmed-Ansari02/COMP0197_CW2.`
} as const;

/** What to cite for a yearly GED release fetched from the API (its annual article is named on ucdp.uu.se). */
export const UCDP_YEARLY_CITATION = `${SUNDBERG_MELANDER}; and the release's annual "Organized violence" article in the Journal of Peace Research.`;

const USER_FILE: Terms = { attribution: 'Imported from a user file; source as given by its provider', licence: 'as given by the provider of the file' };

/** Terms for any import: a known export's publisher, else the file's own provider. */
export function termsOf(format: ImportFormat): Terms {
	return format === 'CSV' || format === 'GeoJSON' ? USER_FILE : SOURCE_TERMS[format];
}
