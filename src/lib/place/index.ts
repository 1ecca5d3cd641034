/**
 * Finding a place offline: typed coordinates (decimal or degrees-minutes-seconds) and a search
 * over district names, incident place names and a gazetteer of Pakistani and Afghan towns.
 */

import { distance } from '@turf/turf';
import { labelPoint, type District } from '../districts/index.js';
import type { Incident } from '../incident/index.js';

/**
 * What a place is, kept with it wherever it goes (the site card, saved sites, their CSV, the
 * link): "Quetta" the town is 26 km from "Quetta" the district's centre.
 */
export const PLACE_KINDS = ['town', 'district', 'incident place', 'coordinates', 'map point'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
	name: string;
	lon: number;
	lat: number;
	/** Where the name comes from, shown beside it. */
	kind: PlaceKind;
	/** Said after the kind: a town's country and population, a district's province, an incident place's source. */
	detail: string;
}

/** A place's kind in words: "town (GeoNames, Pakistan, pop. 733,675)", "district centre (Balochistan)". */
export function kindWords(kind: PlaceKind, detail = ''): string {
	const more = detail ? `, ${detail}` : '';
	switch (kind) {
		case 'town':
			return `town (GeoNames${more})`;
		case 'district':
			// A district's "centre" is its label point, inside its largest part: not a town.
			return `district centre${detail ? ` (${detail})` : ''}`;
		case 'incident place':
			return `place named by incidents${detail ? ` (${detail})` : ''}`;
		case 'coordinates':
			return 'typed coordinates';
		case 'map point':
			return 'point picked on the map';
	}
}

/** The town nearest a point (geodesic), with its distance; null when there are no towns. */
export function nearestTown(lon: number, lat: number, places: readonly Place[]): { town: Place; km: number } | null {
	let best: { town: Place; km: number } | null = null;
	for (const p of places) {
		if (p.kind !== 'town') continue;
		const km = distance([lon, lat], [p.lon, p.lat], { units: 'kilometers' });
		if (!best || km < best.km) best = { town: p, km };
	}
	return best;
}

/** Pakistan, Afghanistan and their borders: where a site check makes sense. */
export const REGION: [number, number, number, number] = [60, 23, 78, 38];

export type Parsed = { lon: number; lat: number } | { error: string } | null;

const HEMI = /[NSEW]/i;

/** One angle: decimal degrees or D°M'S" with an optional hemisphere letter. */
function angle(part: string): { value: number; hemi: string | null } | null {
	const hemi = part.match(HEMI)?.[0]?.toUpperCase() ?? null;
	const nums = part
		.replace(HEMI, ' ')
		.replace(/[°º'’′"”″dms,]/gi, ' ')
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.map(Number);
	if (nums.length === 0 || nums.length > 3 || nums.some((n) => !Number.isFinite(n))) return null;
	const [d, m = 0, s = 0] = nums as [number, number?, number?];
	if (m < 0 || m >= 60 || s < 0 || s >= 60 || (nums.length > 1 && !Number.isInteger(d))) return null;
	const value = Math.abs(d) + m / 60 + s / 3600;
	return { value: d < 0 ? -value : value, hemi };
}

/**
 * Parses "34.01, 71.58", "34.01 71.58", "N34.01 E71.58" or "34°0'36"N 71°34'48"E" (latitude
 * first unless hemisphere letters say otherwise). Returns null when the text does not look like
 * coordinates at all (so it can be searched as a name), or an error saying what is wrong.
 */
export function parseCoordinates(text: string): Parsed {
	const t = text.trim();
	if (!/^[\s\dNSEW°º'’′"”″.,;:+\-dms]+$/i.test(t) || !/\d/.test(t)) return null;
	// Split into two angles: at a comma/semicolon, after a hemisphere letter, or at whitespace
	// between two decimal numbers.
	let parts = t
		.split(/[,;]/)
		.map((p) => p.trim())
		.filter(Boolean);
	if (parts.length !== 2) {
		const letters = [...t.matchAll(/[NSEW]/gi)].map((m) => m.index!);
		if (letters.length === 2) {
			// "N34 E71" (letters first): split before the second; "34N 71E": split after the first.
			const at = /^[NSEW]/i.test(t) ? letters[1]! : letters[0]! + 1;
			parts = [t.slice(0, at).trim(), t.slice(at).trim()];
		} else if (letters.length === 0 && t.split(/\s+/).length === 2) parts = t.split(/\s+/);
	}
	if (parts.length !== 2) return { error: `"${t}" is not a coordinate pair; type latitude and longitude, e.g. 34.01, 71.58 or 34°0'36"N 71°34'48"E.` };
	const a = angle(parts[0]!);
	const b = angle(parts[1]!);
	if (!a || !b) return { error: `"${t}" could not be read as coordinates (degrees, minutes < 60, seconds < 60).` };
	let lat = a;
	let lon = b;
	if (a.hemi === 'E' || a.hemi === 'W' || b.hemi === 'N' || b.hemi === 'S') [lat, lon] = [b, a];
	const latitude = lat.hemi === 'S' ? -Math.abs(lat.value) : lat.value;
	const longitude = lon.hemi === 'W' ? -Math.abs(lon.value) : lon.value;
	if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
		return { error: `${latitude}, ${longitude} is not on Earth (latitude within ±90, longitude within ±180).` };
	if (longitude < REGION[0] || longitude > REGION[2] || latitude < REGION[1] || latitude > REGION[3]) {
		return {
			error: `${latitude.toFixed(4)}, ${longitude.toFixed(4)} is outside Pakistan and Afghanistan (latitude ${REGION[1]}–${REGION[3]}, longitude ${REGION[0]}–${REGION[2]}); check the order (latitude first) and the signs.`
		};
	}
	return { lon: longitude, lat: latitude };
}

const fold = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();

/**
 * Places whose name starts with (then contains) the query: a town before the district of the same
 * name (a site check at "Quetta" means the town, not the district's centre 26 km away), then
 * incident places; bigger towns first (the list is by population).
 */
export function searchPlaces(query: string, places: readonly Place[], limit = 8): Place[] {
	const q = fold(query.trim());
	if (q.length < 2) return [];
	const scored: { p: Place; score: number }[] = [];
	for (const p of places) {
		const name = fold(p.name);
		const at = name.indexOf(q);
		if (at < 0) continue;
		const kindRank = p.kind === 'town' ? 0 : p.kind === 'district' ? 1 : 2;
		scored.push({ p, score: (at === 0 ? 0 : 10) + (name === q ? -5 : 0) + kindRank });
	}
	return scored
		.sort((a, b) => a.score - b.score)
		.slice(0, limit)
		.map((s) => s.p);
}

/**
 * Waypoints typed as names ("Peshawar; Kohat; Bannu; Dera Ismail Khan", or one per line): each is
 * the best match of the search (a town before a district of its name), or typed coordinates.
 * Names that match nothing are listed, and no route is made from the rest: a route that silently
 * skipped a stop would be another route.
 */
export function resolveWaypoints(text: string, places: readonly Place[]): { stops: Place[] } | { unknown: string[] } | { error: string } {
	const names = text
		.split(/[;\n]/)
		.map((t) => t.trim())
		.filter(Boolean);
	if (names.length < 2) return { error: 'Type at least two places, separated by ";" (e.g. Peshawar; Kohat; Bannu).' };
	const stops: Place[] = [];
	const unknown: string[] = [];
	for (const name of names) {
		const at = parseCoordinates(name);
		if (at && 'error' in at) return { error: at.error };
		const place = at ? { name, lon: at.lon, lat: at.lat, kind: 'coordinates' as const, detail: '' } : searchPlaces(name, places, 1)[0];
		if (place) stops.push(place);
		else unknown.push(name);
	}
	return unknown.length ? { unknown } : { stops };
}

/** Every district, at its label point (inside its largest part), named with its province. */
export function districtPlaces(districts: readonly District[]): Place[] {
	return districts.map((d) => {
		const [lon, lat] = labelPoint(d);
		return { name: d.properties.name, lon, lat, kind: 'district', detail: d.properties.province };
	});
}

/**
 * The places incidents name, once each: only those located exactly (a district centroid or a
 * province's is not where the place is), at the first incident that names it.
 */
export function incidentPlaces(incidents: readonly Incident[], source: string): Place[] {
	const seen = new Map<string, Place>();
	for (const inc of incidents) {
		if (!inc.place || inc.lon === null || inc.lat === null || inc.placePrecision !== 'exact' || seen.has(inc.place)) continue;
		seen.set(inc.place, { name: inc.place, lon: inc.lon, lat: inc.lat, kind: 'incident place', detail: source });
	}
	return [...seen.values()];
}

/** A town of the bundled gazetteer (geodata/gazetteer.json, GeoNames). */
export interface GazetteerTown {
	name: string;
	country: string;
	lon: number;
	lat: number;
	population: number;
	geonamesId?: number;
}

/** The gazetteer's towns as places: "Pakistan, pop. 1,970,042". */
export function townPlaces(towns: readonly GazetteerTown[]): Place[] {
	return towns.map((t) => ({
		name: t.name,
		lon: t.lon,
		lat: t.lat,
		kind: 'town',
		detail: `${t.country === 'PK' ? 'Pakistan' : t.country === 'AF' ? 'Afghanistan' : t.country}, pop. ${t.population.toLocaleString('en-GB')}`
	}));
}
