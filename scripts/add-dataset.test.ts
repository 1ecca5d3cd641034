/** `npm run geodata -- --add` under a careless hand: a file that mostly fails, a build that fails. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAndBuild, addDataset, parseAddArgs } from './add-dataset.js';

const header = 'id,date_start,latitude,longitude,where_prec,side_a,best';
const csv = (good: number, bad: number) =>
	[
		header,
		...Array.from({ length: good }, (_, i) => `${i + 1},2023-01-0${1 + (i % 9)},34.01,71.58,1,TEST side,1`),
		...Array.from({ length: bad }, (_, i) => `${good + i + 1},2023-02-30,34.01,71.58,1,TEST side,1`)
	].join('\n') + '\n';
/** A sources folder with one dataset added earlier (it must survive a failed add). */
const sourcesWithOneAdded = () => {
	const dir = mkdtempSync(join(tmpdir(), 'sources-add-'));
	mkdirSync(join(dir, 'datasets'));
	writeFileSync(join(dir, 'datasets/earlier.csv'), 'TEST earlier dataset\n');
	writeFileSync(join(dir, 'datasets/index.json'), JSON.stringify({ datasets: [] }));
	return dir;
};
const fileOf = (text: string) => {
	const path = join(mkdtempSync(join(tmpdir(), 'add-')), 'export.csv');
	writeFileSync(path, text);
	return path;
};

describe('--add', () => {
	it('refuses, without --force, a file of which fewer than half the rows import', async () => {
		const dir = sourcesWithOneAdded();
		const before = readdirSync(join(dir, 'datasets')).sort();
		await expect(addDataset(dir, fileOf(csv(4, 6)), { name: 'TEST mostly bad' })).rejects.toThrow(
			/only 4 of 10 rows import \(6 rejected, listed above\); nothing was added\. If that is right, run it again with --force\./
		);
		expect(readdirSync(join(dir, 'datasets')).sort()).toEqual(before);
		await expect(addDataset(dir, fileOf(csv(4, 6)), { name: 'TEST mostly bad', force: true })).resolves.toMatchObject({ id: 'test-mostly-bad' });
		expect(parseAddArgs(['--add', 'x.csv', '--force'])!.opts.force).toBe(true);
	});
	it('puts the sources back as they were when the build fails', async () => {
		const dir = sourcesWithOneAdded();
		const listing = () =>
			readdirSync(join(dir, 'datasets'))
				.sort()
				.map((f) => [f, readFileSync(join(dir, 'datasets', f), 'utf8')]);
		const before = listing();
		const failing = () => Promise.reject(new Error('geodata: TEST build failure'));
		await expect(addAndBuild(dir, fileOf(csv(5, 0)), { name: 'TEST atomic' }, failing)).rejects.toThrow(
			'geodata: TEST build failure. The dataset was not added: sources/ is as it was; run npm run geodata to rebuild geodata/ from it.'
		);
		expect(listing()).toEqual(before);
		await expect(addAndBuild(dir, fileOf(csv(5, 0)), { name: 'TEST atomic' }, async () => {})).resolves.toMatchObject({ id: 'test-atomic' });
		expect(listing().map(([f]) => f)).toContain('test-atomic.csv');
	});
});
