/**
 * The dataset on screen in the engine worker: joined once to the districts, re-aggregated on every
 * view change, the points layer's file, a district's list a page at a time (an import's rows stay in
 * storage), and the planning tools' figures. The only owner of what the worker answered (`joined`,
 * `result`): everything on screen is derived from `result`.
 */
import { onDestroy, untrack } from 'svelte';
import { copyColumns, emptyColumns, toColumns, type IncidentColumns } from '$lib/columns/index.js';
import { emptyAggregation, type Aggregation } from '$lib/aggregate/index.js';
import type { DecodedDataset } from '$lib/bundle/index.js';
import type { District } from '$lib/districts/index.js';
import type { BaseMap } from '$lib/geodata/index.js';
import type { Incident, IncidentDataset } from '$lib/incident/index.js';
import { shadingKey, viewFilter, viewWindows, type MonthRange, type ViewState } from '$lib/viewstate/index.js';
import { createEngine, type Engine } from '../../data/engine.js';
import { mark } from '../../data/marks.js';
import { keepLatest } from '../deferred.svelte.js';
import type { PlanningEngine } from '../planning.svelte.js';
import { isImported, rowCount, type Datasets } from './datasets.svelte.js';
import { Hosted } from './hosted.js';

/** Incidents read per page of a district's list, when an import's rows stay in storage. */
const LIST_PAGE = 100;

export interface Joined {
	dataset: IncidentDataset;
	assignment: Int32Array;
	labels: IncidentColumns['labels'];
}

/** The aggregation on screen: of the view's window, and of a comparison's two periods. */
export interface Result {
	joined: Joined;
	key: string;
	agg: Aggregation;
	a: Aggregation | null;
	b: Aggregation | null;
}

/** What the engine reads of the page: the view, the selected district, where to say a failure. */
export interface EngineHost {
	readonly districts: District[];
	readonly baseMap: BaseMap;
	readonly datasets: Datasets;
	readonly view: ViewState;
	readonly selectedIndex: number | undefined;
	/** Whether the engine may start its join (false while the map shades in the build's colours). */
	readonly engineMayStart: boolean;
	fail(message: string): void;
}

export class EngineState extends Hosted<EngineHost> {
	private started: Engine | null = null;
	/**
	 * The worker, started at its first use: for the page's own view, after the live map's first
	 * frame (EngineHost.engineMayStart), so its start (a module to parse, the outlines to send and
	 * index) is not on the two cores while MapLibre loads (issue #27).
	 */
	private get engine(): Engine {
		if (!this.started) mark('engine:started');
		return (this.started ??= createEngine(this.host.districts, { linkImporter: true }));
	}
	joined = $state.raw<Joined | null>(null);
	/** The last aggregation the worker returned; everything on screen comes from it. */
	result = $state.raw<Result | null>(null);
	/** The join's progress (0…1) once it takes a moment; null otherwise. */
	joinProgress = $state<number | null>(null);
	/** The points layer's data: a GeoJSON file's URL (a Blob the engine wrote), or null when hidden. */
	points = $state<string | null>(null);
	/**
	 * A window that waits for its release (onwindow): once the release is joined, its figures are
	 * aggregated and the window and its figures change together, in one frame.
	 */
	pendingWindow: { window: MonthRange | null } | null = null;

	/** The dataset on screen (an import's rows are not on the page: `incidents` is empty). */
	dataset = $derived(this.result?.joined.dataset ?? this.host.datasets.requested);
	/** The dataset's rows are on the page: bundled data; an import's stay in storage. */
	rowsOnPage = $derived(!isImported(this.dataset.info.id));
	/** The dataset and filters on screen: what the points and the planning figures are of. */
	dataKey = $derived(this.result ? `${this.result.joined.dataset.info.id}|${JSON.stringify(viewFilter(this.host.view))}` : null);
	renderKey = $derived(this.result ? this.result.key : '');
	/** The aggregation on screen; before the first, every district empty. */
	agg = $derived(this.result?.agg ?? emptyAggregation(this.host.districts.length));

	constructor(host: EngineHost) {
		super(host);
		const { districts } = host;
		onDestroy(() => this.started?.terminate());
		if (window.__TEST_HOOKS__) window.__engineHooks = { createEngine: () => createEngine(districts), emptyColumns };
		$effect(() => {
			if (this.host.engineMayStart) return this.join(this.host.datasets.requested);
		});
		// … then re-aggregated there on every view change.
		$effect(() => {
			const j = this.joined;
			if (!j) return;
			const v = $state.snapshot(host.view) as ViewState;
			// While another dataset is being joined the map keeps the last one's shading and key, so
			// `data-rendered` names a dataset only once that dataset itself is drawn; and while a
			// release the view's windows need is being fetched, or a window waits for it.
			if (j.dataset.info.id !== v.dataset || this.pendingWindow || this.host.datasets.missingReleases(j.dataset, viewWindows(v)).length) return;
			// Already aggregated (the waiting window's figures came with it).
			const shown = untrack(() => this.result);
			if (shown && shown.joined === j && shown.key === shadingKey(v)) return;
			return keepLatest(
				this.aggregateView(j, v),
				(result) => (this.result = result),
				(err) => host.fail(`Could not aggregate: ${err.message}`)
			);
		});
		// The points layer: the engine writes the passing points as a GeoJSON file from its columns,
		// and MapLibre's worker reads it by URL: the page holds no point objects.
		$effect(() => {
			const key = host.view.points ? this.dataKey : null;
			if (!key) return untrack(() => this.showPoints(null));
			return keepLatest(
				this.engine.api.points(this.filterNow()),
				(file) => this.showPoints(URL.createObjectURL(file)),
				(err) => host.fail(`Could not draw the incident points: ${err.message}`)
			);
		});
		// A district's list, for an import whose rows are in storage: the engine says which rows, in
		// date order, and reads the first page of them (only the chunks that hold them).
		$effect(() => {
			const i = host.selectedIndex;
			const result = this.result;
			const key = this.listKey;
			if (i === undefined || !result || !key || this.rowsOnPage) return;
			if (untrack(() => this.districtList?.key) === key) return;
			const v = $state.snapshot(host.view) as ViewState;
			const id = result.joined.dataset.info.id;
			return keepLatest(
				this.engine.api
					.districtList(viewFilter(v), i)
					.then(async ({ rows, counts, yearOnly }) => ({ rows, counts, yearOnly, incidents: await this.engine.api.readRows(id, rows.slice(0, LIST_PAGE)) })),
				({ rows, counts, yearOnly, incidents }) => (this.districtList = { key, id, rows, trend: { counts: Array.from(counts), yearOnly }, incidents }),
				(err) => host.fail(`Could not read the district's incidents: ${err.message}`)
			);
		});
	}

	/** Joins a dataset in the worker (an import is read from storage there); returns the effect's teardown. */
	private join(ds: IncidentDataset) {
		let current = true;
		// The progress line shows once a join takes a moment (a large import), not for a few
		// thousand rows: each frame it caused was drawn in full (see Datasets.sayLoading).
		const started = performance.now();
		const progress = (f: number) => current && f < 1 && performance.now() - started > 250 && (this.joinProgress = f);
		const slow = setTimeout(() => current && (this.joinProgress ??= 0), 250);
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
				this.host.fail(`Could not join ${ds.info.name}: ${err.message}`);
				// A window that waited for this join stays as it was.
				this.pendingWindow = null;
			})
			.finally(() => (clearTimeout(slow), current && (this.joinProgress = null)));
		return () => ((current = false), clearTimeout(slow));
	}

	/** The aggregations a view shows (its window, and the two periods of a comparison), from the engine. */
	private async aggregateView(j: Joined, v: ViewState): Promise<Result> {
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
	private showPendingWindow(j: Joined) {
		const { window } = this.pendingWindow!;
		const v = { ...($state.snapshot(this.host.view) as ViewState), window };
		this.aggregateView(j, v)
			.then((result) => {
				if (this.joined === j) this.result = result;
			})
			.catch((err: Error) => this.host.fail(`Could not aggregate: ${err.message}`))
			.finally(() => {
				this.pendingWindow = null;
				this.host.view.window = window;
			});
	}

	private showPoints(url: string | null) {
		if (this.points) URL.revokeObjectURL(this.points);
		this.points = url;
	}

	/** The view's filter now (read without subscribing to the view). */
	filterNow = () => untrack(() => viewFilter($state.snapshot(this.host.view) as ViewState));

	// ---- a district's list ----
	/**
	 * The selected district's list for an import whose rows stay in storage: all its row numbers
	 * (from the engine), the rows read so far (a page at a time) and its monthly trend.
	 */
	private districtList = $state.raw<{ key: string; id: string; rows: Int32Array; trend: { counts: number[]; yearOnly: number }; incidents: Incident[] } | null>(
		null
	);
	/** What a district list is for: the view's shading key and the district. */
	private listKey = $derived(this.result && this.host.selectedIndex !== undefined ? `${this.result.key}|${this.host.selectedIndex}` : null);
	/** The list above when it is the selected district's under the current view. */
	private currentList = $derived(this.districtList && this.districtList.key === this.listKey ? this.districtList : null);
	/** The selected district's incidents under the filters; null while an import's rows are being read. */
	selectedIncidents = $derived.by(() => {
		const i = this.host.selectedIndex;
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

	// ---- what the planning tools and exports ask of the worker ----
	private borderSent: Promise<void> | null = null;
	/** The border goes to the engine once, before the first figures that measure to it (bands, saved sites). */
	private sendBorder = () => (this.borderSent ??= this.engine.api.setBorder(this.host.baseMap.border, this.host.baseMap.provinces));
	/** The planning tools' figures, from the engine (src/routes/planning.svelte.ts). */
	planning: PlanningEngine = {
		siteRisks: async (points, options) => {
			await this.sendBorder();
			return this.engine.api.siteRisks(points, options, this.filterNow());
		},
		siteTallies: async (points, options) => {
			await this.sendBorder();
			return this.engine.api.siteTallies(points, options, this.filterNow());
		},
		routeExposure: (route, options) => this.engine.api.routeExposure(route, options, this.filterNow()),
		bandCounts: async () => {
			await this.sendBorder();
			return this.engine.api.bandCounts(this.filterNow());
		},
		rowsAt: (rows) =>
			this.rowsOnPage ? Promise.resolve(rows.map((i) => this.dataset.incidents[i]!)) : this.engine.api.readRows(this.dataset.info.id, Int32Array.from(rows))
	};
	/** The worker's API, for what the exports ask (an import's incidents, `passing` for bundled data). */
	get api() {
		return this.engine.api;
	}
}
