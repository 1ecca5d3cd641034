import { describe, expect, it } from 'vitest';
import { coveredStep, histogramPaths, playSteps, stateRuns } from './strip.js';

describe('the time strip', () => {
	const states = ['covered', 'covered', 'not-covered', 'not-covered', 'covered', 'preliminary'];
	it('groups months into runs of one state', () => {
		expect(stateRuns(states)).toEqual([
			{ state: 'covered', from: 0, to: 1 },
			{ state: 'not-covered', from: 2, to: 3 },
			{ state: 'covered', from: 4, to: 4 },
			{ state: 'preliminary', from: 5, to: 5 }
		]);
		expect(stateRuns([])).toEqual([]);
	});
	it('draws a bar per counted month, none for a month without a count, split at the window', () => {
		const { on, off } = histogramPaths([4, null, 2, 0], 1, 2, 4);
		expect(off).toBe('M1 2h8V40h-8ZM31 38h8V40h-8Z');
		expect(on).toBe('M21 20h8V40h-8Z');
	});
	it('steps play over windows that touch a month not covered', () => {
		expect(coveredStep(states, 0, 2)).toBe(0);
		expect(coveredStep(states, 1, 2)).toBe(4);
		expect(coveredStep(states, 1, 1)).toBe(1);
		expect(coveredStep(states, 2, 1)).toBe(4);
		expect(coveredStep(states, 5, 2)).toBe(-1);
		expect(coveredStep(states, 0, 7)).toBe(-1);
	});
});

describe('playSteps', () => {
	it('lists every step play visits, one month on each time, stepping over steps that touch a gap', () => {
		const states = ['covered', 'covered', 'not-covered', 'covered', 'covered', 'covered'];
		expect(playSteps(states, 0, 1)).toEqual([0, 1, 3, 4, 5]);
		expect(playSteps(states, 0, 2)).toEqual([0, 3, 4]);
		expect(playSteps(states, 4, 3)).toEqual([]);
	});
});
