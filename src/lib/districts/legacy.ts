/**
 * District slugs of the map's earlier layout (the 2015 district layer, reshaped to 64 districts
 * after the 2018 FATA merger), and what each means in today's 2023-census layout: shared links and
 * saved views from before the change must open today's district(s) with a line saying why, never
 * reset silently.
 *
 * How it was made (decision record, docs/decisions/0002-2023-layout.md): every old district was
 * intersected with the 2023 layout (turf.intersect, share of the old district's area). Slugs
 * that no longer exist map to the district(s) holding at least 10 % of their area; slugs that
 * still exist but lost territory to a district created since get a note naming it. Overlaps
 * under 10 % were edge differences between the two lineages, not real changes, and are ignored.
 */

import { ownValue } from '../lookup/index.js';

export interface LegacySlug {
	/** Today's district slug(s), the one holding most of the old district first. */
	today: string[];
	/** One line for the reader. */
	why: string;
}

export const LEGACY_SLUGS: Readonly<Record<string, LegacySlug>> = {
	abbottabad: { today: ['abbotabad'], why: 'Abbottabad is spelt “Abbotabad” in the 2023 census roster.' },
	chaghi: { today: ['chagai'], why: 'Chaghi is spelt “Chagai” in the 2023 census roster.' },
	chitral: { today: ['upper-chitral', 'lower-chitral'], why: 'Chitral was split into Upper Chitral and Lower Chitral in 2018.' },
	kachhi: { today: ['kachhi-bolan'], why: 'Kachhi is “Kachhi (Bolan)” in the 2023 census roster.' },
	kohistan: {
		today: ['upper-kohistan', 'lower-kohistan', 'kolai-pallas-kohistan'],
		why: 'Kohistan was split into Upper Kohistan, Lower Kohistan and Kolai Pallas Kohistan (2014–2017).'
	},
	lehri: { today: ['sibi', 'kachhi-bolan'], why: 'Lehri is not a district in the 2023 census layout; its area lies in Sibi and Kachhi (Bolan).' },
	musakhail: { today: ['musa-khel'], why: 'Musakhail is spelt “Musa Khel” in the 2023 census roster.' },
	'tor-ghar': { today: ['torghar'], why: 'Tor Ghar is spelt “Torghar” in the 2023 census roster.' },
	'killa-abdullah': {
		today: ['killa-abdullah', 'chaman'],
		why: 'Chaman district was carved out of Killa Abdullah in 2021; links to Killa Abdullah now open the smaller district.'
	},
	loralai: { today: ['loralai', 'duki'], why: 'Duki district was carved out of Loralai in 2016; links to Loralai now open the smaller district.' },
	kalat: { today: ['kalat', 'surab'], why: 'Surab district was carved out of Kalat in 2017; links to Kalat now open the smaller district.' }
};

export interface ResolvedSlug {
	/** The district to open, or null when the slug means nothing in today's layout. */
	slug: string | null;
	/** Every district of today the old slug covers (the first is opened). */
	today: string[];
	/** A line for the reader when the link's district changed; null when nothing changed. */
	note: string | null;
}

/**
 * What a `?district=` slug opens today: itself, its renamed/split successor(s) with a note, or
 * nothing with a note (an unknown slug is explained, not silently dropped).
 */
export function resolveDistrictSlug(slug: string, known: ReadonlySet<string>): ResolvedSlug {
	const legacy = ownValue(LEGACY_SLUGS, slug);
	if (legacy) {
		const today = legacy.today.filter((s) => known.has(s));
		if (today.length) return { slug: today[0]!, today, note: legacy.why };
	}
	if (known.has(slug)) return { slug, today: [slug], note: null };
	return { slug: null, today: [], note: `The link names a district “${slug}”, which is not in the 2023 census layout of Khyber Pakhtunkhwa and Balochistan.` };
}
