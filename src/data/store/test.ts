import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
	listImported,
	listSites,
	loadImported,
	loadImportedColumns,
	loadImportedRows,
	loadRejections,
	removeImported,
	removeSite,
	saveImported,
	saveSites,
	StorageError
} from './index.js';
import { toColumns } from '../../lib/columns/index.js';
import { toTable } from '../../lib/table/index.js';
import type { DatasetInfo, Incident } from '../../lib/incident/index.js';
import type { ImportReport } from '../../lib/importers/index.js';

// Test fixture rows (not real incidents).
const incident = (i: number): Incident => ({
	id: `t${i}`,
	date: `2023-01-${String(1 + (i % 28)).padStart(2, '0')}`,
	datePrecision: i % 5 ? 'day' : 'month',
	lon: i % 7 ? 71.5 : null,
	lat: i % 7 ? 34 : null,
	placePrecision: i % 7 ? 'exact' : 'unknown',
	place: i % 2 ? 'TEST FIXTURE' : null,
	provinceRecorded: null,
	districtRecorded: i % 3 ? null : `TEST district ${i % 4}`,
	eventType: i % 4 ? 'TEST type' : null,
	subType: null,
	target: null,
	actor: i % 6 ? `TEST actor ${i % 6}` : null,
	actor2: i % 4 ? `TEST actor ${i % 4}` : null,
	killed: i % 9 ? i % 3 : null,
	wounded: null,
	suicide: i % 3 === 0 ? null : i % 3 === 1,
	summary: null,
	source: i % 10 ? null : `TEST source ${i}`
});
const info = (id: string): DatasetInfo => ({
	id,
	name: `${id}.csv`,
	format: 'CSV',
	attribution: 'test',
	licence: 'test',
	dateRange: ['2023-01-01', '2023-01-01']
});
const report: ImportReport = {
	file: 'x.csv',
	format: 'CSV',
	rowsRead: 12_001,
	linesRead: 12_001,
	linesRejected: 1,
	imported: 12_000,
	rejected: 1,
	byReason: { 'date: …': 1 },
	coarse: 0,
	unlocated: 0,
	truncatedFields: 0,
	hxlRows: 0,
	notes: []
};
const meta = (id: string) => ({ info: info(id), importReport: report, headers: ['id', 'date'], importedAt: new Date().toISOString() });
const rows = Array.from({ length: 12_000 }, (_, i) => incident(i));
const rejected = [{ row: 7, column: 'date', problem: 'not a date', cells: { id: 'x', date: 'soon' } }];

describe('imported datasets in IndexedDB', () => {
	it('stores, lists, reloads and removes a dataset, across chunks', async () => {
		await saveImported(meta('import-a'), toTable(rows), rejected);
		expect((await listImported()).map((d) => [d.info.id, d.textChunks])).toEqual([['import-a', 12]]);
		const back = await loadImported('import-a');
		expect(back.incidents).toEqual(rows);
		expect(back.report).toMatchObject({ rowsRead: 12_001, rowsWritten: 12_000 });
		expect(await loadRejections('import-a')).toEqual(rejected);
		// Some rows by number, from the chunks that hold them, in the order asked.
		const some = [11_999, 0, 4321, 1000, 999];
		expect(await loadImportedRows('import-a', some)).toEqual(some.map((i) => rows[i]));
		// A refresh rewrites the dataset under its id: fewer rows leave no old chunk behind.
		await saveImported(meta('import-a'), toTable(rows.slice(0, 2500)), []);
		expect((await listImported()).map((d) => d.textChunks)).toEqual([3]);
		expect((await loadImported('import-a')).incidents).toEqual(rows.slice(0, 2500));
		expect(await loadRejections('import-a')).toEqual([]);
		await removeImported('import-a');
		expect(await listImported()).toEqual([]);
		await expect(loadImported('import-a')).rejects.toThrow(StorageError);
	});
	it('keeps the typed columns as one record, reads them back alike, and removes them with the dataset', async () => {
		const table = toTable(rows);
		await saveImported(meta('import-c'), table, rejected);
		expect((await listImported())[0]).toMatchObject({ columns: true, incidentChunks: 0, textChunks: 12 });
		const back = await loadImportedColumns('import-c');
		expect(back).toEqual(toColumns(rows));
		expect(back!.killed).toBeInstanceOf(Float64Array);
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
	it('reads datasets stored by earlier versions: incident objects in chunks, with or without typed columns', async () => {
		const columns = toColumns(rows);
		await writeEarlierDataset('import-d', rows, columns);
		await writeEarlierDataset('import-e', rows.slice(0, 10));
		expect((await loadImported('import-d')).incidents).toEqual(rows);
		expect(await loadImportedColumns('import-d')).toEqual(columns);
		expect(await loadImportedRows('import-d', [5000, 3])).toEqual([rows[5000], rows[3]]);
		expect(await loadImportedColumns('import-e')).toBeNull();
		expect((await loadImported('import-e')).incidents).toEqual(rows.slice(0, 10));
		await removeImported('import-d');
		await removeImported('import-e');
	});
	it('leaves nothing half-written when the quota runs out mid-write', async () => {
		const original = IDBObjectStore.prototype.put;
		let calls = 0;
		IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
			if (++calls === 3) throw new DOMException('quota', 'QuotaExceededError');
			return original.apply(this, args);
		};
		try {
			await expect(saveImported(meta('import-b'), toTable(rows), rejected)).rejects.toThrow(
				/Not enough browser storage to keep "import-b.csv". Nothing was saved./
			);
		} finally {
			IDBObjectStore.prototype.put = original;
		}
		expect(await listImported()).toEqual([]);
		await expect(loadImported('import-b')).rejects.toThrow(/No imported dataset/);
	});
});

/** A dataset as versions before the table layout stored it (raw IndexedDB): incident objects in 1,000-row chunks. */
function writeEarlierDataset(id: string, incidents: Incident[], columns?: ReturnType<typeof toColumns>): Promise<void> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open('nw-pakistan-incident-map');
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const tx = db.transaction(['datasets', 'chunks'], 'readwrite');
			const chunks = Math.ceil(incidents.length / 1000);
			tx.objectStore('datasets').put({ ...meta(id), incidentChunks: chunks, rejectionChunks: 0, ...(columns ? { columns: true } : {}) });
			for (let c = 0; c < chunks; c++) tx.objectStore('chunks').put({ rows: incidents.slice(c * 1000, (c + 1) * 1000) }, [id, 'incidents', c]);
			if (columns) tx.objectStore('chunks').put({ columns }, [id, 'columns', 0]);
			tx.oncomplete = () => (db.close(), resolve());
			tx.onerror = () => reject(tx.error);
		};
	});
}

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
