/**
 * Site risk check: what the loaded data record around one point, in figures and in one plain
 * paragraph built only from those figures. Distances are geodesic (haversine, turf.distance).
 */
import { booleanPointInPolygon, distance, pointToLineDistance } from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { countsInDistrict, type Incident, type PlacedIncident } from '../incident/index.js';
import { formatDate, formatPlural as plural } from '../format/index.js';
import { addToTally, dataWords, emptyTally, tollsClause, type DataTerms, type Tally } from '../tally/index.js';

export type { Tally } from '../tally/index.js';

export const RADII_KM = [5, 10, 25, 50] as const;

export interface NearIncident {
	index: number;
	km: number;
}

export interface SiteRisk {
	radiusKm: number;
	recentMonths: number;
	/** First day of the recent window (ISO), from the latest date in the loaded data. */
	recentFrom: string | null;
	all: Tally;
	recent: Tally;
	/** Incidents within the radius (indices into the incidents array), nearest first. */
	within: NearIncident[];
	/** The nearest incidents whatever the radius. */
	nearest: NearIncident[];
	/** Incidents left out because their location is only a province or country centroid. */
	coarseExcluded: number;
}

/** ISO date `months` months before the month after `end` (the window's first day). */
export function monthsBefore(end: string, months: number): string {
	const y = Number(end.slice(0, 4));
	const m = Number(end.slice(5, 7)) - 1;
	const d = new Date(Date.UTC(y, m - months + 1, 1));
	return d.toISOString().slice(0, 10);
}

/**
 * @param include which incidents the current filters keep (1 = keep); province/country-level
 *   locations are never counted (they are centroids, not places).
 */
export function siteRisk(
	site: [number, number],
	incidents: readonly PlacedIncident[],
	include: ArrayLike<number>,
	{ radiusKm, recentMonths, nearest = 5 }: { radiusKm: number; recentMonths: number; nearest?: number }
): SiteRisk {
	let latest: string | null = null;
	for (let i = 0; i < incidents.length; i++) if (include[i] && (latest === null || incidents[i]!.date > latest)) latest = incidents[i]!.date;
	const recentFrom = latest ? monthsBefore(latest, recentMonths) : null;
	const all = emptyTally();
	const recent = emptyTally();
	const within: NearIncident[] = [];
	// The `nearest` closest so far, in order: kept by insertion rather than by sorting every
	// incident's distance (a million-row import made a million records to sort).
	const closest: NearIncident[] = [];
	let coarseExcluded = 0;
	incidents.forEach((inc, index) => {
		if (!include[index] || inc.lon === null || inc.lat === null) return;
		if (!countsInDistrict(inc.placePrecision)) return void coarseExcluded++;
		const km = distance(site, [inc.lon, inc.lat], { units: 'kilometers' });
		if (nearest > 0 && (closest.length < nearest || km < closest[closest.length - 1]!.km)) insertNearest(closest, { index, km }, nearest);
		if (km > radiusKm) return;
		within.push({ index, km });
		addToTally(all, inc);
		if (recentFrom && inc.date >= recentFrom) addToTally(recent, inc);
	});
	return { radiusKm, recentMonths, recentFrom, all, recent, within: within.sort(byDistance), nearest: closest, coarseExcluded };
}

/** Nearest first; at equal distance, the earlier row. */
const byDistance = (a: NearIncident, b: NearIncident) => a.km - b.km || a.index - b.index;

/** Puts `n` in its place in the sorted `list`, which keeps at most `max` entries. */
function insertNearest(list: NearIncident[], n: NearIncident, max: number) {
	let k = list.length;
	while (k > 0 && byDistance(list[k - 1]!, n) > 0) k--;
	list.splice(k, 0, n);
	if (list.length > max) list.pop();
}

/** Geodesic distance (km) from a point to the nearest part of a (multi)line. */
export function distanceToLine(point: [number, number], line: Feature<MultiLineString>): number {
	return Math.min(
		...line.geometry.coordinates.map((coords) => pointToLineDistance(point, { type: 'LineString', coordinates: coords }, { units: 'kilometers' }))
	);
}

/** Index of the first district that contains the point (boundary inclusive), or -1. */
export function districtAt(point: [number, number], districts: readonly Feature<Polygon | MultiPolygon>[]): number {
	return districts.findIndex((d) => booleanPointInPolygon(point, d));
}

export interface SummaryInput extends DataTerms {
	placeName: string;
	site: [number, number];
	risk: SiteRisk;
	/** The nearest incident (`risk.nearest[0]`), for its date and place. */
	nearest: Incident | null;
	district: { name: string; province: string; rank: number; of: number; unit: string } | null;
	borderKm: number;
}

/** One paragraph of plain statements, each a figure from the check; no judgement words. */
export function riskSummary(s: SummaryInput): string {
	const { risk } = s;
	const coords = `${s.site[1].toFixed(4)}, ${s.site[0].toFixed(4)}`;
	const where = s.placeName === coords ? coords : `${s.placeName} (${coords})`;
	const data = dataWords(s);
	const a = risk.all;
	const parts: string[] = [];
	if (a.incidents === 0) parts.push(`The loaded data (${data}) record no incident within ${risk.radiusKm} km of ${where}.`);
	else {
		parts.push(`Within ${risk.radiusKm} km of ${where}, the loaded data (${data}) record ${plural(a.incidents, 'incident')}, ${tollsClause(a, s.roles)}.`);
		if (a.districtLevel) parts.push(`${plural(a.districtLevel, 'of them is', 'of them are')} located only at district level.`);
		if (risk.recentFrom)
			parts.push(
				`${plural(risk.recent.incidents, 'incident')} ${risk.recent.incidents === 1 ? 'falls' : 'fall'} in the last ${risk.recentMonths} months of the data (from ${formatDate(risk.recentFrom, 'month')}).`
			);
	}
	const first = risk.nearest[0];
	const inc = s.nearest;
	if (first && inc) {
		parts.push(
			`The nearest recorded incident is ${first.km.toFixed(1)} km away (${formatDate(inc.date, inc.datePrecision)}${inc.place ? `, ${inc.place}` : ''}).`
		);
	}
	parts.push(
		s.district
			? `The site lies in ${s.district.name} (${s.district.province}), ranked ${s.district.rank} of ${s.district.of} districts by ${s.district.unit}, ${s.borderKm.toFixed(1)} km from the Afghanistan–Pakistan border.`
			: `The site lies outside the districts of Khyber Pakhtunkhwa and Balochistan, ${s.borderKm.toFixed(1)} km from the Afghanistan–Pakistan border.`
	);
	return parts.join(' ');
}
