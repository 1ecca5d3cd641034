/**
 * The analyst view, composed: it owns the view (what the controls bind to and the URL mirrors) and
 * hands each concern to its own class, each the only owner of its state:
 *   dashboard/datasets   which dataset, its releases, this browser's imports
 *   dashboard/engine     the join and aggregation in the engine worker, points, a district's list
 *   dashboard/url        the view and the plan ⇄ the URL
 *   dashboard/coverage   the timeline, and what months not covered mean for each figure
 *   dashboard/crosscheck the dataset on screen against another source, over the months both cover
 *   dashboard/figures    classes, comparison, hazard × need, Gi*, colours, the ranking
 *   dashboard/exports    the stamp and the exports of what is on screen
 *   dashboard/multiples  small multiples of the metric over the window's steps
 * The analytic work is in src/lib; the page only lays components out.
 */
import { untrack } from 'svelte';
import type { Camera } from '../components/IncidentMap.svelte';
import { rolesOf } from '$lib/actors/index.js';
import { viewForSource } from '$lib/actors/view-rules.js';
import type { BaseMap, CensusFile } from '$lib/geodata/index.js';
import { withAreaBasis } from '$lib/districts/index.js';
import type { IncidentDataset } from '$lib/incident/index.js';
import { shadingKey, type MonthRange, type ViewState } from '$lib/viewstate/index.js';
import type { Manifest } from '../data/bundled.js';
import { Datasets } from './dashboard/datasets.svelte.js';
import { EngineState } from './dashboard/engine.svelte.js';
import { UrlSync } from './dashboard/url.svelte.js';
import { Coverage } from './dashboard/coverage.svelte.js';
import { Figures } from './dashboard/figures.svelte.js';
import { SourceCheck } from './dashboard/crosscheck.svelte.js';
import { Exports } from './dashboard/exports.svelte.js';
import { Multiples } from './dashboard/multiples.svelte.js';
import { mark } from '../data/marks.js';
import { firstPaintShading } from '../data/first-paint.js';

export interface DashboardData {
	baseMap: BaseMap;
	manifest: Manifest;
	census: CensusFile;
	dataset: IncidentDataset;
}

export class Dashboard {
	readonly baseMap: BaseMap;
	readonly census: CensusFile;
	readonly districts: BaseMap['districts'];
	/** The districts as rates see them: dividing by the published or the outline's area (view.area). */
	rateDistricts = $derived.by(() => withAreaBasis(this.districts, this.view.area));
	private readonly indexOf: Map<string, number>;

	/** The whole view: controls bind to it, the URL mirrors it. */
	view = $state<ViewState>() as ViewState;
	/** The prerendered first paint's view and the build's colours for it (src/data/first-paint). */
	private readonly firstPaint = firstPaintShading();
	/**
	 * The build's colours, while the view is the one they are of: the live map shades in them at
	 * once, and the engine's join waits for that first frame instead of racing it for the CPU
	 * (issue #27; build-colours.spec holds the two to the same colours).
	 */
	firstColours = $derived(this.firstPaint?.key === shadingKey(this.view) ? this.firstPaint.colours : null);
	/** The live map's first shaded frame is on screen, or there will be none (no WebGL; 10 s passed). */
	mapFirstFrame = $state(false);
	/** The engine joins now: the map has its first frame, or the view is not the build's. */
	get engineMayStart(): boolean {
		return this.mapFirstFrame || !this.firstColours;
	}
	hovered = $state<string | null>(null);
	camera = $state<Camera | null>(null);
	loadError = $state<string | null>(null);
	/** Why the metric or a filter was changed (a source without wounded figures), shown once. */
	metricNote = $state<string | null>(null);
	/** Other state the URL carries beside the view (the NGO plan's parameters), as a query string. */
	urlExtra = $state('');
	/** While playing: where play started and its step (timeline month indices); the classes hold still over its steps. */
	play = $state<{ start: number; length: number } | null>(null);
	/** Play is running: camera moves and play replace the history entry instead of adding one. */
	get playing(): boolean {
		return this.play !== null;
	}
	/** The dataset whose time window the view holds: another one chosen opens on its own window. */
	private shownDataset = '';

	readonly datasets: Datasets;
	readonly engine: EngineState;
	readonly url: UrlSync;
	readonly coverage: Coverage;
	readonly sources: SourceCheck;
	readonly figures: Figures;
	readonly exports: Exports;
	readonly multiples: Multiples;

	get agg() {
		return this.engine.agg;
	}
	get selectedIndex() {
		return this.view.district ? this.indexOf.get(this.view.district) : undefined;
	}

	constructor(data: DashboardData) {
		this.baseMap = data.baseMap;
		this.census = data.census;
		this.districts = data.baseMap.districts;
		this.indexOf = new Map(this.districts.map((d, i) => [d.properties.slug, i]));
		// Each part reads what it needs of the others through the dashboard (its host), live: the
		// parts' $derived and effects read the host only once every part is built.
		// eslint-disable-next-line @typescript-eslint/no-this-alias
		const dash = this;
		this.datasets = new Datasets({
			manifest: data.manifest,
			initial: data.dataset,
			get view() {
				return dash.view;
			},
			fail: this.fail
		});
		this.url = new UrlSync(this, new Set(this.indexOf.keys()));
		this.view = this.url.read(data.dataset.info.id);
		this.camera = untrack(() => this.view.camera);
		// A map that never draws (WebGL lost, a stalled GPU) must not keep the figures away.
		$effect(() => {
			const timer = setTimeout(() => (this.mapFirstFrame = true), 10_000);
			return () => clearTimeout(timer);
		});
		this.shownDataset = untrack(() => this.view.dataset);
		// Another dataset opens on its own window (a series on its newest month, an import on all of
		// it): a window (or a comparison) of the last one would show a month it may not hold at all.
		// Before the dataset's load (the Datasets effect), so it loads for the right window.
		$effect(() => {
			const id = this.view.dataset;
			if (id === this.shownDataset) return;
			this.shownDataset = id;
			untrack(() =>
				Object.assign(this.view, { window: this.datasets.defaultWindowOf(id), compare: null, versus: this.view.versus === id ? null : this.view.versus })
			);
		});
		this.engine = new EngineState(this);
		this.coverage = new Coverage(this);
		this.sources = new SourceCheck({
			districts: this.districts,
			manifest: data.manifest,
			get view() {
				return dash.view;
			},
			fail: this.fail
		});
		this.figures = new Figures(this);
		this.exports = new Exports(this);
		this.multiples = new Multiples(this);
		mark('start:dashboard');
		// A view asking the source for what it does not record falls back and says why (src/lib/actors/view-rules).
		$effect(() => {
			const roles = rolesOf(this.datasets.requested.info);
			const { metric, suicide, target } = this.view;
			untrack(() => {
				const { notes, ...view } = viewForSource(roles, { metric, suicide, target });
				if (!notes.length) return;
				Object.assign(this.view, { ...view, target: [...view.target] });
				this.metricNote = notes.join(' ');
			});
		});
	}

	/** The time control's window; one that needs a release not fetched yet waits for it (and its figures). */
	onwindow = (window: MonthRange | null, play: { start: number; length: number } | null) => {
		this.play = play;
		const waits = this.datasets.loadForWindow(window, () => (this.engine.pendingWindow = { window }));
		if (!waits) this.view.window = window;
	};

	readonly fail = (message: string | null) => void (this.loadError = message);

	/** The URL names another dataset and its window: show both as they are (no reset of the window). */
	takeDataset(id: string) {
		this.shownDataset = id;
	}

	select(slug: string | null) {
		this.view.district = slug;
		this.url.slugNote = null;
	}
}
