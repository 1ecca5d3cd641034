import { describe, expect, it } from 'vitest';
import { emerging, emergingColour, NO_PATTERN_COLOUR } from './emerging.js';
import { emergingHotSpots } from '../emerging/index.js';

describe('emerging shading', () => {
	const districts = ['a', 'b', 'c', 'd', 'e'].map((slug) => ({ slug, name: slug.toUpperCase() }));
	const neighbours = [[1], [0, 2], [1, 3], [2, 4], [3]];
	const results = emergingHotSpots(
		[
			[1, 1, 1, 1, 1],
			[0, 0, 1, 2, 9],
			[0, 0, 1, 10, 12],
			[0, 0, 1, 10, 12]
		],
		neighbours
	);
	const s = emerging({ mode: 'emerging', districts, results, over: 'incidents, yearly steps 2018–2021 (4)', leftOut: '' });
	it('colours each district by its category, hot warm and cold cool, no pattern pale grey', () => {
		expect(s.colours.get('e')).toBe(emergingColour({ side: 'hot', pattern: 'consecutive' }));
		expect(s.colours.get('b')).toBe(emergingColour({ side: 'cold', pattern: 'consecutive' }));
		expect(s.colours.get('a')).toBe(NO_PATTERN_COLOUR);
		expect(new Set(s.colours.values()).size).toBe(3);
	});
	it('lists the categories found, hot first, with their counts, and says how they were found', () => {
		expect(s.legend.map((l) => [l.label, l.count])).toEqual([
			['consecutive hot spot', 1],
			['consecutive cold spot', 1],
			['no pattern', 3]
		]);
		expect(s.title).toBe('Emerging hot spots');
		expect(s.method).toBe(
			"Gi* per step of incidents, yearly steps 2018–2021 (4) (hot or cold at |z| ≥ 1.645), Mann–Kendall trend of each district's z (p ≤ 0.10)"
		);
		expect(s.describe('e')).toBe('E: consecutive hot spot (hot in the last 2 steps only, of 4)');
	});
	it('says when nothing could be computed, and which steps were left out', () => {
		const none = emerging({ mode: 'emerging', districts, results: null, over: 'incidents, yearly steps', leftOut: '2022–2025 not covered' });
		expect(none.noData).toEqual({ colour: NO_PATTERN_COLOUR, label: 'not computed: no covered step in the window', count: 5 });
		expect(none.method).toMatch(/; left out: 2022–2025 not covered$/);
		expect(none.describe('a')).toBe('A: not computed');
	});
});
