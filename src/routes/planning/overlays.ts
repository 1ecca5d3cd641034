/** The map's planning overlays as GeoJSON: the site's circle and the incidents in it, the route's corridor and segments, border bands. */
import { circle, featureCollection as fc, point } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { Band } from '$lib/border/index.js';
import type { RouteExposure } from '$lib/route/index.js';
import type { OverlaySource } from '$style/layers.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface PlanShapes {
	/** The site checked, once the engine has answered for it. */
	site: { at: [number, number]; radiusKm: number; within: [number, number][] } | null;
	waypoints: [number, number][];
	/** The route's answer, once the engine has given it. */
	route: { exposure: RouteExposure; inCorridor: [number, number][] } | null;
	/** The border bands' polygons when they are shown and loaded. */
	bands: Band[] | null;
}

export function planOverlays({ site, waypoints, route, bands }: PlanShapes): Record<Exclude<OverlaySource, 'surges'>, FeatureCollection> {
	const found = (at: [number, number]) => point(at, { kind: 'incident' });
	const area: Feature[] = [];
	const marks: Feature[] = [];
	if (site) {
		area.push(circle(site.at, site.radiusKm, { steps: 96, units: 'kilometers' }));
		marks.push(point(site.at, { kind: 'site' }));
		for (const at of site.within) marks.push(found(at));
	}
	for (const w of waypoints) marks.push(point(w, { kind: 'waypoint' }));
	let segments: Feature[] = [];
	if (route) {
		const { exposure, inCorridor } = route;
		area.push(exposure.corridor);
		// Segments are shaded relative to the most exposed one (1 at least, so an empty route is 0).
		const max = Math.max(1, ...exposure.segments.map((s) => s.incidents));
		segments = exposure.segments.map((s) => ({ ...s.line, properties: { exposure: s.incidents / max, incidents: s.incidents } }));
		for (const at of inCorridor) marks.push(found(at));
	}
	return {
		'border-bands': bands ? fc(bands) : EMPTY,
		'plan-area': fc(area),
		'plan-route': fc(segments),
		'plan-points': fc(marks)
	};
}
