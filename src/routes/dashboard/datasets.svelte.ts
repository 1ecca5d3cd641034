/**
 * The datasets of the dashboard: the bundled ones (geodata/manifest.json) and those imported into
 * this browser (IndexedDB), which one the view names and the releases of a bundled series its
 * windows need (GED 22.1 is fetched when a window first reaches 1989–2021), and the import,
 * refresh and remove of stored ones. The only owner of the dataset being shown (`requested`).
 */
import { untrack } from 'svelte';
import type { IncidentDataset, ReleaseInfo } from '$lib/incident/index.js';
import { defaultView, viewWindows, type MonthRange, type ViewState } from '$lib/viewstate/index.js';
import { spanWords } from '$lib/coverage/index.js';
import { bundledDefaultWindow, loadBundledDataset, type Manifest } from '../../data/bundled.js';
import { Hosted } from './hosted.js';
import { listImported, loadImportedMeta, loadRejections, removeImported, type StoredDataset } from '../../data/store/index.js';

export const isImported = (id: string) => id.startsWith('import-');
/** Rows in a dataset: an import's are counted in its report (its rows may not be loaded). */
export const rowCount = (ds: IncidentDataset) => (isImported(ds.info.id) ? ds.report.rowsWritten : ds.incidents.length);

/** What the datasets read of the page: the view, where to say a failure, and how to show another dataset. */
export interface DatasetsHost {
	readonly manifest: Manifest;
	/** The dataset the page was loaded with. */
	readonly initial: IncidentDataset;
	readonly view: ViewState;
	fail(message: string | null): void;
}

/** How long a removed import can be brought back. */
export const REMOVE_UNDO_MS = 8_000;

export class Datasets extends Hosted<DatasetsHost> {
	// Datasets are replaced whole, never mutated: $state.raw keeps Svelte from wrapping every
	// incident in a reactive proxy (which made reading 200,000 rows take seconds).
	private stored = $state.raw<StoredDataset[]>([]);
	/** Imports being removed: listed nowhere, deleted once their undo has passed (REMOVE_UNDO_MS). */
	removing = $state<{ id: string; name: string }[]>([]);
	private removeTimers = new Map<string, ReturnType<typeof setTimeout>>();
	/** This browser's imports, those being removed aside. */
	imported = $derived(this.stored.filter((d) => !this.removing.some((r) => r.id === d.info.id)));
	/** The dataset the view names, as loaded (its join follows, src/routes/dashboard/engine). */
	requested = $state.raw<IncidentDataset>() as IncidentDataset;
	loading = $state(false);
	/** The releases of a series being fetched for the view's window, in words (for the status line). */
	loadingParts = $state<string | null>(null);
	/** Bundled datasets first, then this browser's imports. */
	list = $derived([...this.host.manifest.datasets, ...this.imported.map((d) => d.info)]);

	constructor(host: DatasetsHost) {
		super(host);
		const { manifest } = host;
		this.requested = host.initial;
		this.refreshImported();
		// The dataset the view names: bundled (fetched) or imported (from IndexedDB); for a bundled
		// series, the releases its windows need.
		$effect(() => {
			const id = host.view.dataset;
			const windows = viewWindows(host.view);
			const current = untrack(() => this.requested);
			const missing = id === current.info.id ? this.missingReleases(current, windows) : [];
			if (id === current.info.id && missing.length === 0) return;
			this.loading = true;
			host.fail(null);
			const said = missing.length ? this.sayLoading(this.partsNote(missing)) : () => {};
			// Only the latest load counts: a dataset switched again, or its window, before the first arrived.
			let latest = true;
			// An import's rows stay in storage: the engine worker reads them (src/routes/dashboard/engine).
			(isImported(id) ? loadImportedMeta(id) : loadBundledDataset(fetch, manifest, id, this.partsWanted(id, windows)))
				.then((ds) => latest && (this.requested = ds))
				.catch((err: Error) => {
					if (!latest) return;
					host.fail(`${err.message} Showing ${untrack(() => this.requested.info.name)} instead.`);
					host.view.dataset = untrack(() => this.requested.info.id);
				})
				.finally(() => latest && ((this.loading = false), said()));
			return () => ((latest = false), (this.loading = false), said());
		});
	}

	/** The window a dataset opens on: a bundled series on its newest release (January 2026), anything else on all of it. */
	defaultWindowOf = (id: string) => (isImported(id) ? null : bundledDefaultWindow(this.host.manifest, id));
	defaultsOf = (id: string) => defaultView(id, this.defaultWindowOf(id));

	/** Releases of a bundled series that windows need and the dataset does not hold yet. */
	missingReleases(ds: IncidentDataset, windows: (MonthRange | null)[]): ReleaseInfo[] {
		if (!ds.unloaded?.length || isImported(ds.info.id)) return [];
		const wanted = this.partsWanted(ds.info.id, windows);
		return (ds.info.releases ?? []).filter(
			(r) => ds.unloaded!.includes(r.id) && wanted.some((w) => w === null || (r.months[0] <= w[1] && r.months[1] >= w[0]))
		);
	}

	/** The windows to load a bundled dataset for: the view's, and every window of the parts already loaded (they stay). */
	private partsWanted(id: string, windows: (MonthRange | null)[]): (MonthRange | null)[] {
		const current = untrack(() => this.requested);
		if (current?.info.id !== id) return windows;
		const entry = this.host.manifest.datasets.find((d) => d.id === id);
		const held = (entry?.releases ?? []).filter((r) => !current.unloaded?.includes(r.id)).map((r) => r.months);
		return [...windows, ...held];
	}

	/**
	 * The releases `window` needs, when the dataset on screen lacks some (onwindow): fetched, then
	 * `beforeShow` (which makes the window wait for its figures) and the dataset with them shown.
	 * False when nothing is missing (the window can change at once).
	 */
	loadForWindow(window: MonthRange | null, beforeShow: () => void): boolean {
		const ds = this.requested;
		const missing = this.missingReleases(ds, [window]);
		if (missing.length === 0 || this.loading) return false;
		this.loading = true;
		this.host.fail(null);
		const said = this.sayLoading(this.partsNote(missing));
		loadBundledDataset(fetch, this.host.manifest, ds.info.id, this.partsWanted(ds.info.id, [window]))
			.then((next) => {
				if (this.host.view.dataset !== ds.info.id) return;
				beforeShow();
				this.requested = next;
			})
			.catch((err: Error) => this.host.fail(`${err.message} The window was not changed.`))
			.finally(() => ((this.loading = false), said()));
		return true;
	}

	/** Every release of a bundled dataset (a fill needs the whole series). */
	loadWhole = (id: string) => loadBundledDataset(fetch, this.host.manifest, id, [null]);

	/**
	 * Says what is being fetched, if it takes longer than a moment: a status that came and went in a
	 * quarter of a second cost frames (each drawn in full in software here) and told nobody anything.
	 * Returns what ends it.
	 */
	private sayLoading(note: string): () => void {
		const timer = setTimeout(() => (this.loadingParts = note), 250);
		return () => (clearTimeout(timer), (this.loadingParts = null));
	}

	/** "UCDP GED 22.1 (6,416 events, Jan 1989 – Dec 2021)": the releases being fetched, for the status line. */
	private partsNote = (releases: ReleaseInfo[]) =>
		releases.map((r) => `${r.name} (${r.rows.toLocaleString('en-GB')} events, ${spanWords(r.months)})`).join(', ');

	// ---- this browser's imports ----
	private refreshImported = () =>
		listImported()
			.then((list) => (this.stored = list))
			.catch((err: Error) => this.host.fail(`Browser storage is not available: ${err.message}`));
	onimported = (info: { id: string }) => {
		this.refreshImported();
		this.host.view.dataset = info.id;
	};
	/** A refresh rewrote a fetched dataset under its id: list it again, and reload it if it is on screen. */
	onrefreshed = (info: { id: string }) => {
		this.refreshImported();
		if (this.host.view.dataset !== info.id) return;
		loadImportedMeta(info.id)
			.then((ds) => (this.requested = ds))
			.catch((err: Error) => this.host.fail(err.message));
	};
	/**
	 * Removes an import after REMOVE_UNDO_MS, with an undo until then: it leaves the lists at once,
	 * and is deleted from storage only when the time has passed (or the page is closed).
	 */
	onremove = (id: string) => {
		const d = this.stored.find((x) => x.info.id === id);
		if (!d || this.removeTimers.has(id)) return;
		this.removing.push({ id, name: d.info.name });
		if (this.host.view.dataset === id) this.host.view.dataset = this.host.manifest.datasets[0]!.id;
		this.removeTimers.set(
			id,
			setTimeout(() => void this.commitRemove(id), REMOVE_UNDO_MS)
		);
		if (this.removeTimers.size === 1) addEventListener('pagehide', this.commitAll);
	};
	undoRemove = (id: string) => {
		clearTimeout(this.removeTimers.get(id));
		this.removeTimers.delete(id);
		this.removing = this.removing.filter((r) => r.id !== id);
	};
	private commitAll = () => void [...this.removeTimers.keys()].forEach(this.commitRemove);
	private commitRemove = async (id: string) => {
		if (!this.removeTimers.delete(id)) return;
		if (this.removeTimers.size === 0) removeEventListener('pagehide', this.commitAll);
		try {
			await removeImported(id);
		} catch (err) {
			this.host.fail((err as Error).message);
		}
		await this.refreshImported();
		this.removing = this.removing.filter((r) => r.id !== id);
	};
	/** An import's rejected rows, for the download (read from storage). */
	rejections = (id: string) => loadRejections(id);
}
