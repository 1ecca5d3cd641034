/**
 * Class breaks for the choropleth. Zero gets a class of its own (a district with no recorded
 * incident must look different from one with a few), and the positive values are split with
 * Jenks-style natural breaks (ckmeans, optimal 1-D k-means from simple-statistics).
 */
import { ckmeans } from 'simple-statistics';

export interface ClassBreaks {
	/** Lower bound of each positive class, ascending; class i holds values in [lower[i], lower[i+1]). */
	lower: number[];
	/** Upper bound actually reached by each positive class (for the legend). */
	upper: number[];
	/** Districts per positive class. */
	counts: number[];
	zeroCount: number;
}

export function naturalBreaks(values: readonly number[], classCount = 5): ClassBreaks {
	const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
	const zeroCount = values.filter((v) => v === 0).length;
	const distinct = new Set(positive).size;
	const k = Math.min(classCount, distinct);
	const clusters = k > 0 ? ckmeans(positive, k) : [];
	return {
		lower: clusters.map((c) => c[0]!),
		upper: clusters.map((c) => c[c.length - 1]!),
		counts: clusters.map((c) => c.length),
		zeroCount
	};
}

/** Class of a value: -1 for zero, else the index of its positive class. */
export function classOf(value: number, breaks: ClassBreaks): number {
	if (value <= 0) return -1;
	let cls = 0;
	for (let i = 0; i < breaks.lower.length; i++) if (value >= breaks.lower[i]!) cls = i;
	return cls;
}
