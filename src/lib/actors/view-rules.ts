/**
 * A view asking a source for what it does not record: shading by wounded or casualties where the
 * source has no wounded figures (UCDP, ACLED), or a filter on a field it does not code (suicide,
 * target), which would hide every row. The view falls back and says why, never shows 0 or nothing.
 */
import type { Metric } from '../aggregate/index.js';
import { notRecorded, type SourceRoles } from './index.js';

export interface SourceView {
	metric: Metric;
	suicide: 'yes' | 'no' | null;
	target: readonly string[];
}

/** The view as the source can answer it, and a sentence per change; `notes` is empty when nothing changed. */
export function viewForSource(roles: SourceRoles, view: SourceView): SourceView & { notes: string[] } {
	const notes: string[] = [];
	let { metric, suicide, target } = view;
	if (!roles.wounded && (metric === 'wounded' || metric === 'casualties')) {
		const instead: Metric = metric === 'casualties' ? 'killed' : 'incidents';
		notes.push(`Shading by ${metric} is off: wounded are ${notRecorded(roles)}. Shaded by ${instead} instead.`);
		metric = instead;
	}
	if (!roles.suicide && suicide) {
		suicide = null;
		notes.push(`The suicide-attack filter is off: ${roles.source} does not code suicide attacks.`);
	}
	if (!roles.targetLabel && target.length) {
		target = [];
		notes.push(`The target filter is off: ${roles.source} codes no target.`);
	}
	return { metric, suicide, target, notes };
}
