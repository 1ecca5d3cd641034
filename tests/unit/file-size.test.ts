// One concept per module: no source file over 300 lines (issue #23). A file that grows past it has
// taken on a second concern; split it along that seam rather than raise the limit.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from './sources.js';

const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return e.name === 'fixtures' ? [] : sourceFiles(path);
		return /\.(ts|svelte|js)$/.test(e.name) ? [path] : [];
	});
}

describe('module size', () => {
	it(`no file under src/ is over ${MAX_LINES} lines`, () => {
		const files = sourceFiles(join(projectRoot, 'src'));
		expect(files.length).toBeGreaterThan(100);
		const long = files
			.map((f) => ({ file: relative(projectRoot, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
			.filter((f) => f.lines > MAX_LINES);
		expect(long).toEqual([]);
	});
});
