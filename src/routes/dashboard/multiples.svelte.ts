/**
 * Small multiples of what the map shows: one small map per covered step of the window (years,
 * quarters or months), all on one set of classes, as an SVG to look at, print or download, or a
 * PNG (src/lib/smallmultiples draws it). Made when asked for, from the aggregation on screen.
 */
import type { BaseMap } from '$lib/geodata/index.js';
import { leftOutWords, type StepUnit } from '$lib/emerging/index.js';
import { smallMultiples, type SmallMultiples } from '$lib/smallmultiples/index.js';
import { formatMetric, metricUnit } from '$lib/format/index.js';
import type { ViewState } from '$lib/viewstate/index.js';
import { download } from '../../data/download.js';
import { svgToPng } from '../../data/report.js';
import type { Coverage } from './coverage.svelte.js';
import type { EngineState } from './engine.svelte.js';
import type { Exports } from './exports.svelte.js';
import type { Figures } from './figures.svelte.js';
import { Hosted } from './hosted.js';

export interface MultiplesHost {
	readonly baseMap: BaseMap;
	readonly view: ViewState;
	readonly engine: Pick<EngineState, 'dataset'>;
	readonly coverage: Pick<Coverage, 'stepsOf'>;
	readonly figures: Pick<Figures, 'stepValues' | 'unit' | 'fractional'>;
	readonly exports: Pick<Exports, 'stampLines'>;
}

/** More maps than this make a grid no one can read (or print): a shorter window or longer steps instead. */
export const MAX_MULTIPLES = 60;

const STEP_WORDS = { year: 'yearly', quarter: 'quarterly', month: 'monthly' } as const;

export class Multiples extends Hosted<MultiplesHost> {
	/** The steps asked for; null: none drawn. */
	unit = $state<StepUnit | null>(null);

	/** The grid, or why there is none (no whole covered step, too many steps). */
	drawn = $derived.by((): { grid: SmallMultiples; leftOut: string } | { refusal: string } | null => {
		const unit = this.unit;
		if (!unit) return null;
		const { steps, leftOut } = this.host.coverage.stepsOf(unit);
		if (!steps.length) return { refusal: `The window holds no whole covered ${unit}.` };
		if (steps.length > MAX_MULTIPLES)
			return { refusal: `${steps.length} ${STEP_WORDS[unit]} steps: at most ${MAX_MULTIPLES} maps. Choose a shorter window or longer steps.` };
		const { view, figures } = this.host;
		const values = figures.stepValues(steps);
		const counts = figures.stepValues(steps, 'count');
		const countUnit = metricUnit(view.metric, 'count');
		const left = leftOutWords(leftOut);
		const grid = smallMultiples({
			map: this.host.baseMap,
			steps: steps.map((s, k) => ({
				label: s.label,
				values: values[k]!,
				note: `${formatMetric(
					counts[k]!.reduce((a, b) => a + b, 0),
					false
				)} ${countUnit}`
			})),
			classes: { method: view.classMethod, count: view.classCount },
			typed: view.breaks,
			scheme: view.scheme,
			unit: figures.unit,
			fractional: figures.fractional,
			subtitle: `${this.host.engine.dataset.info.name} · ${STEP_WORDS[unit]} steps ${steps[0]!.label}–${steps.at(-1)!.label}${left ? `; left out: ${left}` : ''}`,
			stamp: this.host.exports.stampLines
		});
		return { grid, leftOut: left };
	});

	private stem() {
		const d = this.drawn;
		const steps = d && 'grid' in d ? d.grid.steps : [];
		return `${this.host.engine.dataset.info.id}-${this.host.view.metric}-small-multiples-${steps[0]?.label ?? ''}-${steps.at(-1)?.label ?? ''}`.replace(
			/\s+/g,
			''
		);
	}

	/** The grid as a file: SVG as drawn, or PNG at twice its size. */
	save = async (kind: 'svg' | 'png') => {
		const d = this.drawn;
		if (!d || !('grid' in d)) return;
		if (kind === 'svg') return download(`${this.stem()}.svg`, d.grid.svg, 'image/svg+xml');
		download(`${this.stem()}.png`, await svgToPng(d.grid.svg, d.grid.width, d.grid.height, 2), 'image/png');
	};
}
