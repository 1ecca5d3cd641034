import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { toTable } from '../table/index.js';
import { toColumns } from '../columns/index.js';
import { committedDataset, committedManifest, projectRoot, readJson } from '../../../tests/unit/sources.js';
import { bundledDataset, decodeTable, encodeTable, partsFor, type BundledFile } from './index.js';
import type { Incident } from '../incident/index.js';

const geodata = join(projectRoot, 'geodata');

describe('bundled files as columns', () => {
	it('give back every row exactly (unknown stays null, every text and release kept)', () => {
		for (const { id } of committedManifest().datasets) {
			const { incidents } = committedDataset(id);
			const round = bundledDataset(
				{
					...committedManifest().datasets.find((d) => d.id === id)!,
					parts: [{ file: 'x', releases: [], source: 'x', rowsRead: incidents.length, rows: incidents.length, rejected: 0, replaced: 0, hxlRows: 0 }]
				},
				[
					{
						part: { file: 'x', releases: [], source: 'x', rowsRead: incidents.length, rows: incidents.length, rejected: 0, replaced: 0, hxlRows: 0 },
						file: JSON.parse(
							JSON.stringify({ report: { file: 'x', rowsRead: 0, rowsWritten: 0, flagged: {}, notes: [] }, table: encodeTable(toTable(incidents)) })
						) as BundledFile
					}
				]
			);
			expect(round.incidents, id).toEqual(incidents);
		}
	});
	it('keep unknown casualties unknown, never 0', () => {
		const { incidents } = committedDataset('gtd-2008');
		const unknown = incidents.filter((i) => i.killed === null).length;
		expect(unknown).toBeGreaterThan(0);
		const file = readJson<BundledFile>(join(geodata, 'incidents/gtd-2008.json'));
		expect(file.table.columns.killed.filter((k) => k === null)).toHaveLength(unknown);
	});
	it('are smaller than the same rows as objects', () => {
		const { incidents } = committedDataset('ucdp');
		const asColumns = readFileSync(join(geodata, 'incidents/ucdp-ged-22-1.json'));
		const asObjects = Buffer.from(JSON.stringify(incidents.filter((i) => i.release === 'UCDP GED 22.1')));
		expect(asColumns.length).toBeLessThan(asObjects.length * 0.8);
		expect(gzipSync(asColumns).length).toBeLessThan(gzipSync(asObjects).length);
	});
	it('say which field of which file is wrong', () => {
		const file = readJson<BundledFile>(join(geodata, 'incidents/ucdp-candidate-26-0-1.json'));
		const broken = { ...file.table, columns: { ...file.table.columns, killed: file.table.columns.killed.slice(1) } };
		expect(() => decodeTable(broken, 'geodata/x.json')).toThrow('geodata/x.json: column killed has 86 values for 87 rows');
		expect(() => decodeTable({ ...file.table, text: { ...file.table.text, source: [] } }, 'geodata/x.json')).toThrow(/text field source has 0 values/);
	});
});

describe('a series loaded by the releases a window needs', () => {
	const entry = committedManifest().datasets[0]!;
	const files = entry.parts.map((part) => ({ part, file: readJson<BundledFile>(join(geodata, part.file)) }));
	it('needs only the candidate release for January 2026, and both for all dates', () => {
		expect(partsFor(entry, ['2026-01', '2026-01']).flatMap((p) => p.releases)).toEqual(['candidate-26.0.1']);
		expect(partsFor(entry, ['2010-01', '2010-12']).flatMap((p) => p.releases)).toEqual(['ged-22.1']);
		expect(partsFor(entry, null).flatMap((p) => p.releases)).toEqual(['ged-22.1', 'candidate-26.0.1']);
		// A window wholly in the gap needs no release at all.
		expect(partsFor(entry, ['2023-01', '2023-12'])).toEqual([]);
	});
	it('names the releases not loaded, and adds up the accounting of those that are', () => {
		const newest = bundledDataset(entry, files.slice(1));
		expect(newest.unloaded).toEqual(['ged-22.1']);
		expect([newest.incidents.length, newest.report.rowsRead, newest.report.rowsWritten]).toEqual([87, 87, 87]);
		const all = bundledDataset(entry, files);
		expect(all.unloaded).toBeUndefined();
		expect([all.incidents.length, all.report.rowsRead, all.report.hxlRows]).toEqual([6503, 6503, 1]);
		expect(all.incidents.map((i: Incident) => i.date).sort()[0]).toBe('1989-01-25');
	});
	it('hands the engine the columns one builder makes of all the rows (what it would build from them)', () => {
		const all = bundledDataset(entry, files);
		expect(all.columns).toEqual(toColumns(all.incidents));
	});
});
