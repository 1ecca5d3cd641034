import { describe, expect, it } from 'vitest';
import { bivariate, bivariateLegend } from './bivariate.js';
import { BIVARIATE_COLOURS, NO_DATA_COLOUR } from './colours.js';

const districts = ['a', 'b', 'c'].map((slug) => ({ slug, name: slug.toUpperCase() }));

describe('hazard × need shading', () => {
	const s = bivariate({
		mode: 'bivariate',
		districts,
		classes: [8, 0, null],
		violence: [30, 1, 5],
		needs: [0.8, 0.1, NaN],
		need: 'toilet',
		violenceBreaks: [2, 10],
		needBreaks: [0.2, 0.5]
	});
	it('colours each district by its 3 × 3 class, and one without a census figure mid grey', () => {
		expect([...s.colours.values()]).toEqual([BIVARIATE_COLOURS[8], BIVARIATE_COLOURS[0], NO_DATA_COLOUR]);
		expect(s.noData).toEqual({ colour: NO_DATA_COLOUR, label: 'no census figure', count: 1 });
		expect(s.values).toEqual([30, 1, null]);
	});
	it('says each district in words, and the classes’ ranges in the method', () => {
		expect(s.describe('a')).toBe('A: high violence, high need (30.00 incidents per 100,000 people; 80.0 % households without a toilet)');
		expect(s.describe('c')).toBe('C: no census figure');
		expect(s.title).toBe('Hazard × need: incidents per 100,000 people × households without a toilet');
		expect(s.method).toMatch(/^Thirds of the districts\. Violence per 100,000 people: low /);
	});
	it('lists "high violence, high need" first, with the districts in each class', () => {
		const legend = bivariateLegend([8, 8, 0, null]);
		expect(legend[0]).toMatchObject({ key: 'b8', label: 'high violence, high need', count: 2 });
		expect(legend.at(-1)).toMatchObject({ key: 'b0', count: 1 });
	});
});
