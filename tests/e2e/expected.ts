/**
 * What the map should show, computed in Node by the same analytic core from the committed
 * geodata: the browser tests compare pixels and panel text against these figures.
 */
import { aggregate, assignIncidents, districtMetrics, type Metric } from '../../src/lib/aggregate/index.js';
import { classOf } from '../../src/lib/classify/index.js';
import { toColumns } from '../../src/lib/columns/index.js';
import { labelPoint } from '../../src/lib/districts/index.js';
import { classColours, ZERO_COLOUR } from '../../src/style/choropleth.js';
import { committedBaseMap, committedDataset } from '../unit/sources.js';
import { booleanPointInPolygon, distance, pointToLineDistance, polygonToLine, bbox } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import type { District } from '../../src/lib/districts/index.js';

export const baseMap = committedBaseMap();

export function expectedView(datasetId: string, metric: Metric, perArea: boolean) {
	const dataset = committedDataset(datasetId);
	const districts = baseMap.districts;
	const assignment = assignIncidents(dataset.incidents, districts);
	const agg = aggregate(toColumns(dataset.incidents), assignment, districts.length);
	const { values, ranks, breaks } = districtMetrics(districts, agg, metric, perArea);
	const colours = classColours(breaks.lower.length);
	const bySlug = new Map(
		districts.map((d, i) => {
			const cls = classOf(values[i]!, breaks);
			return [
				d.properties.slug,
				{
					district: d.properties,
					totals: agg.byDistrict[i]!,
					value: values[i]!,
					rank: ranks[i]!,
					cls,
					colour: cls < 0 ? ZERO_COLOUR : colours[cls]!,
					incidentCount: [...assignment].filter((a) => a === i).length,
					labelAt: labelPoint(d),
					sampleAt: interiorSample(d)
				}
			];
		})
	);
	return { dataset, agg, breaks, bySlug };
}

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
