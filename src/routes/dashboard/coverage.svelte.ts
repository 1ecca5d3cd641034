/**
 * The dataset's timeline and coverage as the page shows them: each month covered, preliminary,
 * not covered or not loaded yet; the period and releases of every figure; and what a window, a
 * comparison or Gi* over months not covered must say or refuse (src/lib/coverage). Derived only.
 */
import { codebookOf, rolesOf } from '$lib/actors/index.js';
import { coverageNote, gapRefusal, onTimeline, periodLabel, preliminaryNote, timelineOf } from '$lib/coverage/index.js';
import type { ViewState } from '$lib/viewstate/index.js';
import { monthNumber } from '$lib/columns/index.js';
import { windowSteps, type StepUnit } from '$lib/emerging/index.js';
import { isImported, type Datasets } from './datasets.svelte.js';
import type { EngineState } from './engine.svelte.js';
import { Hosted } from './hosted.js';

export interface CoverageHost {
	readonly view: ViewState;
	readonly engine: Pick<EngineState, 'dataset' | 'agg'>;
	/** Every release of a bundled dataset (what a fill merges into). */
	readonly datasets: Pick<Datasets, 'loadWhole'>;
}

export class Coverage extends Hosted<CoverageHost> {
	/** How the source names its actors, and what it does not record (src/lib/actors). */
	roles = $derived(rolesOf(this.host.engine.dataset.info));
	/** The dataset's whole timeline, each month covered, preliminary, not covered or not loaded yet. */
	timeline = $derived(timelineOf(this.host.engine.dataset.info, this.host.engine.dataset.unloaded ?? [], this.host.engine.agg.months));
	months = $derived(this.timeline.months);
	/** Incidents per month on the timeline (filters but the dates): null where not covered or not loaded. */
	histogram = $derived(onTimeline(this.timeline, this.host.engine.agg.histogram, this.host.engine.agg.months.first));
	/** The period and source of every figure: "January 2026 · UCDP Candidate 26.0.1, preliminary". */
	period = $derived(periodLabel(this.host.engine.dataset.info, this.host.view.window));
	/** Beside every figure of a window that touches months the dataset does not cover; null otherwise. */
	note = $derived(coverageNote(this.host.engine.dataset.info, this.host.view.window));
	/** The same in a few words, for the legend. */
	short = $derived(coverageNote(this.host.engine.dataset.info, this.host.view.window, true));
	preliminary = $derived(preliminaryNote(this.host.engine.dataset.info, this.host.view.window));
	/** The months of the window, as indices into the timeline (the ranking's trends highlight them). */
	windowRange = $derived.by((): [number, number] => {
		const w = this.host.view.window;
		return w ? [Math.max(0, this.months.indexOf(w[0])), Math.max(0, this.months.indexOf(w[1]))] : [0, Math.max(0, this.months.length - 1)];
	});
	/** The window as month numbers: the view's, or the whole timeline when none is set (what steps are cut from). */
	windowSpan = $derived.by(() => {
		const w = this.host.view.window;
		return w ? { first: monthNumber(w[0]), last: monthNumber(w[1]) } : { first: this.timeline.first, last: this.timeline.first + this.months.length - 1 };
	});
	/** Why a month cannot be part of a step (emerging hot spots, small multiples): not covered or not loaded yet; null when it can. */
	unusable = (m: number): string | null => {
		const state = this.timeline.states[m - this.timeline.first];
		return state === undefined || state === 'not-covered' ? 'not covered' : state === 'not-loaded' ? 'not loaded yet' : null;
	};
	/** The window's whole covered steps of a unit, and the steps left out with why (src/lib/emerging windowSteps). */
	stepsOf = (unit: StepUnit) => windowSteps(this.windowSpan.first, this.windowSpan.last, unit, this.unusable);
	/** Why a period comparison is refused (a period touches months not covered), or null. */
	compareRefusal = $derived.by(() => {
		const c = this.host.view.compare;
		return c ? (gapRefusal(this.host.engine.dataset.info, 'Period A', c.a) ?? gapRefusal(this.host.engine.dataset.info, 'Period B', c.b)) : null;
	});
	/** Why Gi* is refused: the window has no covered month at all. */
	giRefusal = $derived.by(() => {
		const w = this.host.view.window;
		const refusal = gapRefusal(this.host.engine.dataset.info, 'The window', w);
		const inWindow = (m: string) => !w || (m >= w[0] && m <= w[1]);
		return refusal && this.timeline.states.every((s, i) => !inWindow(this.months[i]!) || s === 'not-covered') ? refusal : null;
	});
	/**
	 * A bundled series with months it does not cover can be filled from the UCDP API ("Fill
	 * 2022–2025"): its description, the gap's years, and its rows (every release, loaded on demand).
	 */
	fillable = $derived.by(() => {
		const info = this.host.engine.dataset.info;
		if (isImported(info.id) || codebookOf(info) !== 'UCDP GED' || !info.releases?.length) return null;
		const gap = this.timeline.states.indexOf('not-covered');
		if (gap < 0) return null;
		let end = gap;
		while (this.timeline.states[end + 1] === 'not-covered') end++;
		const [from, to] = [this.months[gap]!.slice(0, 4), this.months[end]!.slice(0, 4)];
		return { info, label: `Fill ${from === to ? from : `${from}–${to}`}`, load: () => this.host.datasets.loadWhole(info.id) };
	});
}
