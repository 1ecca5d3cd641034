/**
 * The whole analyst view as plain data, and its URL form: reload or a shared link restores the
 * same view. Unknown or malformed parameters fall back to defaults instead of failing.
 */
import { AREA_BASES, type AreaBasis } from '../districts/index.js';
import { METRICS, PERS, type Metric, type Per } from '../aggregate/index.js';
import { CLASS_METHODS, parseTypedBreaks, type ClassMethod } from '../classify/index.js';
import type { CompareMode } from '../compare/index.js';
import { dayNumber, PRECISIONS } from '../columns/index.js';
import type { IncidentFilter } from '../filter/index.js';
import type { PlacePrecision } from '../incident/index.js';
import { NEED_INDICATORS, type NeedIndicator } from '../bivariate/index.js';
import { cameraProblem } from './camera.js';
import type { StepUnit } from '../emerging/index.js';

export const SCHEMES = ['YlOrRd', 'OrRd', 'Reds', 'Purples', 'YlGnBu'] as const;

/**
 * The ranking table's optional columns, in table order (the district, the mapped value, periods A
 * and B when compared, and the trend are always there). Gi* z shows while hot spots are on.
 */
export const RANKING_COLUMNS = ['incidents', 'killed', 'wounded', 'casualties', 'z'] as const;
export type RankingColumn = (typeof RANKING_COLUMNS)[number];
/** What fits the side panel (401 px at 1440 px wide) without a sideways scroll. */
export const DEFAULT_RANKING_COLUMNS: readonly RankingColumn[] = ['incidents', 'killed', 'z'];
export type SchemeName = (typeof SCHEMES)[number];

/** Months as "YYYY-MM"; a window is inclusive of both months. */
export type MonthRange = [string, string];

export interface ViewState {
	dataset: string;
	metric: Metric;
	per: Per;
	classMethod: ClassMethod;
	classCount: number;
	scheme: SchemeName;
	/** Classes fixed by hand: where each class after the first starts (src/lib/classify typedBreaks); null = by the method. */
	breaks: number[] | null;
	/** The time window; null = the whole dataset. */
	window: MonthRange | null;
	actor: string[];
	eventType: string[];
	target: string[];
	suicide: 'yes' | 'no' | null;
	minCasualties: number;
	precision: PlacePrecision[];
	/** Period comparison; null = off. */
	compare: { mode: CompareMode; a: MonthRange; b: MonthRange } | null;
	/** Another bundled dataset the one on screen is compared with, over the months both cover (src/lib/crosscheck); null = off. */
	versus: string | null;
	hotspots: boolean;
	/** Emerging hot spots over the window, by years, quarters or months (src/lib/emerging); null = off. */
	emerging: StepUnit | null;
	points: boolean;
	/** The basemap (roads, railways, rivers, airports, towns) under the districts; on unless turned off. */
	basemap: boolean;
	/** Which area per-km² rates divide by: PBS's published area, or the outline's (src/lib/districts). */
	area: AreaBasis;
	/** Hazard × need: the census need indicator the bivariate map pairs with attacks per person; null = off. */
	need: NeedIndicator | null;
	district: string | null;
	/** The ranking table's optional columns chosen (RANKING_COLUMNS order); null = DEFAULT_RANKING_COLUMNS. */
	columns: RankingColumn[] | null;
	/** Map centre and zoom; null = fit the two provinces. */
	camera: { lon: number; lat: number; zoom: number } | null;
}

/**
 * The view a dataset opens on. `window`: the dataset's default window (a series of releases opens
 * on its newest data, src/lib/coverage defaultWindow), null for all of it.
 */
export function defaultView(dataset: string, window: MonthRange | null = null): ViewState {
	return {
		dataset,
		metric: 'incidents',
		per: 'area',
		classMethod: 'natural',
		classCount: 5,
		scheme: 'YlOrRd',
		breaks: null,
		window,
		actor: [],
		eventType: [],
		target: [],
		suicide: null,
		minCasualties: 0,
		precision: [],
		compare: null,
		versus: null,
		hotspots: false,
		emerging: null,
		points: false,
		basemap: true,
		area: 'published',
		need: null,
		district: null,
		columns: null,
		camera: null
	};
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A month window "YYYY-MM..YYYY-MM" (from before to), or null. */
export const parseMonthRange = (v: string | null): MonthRange | null => {
	const [a, b] = (v ?? '').split('..');
	return a && b && MONTH.test(a) && MONTH.test(b) && a <= b ? [a, b] : null;
};
const oneOf = <T extends string>(v: string | null, options: readonly T[]): T | null => ((options as readonly string[]).includes(v ?? '') ? (v as T) : null);

export function encodeView(view: ViewState, defaults = defaultView(view.dataset)): URLSearchParams {
	const p = new URLSearchParams();
	p.set('dataset', view.dataset);
	if (view.metric !== defaults.metric) p.set('metric', view.metric);
	if (view.per !== defaults.per) p.set('per', view.per);
	if (view.classMethod !== defaults.classMethod) p.set('classes', view.classMethod);
	if (view.classCount !== defaults.classCount) p.set('k', String(view.classCount));
	if (view.scheme !== defaults.scheme) p.set('scheme', view.scheme);
	if (view.breaks) p.set('breaks', view.breaks.join(','));
	// A dataset that opens on a window (its newest month) needs "all" said out loud.
	if (!sameWindow(view.window, defaults.window)) p.set('window', view.window ? view.window.join('..') : 'all');
	for (const v of view.actor) p.append('group', v);
	for (const v of view.eventType) p.append('type', v);
	for (const v of view.target) p.append('target', v);
	if (view.suicide) p.set('suicide', view.suicide);
	if (view.minCasualties > 0) p.set('mincas', String(view.minCasualties));
	for (const v of view.precision) p.append('precision', v);
	if (view.compare) {
		p.set('compare', view.compare.mode);
		p.set('a', view.compare.a.join('..'));
		p.set('b', view.compare.b.join('..'));
	}
	if (view.versus) p.set('versus', view.versus);
	if (view.hotspots) p.set('hotspots', '1');
	if (view.emerging) p.set('emerging', view.emerging);
	if (view.points) p.set('points', '1');
	if (!view.basemap) p.set('basemap', '0');
	if (view.area !== defaults.area) p.set('area', view.area);
	if (view.need) p.set('need', view.need);
	if (view.district) p.set('district', view.district);
	// "cols=" (empty) is a choice too: none of the optional columns.
	if (view.columns) p.set('cols', view.columns.join(','));
	if (view.camera) p.set('map', `${view.camera.lon.toFixed(4)},${view.camera.lat.toFixed(4)},${view.camera.zoom.toFixed(2)}`);
	return p;
}

const sameWindow = (a: MonthRange | null, b: MonthRange | null) => (a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1]);

/** `defaultWindowOf`: the window each dataset opens on (what an absent `window` means). */
export function decodeView(p: URLSearchParams, fallbackDataset: string, defaultWindowOf: (dataset: string) => MonthRange | null = () => null): ViewState {
	const id = p.get('dataset') || fallbackDataset;
	const d = defaultView(id, defaultWindowOf(id));
	const k = Number(p.get('k'));
	const mincas = Number(p.get('mincas'));
	const camera = (p.get('map') ?? '').split(',').map(Number);
	const mode = oneOf(p.get('compare'), ['difference', 'percent'] as const);
	const a = parseMonthRange(p.get('a'));
	const b = parseMonthRange(p.get('b'));
	return {
		dataset: d.dataset,
		metric: oneOf(p.get('metric'), METRICS) ?? d.metric,
		per: oneOf(p.get('per'), PERS) ?? d.per,
		classMethod: oneOf(p.get('classes'), CLASS_METHODS) ?? d.classMethod,
		classCount: Number.isInteger(k) && k >= 2 && k <= 7 ? k : d.classCount,
		scheme: oneOf(p.get('scheme'), SCHEMES) ?? d.scheme,
		breaks: parseTypedBreaks(p.get('breaks') ?? ''),
		window: p.get('window') === 'all' ? null : (parseMonthRange(p.get('window')) ?? d.window),
		actor: p.getAll('group'),
		eventType: p.getAll('type'),
		target: p.getAll('target'),
		suicide: oneOf(p.get('suicide'), ['yes', 'no'] as const),
		minCasualties: Number.isFinite(mincas) && mincas > 0 ? Math.floor(mincas) : 0,
		precision: p.getAll('precision').filter((v): v is PlacePrecision => (PRECISIONS as readonly string[]).includes(v)),
		compare: mode && a && b ? { mode, a, b } : null,
		versus: p.get('versus') || null,
		hotspots: p.get('hotspots') === '1',
		emerging: oneOf(p.get('emerging'), ['year', 'quarter', 'month'] as const),
		points: p.get('points') === '1',
		basemap: p.get('basemap') !== '0',
		area: oneOf(p.get('area'), AREA_BASES) ?? d.area,
		need: oneOf(p.get('need'), NEED_INDICATORS),
		district: p.get('district'),
		columns: parseColumns(p.get('cols')),
		// An impossible camera (latitude 100) is ignored and named (notes.ts), not handed to the map.
		camera: p.has('map') && cameraProblem(p.get('map')!) === null ? { lon: camera[0]!, lat: camera[1]!, zoom: camera[2]! } : null
	};
}

/** `cols=` as the optional columns it names, in table order, unknown names dropped; null when absent. */
export function parseColumns(v: string | null): RankingColumn[] | null {
	if (v === null) return null;
	const named = new Set(v.split(','));
	return RANKING_COLUMNS.filter((c) => named.has(c));
}

/** Inclusive day bounds of a month window ("YYYY-MM".."YYYY-MM"). */
export function windowDays([from, to]: MonthRange): { dayFrom: number; dayTo: number } {
	const [y, m] = to.split('-').map(Number) as [number, number];
	const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { dayFrom: dayNumber(`${from}-01`), dayTo: dayNumber(`${to}-${String(lastDay).padStart(2, '0')}`) };
}

/** The incident filter a view applies, optionally over another window (period A or B). */
export function viewFilter(view: ViewState, window: MonthRange | null = view.window): IncidentFilter {
	return {
		...(window ? windowDays(window) : {}),
		actor: view.actor,
		eventType: view.eventType,
		target: view.target,
		...(view.suicide ? { suicide: view.suicide } : {}),
		minCasualties: view.minCasualties || 0,
		precision: view.precision
	};
}

/** What the map shows, as a short stable string (district, camera and overlays aside). */
export function shadingKey(view: ViewState): string {
	const p = encodeView({ ...view, district: null, camera: null, hotspots: false, points: false, basemap: true, columns: null });
	for (const k of ['dataset', 'metric', 'per']) p.delete(k);
	const rest = p.toString();
	return `${view.dataset}|${view.metric}|${view.per}${rest ? `|${rest}` : ''}`;
}

/** One active filter, as shown in a chip and written into exports. */
export interface FilterChip {
	label: string;
	/** The view fields that remove just this filter. */
	without: Partial<ViewState>;
}

const monthLabel = (m: string) => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

/** The short names chips give the category filters: the source's own (a UCDP "Party", a GTD "Perpetrator"; src/lib/actors). */
export type ChipNames = Record<'actor' | 'eventType' | 'target', string>;
const CHIP_NAMES: ChipNames = { actor: 'Group', eventType: 'Type', target: 'Target' };

export function filterChips(view: ViewState, names: ChipNames = CHIP_NAMES): FilterChip[] {
	const chips: FilterChip[] = [];
	if (view.window)
		chips.push({
			label: `Dates: ${view.window[0] === view.window[1] ? monthLabel(view.window[0]) : `${monthLabel(view.window[0])} – ${monthLabel(view.window[1])}`}`,
			without: { window: null }
		});
	for (const key of ['actor', 'eventType', 'target'] as const) {
		for (const v of view[key]) chips.push({ label: `${names[key]}: ${v}`, without: { [key]: view[key].filter((x) => x !== v) } });
	}
	if (view.suicide) chips.push({ label: `Suicide: ${view.suicide}`, without: { suicide: null } });
	if (view.minCasualties > 0) chips.push({ label: `Casualties ≥ ${view.minCasualties}`, without: { minCasualties: 0 } });
	for (const p of view.precision) chips.push({ label: `Precision: ${p}`, without: { precision: view.precision.filter((x) => x !== p) } });
	return chips;
}

/** The filters in one line, for exported files. */
export function describeFilters(view: ViewState, names: ChipNames = CHIP_NAMES): string {
	const chips = filterChips(view, names).map((c) => c.label);
	if (view.compare) chips.push(`Comparing ${view.compare.a.join('..')} with ${view.compare.b.join('..')} (${view.compare.mode})`);
	if (view.versus) chips.push(`Compared with the dataset ${view.versus}`);
	return chips.length ? chips.join('; ') : 'none';
}

/** Every window a view aggregates: its own, and the two periods of a comparison (null = all dates). */
export function viewWindows(view: Pick<ViewState, 'window' | 'compare'>): (MonthRange | null)[] {
	return view.compare ? [view.window, view.compare.a, view.compare.b] : [view.window];
}
