/**
 * A site's or a route's map picture, framed on it: the live map moved to the view that holds the
 * radius or the corridor whole (src/lib/planreport), with a north arrow, a scale bar, a locator
 * inset of the two provinces, the legend, the figures, the route's ranked segments and the data
 * stamp (src/data/report).
 */
import { bbox, featureCollection } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Bounds } from '$lib/frame/index.js';
import { fitView, segmentTable, type MapView } from '$lib/planreport/index.js';
import type { BaseMap } from '$lib/geodata/index.js';
import type { LegendItem } from '$lib/shading/index.js';
import { composeReportPng } from '../../data/report.js';
import type { Planning, ReportSubject } from '../planning.svelte.js';

/** The outer rings of the two provinces, for the locator inset. */
function focusRings(baseMap: BaseMap): [number, number][][] {
	const polygons = (p: Feature<Polygon | MultiPolygon>) => (p.geometry.type === 'Polygon' ? [p.geometry.coordinates] : p.geometry.coordinates);
	return baseMap.provinces.filter((p) => p.properties.focus).flatMap((p) => polygons(p).map((rings) => rings[0] as [number, number][]));
}

export interface ReportInputs {
	what: ReportSubject;
	plan: Planning;
	baseMap: BaseMap;
	shading: { title: string; legend: LegendItem[] };
	stampLines: string[];
	/** The map's size in CSS px, and its picture at a view (or as it is). */
	mapSize: { width: number; height: number };
	capture: (view?: MapView) => Promise<HTMLCanvasElement>;
}

export async function planReportPng({ what, plan, baseMap, shading, stampLines, mapSize, capture }: ReportInputs): Promise<Blob> {
	// The saved sites have no place to frame: their picture is the map as it is.
	const bounds = plan.placeBounds(what);
	const view = bounds ? fitView(bounds, mapSize.width, mapSize.height) : undefined;
	const canvas = await capture(view);
	const summary = what === 'site' && plan.siteFigures ? [plan.siteFigures.summary] : what === 'route' && plan.routeSummary ? [plan.routeSummary] : [];
	const region = bbox(featureCollection(baseMap.districts)) as Bounds;
	return composeReportPng(canvas, {
		title: plan.subject(what),
		legendTitle: shading.title,
		legend: shading.legend,
		lines: [...summary, ...stampLines],
		framed: view && {
			view,
			locator: { rings: focusRings(baseMap), region },
			table: what === 'route' && plan.exposure ? segmentTable(plan.exposure, plan.roles) : null
		}
	});
}
