import { describe, expect, it } from 'vitest';
import { mappedWords } from './mapped.js';

const plain = { unit: 'incidents per 1,000 km²', difference: false, compare: null, need: null, emerging: null };

describe('mappedWords', () => {
	it('a plain map shows and ranks by its unit', () => {
		expect(mappedWords(plain)).toEqual({ shadedBy: 'incidents per 1,000 km²', rankedBy: 'incidents per 1,000 km²' });
	});
	it('hazard × need is named as such, and ranks by its hazard axis, never by the per-km² rate', () => {
		expect(mappedWords({ ...plain, need: 'households without a toilet' })).toEqual({
			shadedBy: 'hazard × need: incidents per 100,000 people × households without a toilet',
			rankedBy: 'incidents per 100,000 people'
		});
	});
	it('periods compared and sources compared name the change', () => {
		expect(mappedWords({ ...plain, compare: 'percent' }).shadedBy).toBe('change in incidents per 1,000 km² (%)');
		expect(mappedWords({ ...plain, compare: 'difference' }).rankedBy).toBe('change in incidents per 1,000 km² (B − A)');
		expect(mappedWords({ ...plain, difference: true, compare: 'percent', need: 'x' }).shadedBy).toBe('difference in incidents between two sources (B − A)');
	});
	it('emerging hot spots are what the map shows; the table still ranks by the metric', () => {
		expect(mappedWords({ ...plain, emerging: 'incidents' })).toEqual({ shadedBy: 'emerging hot spots of incidents', rankedBy: 'incidents per 1,000 km²' });
	});
});
