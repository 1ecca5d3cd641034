/**
 * What the map, the legend, the ranking table and the planning tools show of the aggregation on
 * screen: the metric's classes, a comparison's change, hazard × need, Gi* hot spots, every
 * district's colour (shade(), src/lib/shading), the ranking's rows and a district's facts.
 * Derived only; the analytic work is in src/lib.
 */
import type { RankingRow } from '../../components/RankingTable.svelte';
import type { ComparedDistrict } from '../../components/CompareCard.svelte';
import { districtMetrics, metricTotal, metricValue, monthlyOf, perValue, type Aggregation } from '$lib/aggregate/index.js';
import { bivariateClasses, highOnBoth, NEEDS, type BivariateRow } from '$lib/bivariate/index.js';
import { mappedWords } from '$lib/shading/mapped.js';
import type { CensusFile } from '$lib/geodata/index.js';
import { heldBreaks, typedBreaks } from '$lib/classify/index.js';
import { playSteps } from '$lib/timeline/strip.js';
import { surgeKey, surgeMarks, surges, surgeWords } from '$lib/surge/index.js';
import { comparePeriods, divergingBounds, notComparedWhy } from '$lib/compare/index.js';
import { onTimeline, spanWords } from '$lib/coverage/index.js';
import { emergingOverWindow, leftOutWords, stepTotals, type Step } from '$lib/emerging/index.js';
import type { District } from '$lib/districts/index.js';
import { metricUnit } from '$lib/format/index.js';
import { getisOrdGiStar, hotspotClass, queenNeighbours } from '$lib/hotspot/index.js';
import { shade } from '$lib/shading/index.js';
import type { ViewState } from '$lib/viewstate/index.js';
import type { DistrictFacts } from '../planning.svelte.js';
import { comparedDistrict, districtFactsAt } from './facts.js';
import type { Coverage } from './coverage.svelte.js';
import type { EngineState } from './engine.svelte.js';
import { Hosted } from './hosted.js';
import { Deferred } from '../deferred.svelte.js';
import type { SourceCheck } from './crosscheck.svelte.js';

export interface FiguresHost {
	readonly districts: District[];
	/** The districts with the area rates divide by (src/lib/districts withAreaBasis). */
	readonly rateDistricts: readonly District[];
	readonly census: CensusFile;
	readonly view: ViewState;
	readonly engine: Pick<EngineState, 'result' | 'agg'>;
	/** While playing: where play started and its step (timeline month indices). */
	readonly play: { start: number; length: number } | null;
	/** The timeline, and why a comparison or Gi* is refused (months not covered), or null. */
	readonly coverage: Pick<Coverage, 'timeline' | 'compareRefusal' | 'giRefusal' | 'windowSpan' | 'unusable'>;
	/** Two sources compared: each district's B − A, which the map shades instead of the metric (dashboard/crosscheck). */
	readonly sources: Pick<SourceCheck, 'difference' | 'shown'>;
}

export class Figures extends Hosted<FiguresHost> {
	private readonly shadedDistricts;
	/** Slug and name of every district, index-aligned (the lists of the analysis panels). */
	get shadedDistrictList(): readonly { slug: string; name: string }[] {
		return this.shadedDistricts;
	}
	private neighbourLists: number[][] | null = null;

	constructor(host: FiguresHost) {
		super(host);
		this.shadedDistricts = this.host.districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name }));
	}

	/** Queen contiguity for Gi*, worked out when hot spots are first asked for: ~80–150 ms on the full-detail outlines, kept out of the page's start-up. */
	private get neighbours(): number[][] {
		return (this.neighbourLists ??= queenNeighbours(this.host.districts));
	}

	seq = $derived.by(() => {
		const options = { method: this.host.view.classMethod, count: this.host.view.classCount };
		const metrics = districtMetrics(this.host.rateDistricts, this.host.engine.agg, this.host.view.metric, this.host.view.per, options);
		const { breaks } = this.host.view;
		if (breaks) return { ...metrics, breaks: typedBreaks(breaks, metrics.values) };
		const held = this.held;
		return held ? { ...metrics, breaks: heldBreaks(held.pool, metrics.values, options) } : metrics;
	});
	/**
	 * While playing: every district's value in every step play visits, pooled (from the metric's
	 * district × month matrix), so the classes are made once over all of them and a colour means
	 * the same value in every frame.
	 */
	held = $derived.by(() => {
		const { play } = this.host;
		if (!play) return null;
		const { timeline } = this.host.coverage;
		const starts = playSteps(timeline.states, play.start, play.length);
		if (!starts.length) return null;
		const steps = starts.map((s) => ({ label: '', from: timeline.first + s, to: timeline.first + s + play.length - 1 }));
		return { pool: this.stepValues(steps).flat(), over: spanWords([timeline.months[starts[0]!]!, timeline.months[starts.at(-1)! + play.length - 1]!]) };
	});
	/** The mapped metric (divided as mapped, or as `per` says) of each district in each step: values[step][district]. */
	stepValues(steps: readonly Step[], per = this.host.view.per): number[][] {
		const { agg } = this.host.engine;
		const { metric } = this.host.view;
		const monthCount = Math.max(0, agg.months.last - agg.months.first + 1);
		const totals = stepTotals(monthlyOf(agg, metric), this.host.districts.length, agg.months.first, monthCount, steps);
		return totals.map((step) => step.map((n, i) => perValue(n, per, this.host.rateDistricts[i]!.properties)));
	}
	unit = $derived(metricUnit(this.host.view.metric, this.host.view.per));
	/** Rates print with decimals, counts without. */
	fractional = $derived(this.host.view.per !== 'count');
	comparison = $derived.by(() => {
		const { compare, metric, per } = this.host.view;
		const r = this.host.engine.result;
		if (!compare || this.host.sources.difference || this.host.coverage.compareRefusal || !r?.a || !r.b) return null;
		const values = (x: Aggregation) => this.host.rateDistricts.map((d, i) => metricValue(x.byDistrict[i]!, metric, per, d.properties));
		const events = (x: Aggregation) => x.byDistrict.map((t) => t.incidents);
		const [eventsA, eventsB] = [events(r.a), events(r.b)];
		const [a, b] = [values(r.a), values(r.b)];
		const change = comparePeriods(a, b, eventsA, eventsB, compare.mode);
		const why = change.reason.map((reason, i) => notComparedWhy(reason, eventsA[i]!, eventsB[i]!));
		return { ...change, a, b, why, bounds: divergingBounds(change.change, 3) };
	});
	/** Hazard × need (a need chosen, periods not compared): attacks per 100,000 people against the census indicator, 3 × 3 classes. */
	bivariate = $derived.by(() => {
		const need = this.host.view.need;
		if (!need || this.comparison || this.host.sources.difference) return null;
		const violence = this.host.districts.map((d, i) => metricValue(this.host.engine.agg.byDistrict[i]!, 'incidents', 'people', d.properties));
		const needs = this.host.districts.map((d) => {
			const c = this.host.census.districts[d.properties.slug];
			return (c ? NEEDS[need].of(c) : null) ?? NaN;
		});
		const b = bivariateClasses(violence, needs);
		if (!b) return null;
		const rows: BivariateRow[] = this.host.districts.flatMap((d, i) => {
			const cls = b.classes[i];
			if (cls === null || cls === undefined) return [];
			const { slug, name, province, population } = d.properties;
			return [{ slug, name, province, incidents: this.host.engine.agg.byDistrict[i]!.incidents, population, violence: violence[i]!, need: needs[i]!, cls }];
		});
		return { ...b, need, violence, needs, rows, high: highOnBoth(rows) };
	});
	/** Emerging hot spots (asked for; no comparison, no hazard × need): Gi* of each covered step's count of the mapped metric over the window (src/lib/emerging). */
	emerging = $derived.by(() => {
		const { emerging: unit } = this.host.view;
		if (!unit || this.comparison || this.bivariate || this.host.sources.difference) return null;
		const { timeline, windowSpan, unusable } = this.host.coverage;
		if (timeline.months.length === 0) return null;
		const words = { year: 'yearly', quarter: 'quarterly', month: 'monthly' } as const;
		const { agg } = this.host.engine;
		const { metric } = this.host.view;
		const monthly = { districtMonthly: monthlyOf(agg, metric), months: agg.months };
		return { ...emergingOverWindow(monthly, this.neighbours, windowSpan, unit, unusable), unit: words[unit], metric };
	});
	/**
	 * What the surges are found in: the aggregation and timeline on screen, one task after the map has them, so a dataset
	 * switch is two tasks: with the surges, their marks and panel beside the shading, a 100,000-row import's ran 62 ms on CI.
	 */
	private surgeInput = new Deferred(() => ({ agg: this.host.engine.agg, timeline: this.host.coverage.timeline }));
	/** Surges in the newest covered month against the 12 covered months before (src/lib/surge). */
	surges = $derived.by(() => {
		const { agg, timeline } = this.surgeInput.current;
		const monthCount = Math.max(0, agg.months.last - agg.months.first + 1);
		return surges(agg.districtMonthly, this.host.districts.length, agg.months.first, monthCount, timeline.states, timeline.first);
	});
	/** Markers for the surging districts, and the legend's line for them (src/lib/surge). */
	surgeMarks = $derived(surgeMarks(this.host.districts, this.surges));
	surgeKey = $derived(surgeKey(this.surges, this.surgeMarks.features.length));
	/** The value per district (null: no figure / not compared). */
	mapped = $derived(
		// Hazard × need ranks by its hazard axis (attacks per person), whatever the per-km² choice.
		this.host.sources.difference?.change ??
			(this.comparison ? this.comparison.change : (this.bivariate?.violence ?? this.seq.values).map((v) => (Number.isNaN(v) ? null : v)))
	);
	/** Every district's colour, the legend, its title and method, and each district in words: decided by shade() (src/lib/shading). */
	shading = $derived.by(() => {
		const districts = this.shadedDistricts;
		const { view } = this.host;
		const versus = this.host.sources.difference;
		if (versus) {
			const { change, title } = versus;
			return shade({
				mode: 'diverging',
				districts,
				change,
				bounds: divergingBounds(change, 3),
				compare: 'difference',
				unit: 'incidents',
				fractional: false,
				title
			});
		}
		const b = this.bivariate;
		if (b) {
			const { classes, violence, needs, need, violenceBreaks, needBreaks } = b;
			return shade({ mode: 'bivariate', districts, classes, violence, needs, need, violenceBreaks, needBreaks });
		}
		const { unit, fractional } = this;
		const e = this.emerging;
		if (e) {
			const span = e.steps.length ? `${e.steps[0]!.label}–${e.steps.at(-1)!.label} (${e.steps.length})` : '';
			return shade({ mode: 'emerging', districts, results: e.results, over: `${e.metric}, ${e.unit} steps ${span}`.trim(), leftOut: leftOutWords(e.leftOut) });
		}
		if (this.comparison && view.compare) {
			return shade({
				mode: 'diverging',
				districts,
				change: this.comparison.change,
				bounds: this.comparison.bounds,
				why: this.comparison.why,
				compare: view.compare.mode,
				unit,
				fractional
			});
		}
		return shade({
			mode: 'sequential',
			districts,
			values: this.seq.values,
			breaks: this.seq.breaks,
			scheme: view.scheme,
			method: view.classMethod,
			unit,
			fractional,
			heldOver: this.held?.over ?? (this.host.play ? null : undefined),
			typed: view.breaks
		});
	});
	/** What the map shows and what the ranking's value column holds, in words (src/lib/shading/mapped). */
	words = $derived(
		mappedWords({
			unit: this.unit,
			difference: !!this.host.sources.difference,
			compare: this.comparison ? (this.host.view.compare?.mode ?? null) : null,
			need: this.bivariate ? NEEDS[this.bivariate.need].label : null,
			emerging: this.emerging?.metric ?? null
		})
	);
	shadedBy = $derived(this.words.shadedBy);
	/** Why Gi* is not computed: the window has no covered month, or the map shows a % change (see `giValues`). */
	giRefusal = $derived(
		this.host.coverage.giRefusal ??
			(this.comparison && this.host.view.compare?.mode === 'percent'
				? 'a % change has no figure for the districts not compared, and Gi* needs one for every district. Compare as B − A to find clusters of change.'
				: null)
	);
	/**
	 * What Gi* is computed on: the mapped change B − A when periods are compared (for every
	 * district, the few-incident ones too: their change is small, not unknown), else the mapped metric.
	 */
	private giValues = $derived.by(() => {
		const c = this.comparison;
		return this.host.sources.difference?.change ?? (c ? c.b.map((vb, i) => vb - c.a[i]!) : this.seq.values);
	});
	/** What the Gi* list says it is of. */
	giOf = $derived(
		this.host.sources.difference
			? 'the difference B − A in incidents between the sources'
			: this.comparison
				? `the change B − A in ${this.unit}`
				: 'the mapped metric'
	);
	gi = $derived.by(() => {
		if (!this.host.view.hotspots || this.giRefusal) return null;
		const { z, p } = getisOrdGiStar(this.giValues, this.neighbours);
		return this.host.districts.map((d, i) => ({ slug: d.properties.slug, name: d.properties.name, z: z[i]!, p: p[i]! }));
	});
	hotspotStates = $derived(this.gi ? new Map(this.gi.map((d) => [d.slug, hotspotClass(d.z)])) : null);

	rankingRows = $derived<RankingRow[]>(
		this.host.districts.map((d, i) => {
			const { agg } = this.host.engine;
			const { timeline } = this.host.coverage;
			const t = agg.byDistrict[i]!;
			const surged = this.surges;
			const monthCount = Math.max(0, agg.months.last - agg.months.first + 1);
			return {
				slug: d.properties.slug,
				name: d.properties.name,
				province: d.properties.province,
				incidents: t.incidents,
				killed: t.killed,
				wounded: t.wounded,
				killedUnknown: t.killedUnknown,
				woundedUnknown: t.woundedUnknown,
				casualties: metricTotal(t, 'casualties'),
				value: this.mapped[i] ?? null,
				z: this.gi ? this.gi[i]!.z : null,
				trend: onTimeline(timeline, agg.districtMonthly, agg.months.first, i * monthCount, monthCount),
				surge: surged.kind === 'figures' && surged.districts[i]!.surging ? surgeWords(surged.districts[i]!, surged.month, surged.baselineMonths) : null,
				...(this.comparison ? { a: this.comparison.a[i]!, b: this.comparison.b[i]! } : {}),
				...(this.host.sources.shown ? { a: this.host.sources.shown.check.districts[i]!.a, b: this.host.sources.shown.check.districts[i]!.b } : {})
			};
		})
	);

	/** A district in each compared period and the change between them, for its card (A and B apart, not A + B); null when not comparing. */
	comparedAt = (i: number): ComparedDistrict | null => comparedDistrict(i, this.comparison, this.host.engine.result, this.host.view.compare, this.unit);

	/** The district a point lies in, with its class and rank under the current metric (planning tools, ./facts.ts). */
	districtFacts = (p: [number, number]): DistrictFacts | null =>
		districtFactsAt(p, {
			districts: this.host.districts,
			census: this.host.census,
			agg: this.host.engine.agg,
			seq: this.seq,
			unit: this.unit,
			fractional: this.fractional,
			bivariate: this.bivariate
		});
}
