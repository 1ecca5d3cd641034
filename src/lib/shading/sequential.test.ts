import { describe, expect, it } from 'vitest';
import { classBreaks } from '../classify/index.js';
import { sequential, sequentialColour, sequentialLegend } from './sequential.js';
import { classColours, NO_DATA_COLOUR, ZERO_COLOUR } from './colours.js';

const districts = ['a', 'b', 'c', 'd', 'e', 'f'].map((slug) => ({ slug, name: slug.toUpperCase() }));
const values = [0, 1, 2, 10, 11, NaN];
const breaks = classBreaks(values, { method: 'natural', count: 2 });

describe('sequential shading of a metric', () => {
	it('gives zero its own grey-blue, no figure mid grey, and each class its colour, palest lowest', () => {
		const s = sequential({
			mode: 'sequential',
			districts,
			values,
			breaks,
			scheme: 'YlOrRd',
			method: 'natural',
			unit: 'incidents per 1,000 km²',
			fractional: true
		});
		const [low, high] = classColours(2, 'YlOrRd');
		expect([...s.colours.values()]).toEqual([ZERO_COLOUR, low, low, high, high, NO_DATA_COLOUR]);
		expect(s.values).toEqual([0, 1, 2, 10, 11, null]);
		expect(s.title).toBe('Incidents per 1,000 km²');
		expect(s.method).toBe('Natural breaks (ckmeans)');
		expect(s.describe('d')).toBe('D: 10.00 incidents per 1,000 km²');
		expect(s.describe('f')).toBe('F: no census figure');
		expect(s.noData).toBeNull();
	});
	it('lists the classes highest first and zero last, each with its count', () => {
		expect(sequentialLegend(breaks, 'YlOrRd', String).map((l) => [l.label, l.count])).toEqual([
			['10 – 11', 2],
			['1 – 2', 2],
			['0 (none recorded)', 1]
		]);
		expect(sequentialColour(NaN, breaks)).toBe(NO_DATA_COLOUR);
	});
});

describe('sequential shading while playing', () => {
	const districts = [{ slug: 'a', name: 'A' }];
	const base = {
		mode: 'sequential' as const,
		districts,
		values: [1],
		scheme: 'YlOrRd' as const,
		method: 'natural' as const,
		unit: 'incidents',
		fractional: false
	};
	it('says when the classes are fixed over the play, and when they follow each frame', () => {
		const breaks = classBreaks([1], { method: 'natural', count: 1 });
		expect(sequential({ ...base, breaks, heldOver: 'Jan 2008 – Dec 2008' }).method).toBe('Natural breaks (ckmeans); classes fixed over Jan 2008 – Dec 2008');
		expect(sequential({ ...base, breaks, heldOver: null }).method).toBe(
			'Natural breaks (ckmeans); classes follow each frame (no covered step to fix them over)'
		);
		expect(sequential({ ...base, breaks }).method).toBe('Natural breaks (ckmeans)');
	});
});
