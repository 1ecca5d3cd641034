import { describe, expect, it } from 'vitest';
import { maxEdits, nearestSlug, typedSlug } from './nearest.js';

const districts = [
	{ slug: 'peshawar', name: 'Peshawar' },
	{ slug: 'dera-ismail-khan', name: 'Dera Ismail Khan' },
	{ slug: 'dera-bugti', name: 'Dera Bugti' },
	{ slug: 'kech', name: 'Kech' },
	{ slug: 'upper-kohistan', name: 'Upper Kohistan' },
	{ slug: 'abbotabad', name: 'Abbotabad' }
];
const oldSlugs = ['kohistan', 'abbottabad'];

describe('nearestSlug', () => {
	it('finds the district one or two edits away', () => {
		expect(nearestSlug('peshawr', districts, oldSlugs)).toEqual({ slug: 'peshawar', name: 'Peshawar', distance: 1, old: false });
		expect(nearestSlug('dera-ismael-khan', districts, oldSlugs)?.slug).toBe('dera-ismail-khan');
		expect(nearestSlug('dera-bugi', districts, oldSlugs)?.slug).toBe('dera-bugti');
	});
	it('reads the segment as a slug: case, spaces, underscores and percent escapes', () => {
		expect(nearestSlug('Dera%20Ismail%20Kan', districts, oldSlugs)?.slug).toBe('dera-ismail-khan');
		expect(nearestSlug('PESHAWAR_', districts, oldSlugs)).toMatchObject({ slug: 'peshawar', distance: 0 });
		expect(typedSlug('%E0%A4%A')).toBe('e0-a4-a'); // malformed escape: compared as typed
	});
	it('offers an old slug under its own name, today’s district first at equal distance', () => {
		expect(nearestSlug('kohistn', districts, oldSlugs)).toEqual({ slug: 'kohistan', name: 'Kohistan', distance: 1, old: true });
		// "abbotabad" (today) and "abbottabad" (old) are both one edit from "abbotabbad".
		expect(nearestSlug('abbotabbad', districts, oldSlugs)).toMatchObject({ slug: 'abbotabad', old: false });
		expect(nearestSlug('abbotabbad', [...districts].reverse(), [...oldSlugs].reverse())).toMatchObject({ slug: 'abbotabad' });
	});
	it('suggests nothing when nothing is near, rather than noise', () => {
		expect(nearestSlug('lahore', districts, oldSlugs)).toBeNull();
		expect(nearestSlug('x', districts, oldSlugs)).toBeNull();
		expect(nearestSlug('', districts, oldSlugs)).toBeNull();
		expect(nearestSlug('---', districts, oldSlugs)).toBeNull();
	});
	it('allows a third of the typed length in edits, and at least two', () => {
		expect([maxEdits('kech'), maxEdits('peshawar'), maxEdits('dera-ismail-khan')]).toEqual([2, 2, 5]);
		expect(nearestSlug('kxxh', districts, oldSlugs)?.slug).toBe('kech');
		expect(nearestSlug('kxxx', districts, oldSlugs)).toBeNull();
	});
});
