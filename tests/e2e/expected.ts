/**
 * What the map should show, computed in Node by the same analytic core from the committed
 * geodata: the browser tests compare pixels and panel text against these figures.
 */
import { aggregate, assignIncidents, districtMetrics, type Metric } from '../../src/lib/aggregate/index.js';
import { classOf } from '../../src/lib/classify/index.js';
import { toColumns } from '../../src/lib/columns/index.js';
import { comparePeriods, divergingBounds } from '../../src/lib/compare/index.js';
import { labelPoint } from '../../src/lib/districts/index.js';
import { getisOrdGiStar, queenNeighbours } from '../../src/lib/hotspot/index.js';
import { defaultView, viewFilter, type MonthRange, type ViewState } from '../../src/lib/viewstate/index.js';
import { divergingClass, divergingColours, NO_DATA_COLOUR, sequentialColour } from '../../src/style/choropleth.js';
import { committedBaseMap, committedDataset } from '../unit/sources.js';
import { booleanPointInPolygon, distance, pointToLineDistance, polygonToLine, bbox } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import type { District } from '../../src/lib/districts/index.js';

export const baseMap = committedBaseMap();

/** The expected map, table and panel figures for a full view state. */
export function expectedFor(view: ViewState) {
	const dataset = committedDataset(view.dataset);
	const districts = baseMap.districts;
	const cols = toColumns(dataset.incidents);
	const assignment = assignIncidents(dataset.incidents, districts);
	const agg = aggregate(cols, assignment, districts.length, viewFilter(view));
	const { values, ranks, breaks } = districtMetrics(districts, agg, view.metric, view.perArea, { method: view.classMethod, count: view.classCount });
	const gi = getisOrdGiStar(values, queenNeighbours(districts));
	let change: (number | null)[] | null = null;
	let bounds: number[] = [];
	if (view.compare) {
		const period = (w: MonthRange) => aggregate(cols, assignment, districts.length, viewFilter(view, w));
		const [a, b] = [period(view.compare.a), period(view.compare.b)];
		const metric = (x: typeof a) => districtMetrics(districts, x, view.metric, view.perArea).values;
		const events = (x: typeof a) => x.byDistrict.map((t) => t.incidents);
		change = comparePeriods(metric(a), metric(b), events(a), events(b), view.compare.mode).change;
		bounds = divergingBounds(change, 3);
	}
	const bySlug = new Map(
		districts.map((d, i) => {
			const cls = classOf(values[i]!, breaks);
			const c = change?.[i];
			const colour = change ? (c === null || c === undefined ? NO_DATA_COLOUR : divergingColours(bounds.length)[divergingClass(c, bounds)]!) : sequentialColour(values[i]!, breaks, view.scheme);
			return [
				d.properties.slug,
				{
					district: d.properties,
					totals: agg.byDistrict[i]!,
					value: values[i]!,
					rank: ranks[i]!,
					cls,
					change: c ?? null,
					z: gi.z[i]!,
					colour,
					incidentCount: [...assignment].filter((a, k) => a === i && agg.passing[k]).length,
					labelAt: labelPoint(d),
					sampleAt: interiorSample(d)
				}
			];
		})
	);
	return { dataset, agg, breaks, bySlug, change };
}

/** Shorthand for the default view with a dataset and a metric. */
export const expectedView = (dataset: string, metric: Metric, perArea: boolean) => expectedFor({ ...defaultView(dataset), metric, perArea });

export function hexToRgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A point deep inside the district and away from its label, where a pixel sample shows the fill
 * colour only: the best of a 24×24 grid by distance to the boundary.
 */
function interiorSample(d: District): [number, number] {
	const [w, s, e, n] = bbox(d);
	const label = labelPoint(d);
	const outline = polygonToLine(d) as Feature<LineString | MultiLineString> | { features: Feature<LineString | MultiLineString>[] };
	const lines = 'features' in outline ? outline.features : [outline];
	let best: [number, number] = label;
	let bestScore = -1;
	for (let i = 1; i < 24; i++) {
		for (let j = 1; j < 24; j++) {
			const p: [number, number] = [w + ((e - w) * i) / 24, s + ((n - s) * j) / 24];
			if (!booleanPointInPolygon(p, d) || distance(p, label) < 25) continue;
			const score = Math.min(...lines.flatMap((l) => (l.geometry.type === 'LineString' ? [pointToLineDistance(p, l.geometry)] : l.geometry.coordinates.map((c) => pointToLineDistance(p, { type: 'LineString', coordinates: c })))));
			if (score > bestScore) (bestScore = score), (best = p);
		}
	}
	return best;
}
