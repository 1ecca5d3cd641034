/**
 * What the map should show, computed in Node by the same analytic core from the committed
 * geodata: the browser tests compare pixels and panel text against these figures.
 */
import { aggregate, assignIncidents, districtMetrics, type Metric, type Per } from '../../src/lib/aggregate/index.js';
import { classOf } from '../../src/lib/classify/index.js';
import { toColumns } from '../../src/lib/columns/index.js';
import { comparePeriods, divergingBounds } from '../../src/lib/compare/index.js';
import { labelPoint } from '../../src/lib/districts/index.js';
import { getisOrdGiStar, queenNeighbours } from '../../src/lib/hotspot/index.js';
import { defaultView, viewFilter, type MonthRange, type ViewState } from '../../src/lib/viewstate/index.js';
import { shade } from '../../src/lib/shading/index.js';
import { metricUnit } from '../../src/lib/format/index.js';
import { committedBaseMap, committedDataset, committedManifest } from '../unit/sources.js';
import { defaultWindow } from '../../src/lib/coverage/index.js';
import { booleanPointInPolygon, bbox } from '@turf/turf';
import type { District } from '../../src/lib/districts/index.js';

export const baseMap = committedBaseMap();

/**
 * A committed dataset joined to the districts, once per test worker: tests ask for many views of
 * the same two datasets (re-joining each time cost 0.4–1.6 s of the worker's CPU per call).
 */
const joined = new Map<string, ReturnType<typeof joinDataset>>();
function joinDataset(id: string) {
	const dataset = committedDataset(id);
	const assignment = assignIncidents(dataset.incidents, baseMap.districts);
	const rowsByDistrict = baseMap.districts.map((): number[] => []);
	assignment.forEach((d, k) => d >= 0 && rowsByDistrict[d]!.push(k));
	return { dataset, cols: toColumns(dataset.incidents), assignment, rowsByDistrict };
}
const joinedDataset = (id: string) => joined.get(id) ?? joined.set(id, joinDataset(id)).get(id)!;
const labelPoints = baseMap.districts.map((d) => labelPoint(d));

/** The expected map, table and panel figures for a full view state. */
export function expectedFor(view: ViewState) {
	const { dataset, cols, assignment, rowsByDistrict } = joinedDataset(view.dataset);
	const districts = baseMap.districts;
	const agg = aggregate(cols, assignment, districts.length, viewFilter(view));
	const { values, ranks, breaks } = districtMetrics(districts, agg, view.metric, view.per, { method: view.classMethod, count: view.classCount });
	let change: (number | null)[] | null = null;
	let bounds: number[] = [];
	// Gi* of the mapped metric, or of the change B − A in it when periods are compared.
	let giOn = values;
	if (view.compare) {
		const period = (w: MonthRange) => aggregate(cols, assignment, districts.length, viewFilter(view, w));
		const [a, b] = [period(view.compare.a), period(view.compare.b)];
		const metric = (x: typeof a) => districtMetrics(districts, x, view.metric, view.per).values;
		const events = (x: typeof a) => x.byDistrict.map((t) => t.incidents);
		const [va, vb] = [metric(a), metric(b)];
		change = comparePeriods(va, vb, events(a), events(b), view.compare.mode).change;
		bounds = divergingBounds(change, 3);
		giOn = vb.map((v, i) => v - va[i]!);
	}
	const gi = getisOrdGiStar(giOn, queenNeighbours(districts));
	// The colours the map must show: decided by the same shade() as the app (src/lib/shading).
	const shaded = districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name }));
	const unit = metricUnit(view.metric, view.per);
	const fractional = view.per !== 'count';
	const shading =
		change && view.compare
			? shade({ mode: 'diverging', districts: shaded, change, bounds, compare: view.compare.mode, unit, fractional })
			: shade({ mode: 'sequential', districts: shaded, values, breaks, scheme: view.scheme, method: view.classMethod, unit, fractional });
	const bySlug = new Map(
		districts.map((d, i) => {
			const cls = classOf(values[i]!, breaks);
			const c = change?.[i];
			const colour = shading.colours.get(d.properties.slug)!;
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
					incidentCount: rowsByDistrict[i]!.filter((k) => agg.passing[k]).length,
					labelAt: labelPoints[i]!,
					sampleAt: interiorSample(d).at,
					/** How far the sample point is from the district's edge (km): room for a pixel box. */
					sampleClearanceKm: interiorSample(d).clearanceKm
				}
			];
		})
	);
	return { dataset, agg, breaks, bySlug, change, rowsByDistrict };
}

/** The view a dataset opens on (the UCDP series: its newest month, January 2026). */
export const openingView = (dataset: string) => defaultView(dataset, defaultWindow(committedManifest().datasets.find((d) => d.id === dataset)!));

/** Shorthand for the default view with a dataset and a metric. */
export const expectedView = (dataset: string, metric: Metric, per: Per) => expectedFor({ ...openingView(dataset), metric, per });

export function hexToRgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A point deep inside the district and clear of its label, where a pixel sample shows the fill
 * colour only: the best of a 24×24 grid by distance to the nearest boundary vertex (the OSM
 * outlines are dense, so vertex distance is a close stand-in for edge distance, and cheap).
 */
/**
 * Whether a point may lie under the district's name at the default view (~2 km per pixel; the
 * text is ~7 px per character wide and ~12 px tall): a box around the label point, with margin.
 */
function underLabel(p: [number, number], label: [number, number], name: string): boolean {
	const dxKm = Math.abs(p[0] - label[0]) * 111.32 * Math.cos((label[1] * Math.PI) / 180);
	const dyKm = Math.abs(p[1] - label[1]) * 110.57;
	return dxKm < 8 * name.length + 15 && dyKm < 30;
}

const samples = new Map<string, { at: [number, number]; clearanceKm: number }>();
function interiorSample(d: District): { at: [number, number]; clearanceKm: number } {
	const known = samples.get(d.properties.slug);
	if (known) return known;
	const [w, s, e, n] = bbox(d);
	const label = labelPoint(d);
	const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
	const vertices = (d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates).flat(2);
	let best: [number, number] = label;
	let bestScore = -1;
	for (let i = 1; i < 24; i++) {
		for (let j = 1; j < 24; j++) {
			const p: [number, number] = [w + ((e - w) * i) / 24, s + ((n - s) * j) / 24];
			if (!booleanPointInPolygon(p, d) || underLabel(p, label, d.properties.name)) continue;
			let score = Infinity;
			for (const v of vertices) score = Math.min(score, ((v[0]! - p[0]) * kx) ** 2 + (v[1]! - p[1]) ** 2);
			if (score > bestScore) {
				bestScore = score;
				best = p;
			}
		}
	}
	const sample = { at: best, clearanceKm: Math.sqrt(Math.max(0, bestScore)) * 110.57 };
	samples.set(d.properties.slug, sample);
	return sample;
}
