/**
 * Class breaks for the choropleth. Zero gets a class of its own (a district with no recorded
 * incident must look different from one with a few); the positive values are split by the chosen
 * method: natural breaks (ckmeans, optimal 1-D k-means from simple-statistics), quantiles, or
 * equal intervals.
 */
import { ckmeans, quantileSorted } from 'simple-statistics';

export type ClassMethod = 'natural' | 'quantile' | 'equal';
export const CLASS_METHODS: readonly ClassMethod[] = ['natural', 'quantile', 'equal'];
export const CLASS_METHOD_LABEL: Record<ClassMethod, string> = { natural: 'Natural breaks (ckmeans)', quantile: 'Quantiles', equal: 'Equal intervals' };

export interface ClassOptions {
	method: ClassMethod;
	/** Classes for the positive values (zero is always its own class). */
	count: number;
}

export interface ClassBreaks {
	/** Lower bound of each positive class, ascending; class i holds values in [lower[i], lower[i+1]). */
	lower: number[];
	/** Upper bound actually reached by each positive class (for the legend). */
	upper: number[];
	/** Values per positive class. */
	counts: number[];
	zeroCount: number;
}

/** Lower bounds of the positive classes by each method (sorted, distinct, first = min). */
function lowerBounds(sorted: number[], k: number, method: ClassMethod): number[] {
	if (method === 'natural') return ckmeans(sorted, k).map((c) => c[0]!);
	const min = sorted[0]!;
	const max = sorted[sorted.length - 1]!;
	const bounds = Array.from({ length: k }, (_, i) => (i === 0 ? min : method === 'quantile' ? quantileSorted(sorted, i / k) : min + ((max - min) * i) / k));
	// Both are non-decreasing in i (quantiles of sorted values, even steps), so only ties go.
	return [...new Set(bounds)];
}

export function classBreaks(values: readonly number[], { method, count }: ClassOptions): ClassBreaks {
	const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
	const zeroCount = values.filter((v) => v === 0).length;
	const k = Math.min(count, new Set(positive).size);
	const lower = k > 0 ? lowerBounds(positive, k, method) : [];
	const upper = lower.map(() => -Infinity);
	const counts = lower.map(() => 0);
	const breaks: ClassBreaks = { lower, upper, counts, zeroCount };
	for (const v of positive) {
		const c = classOf(v, breaks);
		counts[c]!++;
		upper[c] = Math.max(upper[c]!, v);
	}
	// A class no value fell in (possible with equal intervals) keeps its bound as upper.
	upper.forEach((u, i) => (upper[i] = u === -Infinity ? lower[i]! : u));
	return breaks;
}

/** Class of a value with no figure (NaN, e.g. no census population). */
export const NO_FIGURE_CLASS = -2;

/** Class of a value: -1 for zero, -2 for no figure, else the index of its positive class. */
export function classOf(value: number, breaks: ClassBreaks): number {
	if (Number.isNaN(value)) return NO_FIGURE_CLASS;
	if (value <= 0) return -1;
	let cls = 0;
	for (let i = 0; i < breaks.lower.length; i++) if (value >= breaks.lower[i]!) cls = i;
	return cls;
}

/**
 * Classes that hold still: the classes of `pool` (every value over every step of a play, say),
 * with the districts of `values` (one step) counted in them. The legend's ranges are the pool's,
 * so a colour means the same value in every frame.
 */
export function heldBreaks(pool: readonly number[], values: readonly number[], options: ClassOptions): ClassBreaks {
	const held = classBreaks(pool, options);
	const counts = held.lower.map(() => 0);
	let zeroCount = 0;
	for (const v of values) {
		const cls = classOf(v, held);
		if (cls >= 0) counts[cls]!++;
		else if (v === 0) zeroCount++;
	}
	return { ...held, counts, zeroCount };
}

/** Breaks typed by hand: at most this many (so at most 7 positive classes, as the class-count menu offers). */
export const MAX_TYPED_BREAKS = 6;
const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/** Why typed breaks ("1, 5, 10": where each class after the first starts) cannot be used, or null when they can. */
export function typedBreaksProblem(text: string): string | null {
	const parts = text.split(',').map((s) => s.trim());
	if (parts.length > MAX_TYPED_BREAKS) return `${parts.length} breaks, more than ${MAX_TYPED_BREAKS}`;
	const bad = parts.find((s) => !PLAIN_DECIMAL.test(s) || Number(s) <= 0);
	if (bad !== undefined) return `“${bad.slice(0, 20)}” is not a number above 0`;
	const numbers = parts.map(Number);
	const i = numbers.findIndex((v, k) => k > 0 && v <= numbers[k - 1]!);
	return i > 0 ? `${parts[i]} does not come after ${parts[i - 1]}: breaks go up` : null;
}

/** The typed breaks as numbers, or null when typedBreaksProblem finds a problem. */
export const parseTypedBreaks = (text: string): number[] | null => (typedBreaksProblem(text) === null ? text.split(',').map(Number) : null);

/**
 * Classes fixed by hand: class 0 below the first break, class i from break i, the last from the
 * last break up. The legend's ranges are the breaks (the last class up to the highest value), so
 * they stay put whatever the window; the counts are of `values`.
 */
export function typedBreaks(breaks: readonly number[], values: readonly number[]): ClassBreaks {
	const positive = values.filter((v) => v > 0);
	const max = Math.max(breaks.at(-1)!, ...positive);
	// The first class from its smallest value, or from 0 when it holds none.
	const below = positive.filter((v) => v < breaks[0]!);
	const lower = [below.length ? Math.min(...below) : 0, ...breaks];
	const fixed: ClassBreaks = { lower, upper: [...breaks, max], counts: lower.map(() => 0), zeroCount: values.filter((v) => v === 0).length };
	for (const v of positive) fixed.counts[classOf(v, fixed)]!++;
	return fixed;
}
