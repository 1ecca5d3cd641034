/**
 * A tally of incidents and their tolls, as the planning tools count them (a site's radius, a
 * route's segment, a saved site), and the words a toll is shown in. A toll the source does not give
 * is counted apart, never added as 0; a toll the source never records (UCDP's wounded) reads
 * "not recorded by UCDP", never 0.
 */
import type { DatasetInfo, PlacedIncident } from '../incident/index.js';
import { notRecorded, rolesOf, type SourceRoles } from '../actors/index.js';
import { formatCount, formatDate, formatPlural as plural } from '../format/index.js';
import type { Metric, Totals } from '../aggregate/index.js';

/** The aggregate's Totals (tolls not given counted apart), and how many are placed only at district level. */
export interface Tally extends Totals {
	/** Of them, located only at district level (a district centroid, not the place itself). */
	districtLevel: number;
}

export type Toll = 'killed' | 'wounded';
/** What a toll's words need of the source: whether it records the wounded, and its name. */
export type TollRoles = Pick<SourceRoles, 'wounded' | 'source'>;

export const emptyTally = (): Tally => ({ incidents: 0, killed: 0, wounded: 0, killedUnknown: 0, woundedUnknown: 0, districtLevel: 0 });

/** Counts one incident into `t`. */
export function addToTally(t: Tally, inc: Pick<PlacedIncident, 'killed' | 'wounded' | 'placePrecision'>): void {
	t.incidents++;
	if (inc.killed === null) t.killedUnknown++;
	else t.killed += inc.killed;
	if (inc.wounded === null) t.woundedUnknown++;
	else t.wounded += inc.wounded;
	if (inc.placePrecision === 'district') t.districtLevel++;
}

/** Incidents that do not give `toll` (casualties: the larger of the two, at least that many lack one). */
const unknownOf = (t: Totals, toll: Toll | 'casualties') =>
	toll === 'killed' ? t.killedUnknown : toll === 'wounded' ? t.woundedUnknown : Math.max(t.killedUnknown, t.woundedUnknown);

/** Whether the source records this toll at all. */
export const recordsToll = (roles: Pick<TollRoles, 'wounded'>, toll: Toll) => toll === 'killed' || roles.wounded;

/**
 * A toll for a table cell: "12", "12 (unknown for 3)", "unknown" (given for none of them) or
 * "not recorded by UCDP".
 */
export function tollText(t: Totals, toll: Toll, roles: TollRoles): string {
	if (!recordsToll(roles, toll)) return notRecorded(roles);
	return countWithUnknown(t[toll], unknownOf(t, toll), t.incidents);
}

/** A sum over the incidents that give it: "12", "12 (unknown for 3)", or "unknown" when none does. */
export function countWithUnknown(value: number, unknown: number, incidents: number): string {
	if (unknown === 0) return formatCount(value);
	if (unknown === incidents) return 'unknown';
	return `${formatCount(value)} (unknown for ${formatCount(unknown)})`;
}

/** How many of a cell's incidents do not give its figure. */
export type Unknowns = 'none' | 'some' | 'all';

/** Of a tally's incidents, how many do not give `toll` (casualties: either toll). */
export function unknownsOf(t: Totals, toll: Toll | 'casualties'): Unknowns {
	const some = unknownOf(t, toll);
	const all = toll === 'casualties' ? Math.min(t.killedUnknown, t.woundedUnknown) : some;
	return t.incidents > 0 && all === t.incidents ? 'all' : some > 0 ? 'some' : 'none';
}

/** A narrow table's cell: "12", "12*" (a line under the table says what * is), or "unknown". */
export const markedCount = (value: number, unknown: Unknowns) => (unknown === 'all' ? 'unknown' : `${formatCount(value)}${unknown === 'some' ? '*' : ''}`);

/**
 * A toll for a CSV: the figure and the incidents it is not given for, as two columns; a toll the
 * source never records is said in words in both.
 */
export function tollCells(t: Totals, toll: Toll, roles: TollRoles): [number | string, number | string] {
	if (!recordsToll(roles, toll)) return [notRecorded(roles), notRecorded(roles)];
	return [t[toll], unknownOf(t, toll)];
}

/** "with 12 killed and 30 wounded (tolls not given for 2 incidents)", for the planning summaries. */
export function tollsClause(t: Totals, roles: TollRoles): string {
	if (!roles.wounded) {
		const deaths = t.killedUnknown ? ` (deaths not given for ${plural(t.killedUnknown, 'incident')})` : '';
		return `with ${formatCount(t.killed)} killed${deaths}; the wounded are ${notRecorded(roles)}`;
	}
	const unknown = unknownOf(t, 'casualties');
	return `with ${formatCount(t.killed)} killed and ${formatCount(t.wounded)} wounded${unknown ? ` (tolls not given for ${plural(unknown, 'incident')})` : ''}`;
}

/** What the planning summaries say the figures are of: the dataset, its dates, the filters, its tolls. */
export interface DataTerms {
	dataset: string;
	dateRange: [string, string] | null;
	/** The active filters in words, or "none". */
	filters: string;
	/** Which tolls the source records (UCDP has no wounded). */
	roles: TollRoles;
}

/** The terms of a dataset on screen under `filters` (in words). */
export const dataTermsOf = (info: DatasetInfo, filters: string): DataTerms => ({
	dataset: info.name,
	dateRange: info.dateRange,
	filters,
	roles: rolesOf(info)
});

/** "GTD 2008, 1 Jan 2008 – 31 Dec 2008; filters: type: Bombing": the data a summary speaks of. */
export function dataWords({ dataset, dateRange, filters }: DataTerms): string {
	const dates = dateRange ? `, ${formatDate(dateRange[0], 'day')} – ${formatDate(dateRange[1], 'day')}` : '';
	return `${dataset}${dates}${filters !== 'none' ? `; filters: ${filters}` : ''}`;
}

/**
 * The legend's word on a map shaded by a toll some incidents do not give: their districts' sums
 * add up only those given (a district whose incidents give none is in the 0 class). Null when the
 * metric is not a toll or every incident gives it.
 */
export function tollNote(metric: Metric, t: Totals): string | null {
	const unknown = metric === 'incidents' ? 0 : unknownOf(t, metric);
	if (!unknown) return null;
	const what = metric === 'killed' ? 'Deaths' : metric === 'wounded' ? 'Wounded' : 'Tolls';
	return `${what} not given for ${plural(unknown, 'incident')}: the figures add up those given.`;
}
