/**
 * Where two sources disagree: the dataset on screen (A) against another bundled one (B, the view's
 * `versus`) over the months both cover. Both are loaded and joined to the districts afresh, in an
 * engine worker of their own (the one on screen keeps its dataset), then compared in src/lib/crosscheck.
 * The only owner of the comparison; the map shades its difference B − A (dashboard/figures).
 */
import { onDestroy } from 'svelte';
import { copyColumns, isoMonth } from '$lib/columns/index.js';
import type { District } from '$lib/districts/index.js';
import { checkedEvents, commonSpans, crossCheck, scopeDifference, scopeOf, type CrossCheck, type Spans } from '$lib/crosscheck/index.js';
import { crossCheckDistrictsCsv, crossCheckEventsCsv, type CheckedSource } from '$lib/crosscheck/csv.js';
import { spanWords } from '$lib/coverage/index.js';
import type { ViewState } from '$lib/viewstate/index.js';
import { loadBundledDataset, type Manifest } from '../../data/bundled.js';
import { download } from '../../data/download.js';
import { createEngine, type Engine } from '../../data/engine.js';
import { keepLatest } from '../deferred.svelte.js';
import { isImported } from './datasets.svelte.js';
import { Hosted } from './hosted.js';

export interface SourceCheckHost {
	readonly districts: District[];
	readonly manifest: Manifest;
	readonly view: ViewState;
	fail(message: string): void;
}

export interface SourceComparison {
	a: CheckedSource & { scope: string };
	b: CheckedSource & { scope: string };
	/** The common months in words ("January 2008 – December 2008"). */
	months: string;
	check: CrossCheck;
	/** When the two count different kinds of events; null when they count the same kind. */
	scopes: string | null;
}

const spansWords = (spans: Spans) => spans.map((s) => spanWords([isoMonth(s.from), isoMonth(s.to)])).join(', ');

export class SourceCheck extends Hosted<SourceCheckHost> {
	private engine: Engine | null = null;
	/** The comparison of the view's two datasets, once worked out; null while loading or off. */
	result = $state.raw<SourceComparison | null>(null);
	loading = $state(false);
	/** The bundled datasets the one on screen can be compared with. */
	options = $derived(this.host.manifest.datasets.filter((d) => d.id !== this.host.view.dataset).map((d) => ({ id: d.id, name: d.name })));
	/** Why the chosen comparison cannot be made, in words; null when it can (or none is chosen). */
	refusal = $derived.by(() => {
		const { dataset, versus } = this.host.view;
		if (!versus) return null;
		const [a, b] = [dataset, versus].map((id) => this.host.manifest.datasets.find((d) => d.id === id));
		if (isImported(dataset) || !a) return 'Sources can be compared among the bundled datasets; an import’s rows stay in this browser’s storage.';
		if (!b) return `There is no bundled dataset "${versus}".`;
		if (a === b) return `${a.name} is the dataset on screen: choose another to compare it with.`;
		if (!commonSpans(a, b).length) return `${a.name} and ${b.name} cover no month in common.`;
		return null;
	});
	/** The comparison on screen: the view's datasets, each one loaded. */
	shown = $derived(this.result && this.result.a.info.id === this.host.view.dataset && this.result.b.info.id === this.host.view.versus ? this.result : null);

	/** A comparison is asked for and still being worked out: the map holds its last frame (and key) until it can shade the difference. */
	pending = $derived(!!this.host.view.versus && !this.refusal && !this.shown);

	constructor(host: SourceCheckHost) {
		super(host);
		onDestroy(() => this.engine?.terminate());
		$effect(() => {
			const { dataset, versus } = this.host.view;
			if (!versus || this.refusal) return void (this.result = null);
			this.loading = true;
			const stop = keepLatest(
				this.compare(dataset, versus),
				(r) => ((this.result = r), (this.loading = false)),
				(err) => ((this.loading = false), this.host.fail(`Could not compare the sources: ${err.message}`))
			);
			return () => (stop(), (this.loading = false));
		});
	}

	private async compare(idA: string, idB: string): Promise<SourceComparison> {
		const { manifest, districts } = this.host;
		const [entryA, entryB] = [idA, idB].map((id) => manifest.datasets.find((d) => d.id === id)!) as [
			Manifest['datasets'][number],
			Manifest['datasets'][number]
		];
		const spans = commonSpans(entryA, entryB);
		const windows = spans.map((s) => [isoMonth(s.from), isoMonth(s.to)] as [string, string]);
		const sides = await Promise.all([idA, idB].map((id) => loadBundledDataset(fetch, manifest, id, windows)));
		this.engine ??= createEngine(districts);
		const checked: (CheckedSource & { scope: string })[] = [];
		// One after the other: the engine holds one dataset at a time, and only its join is wanted here.
		for (const ds of sides) {
			const assignment = await this.engine.load(copyColumns(ds.columns), () => {});
			const events = checkedEvents(ds.incidents, assignment, spans);
			const types = [...new Set(events.map((e) => ds.incidents[e.row]!.eventType).filter((t): t is string => t !== null))];
			checked.push({ info: ds.info, incidents: ds.incidents, events, scope: scopeOf(ds.info, types) });
		}
		const [a, b] = checked as [CheckedSource & { scope: string }, CheckedSource & { scope: string }];
		return {
			a,
			b,
			months: spansWords(spans),
			check: crossCheck(a.events, b.events, districts.length),
			scopes: scopeDifference({ name: a.info.name, scope: a.scope }, { name: b.info.name, scope: b.scope })
		};
	}

	/** The difference map's input: B − A per district, and the legend's title. */
	difference = $derived(
		this.shown
			? {
					change: this.shown.check.districts.map((d) => d.difference),
					title: `${this.shown.b.info.name} − ${this.shown.a.info.name}: incidents, ${this.shown.months}`
				}
			: null
	);

	/** The two CSVs: one row per district, one per event of either source. */
	export = (what: 'districts' | 'events') => {
		const s = this.shown;
		if (!s) return;
		const names = this.host.districts.map((d) => d.properties);
		const csv = what === 'districts' ? crossCheckDistrictsCsv(names, s.check, s.a, s.b, s.months) : crossCheckEventsCsv(names, s.check, s.a, s.b, s.months);
		download(`sources-${s.a.info.id}-vs-${s.b.info.id}-${what}.csv`, csv, 'text/csv;charset=utf-8');
	};
}
