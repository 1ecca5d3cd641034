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
	/** Keep rows whose value is one of these labels; absent or empty = no filter. */
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
		allowed: Object.fromEntries(CATEGORIES.map((c) => [c, allowedCodes(cols.labels[c], filter[c])])) as Record<Category, Uint8Array | null>,
		suicide: filter.suicide === 'yes' ? 1 : filter.suicide === 'no' ? 0 : null,
		minCasualties: filter.minCasualties ?? 0,
		precision: allowedCodes(PRECISIONS, filter.precision)
	};
}

/** Bitmask (BIT) of the filter components row `i` fails; 0 = the row passes. */
export function failures(f: CompiledFilter, cols: IncidentColumns, i: number): number {
	let bits = 0;
	const day = cols.day[i]!;
	if (day < f.dayFrom || day > f.dayTo) bits |= 1;
	if (f.allowed.actor && !f.allowed.actor[cols.actor[i]!]) bits |= 2;
	if (f.allowed.eventType && !f.allowed.eventType[cols.eventType[i]!]) bits |= 4;
	if (f.allowed.target && !f.allowed.target[cols.target[i]!]) bits |= 8;
	if (f.suicide !== null && cols.suicide[i] !== f.suicide) bits |= 16;
	if (f.minCasualties > 0) {
		const k = cols.killed[i]!;
		const w = cols.wounded[i]!;
		const known = k === k || w === w;
		if (!known || (k === k ? k : 0) + (w === w ? w : 0) < f.minCasualties) bits |= 32;
	}
	if (f.precision && !f.precision[cols.precision[i]!]) bits |= 64;
	return bits;
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
