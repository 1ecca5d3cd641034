import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { shade } from './index.js';
import { classBreaks } from '../classify/index.js';
import { projectRoot } from '../../../tests/unit/sources.js';

describe('shade()', () => {
	it('dispatches on the mode', () => {
		const districts = [{ slug: 'a', name: 'A' }];
		const breaks = classBreaks([1], { method: 'natural', count: 1 });
		expect(shade({ mode: 'sequential', districts, values: [1], breaks, scheme: 'Reds', method: 'natural', unit: 'incidents', fractional: false }).mode).toBe(
			'sequential'
		);
		expect(shade({ mode: 'diverging', districts, change: [1], bounds: [1], compare: 'difference', unit: 'incidents', fractional: false }).mode).toBe(
			'diverging'
		);
		expect(
			shade({ mode: 'bivariate', districts, classes: [4], violence: [1], needs: [0.5], need: 'water', violenceBreaks: [0, 2], needBreaks: [0, 1] }).mode
		).toBe('bivariate');
	});
	it('is the only place a district’s colour is picked: no module outside src/lib/shading reads a palette or a class colour', () => {
		// What picks a mode's colours: the palette functions and the per-mode colour functions.
		const pickers =
			/\b(classColours|divergingColours|divergingColour|divergingClass|sequentialColour|bivariateColour|emergingColour)\s*\(|schemeRdBu|schemeYlOrRd|schemeOrRd/;
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) walk(path);
				else if (/\.(ts|svelte)$/.test(entry.name) && !path.includes(join('src', 'lib', 'shading')) && pickers.test(readFileSync(path, 'utf8')))
					offenders.push(relative(projectRoot, path));
			}
		};
		for (const dir of ['src', 'scripts', 'tests']) walk(join(projectRoot, dir));
		expect(offenders).toEqual([]);
	});
});
