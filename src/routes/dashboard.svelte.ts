/**
 * The analyst view's state, owned by the page: the view (mirrored in the URL), the dataset on
 * screen (bundled or imported), its join and aggregation in the engine worker, and everything the
 * map, legend, ranking table and district panel show, derived from them. The analytic work is in
 * src/lib; this class keeps the choices and wires them up, so the page only lays out components.
 */
import { onDestroy, untrack } from 'svelte';
import { afterNavigate, pushState, replaceState } from '$app/navigation';
import type { Camera } from '../components/IncidentMap.svelte';
import type { RankingRow } from '../components/RankingTable.svelte';
import { districtMetrics, emptyAggregation, metricTotal, metricValue, type Aggregation } from '$lib/aggregate/index.js';
import { classOf } from '$lib/classify/index.js';
import { copyColumns, emptyColumns, toColumns, type IncidentColumns } from '$lib/columns/index.js';
import { comparePeriods, divergingBounds } from '$lib/compare/index.js';
import { resolveDistrictSlug } from '$lib/districts/legacy.js';
import { districtsCsv, EXPORT_TYPE, exportIncidents, type IncidentExport } from '$lib/export/index.js';
import { formatMetric, metricUnit } from '$lib/format/index.js';
import { BOUNDARY_CREDIT, type BaseMap, type CensusFile } from '$lib/geodata/index.js';
import { getisOrdGiStar, hotspotClass, queenNeighbours } from '$lib/hotspot/index.js';
import type { Incident, IncidentDataset, ReleaseInfo } from '$lib/incident/index.js';
import { districtAt } from '$lib/risk/index.js';
import {
	decodeView,
	defaultView,
	describeFilters,
	encodeView,
	shadingKey,
	viewFilter,
	viewWindows,
	type MonthRange,
	type ViewState
} from '$lib/viewstate/index.js';
import { bivariateClasses, bivariateCsv, classWords, highOnBoth, NEED_INDICATORS, NEEDS, type BivariateRow } from '$lib/bivariate/index.js';
import { shade } from '$lib/shading/index.js';
import { bundledDefaultWindow, loadBundledDataset, type Manifest } from '../data/bundled.js';
import type { DecodedDataset } from '$lib/bundle/index.js';
import { codebookOf, rolesOf, notRecorded } from '$lib/actors/index.js';
import { coverageNote, gapRefusal, onTimeline, periodLabel, preliminaryNote, spanWords, timelineOf } from '$lib/coverage/index.js';
import { createEngine } from '../data/engine.js';
import { download } from '../data/download.js';
import { fetchedLine } from '$lib/incident/provenance.js';
import { listImported, loadImportedMeta, removeImported, type StoredDataset } from '../data/store/index.js';
import type { DistrictFacts, PlanningEngine } from './planning.svelte.js';
import { afterPaint, keepLatest } from './deferred.svelte.js';
import { mark } from '../data/marks.js';

export interface DashboardData {
	baseMap: BaseMap;
	manifest: Manifest;
	census: CensusFile;
	dataset: IncidentDataset;
}

const isImported = (id: string) => id.startsWith('import-');
/** Incidents read per page of a district's list, when an import's rows stay in storage. */
const LIST_PAGE = 100;
/** Rows in a dataset: an import's are counted in its report (its rows may not be loaded). */
const rowCount = (ds: IncidentDataset) => (isImported(ds.info.id) ? ds.report.rowsWritten : ds.incidents.length);

/** The loader's data, set by super() before any field of Dashboard initialises (its fields read it). */
class WithPageData {
	constructor(protected readonly data: DashboardData) {}
}

export class Dashboard extends WithPageData {
	readonly baseMap: BaseMap = this.data.baseMap;
	readonly census: CensusFile = this.data.census;
	readonly districts = this.data.baseMap.districts;
	private readonly manifest: Manifest = this.data.manifest;
	private readonly indexOf = new Map(this.districts.map((d, i) => [d.properties.slug, i]));
	private readonly knownSlugs = new Set(this.indexOf.keys());
	private neighbourLists: number[][] | null = null;
	/** Queen contiguity for Gi*, worked out when hot spots are first asked for: ~80–150 ms on the full-detail outlines, kept out of the page's start-up. */
	private get neighbours(): number[][] {
		return (this.neighbourLists ??= queenNeighbours(this.districts));
	}
	private readonly engine = createEngine(this.districts, { linkImporter: true });

	/** Why a linked district changed (renamed, split, unknown): one line above the panel. */
	slugNote = $state<string | null>(null);
	/** The whole view: controls bind to it, the URL mirrors it. */
	view = $state<ViewState>() as ViewState;
	loadError = $state<string | null>(null);
	hovered = $state<string | null>(null);
	camera = $state<Camera | null>(null);

	// Datasets and results are replaced whole, never mutated: $state.raw keeps Svelte from wrapping
	// every incident in a reactive proxy (which made reading 200,000 rows take seconds).
	imported = $state.raw<StoredDataset[]>([]);
	requested = $state.raw<IncidentDataset>() as IncidentDataset;
	loading = $state(false);
	/** The releases of a series being fetched for the view's window, in words (for the status line). */
	loadingParts = $state<string | null>(null);
	/** Why the metric was changed (a source without wounded figures), shown once. */
	metricNote = $state<string | null>(null);
	joinProgress = $state<number | null>(null);
	private joined = $state.raw<{ dataset: IncidentDataset; assignment: Int32Array; labels: IncidentColumns['labels'] } | null>(null);
	/** The last aggregation the worker returned; everything on screen comes from it. */
	result = $state.raw<{ joined: NonNullable<Dashboard['joined']>; key: string; agg: Aggregation; a: Aggregation | null; b: Aggregation | null } | null>(null);
	/** Other state the URL carries beside the view (the NGO plan's parameters), as a query string. */
	urlExtra = $state('');
	private playing = false;
	private routerReady = $state(false);

	constructor(data: DashboardData) {
		super(data);
		this.requested = data.dataset;
		this.view = this.readUrl(data.dataset.info.id);
		this.camera = untrack(() => this.view.camera);
		this.refreshImported();

		onDestroy(() => this.engine.terminate());
		if (window.__TEST_HOOKS__) window.__engineHooks = { createEngine: () => createEngine(this.districts), emptyColumns };

		// Another dataset opens on its own window (a series on its newest month, an import on all of
		// it): a window (or a comparison) of the last one would show a month it may not hold at all.
		this.shownDataset = untrack(() => this.view.dataset);
		$effect(() => {
			const id = this.view.dataset;
			if (id === this.shownDataset) return;
			this.shownDataset = id;
			untrack(() => {
				this.view.window = this.defaultWindowOf(id);
				this.view.compare = null;
			});
		});
		// The dataset the view names: bundled (fetched) or imported (from IndexedDB); for a bundled
		// series, the releases its windows need (GED 22.1 is fetched when a window first reaches 1989–2021).
		$effect(() => {
			const id = this.view.dataset;
			const windows = viewWindows(this.view);
			const current = untrack(() => this.requested);
			const missing = id === current.info.id ? this.missingReleases(current, windows) : [];
			if (id === current.info.id && missing.length === 0) return;
			this.loading = true;
			this.loadError = null;
			const said = missing.length ? this.sayLoading(this.partsNote(missing)) : () => {};
			// Only the latest load counts: a dataset switched again, or its window, before the first arrived.
			let latest = true;
			// An import's rows stay in storage: the map, points, ranking, legend, filters, planning
			// figures, a district's list and exports come from the engine worker, which reads them.
			(isImported(id) ? loadImportedMeta(id) : loadBundledDataset(fetch, this.manifest, id, this.partsWanted(id, windows)))
				.then((ds) => latest && (this.requested = ds))
				.catch((err: Error) => {
					if (!latest) return;
					this.loadError = `${err.message} Showing ${untrack(() => this.requested.info.name)} instead.`;
					this.view.dataset = untrack(() => this.requested.info.id);
				})
				.finally(() => latest && ((this.loading = false), said()));
			return () => ((latest = false), (this.loading = false), said());
		});
		// A dataset without wounded figures (UCDP, ACLED) is never shaded by wounded or casualties, and
		// a filter on a field its source does not code (suicide, target) would hide every row: both go, said so.
		$effect(() => {
			const roles = rolesOf(this.requested.info);
			const { metric, suicide, target } = this.view;
			const notes: string[] = [];
			untrack(() => {
				if (!roles.wounded && (metric === 'wounded' || metric === 'casualties')) {
					this.view.metric = metric === 'casualties' ? 'killed' : 'incidents';
					notes.push(`Shading by ${metric} is off: wounded are ${notRecorded(roles)}. Shaded by ${this.view.metric} instead.`);
				}
				if (!roles.suicide && suicide) {
					this.view.suicide = null;
					notes.push(`The suicide-attack filter is off: ${roles.source} does not code suicide attacks.`);
				}
				if (!roles.targetLabel && target.length) {
					this.view.target = [];
					notes.push(`The target filter is off: ${roles.source} codes no target.`);
				}
				if (notes.length) this.metricNote = notes.join(' ');
			});
		});
		// Joined once in the engine worker …
		$effect(() => {
			const ds = this.requested;
			let current = true;
			// The progress line shows once a join takes a moment (a large import), not for a few
			// thousand rows: each frame it caused was drawn in full (see sayLoading).
			const started = performance.now();
			const progress = (f: number) => current && f < 1 && performance.now() - started > 250 && (this.joinProgress = f);
			const slow = setTimeout(() => current && (this.joinProgress ??= 0), 250);
			// An import can be large: the worker reads it from storage and builds its columns itself.
			const joining = isImported(ds.info.id)
				? this.engine.loadStored(ds.info.id, progress)
				: (() => {
						// A bundled file's decoded columns (a copy: the worker takes the buffers), else built from the rows.
						const decoded = (ds as Partial<DecodedDataset>).columns;
						const cols = decoded ? copyColumns(decoded) : toColumns(ds.incidents);
						return this.engine.load(cols, progress).then((assignment) => ({ assignment, labels: cols.labels }));
					})();
			joining
				.then(({ assignment, labels }) => {
					if (!current) return;
					if (assignment.length !== rowCount(ds))
						throw new Error(`storage changed while loading (${assignment.length} rows joined, ${rowCount(ds)} stored); reload the page`);
					mark('engine:joined');
					this.joined = { dataset: ds, assignment, labels };
					if (this.pendingWindow) this.showPendingWindow(this.joined);
				})
				.catch((err: Error) => {
					if (!current) return;
					this.loadError = `Could not join ${ds.info.name}: ${err.message}`;
					// A window that waited for this join stays as it was.
					this.pendingWindow = null;
				})
				.finally(() => (clearTimeout(slow), current && (this.joinProgress = null)));
			return () => ((current = false), clearTimeout(slow));
		});
		// The points layer: the engine writes the passing points as a GeoJSON file from its columns
		// (bundled data and imports alike), and MapLibre's worker reads it by URL: the page holds no
		// point objects, and an import's rows stay in storage.
		$effect(() => {
			const key = this.pointsKey;
			if (!key) return untrack(() => this.showPoints(null));
			return keepLatest(
				this.engine.api.points(this.filterNow()),
				(file) => this.showPoints(URL.createObjectURL(file)),
				(err) => (this.loadError = `Could not draw the incident points: ${err.message}`)
			);
		});
		// A district's list, for an import whose rows are in storage: the engine says which rows,
		// in date order, and reads the first page of them (only the chunks that hold them).
		$effect(() => {
			const i = this.selectedIndex;
			const result = this.result;
			const key = this.listKey;
			if (i === undefined || !result || !key || this.rowsOnPage) return;
			if (untrack(() => this.districtList?.key) === key) return;
			const v = $state.snapshot(this.view) as ViewState;
			const id = result.joined.dataset.info.id;
			return keepLatest(
				this.engine.api
					.districtList(viewFilter(v), i)
					.then(async ({ rows, counts, yearOnly }) => ({ rows, counts, yearOnly, incidents: await this.engine.api.readRows(id, rows.slice(0, LIST_PAGE)) })),
				({ rows, counts, yearOnly, incidents }) => (this.districtList = { key, id, rows, trend: { counts: Array.from(counts), yearOnly }, incidents }),
				(err) => (this.loadError = `Could not read the district's incidents: ${err.message}`)
			);
		});
		// … then re-aggregated there on every view change.
		$effect(() => {
			const j = this.joined;
			if (!j) return;
			const v = $state.snapshot(this.view) as ViewState;
			// While another dataset is being joined the map keeps the last one's shading and key, so
			// `data-rendered` names a dataset only once that dataset itself is drawn.
			if (j.dataset.info.id !== v.dataset) return;
			// …and while a release the view's windows need is still being fetched, or a window waits
			// for it (onwindow: the window and its figures arrive together).
			if (this.pendingWindow || this.missingReleases(j.dataset, viewWindows(v)).length) return;
			// Already aggregated (the waiting window's figures came with it).
			const shown = untrack(() => this.result);
			if (shown && shown.joined === j && shown.key === shadingKey(v)) return;
			return keepLatest(
				this.aggregateView(j, v),
				(result) => (this.result = result),
				(err) => (this.loadError = `Could not aggregate: ${err.message}`)
			);
		});
		// The URL mirrors the view: a new history entry per change; camera moves and play replace it.
		// SvelteKit's history helpers work once its router has finished the first navigation.
		afterNavigate(() => (this.routerReady = true));
		// Written after the next frame: SvelteKit's pushState saves the scroll position, and reading it
		// in the task that changed the page forced the whole layout there (18–40 ms of one task after a
		// 100 k-row import, in profiles). Changes within one frame make one history entry.
		$effect(() => {
			if (!this.routerReady) return;
			const next = [encodeView({ ...this.view, camera: this.camera }, this.defaultsOf(this.view.dataset)).toString(), this.urlExtra].filter(Boolean).join('&');
			return afterPaint(() => this.writeUrl(next));
		});
	}

	private writeUrl(next: string) {
		const current = location.search.replace(/^\?/, '');
		if (next === current) return;
		const withoutCamera = (qs: string) => qs.replace(/(^|&)map=[^&]*/, '');
		const url = `?${next}`;
		if (this.playing || withoutCamera(next) === withoutCamera(current)) replaceState(url, {});
		else pushState(url, {});
	}

	/** A view with its `?district=` resolved to today's layout (old slugs open their successor). */
	private withCurrentDistrict(v: ViewState): ViewState {
		if (!v.district) return ((this.slugNote = null), v);
		const resolved = resolveDistrictSlug(v.district, this.knownSlugs);
		this.slugNote = resolved.note;
		return { ...v, district: resolved.slug };
	}

	/** The window a dataset opens on: a bundled series opens on its newest release (January 2026). */
	private defaultWindowOf = (id: string) => (isImported(id) ? null : bundledDefaultWindow(this.manifest, id));
	private defaultsOf = (id: string) => defaultView(id, this.defaultWindowOf(id));

	/** Releases of a bundled series that windows need and the dataset does not hold yet. */
	private missingReleases(ds: IncidentDataset, windows: (MonthRange | null)[]) {
		if (!ds.unloaded?.length || isImported(ds.info.id)) return [];
		const wanted = new Set(this.partsWanted(ds.info.id, windows));
		return (ds.info.releases ?? []).filter(
			(r) => ds.unloaded!.includes(r.id) && [...wanted].some((w) => w === null || (r.months[0] <= w[1] && r.months[1] >= w[0]))
		);
	}
	/** The windows to load a bundled dataset for: the view's, and every window of the parts already loaded (they stay). */
	private partsWanted(id: string, windows: (MonthRange | null)[]): (MonthRange | null)[] {
		const current = untrack(() => this.requested);
		if (current?.info.id !== id) return windows;
		const entry = this.manifest.datasets.find((d) => d.id === id);
		const held = (entry?.releases ?? []).filter((r) => !current.unloaded?.includes(r.id)).map((r) => r.months);
		return [...windows, ...held];
	}

	private readUrl(loadedDataset: string): ViewState {
		const v = decodeView(new URLSearchParams(location.search), loadedDataset, this.defaultWindowOf);
		// The loader fetched the bundled dataset the URL names; an imported one comes from storage.
		const dataset = isImported(v.dataset) ? v.dataset : loadedDataset;
		return this.withCurrentDistrict({ ...v, dataset });
	}

	/** Back/forward: take the URL's view when it differs from the one on screen. */
	onpopstate = () => {
		const v = this.withCurrentDistrict(decodeView(new URLSearchParams(location.search), this.view.dataset, this.defaultWindowOf));
		const defaults = this.defaultsOf(v.dataset);
		if (encodeView(v, defaults).toString() === encodeView($state.snapshot(this.view) as ViewState, defaults).toString()) return;
		// The URL's window is the one to show, even where it switches the dataset.
		this.shownDataset = v.dataset;
		this.view = v;
	};
	/** The dataset whose time window the view holds: another one chosen opens on its own window. */
	private shownDataset: string;

	onwindow = (window: MonthRange | null, isPlaying: boolean) => {
		this.playing = isPlaying;
		const ds = this.requested;
		const missing = this.missingReleases(ds, [window]);
		if (missing.length === 0 || this.loading) {
			this.view.window = window;
			return;
		}
		// A window that needs a release not fetched yet (the whole record needs GED 22.1): the release
		// is fetched first and the view changes once it is here, in one step, so the page never
		// shows the new window over the old data (nor draws a frame in between).
		this.loading = true;
		this.loadError = null;
		const said = this.sayLoading(this.partsNote(missing));
		loadBundledDataset(fetch, this.manifest, ds.info.id, this.partsWanted(ds.info.id, [window]))
			.then((next) => {
				if (this.view.dataset !== ds.info.id) return;
				// The window changes once the release is joined and aggregated: until then nothing on
				// the page changes, so it draws one frame for the new window, with its data.
				this.pendingWindow = { window };
				this.requested = next;
			})
			.catch((err: Error) => (this.loadError = `${err.message} The window was not changed.`))
			.finally(() => ((this.loading = false), said()));
	};
	/**
	 * Says what is being fetched, if it takes longer than a moment: a status that came and went in
	 * a quarter of a second cost frames (each drawn in full in software here) and told nobody anything.
	 * Returns what ends it.
	 */
	private sayLoading(note: string): () => void {
		const timer = setTimeout(() => (this.loadingParts = note), 250);
		return () => (clearTimeout(timer), (this.loadingParts = null));
	}
	/**
	 * A window that waits for its release (onwindow): once the release is joined, its figures are
	 * aggregated and the window and its figures change together, in one frame.
	 */
	private pendingWindow: { window: MonthRange | null } | null = null;

	/** The aggregations a view shows (its window, and the two periods of a comparison), from the engine. */
	private async aggregateView(j: NonNullable<Dashboard['joined']>, v: ViewState): Promise<NonNullable<Dashboard['result']>> {
		// Which rows pass is asked for only when the page holds rows to list (bundled data).
		const withPassing = !isImported(j.dataset.info.id);
		const [agg, a, b] = await Promise.all([
			this.engine.api.aggregate(viewFilter(v), withPassing),
			v.compare ? this.engine.api.aggregate(viewFilter(v, v.compare.a), false) : null,
			v.compare ? this.engine.api.aggregate(viewFilter(v, v.compare.b), false) : null
		]);
		mark('engine:aggregated');
		return { joined: j, key: shadingKey(v), agg, a, b };
	}

	/** The waiting window's figures, then the window itself (see pendingWindow). */
	private showPendingWindow(j: NonNullable<Dashboard['joined']>) {
		const { window } = this.pendingWindow!;
		const v = { ...($state.snapshot(this.view) as ViewState), window };
		this.aggregateView(j, v)
			.then((result) => {
				if (this.joined === j) this.result = result;
			})
			.catch((err: Error) => (this.loadError = `Could not aggregate: ${err.message}`))
			.finally(() => {
				this.pendingWindow = null;
				this.view.window = window;
			});
	}
	/** "UCDP GED 22.1 (6,416 events, Jan 1989 – Dec 2021)": the releases being fetched, for the status line. */
	private partsNote = (releases: ReleaseInfo[]) =>
		releases.map((r) => `${r.name} (${r.rows.toLocaleString('en-GB')} events, ${spanWords(r.months)})`).join(', ');

	select(slug: string | null) {
		this.view.district = slug;
		this.slugNote = null;
	}

	// ---- datasets ----
	private refreshImported = () =>
		listImported()
			.then((list) => (this.imported = list))
			.catch((err: Error) => (this.loadError = `Browser storage is not available: ${err.message}`));
	datasets = $derived([...this.manifest.datasets, ...this.imported.map((d) => d.info)]);
	onimported = (info: { id: string }) => {
		this.refreshImported();
		this.view.dataset = info.id;
	};
	/** A refresh rewrote a fetched dataset under its id: list it again, and reload it if it is on screen. */
	onrefreshed = (info: { id: string }) => {
		this.refreshImported();
		if (this.view.dataset !== info.id) return;
		loadImportedMeta(info.id)
			.then((ds) => (this.requested = ds))
			.catch((err: Error) => (this.loadError = err.message));
	};
	onremove = async (id: string) => {
		try {
			await removeImported(id);
		} catch (err) {
			this.loadError = (err as Error).message;
		}
		await this.refreshImported();
		if (this.view.dataset === id) this.view.dataset = this.manifest.datasets[0]!.id;
	};

	/** The dataset on screen (an import's rows are not on the page: `incidents` is empty). */
	dataset = $derived(this.result?.joined.dataset ?? this.requested);
	/** Rows in the dataset on screen. */
	rowTotal = $derived(rowCount(this.dataset));
	/** Rows in the dataset being joined. */
	requestedRows = $derived(rowCount(this.requested));
	/** The dataset's rows are on the page: bundled data; an import's stay in storage. */
	rowsOnPage = $derived(!isImported(this.dataset.info.id));
	/** The dataset and filters on screen: what the points and the planning figures are of. */
	dataKey = $derived(this.result ? `${this.result.joined.dataset.info.id}|${JSON.stringify(viewFilter(this.view))}` : null);
	/** The view's filter now (read without subscribing to the view). */
	private filterNow = () => untrack(() => viewFilter($state.snapshot(this.view) as ViewState));
	private borderSent: Promise<void> | null = null;
	/** The planning tools' figures, from the engine (src/routes/planning.svelte.ts). */
	planning: PlanningEngine = {
		siteRisks: (points, options) => this.engine.api.siteRisks(points, options, this.filterNow()),
		routeExposure: (route, options) => this.engine.api.routeExposure(route, options, this.filterNow()),
		bandCounts: async () => {
			this.borderSent ??= this.engine.api.setBorder(this.baseMap.border, this.baseMap.provinces);
			await this.borderSent;
			return this.engine.api.bandCounts(this.filterNow());
		},
		rowsAt: (rows) =>
			this.rowsOnPage ? Promise.resolve(rows.map((i) => this.dataset.incidents[i]!)) : this.engine.api.readRows(this.dataset.info.id, Int32Array.from(rows))
	};
	agg = $derived(this.result?.agg ?? emptyAggregation(this.districts.length));
	/** How the source names its actors, and what it does not record (src/lib/actors). */
	roles = $derived(rolesOf(this.dataset.info));
	/** The dataset's whole timeline, each month covered, preliminary, not covered or not loaded yet. */
	timeline = $derived(timelineOf(this.dataset.info, this.dataset.unloaded ?? [], this.agg.months));
	months = $derived(this.timeline.months);
	/** Incidents per month on the timeline (filters but the dates): null where not covered or not loaded. */
	histogram = $derived(onTimeline(this.timeline, this.agg.histogram, this.agg.months.first));
	/** The period and source of every figure: "January 2026 · UCDP Candidate 26.0.1, preliminary". */
	period = $derived(periodLabel(this.dataset.info, this.view.window));
	/** Beside every figure of a window that touches months the dataset does not cover; null otherwise. */
	coverage = $derived(coverageNote(this.dataset.info, this.view.window));
	/** The same in a few words, for the header line and the legend. */
	coverageShort = $derived(coverageNote(this.dataset.info, this.view.window, true));
	preliminary = $derived(preliminaryNote(this.dataset.info, this.view.window));
	/**
	 * A bundled series with months it does not cover can be filled from the UCDP API ("Fill
	 * 2022–2025"): its description, the gap's years, and its rows (every release, loaded on demand).
	 */
	fillable = $derived.by(() => {
		const info = this.dataset.info;
		if (isImported(info.id) || codebookOf(info) !== 'UCDP GED' || !info.releases?.length) return null;
		const gap = this.timeline.states.indexOf('not-covered');
		if (gap < 0) return null;
		let end = gap;
		while (this.timeline.states[end + 1] === 'not-covered') end++;
		const [from, to] = [this.timeline.months[gap]!.slice(0, 4), this.timeline.months[end]!.slice(0, 4)];
		return { info, label: `Fill ${from === to ? from : `${from}–${to}`}`, load: () => loadBundledDataset(fetch, this.manifest, info.id, [null]) };
	});
	/** Why a period comparison is refused (a period touches months not covered), or null. */
	compareRefusal = $derived(
		this.view.compare
			? (gapRefusal(this.dataset.info, 'Period A', this.view.compare.a) ?? gapRefusal(this.dataset.info, 'Period B', this.view.compare.b))
			: null
	);
	/** Why Gi* is refused: the window has no covered month at all. */
	giRefusal = $derived.by(() => {
		const refusal = gapRefusal(this.dataset.info, 'The window', this.view.window);
		return refusal && this.timeline.states.every((s, i) => !this.inWindow(i) || s === 'not-covered') ? refusal : null;
	});
	private inWindow = (i: number) => {
		const m = this.timeline.months[i]!;
		return !this.view.window || (m >= this.view.window[0] && m <= this.view.window[1]);
	};

	// ---- what the map shows ----
	seq = $derived(districtMetrics(this.districts, this.agg, this.view.metric, this.view.per, { method: this.view.classMethod, count: this.view.classCount }));
	unit = $derived(metricUnit(this.view.metric, this.view.per));
	/** Rates print with decimals, counts without. */
	fractional = $derived(this.view.per !== 'count');
	comparison = $derived.by(() => {
		const { compare, metric, per } = this.view;
		if (!compare || this.compareRefusal || !this.result?.a || !this.result.b) return null;
		const { a, b } = this.result;
		const values = (x: Aggregation) => this.districts.map((d, i) => metricValue(x.byDistrict[i]!, metric, per, d.properties));
		const events = (x: Aggregation) => x.byDistrict.map((t) => t.incidents);
		const change = comparePeriods(values(a), values(b), events(a), events(b), compare.mode);
		return { ...change, bounds: divergingBounds(change.change, 3) };
	});
	/**
	 * Hazard × need (when a need indicator is chosen and periods are not compared): attacks per
	 * 100,000 people under the current filters against the census indicator, in 3 × 3 classes.
	 */
	bivariate = $derived.by(() => {
		const need = this.view.need;
		if (!need || this.comparison) return null;
		const violence = this.districts.map((d, i) => metricValue(this.agg.byDistrict[i]!, 'incidents', 'people', d.properties));
		const needs = this.districts.map((d) => {
			const c = this.census.districts[d.properties.slug];
			return (c ? NEEDS[need].of(c) : null) ?? NaN;
		});
		const b = bivariateClasses(violence, needs);
		if (!b) return null;
		const rows: BivariateRow[] = this.districts.flatMap((d, i) => {
			const cls = b.classes[i];
			return cls === null || cls === undefined
				? []
				: [
						{
							slug: d.properties.slug,
							name: d.properties.name,
							province: d.properties.province,
							incidents: this.agg.byDistrict[i]!.incidents,
							population: d.properties.population,
							violence: violence[i]!,
							need: needs[i]!,
							cls
						}
					];
		});
		return { ...b, need, violence, needs, rows, high: highOnBoth(rows) };
	});
	/** The value per district (null: no figure / not compared). */
	mapped = $derived(this.comparison ? this.comparison.change : this.seq.values.map((v) => (Number.isNaN(v) ? null : v)));
	/** Every district's colour, the legend, its title and method, and each district in words: decided by shade() (src/lib/shading). */
	shading = $derived.by(() => {
		const districts = this.shadedDistricts;
		const b = this.bivariate;
		if (b)
			return shade({
				mode: 'bivariate',
				districts,
				classes: b.classes,
				violence: b.violence,
				needs: b.needs,
				need: b.need,
				violenceBreaks: b.violenceBreaks,
				needBreaks: b.needBreaks
			});
		if (this.comparison && this.view.compare)
			return shade({
				mode: 'diverging',
				districts,
				change: this.comparison.change,
				bounds: this.comparison.bounds,
				compare: this.view.compare.mode,
				unit: this.unit,
				fractional: this.fractional
			});
		return shade({
			mode: 'sequential',
			districts,
			values: this.seq.values,
			breaks: this.seq.breaks,
			scheme: this.view.scheme,
			method: this.view.classMethod,
			unit: this.unit,
			fractional: this.fractional
		});
	});
	private readonly shadedDistricts = this.districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name }));
	shadedBy = $derived(this.comparison && this.view.compare ? `change in ${this.unit} (${this.view.compare.mode === 'percent' ? '%' : 'B − A'})` : this.unit);
	gi = $derived.by(() => {
		if (!this.view.hotspots || this.giRefusal) return null;
		const { z, p } = getisOrdGiStar(this.seq.values, this.neighbours);
		return this.districts.map((d, i) => ({ slug: d.properties.slug, name: d.properties.name, z: z[i]!, p: p[i]! }));
	});
	hotspotStates = $derived(this.gi ? new Map(this.gi.map((d) => [d.slug, hotspotClass(d.z)])) : null);
	/**
	 * What the points layer shows: the joined dataset and the filter (not the camera, the metric or
	 * an open district, which leave the points as they are), or null when it is off.
	 */
	private pointsKey = $derived(this.view.points ? this.dataKey : null);
	/** The points layer's data: a GeoJSON file's URL (a Blob the engine wrote), or null when hidden. */
	points = $state<string | null>(null);
	private showPoints(url: string | null) {
		if (this.points) URL.revokeObjectURL(this.points);
		this.points = url;
	}
	renderKey = $derived(this.result ? this.result.key : '');
	// ---- ranking table and district panel ----
	windowRange = $derived<[number, number]>(
		this.view.window
			? [Math.max(0, this.months.indexOf(this.view.window[0])), Math.max(0, this.months.indexOf(this.view.window[1]))]
			: [0, Math.max(0, this.months.length - 1)]
	);
	rankingRows = $derived<RankingRow[]>(
		this.districts.map((d, i) => {
			const t = this.agg.byDistrict[i]!;
			const monthCount = Math.max(0, this.agg.months.last - this.agg.months.first + 1);
			return {
				slug: d.properties.slug,
				name: d.properties.name,
				province: d.properties.province,
				incidents: t.incidents,
				killed: t.killed,
				wounded: t.wounded,
				casualties: metricTotal(t, 'casualties'),
				value: this.mapped[i] ?? null,
				z: this.gi ? this.gi[i]!.z : null,
				trend: onTimeline(this.timeline, this.agg.districtMonthly, this.agg.months.first, i * monthCount, monthCount)
			};
		})
	);
	selectedIndex = $derived(this.view.district ? this.indexOf.get(this.view.district) : undefined);
	/**
	 * The selected district's list for an import whose rows stay in storage: all its row numbers
	 * (from the engine), the rows read so far (a page at a time) and its monthly trend.
	 */
	private districtList = $state.raw<{ key: string; id: string; rows: Int32Array; trend: { counts: number[]; yearOnly: number }; incidents: Incident[] } | null>(
		null
	);
	/** What a district list is for: the view's shading key and the district. */
	private listKey = $derived(this.result && this.selectedIndex !== undefined ? `${this.result.key}|${this.selectedIndex}` : null);
	/** The list above when it is the selected district's under the current view. */
	private currentList = $derived(this.districtList && this.districtList.key === this.listKey ? this.districtList : null);
	/** The selected district's incidents under the filters; null while an import's rows are being read. */
	selectedIncidents = $derived.by(() => {
		const i = this.selectedIndex;
		const result = this.result;
		if (i === undefined || !result) return [];
		if (!this.rowsOnPage) return this.currentList?.incidents ?? null;
		const passing = result.agg.passing;
		return passing ? this.dataset.incidents.filter((_, k) => result.joined.assignment[k] === i && passing[k]) : null;
	});
	/** For a list read a page at a time: how many incidents in all, and the trend worked out by the engine. */
	selectedPaging = $derived.by(() => {
		const l = this.currentList;
		return l && !this.rowsOnPage
			? { total: l.rows.length, shown: l.incidents.length, next: Math.min(LIST_PAGE, l.rows.length - l.incidents.length), trend: l.trend }
			: null;
	});
	/** Reads the next page of the selected district's list. */
	showMoreIncidents = async () => {
		const l = this.districtList;
		if (!l) return;
		const next = await this.engine.api.readRows(l.id, l.rows.slice(l.incidents.length, l.incidents.length + LIST_PAGE));
		if (this.districtList === l) this.districtList = { ...l, incidents: [...l.incidents, ...next] };
	};

	/** The district a point lies in, with its class and rank under the current metric (planning tools). */
	districtFacts = (p: [number, number]): DistrictFacts | null => {
		const i = districtAt(p, this.districts);
		if (i < 0) return null;
		const { seq, unit } = this;
		const cls = classOf(seq.values[i]!, seq.breaks);
		const fmt = (v: number) => formatMetric(v, this.fractional);
		const classLabel = cls < 0 ? '0 (none recorded)' : `${fmt(seq.breaks.lower[cls]!)} – ${fmt(seq.breaks.upper[cls]!)} ${unit}`;
		const d = this.districts[i]!.properties;
		const c = this.census.districts[d.slug];
		const needs = NEED_INDICATORS.map((k) => ({ label: NEEDS[k].label, share: c ? NEEDS[k].of(c) : null, source: NEEDS[k].source }));
		const perPeople = metricValue(this.agg.byDistrict[i]!, 'incidents', 'people', d);
		const bivariate = this.bivariate?.classes[i];
		return {
			name: d.name,
			province: d.province,
			rank: seq.ranks[i]!,
			of: this.districts.length,
			unit,
			classLabel,
			perHundredThousand: Number.isNaN(perPeople) ? null : perPeople,
			needs,
			hazardNeed: bivariate === null || bivariate === undefined ? null : classWords(bivariate)
		};
	};

	/** Source, dates and filters: stamped on every report, picture and CSV. */
	stampLines = $derived([
		`Data: ${this.dataset.info.name}; figures for ${this.period}. Filters: ${describeFilters(this.view, this.roles.chips)}.`,
		...(this.coverage ? [this.coverage] : []),
		`Source: ${this.dataset.info.attribution} (${this.dataset.info.licence}). ${BOUNDARY_CREDIT}; towns: GeoNames (CC BY 4.0).`,
		...(this.dataset.info.fetched ? [fetchedLine(this.dataset.info.fetched)] : [])
	]);

	/** The districts high on both violence and need, as CSV with the census vintage and the data's dates. */
	exportHighOnBoth = () => {
		const b = this.bivariate;
		if (!b) return;
		const info = this.dataset.info;
		const csv = bivariateCsv(b.high, {
			need: b.need,
			dataset: info.name,
			dateRange: info.dateRange,
			attribution: info.attribution,
			filters: describeFilters(this.view, this.roles.chips)
		});
		download(`${info.id}-high-violence-high-need-${b.need}.csv`, csv, 'text/csv');
	};

	// ---- exports of what is on screen, stamped with source and filters ----
	exportView = async (kind: IncidentExport | 'districts-csv') => {
		const result = this.result;
		if (!result) return;
		const { dataset, districts } = this;
		const provenance = { dataset: dataset.info, filters: describeFilters(this.view, this.roles.chips), period: this.period, coverage: this.coverage };
		const stem = `${dataset.info.id}-${new Date().toISOString().slice(0, 10)}`;
		if (kind === 'districts-csv') {
			const rows = districts.map((d, i) => ({ ...d.properties, ...this.agg.byDistrict[i]!, value: this.mapped[i] ?? null, rank: this.seq.ranks[i]! }));
			return download(`${stem}-districts.csv`, districtsCsv(rows, this.comparison ? `change in ${this.unit}` : this.unit, provenance), 'text/csv');
		}
		const name = `${stem}-incidents.${kind === 'incidents-csv' ? 'csv' : 'geojson'}`;
		// An import's rows stay in storage: the engine worker reads them and writes the file.
		if (isImported(dataset.info.id)) {
			return download(name, await this.engine.api.exportIncidents(dataset.info.id, this.filterNow(), kind, $state.snapshot(provenance)), EXPORT_TYPE[kind]);
		}
		// Bundled data: its rows are on the page. Its first aggregation after an import was on screen
		// may have been asked without `passing`; then ask for it.
		const passing = result.agg.passing ?? (await this.engine.api.aggregate(this.filterNow(), true)).passing!;
		const slugs = districts.map((d) => d.properties.slug);
		download(name, exportIncidents(kind, dataset.incidents, passing, result.joined.assignment, slugs, provenance), EXPORT_TYPE[kind]);
	};
}
