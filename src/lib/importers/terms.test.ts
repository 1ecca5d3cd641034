import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_TERMS, termsOf, UCDP_CITATIONS, UCDP_YEARLY_CITATION } from './terms.js';

// The repository's own record of each source's terms (sources/SOURCES.md): the table must say what it says.
const SOURCES_MD = readFileSync(join(import.meta.dirname, '../../../sources/SOURCES.md'), 'utf8');
const sourceRow = (file: string) => SOURCES_MD.split('\n').find((line) => line.startsWith(`| \`${file}\``)) ?? '';
const plain = (s: string) => s.replace(/\*/g, '');

describe('SOURCE_TERMS', () => {
	it('cites GTD and gives its licence as sources/SOURCES.md records them', () => {
		const row = sourceRow('incidents/gtd_pakistan_2008.geojson');
		expect(row).toContain(`cite "${SOURCE_TERMS.GTD.attribution}"`);
		expect(SOURCE_TERMS.GTD.attribution).toMatch(/^National Consortium .*Global Terrorism Database, https:\/\/www\.start\.umd\.edu\/gtd$/);
		expect(SOURCE_TERMS.GTD.licence).toBe('GTD terms: free for non-commercial research and education, with citation');
	});
	it('gives UCDP GED the CC BY 4.0 licence of sources/SOURCES.md, and its paper', () => {
		expect(sourceRow('incidents/ucdp_ged_22_1_pakistan_hdx.csv')).toContain(`**${SOURCE_TERMS['UCDP GED'].licence}**`);
		expect(SOURCE_TERMS['UCDP GED']).toEqual({
			attribution:
				'Uppsala Conflict Data Program (UCDP), Georeferenced Event Dataset — Sundberg & Melander (2013), Journal of Peace Research 50(4); ucdp.uu.se',
			licence: 'CC BY 4.0'
		});
	});
	it('names ACLED and its terms of use', () => {
		expect(SOURCE_TERMS.ACLED.attribution).toBe('Armed Conflict Location & Event Data (ACLED), acleddata.com');
		expect(SOURCE_TERMS.ACLED.licence).toMatch(/^ACLED Terms of Use: attribution required/);
		expect(sourceRow('datasets/index.json')).toContain('ACLED: ACLED Terms of Use');
	});
});

describe('UCDP citations', () => {
	it('are the publications sources/SOURCES.md asks to cite for each bundled release', () => {
		expect(plain(sourceRow('incidents/ucdp_ged_22_1_pakistan_hdx.csv'))).toContain(UCDP_CITATIONS['ged-22.1'].split('; ')[1]!.replace(/\.$/, ''));
		expect(plain(sourceRow('incidents/ucdp_candidate_26_0_1_pakistan.csv'))).toContain(UCDP_CITATIONS['candidate-26.0.1'].split('; ')[0]);
		for (const citation of [...Object.values(UCDP_CITATIONS), UCDP_YEARLY_CITATION])
			expect(citation).toMatch(
				/^(Sundberg, Ralph and Erik Melander \(2013\), "Introducing the UCDP Georeferenced Event Dataset", Journal of Peace Research 50\(4\)|Hegre)/
			);
		expect(UCDP_CITATIONS['candidate-26.0.1']).toMatch(/; Sundberg, Ralph and Erik Melander \(2013\).*50\(4\)\.$/);
		expect(UCDP_CITATIONS['ged-25.1']).toMatch(/Davies, Shawn et al\. \(2025\).*Ahmed-Ansari02\/COMP0197_CW2\.$/);
		expect(UCDP_YEARLY_CITATION).toMatch(/; and the release's annual "Organized violence" article in the Journal of Peace Research\.$/);
	});
});

describe('termsOf', () => {
	it('gives a known export its publisher’s terms', () => {
		for (const format of ['UCDP GED', 'ACLED', 'GTD'] as const) expect(termsOf(format)).toBe(SOURCE_TERMS[format]);
	});
	it('gives a user’s CSV or GeoJSON its provider’s terms, never a publisher’s', () => {
		const userFile = { attribution: 'Imported from a user file; source as given by its provider', licence: 'as given by the provider of the file' };
		expect(termsOf('CSV')).toEqual(userFile);
		expect(termsOf('GeoJSON')).toEqual(userFile);
	});
});
