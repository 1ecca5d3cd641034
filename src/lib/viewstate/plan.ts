/**
 * An NGO plan as URL parameters, beside the analyst view's: the open tool, the site (coordinates
 * and name), radius, recent window, route waypoints, corridor and segment widths, and whether the
 * border bands are shown. A shared link opens the same plan. Malformed values fall back to
 * defaults, as the view's do; only values that differ from the defaults are written.
 *
 * Coordinates are written to 5 decimals (about 1 m), latitude first as people read them.
 */
import { RADII_KM } from '../risk/index.js';
import { routeForLink } from '../route/file.js';
import { formatCount } from '../format/index.js';
import { pointProblem } from './camera.js';
import { PLACE_KINDS, type PlaceKind } from '../place/index.js';

/** A site: where it is, its name, and what kind of place it is (null: a link that did not say). */
export interface PlanSite {
	name: string;
	lon: number;
	lat: number;
	kind: PlaceKind | null;
	/** A town's country and population, a district's province; not carried by the link. */
	detail: string;
}

export const PLAN_TOOLS = ['districts', 'site', 'route', 'sites'] as const;
export type PlanTool = (typeof PLAN_TOOLS)[number];
export const RECENT_MONTHS = [3, 6, 12, 24] as const;
export const CORRIDOR_KM = [1, 2, 5, 10, 25] as const;
export const SEGMENT_KM = [5, 10, 20] as const;

export interface PlanState {
	tool: PlanTool;
	site: PlanSite | null;
	radiusKm: number;
	recentMonths: number;
	waypoints: [number, number][];
	halfWidthKm: number;
	segmentKm: number;
	bands: boolean;
}

export const DEFAULT_PLAN: PlanState = {
	tool: 'districts',
	site: null,
	radiusKm: 25,
	recentMonths: 12,
	waypoints: [],
	halfWidthKm: 5,
	segmentKm: 10,
	bands: false
};

/** The parameters a plan uses (the analyst view uses none of them). */
export const PLAN_PARAMS = ['tool', 'site', 'sitename', 'sitekind', 'radius', 'recent', 'route', 'corridor', 'seg', 'bands'] as const;

const coordinate = (lon: number, lat: number) => `${Number(lat.toFixed(5))},${Number(lon.toFixed(5))}`;

/** A "lat,lon" position, or null by the rule the link notes give the reason of (camera.ts). */
function point(text: string): [number, number] | null {
	if (pointProblem(text) !== null) return null;
	const [lat, lon] = text.split(',').map(Number);
	return [lon!, lat!];
}

const oneOf = <T extends number | string>(v: string | null, options: readonly T[], parse: (s: string) => T): T | null => {
	if (v === null) return null;
	const x = parse(v);
	return options.includes(x) ? x : null;
};

export function encodePlan(plan: PlanState): URLSearchParams {
	const p = new URLSearchParams();
	const d = DEFAULT_PLAN;
	if (plan.tool !== d.tool) p.set('tool', plan.tool);
	if (plan.site) {
		p.set('site', coordinate(plan.site.lon, plan.site.lat));
		// A name that only repeats the coordinates is not written twice.
		if (plan.site.name !== `${plan.site.lat.toFixed(4)}, ${plan.site.lon.toFixed(4)}`) p.set('sitename', plan.site.name);
		if (plan.site.kind) p.set('sitekind', plan.site.kind);
	}
	if (plan.radiusKm !== d.radiusKm) p.set('radius', String(plan.radiusKm));
	if (plan.recentMonths !== d.recentMonths) p.set('recent', String(plan.recentMonths));
	// A long route (a GPS track) is simplified for the link only (routeLinkNote says so).
	if (plan.waypoints.length)
		p.set(
			'route',
			routeForLink(plan.waypoints)
				.route.map(([lon, lat]) => coordinate(lon, lat))
				.join(';')
		);
	if (plan.halfWidthKm !== d.halfWidthKm) p.set('corridor', String(plan.halfWidthKm));
	if (plan.segmentKm !== d.segmentKm) p.set('seg', String(plan.segmentKm));
	if (plan.bands) p.set('bands', '1');
	return p;
}

/** What the page says when the link carries a simplified route, or null when it carries it whole. */
export function routeLinkNote(waypoints: [number, number][]): string | null {
	const { route, toleranceM } = routeForLink(waypoints);
	if (toleranceM === null) return null;
	return `The link carries this route simplified to ${formatCount(route.length)} of its ${formatCount(waypoints.length)} points (within ${toleranceM} m of it): opened from the link, its figures are of the simplified route.`;
}

export function decodePlan(p: URLSearchParams): PlanState {
	const d = DEFAULT_PLAN;
	const at = point(p.get('site') ?? '');
	const name = (p.get('sitename') ?? '').trim().slice(0, 120);
	const route = (p.get('route') ?? '').split(';').filter(Boolean).map(point);
	// One malformed waypoint drops the route rather than silently redrawing a different one.
	const waypoints = route.every((w) => w !== null) ? (route as [number, number][]) : [];
	return {
		tool: oneOf<PlanTool>(p.get('tool'), PLAN_TOOLS, (v) => v as PlanTool) ?? (at ? 'site' : waypoints.length ? 'route' : d.tool),
		site: at
			? {
					lon: at[0],
					lat: at[1],
					name: name || `${at[1].toFixed(4)}, ${at[0].toFixed(4)}`,
					kind: oneOf(p.get('sitekind'), PLACE_KINDS, (v) => v as PlaceKind),
					detail: ''
				}
			: null,
		radiusKm: oneOf(p.get('radius'), RADII_KM, Number) ?? d.radiusKm,
		recentMonths: oneOf(p.get('recent'), RECENT_MONTHS, Number) ?? d.recentMonths,
		waypoints,
		halfWidthKm: oneOf(p.get('corridor'), CORRIDOR_KM, Number) ?? d.halfWidthKm,
		segmentKm: oneOf(p.get('seg'), SEGMENT_KM, Number) ?? d.segmentKm,
		bands: p.get('bands') === '1'
	};
}
