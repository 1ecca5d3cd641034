/**
 * Incident filters: what an analyst narrows the data to. Stated with labels (stable across
 * datasets and readable in a URL), compiled to lookup tables over the typed columns.
 */
import { CATEGORIES, PRECISIONS, type Category, type IncidentColumns } from '../columns/index.js';
import type { PlacePrecision } from '../incident/index.js';

export interface IncidentFilter {
	/** Inclusive day bounds (days since 1970-01-01). */
	dayFrom?: number;
	dayTo?: number;
	/** Keep rows whose value is one of these labels (for `actor`: either party's); absent or empty = no filter. */
	actor?: string[];
	eventType?: string[];
	target?: string[];
	suicide?: 'yes' | 'no';
	/** Killed + wounded (known figures) at least this; rows with neither figure known fail. */
	minCasualties?: number;
	precision?: PlacePrecision[];
}

/** Filter components, in the bit order `failures()` reports them. */
export const COMPONENTS = ['date', 'actor', 'eventType', 'target', 'suicide', 'minCasualties', 'precision'] as const;
export type Component = (typeof COMPONENTS)[number];
export const BIT = Object.fromEntries(COMPONENTS.map((c, i) => [c, 1 << i])) as Record<Component, number>;

export interface CompiledFilter {
	dayFrom: number;
	dayTo: number;
	allowed: Record<Category, Uint8Array | null>;
	suicide: -1 | 0 | 1 | null;
	minCasualties: number;
	precision: Uint8Array | null;
}

function allowedCodes(labels: readonly string[], chosen: readonly string[] | undefined): Uint8Array | null {
	if (!chosen || chosen.length === 0) return null;
	const set = new Set(chosen);
	return Uint8Array.from(labels, (l) => (set.has(l) ? 1 : 0));
}

export function compileFilter(cols: IncidentColumns, filter: IncidentFilter): CompiledFilter {
	return {
		dayFrom: filter.dayFrom ?? -Infinity,
		dayTo: filter.dayTo ?? Infinity,
		// An object literal, not Object.fromEntries: `failures` reads it once per row, and a literal
		// keeps a fixed shape (fromEntries gave a dictionary object: 4× slower per row).
		allowed: {
			actor: allowedCodes(cols.labels.actor, filter.actor),
			eventType: allowedCodes(cols.labels.eventType, filter.eventType),
			target: allowedCodes(cols.labels.target, filter.target)
		},
		suicide: filter.suicide === 'yes' ? 1 : filter.suicide === 'no' ? 0 : null,
		minCasualties: filter.minCasualties ?? 0,
		precision: allowedCodes(PRECISIONS, filter.precision)
	};
}

/**
 * Bitmask (BIT) of the filter components each row of `[from, to)` fails, into `out[i - from]`;
 * 0 = the row passes. A batch, not a call per row: with the columns and tables in locals the loop
 * runs about 3× faster than the same test as a per-row function (measured at 1 M rows).
 */
export function failuresInto(f: CompiledFilter, cols: IncidentColumns, out: Uint8Array, from = 0, to = cols.length): Uint8Array {
	const { day, actor, actor2, eventType, target, suicide, killed, wounded, precision } = cols;
	const { dayFrom, dayTo, minCasualties } = f;
	const allowActor = f.allowed.actor;
	const allowEventType = f.allowed.eventType;
	const allowTarget = f.allowed.target;
	const allowPrecision = f.precision;
	const wantSuicide = f.suicide;
	for (let i = from; i < to; i++) {
		let bits = 0;
		const d = day[i]!;
		if (d < dayFrom || d > dayTo) bits |= 1;
		// An actor filter matches either party (UCDP side A or B, ACLED actor 1 or 2).
		if (allowActor !== null && allowActor[actor[i]!] === 0 && (actor2[i] === 0 || allowActor[actor2[i]!] === 0)) bits |= 2;
		if (allowEventType !== null && allowEventType[eventType[i]!] === 0) bits |= 4;
		if (allowTarget !== null && allowTarget[target[i]!] === 0) bits |= 8;
		if (wantSuicide !== null && suicide[i] !== wantSuicide) bits |= 16;
		if (minCasualties > 0) {
			const k = killed[i]!;
			const w = wounded[i]!;
			const known = k === k || w === w;
			if (!known || (k === k ? k : 0) + (w === w ? w : 0) < minCasualties) bits |= 32;
		}
		if (allowPrecision !== null && allowPrecision[precision[i]!] === 0) bits |= 64;
		out[i - from] = bits;
	}
	return out;
}

/** The components a filter sets (for chips and "clear all"). */
export function activeComponents(filter: IncidentFilter): Component[] {
	const active: Component[] = [];
	if (filter.dayFrom !== undefined || filter.dayTo !== undefined) active.push('date');
	for (const c of CATEGORIES) if (filter[c]?.length) active.push(c);
	if (filter.suicide) active.push('suicide');
	if (filter.minCasualties) active.push('minCasualties');
	if (filter.precision?.length) active.push('precision');
	return active;
}
