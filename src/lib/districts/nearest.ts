/**
 * The district a mistyped slug most likely meant (the 404 page's "did you mean"): the nearest of
 * today's slugs and the old slugs of the 2015 layout by edit distance (Levenshtein, from
 * fastest-levenshtein). Pure: a typed path segment and the slug lists in, one suggestion or none out.
 */
import { distance } from 'fastest-levenshtein';
import { slugify } from './index.js';

export interface SlugEntry {
	slug: string;
	name: string;
}

export interface SlugSuggestion extends SlugEntry {
	/** Edits (insertions, deletions, substitutions) between what was typed and the slug. */
	distance: number;
	/** An old slug's page says where the district went; it is offered as it was typed. */
	old: boolean;
}

/**
 * The most edits a suggestion may be away: a third of the typed slug, and at least two, so
 * "peshawr" finds Peshawar while "x" or "quetta-city-centre" finds nothing rather than noise.
 */
export const maxEdits = (typed: string) => Math.max(2, Math.floor(typed.length / 3));

/** Reads a path segment as a slug: percent-decoded where it decodes, then slugified as names are. */
export function typedSlug(segment: string): string {
	let text = segment;
	try {
		text = decodeURIComponent(segment);
	} catch {
		// A malformed escape ("%E0%A4%A") is compared as typed.
	}
	return slugify(text.replace(/_/g, '-'));
}

/**
 * The nearest slug to `segment` within maxEdits, today's districts before old slugs at equal
 * distance, then alphabetically (so the answer never depends on list order); null when none is near.
 */
export function nearestSlug(segment: string, districts: readonly SlugEntry[], oldSlugs: readonly string[]): SlugSuggestion | null {
	const typed = typedSlug(segment);
	if (!typed) return null;
	const current = new Set(districts.map((d) => d.slug));
	const candidates = [
		...districts.map((d) => ({ ...d, old: false })),
		...oldSlugs.filter((s) => !current.has(s)).map((slug) => ({ slug, name: nameOfSlug(slug), old: true }))
	];
	let best: SlugSuggestion | null = null;
	for (const c of candidates) {
		const d = distance(typed, c.slug);
		if (d > maxEdits(typed)) continue;
		if (!best || d < best.distance || (d === best.distance && rank(c) < rank(best))) best = { ...c, distance: d };
	}
	return best;
}

const rank = (c: { old: boolean; slug: string }) => `${c.old ? 1 : 0}${c.slug}`;

/** "dera-bugti" → "Dera Bugti": an old slug has no name in today's layout. */
const nameOfSlug = (slug: string) => slug.replace(/(^|-)([a-z])/g, (_, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`);
