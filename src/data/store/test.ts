import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listImported, listSites, loadImported, loadImportedColumns, loadRejections, removeImported, removeSite, saveImported, saveSites, StorageError } from './index.js';
import { toColumns } from '../../lib/columns/index.js';
import type { DatasetInfo, Incident } from '../../lib/incident/index.js';
import type { ImportReport } from '../../lib/importers/index.js';

// Test fixture rows (not real incidents).
const incident = (i: number): Incident => ({
	id: `t${i}`, date: '2023-01-01', datePrecision: 'day', lon: 71.5, lat: 34, placePrecision: 'exact', place: 'TEST FIXTURE', provinceRecorded: null,
	districtRecorded: null, eventType: null, subType: null, target: null, actor: null, killed: i % 3, wounded: null, suicide: null, summary: null, source: null
});
const info = (id: string): DatasetInfo => ({ id, name: `${id}.csv`, format: 'CSV', attribution: 'test', licence: 'test', dateRange: ['2023-01-01', '2023-01-01'] });
const report: ImportReport = { file: 'x.csv', format: 'CSV', rowsRead: 12_001, imported: 12_000, rejected: 1, byReason: { 'date: …': 1 }, coarse: 0, unlocated: 0, truncatedFields: 0, notes: [] };
const meta = (id: string) => ({ info: info(id), importReport: report, headers: ['id', 'date'], importedAt: new Date().toISOString() });
const rows = Array.from({ length: 12_000 }, (_, i) => incident(i));
const rejected = [{ row: 7, column: 'date', problem: 'not a date', cells: { id: 'x', date: 'soon' } }];

describe('imported datasets in IndexedDB', () => {
	it('stores, lists, reloads and removes a dataset, across chunks', async () => {
		await saveImported(meta('import-a'), rows, rejected);
		expect((await listImported()).map((d) => [d.info.id, d.incidentChunks])).toEqual([['import-a', 12]]);
		const back = await loadImported('import-a');
		expect(back.incidents).toEqual(rows);
		expect(back.report).toMatchObject({ rowsRead: 12_001, rowsWritten: 12_000 });
		expect(await loadRejections('import-a')).toEqual(rejected);
		// A refresh rewrites the dataset under its id: fewer rows leave no old chunk behind.
		await saveImported(meta('import-a'), rows.slice(0, 2500), []);
		expect((await listImported()).map((d) => d.incidentChunks)).toEqual([3]);
		expect((await loadImported('import-a')).incidents).toEqual(rows.slice(0, 2500));
		expect(await loadRejections('import-a')).toEqual([]);
		await removeImported('import-a');
		expect(await listImported()).toEqual([]);
		await expect(loadImported('import-a')).rejects.toThrow(StorageError);
	});
	it('keeps the typed columns beside the rows, reads them back alike, and removes them with the dataset', async () => {
		const columns = toColumns(rows);
		await saveImported(meta('import-c'), rows, rejected, columns);
		expect((await listImported())[0]).toMatchObject({ columns: true, incidentChunks: 12 });
		const back = await loadImportedColumns('import-c');
		expect(back).toEqual(columns);
		expect(back!.killed).toBeInstanceOf(Float64Array);
		// Rewritten without columns (as a dataset stored by an earlier version): none are read.
		await saveImported(meta('import-c'), rows.slice(0, 10), []);
		expect(await loadImportedColumns('import-c')).toBeNull();
		await saveImported(meta('import-c'), rows, [], columns);
		await removeImported('import-c');
		await expect(loadImportedColumns('import-c')).rejects.toThrow(/No imported dataset/);
		// Nothing of it is left in the chunk store either (the key range covers the columns record).
		const leftover = await new Promise<number>((resolve) => {
			const open = indexedDB.open('nw-pakistan-incident-map');
			open.onsuccess = () => {
				const count = open.result.transaction('chunks').objectStore('chunks').count();
				count.onsuccess = () => resolve(count.result);
			};
		});
		expect(leftover).toBe(0);
	});
	it('leaves nothing half-written when the quota runs out mid-write', async () => {
		const original = IDBObjectStore.prototype.put;
		let calls = 0;
		IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
			if (++calls === 3) throw new DOMException('quota', 'QuotaExceededError');
			return original.apply(this, args);
		};
		try {
			await expect(saveImported(meta('import-b'), rows, rejected)).rejects.toThrow(/Not enough browser storage to keep "import-b.csv". Nothing was saved./);
		} finally {
			IDBObjectStore.prototype.put = original;
		}
		expect(await listImported()).toEqual([]);
		await expect(loadImported('import-b')).rejects.toThrow(/No imported dataset/);
	});
});

describe('saved sites', () => {
	it('keeps, lists by name and removes sites', async () => {
		const now = new Date().toISOString();
		await saveSites([
			{ id: 's2', name: 'TEST clinic', lon: 71.5, lat: 34, note: '', savedAt: now },
			{ id: 's1', name: 'TEST office', lon: 67, lat: 30.2, note: 'fixture', savedAt: now }
		]);
		expect((await listSites()).map((s) => s.name)).toEqual(['TEST clinic', 'TEST office']);
		await removeSite('s2');
		expect((await listSites()).map((s) => s.id)).toEqual(['s1']);
	});
});
