/**
 * Imported datasets in IndexedDB (via `idb`): each dataset is written in one transaction (its
 * description, incidents and rejected rows), so a failure — typically the storage quota — leaves
 * nothing half-written. Works in a page, a worker, and in Node tests with fake-indexeddb.
 *
 * A dataset's incidents are stored as a table (src/lib/table): its typed columns in one record
 * and its text columns in chunks of rows. Datasets stored by earlier versions hold incident
 * objects in chunks (`incidentChunks`, and for a while typed columns beside them); they are read
 * as they are.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DatasetInfo, Incident, IncidentDataset, NormaliseReport } from '../../lib/incident/index.js';
import type { ImportReport, RejectedRow } from '../../lib/importers/index.js';
import type { IncidentColumns } from '../../lib/columns/index.js';
import { incidentAt, sliceText, type IncidentTable, type TextColumns } from '../../lib/table/index.js';
import { upgradeColumns, upgradeIncident } from '../../lib/actors/index.js';
import type { PlaceKind } from '../../lib/place/index.js';

/**
 * Rows per stored chunk. Reading a chunk back deserialises it in one go on the reading thread;
 * at 1,000 rows that stays well under a frame's budget on the page (5,000 took up to 90 ms).
 */
const CHUNK = 1000;
const DB_NAME = 'nw-pakistan-incident-map';

export interface StoredDataset {
	info: DatasetInfo;
	importReport: ImportReport;
	/** Column names of the imported file (for the rejected-rows download). */
	headers: string[];
	/** Chunks of incident objects (datasets stored before the table layout; 0 after). */
	incidentChunks: number;
	rejectionChunks: number;
	/**
	 * True when the dataset's typed columns are stored (one record): the engine worker reads
	 * those, not a million incident objects. Datasets stored before this have none.
	 */
	columns?: boolean;
	/** Chunks of text columns: set for datasets stored as a table (typed columns + text). */
	textChunks?: number;
	/** ISO timestamp of the import. */
	importedAt: string;
}

type ChunkKind = 'incidents' | 'rejections' | 'columns' | 'text';

/** A place an NGO keeps an eye on (office, clinic, distribution point). */
export interface SavedSite {
	id: string;
	name: string;
	lon: number;
	lat: number;
	note: string;
	/** What the point is; absent on sites saved before kinds were kept. */
	kind?: PlaceKind | null;
	savedAt: string;
}

interface Schema extends DBSchema {
	datasets: { key: string; value: StoredDataset };
	sites: { key: string; value: SavedSite };
	chunks: {
		key: [string, ChunkKind, number];
		value: { rows: (Incident | RejectedRow)[] } | { columns: IncidentColumns } | { text: TextColumns };
	};
}

let dbPromise: Promise<IDBPDatabase<Schema>> | null = null;
function db() {
	dbPromise ??= openDB<Schema>(DB_NAME, 2, {
		upgrade(database, oldVersion) {
			if (oldVersion < 1) {
				database.createObjectStore('datasets', { keyPath: 'info.id' });
				database.createObjectStore('chunks');
			}
			if (oldVersion < 2) database.createObjectStore('sites', { keyPath: 'id' });
		}
	});
	return dbPromise;
}

/** A storage failure in words a user can act on. */
export class StorageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StorageError';
	}
}

function explain(err: unknown, what: string): StorageError {
	const name = (err as { name?: string })?.name ?? '';
	if (name === 'QuotaExceededError') {
		return new StorageError(`Not enough browser storage to keep ${what}. Nothing was saved. Remove other imported datasets, or import a smaller file.`);
	}
	return new StorageError(`Could not save ${what} in browser storage (${(err as Error)?.message ?? name}). Nothing was saved.`);
}

function chunks<T>(rows: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
	return out;
}

/** Every chunk of a dataset: array keys [id, …] sort between [id] and [id, []] (arrays sort after strings). */
const chunkRange = (id: string) => IDBKeyRange.bound([id], [id, []]);

export async function saveImported(
	meta: Omit<StoredDataset, 'incidentChunks' | 'rejectionChunks' | 'columns' | 'textChunks'>,
	{ columns, text }: IncidentTable,
	rejections: readonly RejectedRow[]
): Promise<void> {
	const database = await db();
	const textChunks: TextColumns[] = [];
	for (let from = 0; from < columns.length; from += CHUNK) textChunks.push(sliceText(text, from, Math.min(columns.length, from + CHUNK)));
	const rejectionChunks = chunks(rejections);
	const tx = database.transaction(['datasets', 'chunks'], 'readwrite');
	// Every request settles (rejected once the transaction aborts); mark each as handled at once so
	// only the first failure is reported.
	const pending: Promise<unknown>[] = [];
	const track = (p: Promise<unknown>) => {
		p.catch(() => {});
		pending.push(p);
	};
	track(tx.done);
	try {
		// A refresh rewrites a dataset under its id: its old chunks go in the same transaction.
		track(tx.objectStore('chunks').delete(chunkRange(meta.info.id)));
		track(
			tx.objectStore('datasets').put({ ...meta, incidentChunks: 0, rejectionChunks: rejectionChunks.length, columns: true, textChunks: textChunks.length })
		);
		track(tx.objectStore('chunks').put({ columns }, [meta.info.id, 'columns', 0]));
		textChunks.forEach((text, i) => track(tx.objectStore('chunks').put({ text }, [meta.info.id, 'text', i])));
		rejectionChunks.forEach((rows, i) => track(tx.objectStore('chunks').put({ rows }, [meta.info.id, 'rejections', i])));
		await Promise.all(pending);
	} catch (err) {
		try {
			tx.abort();
		} catch {
			/* already aborted: nothing of it was committed */
		}
		throw explain(err, `"${meta.info.name}"`);
	}
}

export async function listImported(): Promise<StoredDataset[]> {
	const all = await (await db()).getAll('datasets');
	return all.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/**
 * Reads the chunks one after another, not all at once: each chunk is deserialised in its own task
 * (a few ms for a 1,000-row chunk), where a burst of parallel reads was one long task on the page.
 */
async function readChunks<T>(id: string, kind: 'incidents' | 'rejections', count: number): Promise<T[]> {
	const rows: T[] = [];
	for (let i = 0; i < count; i++) for (const row of await readChunk<T>(id, kind, i)) rows.push(row);
	return rows;
}

/** One stored chunk's rows; a missing chunk is an incomplete dataset, said so. */
async function readChunk<T>(id: string, kind: 'incidents' | 'rejections', i: number): Promise<T[]> {
	const part = await (await db()).get('chunks', [id, kind, i]);
	if (!part || !('rows' in part)) throw incomplete(id, `chunk ${i} missing`);
	return part.rows as T[];
}

async function readTextChunk(id: string, i: number): Promise<TextColumns> {
	const part = await (await db()).get('chunks', [id, 'text', i]);
	if (!part || !('text' in part)) throw incomplete(id, `text chunk ${i} missing`);
	return part.text;
}

/** A stored dataset's record; a missing one is said so. */
async function readStored(id: string): Promise<StoredDataset> {
	const stored = await (await db()).get('datasets', id);
	if (!stored) throw new StorageError(`No imported dataset "${id}" in this browser's storage.`);
	return stored;
}

const incomplete = (id: string, what: string) =>
	new StorageError(`Imported dataset ${id} is incomplete in browser storage (${what}); remove it and import the file again.`);

/** The stored dataset's description and report in the bundled data's shape, without its rows. */
export async function loadImportedMeta(id: string): Promise<IncidentDataset & { stored: StoredDataset }> {
	const stored = await readStored(id);
	const r = stored.importReport;
	const report: NormaliseReport = {
		file: r.file,
		rowsRead: r.rowsRead,
		rowsWritten: r.imported,
		flagged: { 'no-coordinates': r.unlocated, 'province-level-location': r.coarse },
		notes: []
	};
	return { info: stored.info, incidents: [], report, stored };
}

/**
 * The stored dataset as the dashboard uses it, with its rows as incident objects. `columns`, when
 * the caller holds the dataset's typed columns already (the engine worker), saves reading them.
 */
export async function loadImported(id: string, columns?: IncidentColumns): Promise<IncidentDataset & { stored: StoredDataset }> {
	const meta = await loadImportedMeta(id);
	const { stored } = meta;
	if (stored.textChunks === undefined)
		return { ...meta, incidents: (await readChunks<Incident>(id, 'incidents', stored.incidentChunks)).map((inc) => upgradeIncident(stored.info, inc)) };
	const cols = columns ?? (await readColumns(stored));
	const incidents: Incident[] = [];
	for (let c = 0; c < stored.textChunks; c++) {
		const text = await readTextChunk(id, c);
		for (let k = 0; k < text.id.length; k++) incidents.push(incidentAt(cols, text, c * CHUNK + k, k));
	}
	if (incidents.length !== cols.length) throw incomplete(id, `${incidents.length} rows of text for ${cols.length} rows`);
	return { ...meta, incidents };
}

/** A dataset's stored typed columns, its actors re-read by today's rules (src/lib/actors). */
async function readColumns(stored: StoredDataset): Promise<IncidentColumns> {
	const id = stored.info.id;
	const part = await (await db()).get('chunks', [id, 'columns', 0]);
	if (!part || !('columns' in part)) throw incomplete(id, 'its columns are missing');
	return upgradeColumns(stored.info, part.columns);
}

/**
 * The stored typed columns of a dataset (one record, read in one go: typed arrays deserialise
 * without building objects), or null for a dataset stored without them.
 */
export async function loadImportedColumns(id: string): Promise<IncidentColumns | null> {
	const stored = await readStored(id);
	if (!stored.columns) return null;
	const columns = await readColumns(stored);
	// Columns from a build before `datePrecision` was one: read the rows instead.
	return columns.datePrecision ? columns : null;
}

/**
 * Some of a stored dataset's rows, by row number, in the order asked: only the chunks that hold
 * them are read (a district's first page of incidents, not the whole dataset). `columns` as for
 * `loadImported`.
 */
export async function loadImportedRows(id: string, rows: ArrayLike<number>, columns?: IncidentColumns): Promise<Incident[]> {
	const stored = await readStored(id);
	const table = stored.textChunks !== undefined;
	const cols = table ? (columns ?? (await readColumns(stored))) : null;
	const chunks = new Map<number, Incident[] | TextColumns>();
	const out: Incident[] = [];
	for (let k = 0; k < rows.length; k++) {
		const row = rows[k]!;
		const c = Math.floor(row / CHUNK);
		let part = chunks.get(c);
		if (!part) chunks.set(c, (part = table ? await readTextChunk(id, c) : await readChunk<Incident>(id, 'incidents', c)));
		out.push(Array.isArray(part) ? upgradeIncident(stored.info, part[row % CHUNK]!) : incidentAt(cols!, part, row, row % CHUNK));
	}
	return out;
}

export async function loadRejections(id: string): Promise<RejectedRow[]> {
	const stored = await (await db()).get('datasets', id);
	return stored ? readChunks<RejectedRow>(id, 'rejections', stored.rejectionChunks) : [];
}

export async function removeImported(id: string): Promise<void> {
	const database = await db();
	const tx = database.transaction(['datasets', 'chunks'], 'readwrite');
	await Promise.all([tx.objectStore('datasets').delete(id), tx.objectStore('chunks').delete(chunkRange(id)), tx.done]);
}

export async function listSites(): Promise<SavedSite[]> {
	// One collator, not localeCompare: each call of that builds one (20,000 sites: 0.3 s of sorting).
	const byName = new Intl.Collator('en').compare;
	return (await (await db()).getAll('sites')).sort((a, b) => byName(a.name, b.name));
}

export async function saveSites(sites: readonly SavedSite[]): Promise<void> {
	const tx = (await db()).transaction('sites', 'readwrite');
	try {
		// In batches, one transaction still (awaiting its own requests keeps it open): each put clones
		// its site on the page, and 20,000 at once were a 1.3 s task.
		for (let from = 0; from < sites.length; from += 500) await Promise.all(sites.slice(from, from + 500).map((s) => tx.store.put(s)));
		await tx.done;
	} catch (err) {
		throw explain(err, sites.length === 1 ? `site "${sites[0]!.name}"` : `${sites.length} sites`);
	}
}

export async function removeSite(id: string): Promise<void> {
	await (await db()).delete('sites', id);
}
