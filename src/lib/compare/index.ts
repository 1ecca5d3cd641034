/**
 * Period comparison: how each district's metric changed from period A to period B, with the
 * districts that had too few events to compare kept apart (null), never shown as ±∞.
 */
export type CompareMode = 'difference' | 'percent';

export interface Comparison {
	/** B − A, or (B − A) / A × 100; null where the comparison is not meaningful. */
	change: (number | null)[];
	/** Why a district is null: too few events in A and B together, or A = 0 for a % change. */
	reason: (null | 'too-few-events' | 'zero-base')[];
}

/**
 * @param a, b metric values in each period; @param eventsA, eventsB incident counts in each period.
 * @param minEvents fewer incidents than this in A and B together → not compared.
 */
export function comparePeriods(
	a: readonly number[],
	b: readonly number[],
	eventsA: readonly number[],
	eventsB: readonly number[],
	mode: CompareMode,
	minEvents = 5
): Comparison {
	const change: (number | null)[] = [];
	const reason: Comparison['reason'] = [];
	a.forEach((va, i) => {
		const vb = b[i]!;
		if (eventsA[i]! + eventsB[i]! < minEvents) {
			change.push(null);
			reason.push('too-few-events');
		} else if (mode === 'percent' && va === 0) {
			change.push(null);
			reason.push('zero-base');
		} else {
			change.push(mode === 'difference' ? vb - va : ((vb - va) / va) * 100);
			reason.push(null);
		}
	});
	return { change, reason };
}

/** Why one district is not compared, in words with its own counts: "3 incidents in A and B together, fewer than 5". */
export function notComparedWhy(reason: Comparison['reason'][number], eventsA: number, eventsB: number, minEvents = 5): string | null {
	if (reason === 'too-few-events') return `${eventsA + eventsB} incident${eventsA + eventsB === 1 ? '' : 's'} in A and B together, fewer than ${minEvents}`;
	if (reason === 'zero-base') return `no incidents in A (${eventsB} in B): a % change from 0 has no value`;
	return null;
}

/** Symmetric class bounds around 0 for a diverging scale: ±max|change| split into `perSide` steps. */
export function divergingBounds(change: readonly (number | null)[], perSide = 3): number[] {
	const max = Math.max(0, ...change.filter((v): v is number => v !== null).map(Math.abs));
	if (max === 0) return [];
	return Array.from({ length: perSide }, (_, i) => (max * (i + 1)) / perSide);
}
