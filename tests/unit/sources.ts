/** Paths to the repository's raw sources (sources/) and the committed geodata, for tests on real data. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { decodeBaseMap, type CensusFile } from '../../src/lib/geodata/index.js';
import { focusDistricts, type Denominators, type District, type LayoutProps } from '../../src/lib/districts/index.js';
import type { IncidentDataset } from '../../src/lib/incident/index.js';
import { bundledDataset, type BundledEntry, type BundledFile } from '../../src/lib/bundle/index.js';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The repository's own copy of every input: tests never read anything outside the clone. */
export const sourcesDir = join(projectRoot, 'sources');

export const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export function committedBaseMap() {
	return decodeBaseMap(
		readJson<Topology>(join(projectRoot, 'geodata/districts.topo.json')),
		readJson<Topology>(join(projectRoot, 'geodata/context.topo.json'))
	);
}

export const committedManifest = (geodata = join(projectRoot, 'geodata')) => readJson<{ datasets: BundledEntry[] }>(join(geodata, 'manifest.json'));

/** A dataset with every part (release) of it, decoded as the page decodes it, from a geodata folder (the committed one by default). */
export function committedDataset(id: string, geodata = join(projectRoot, 'geodata')): IncidentDataset {
	const entry = committedManifest(geodata).datasets.find((d) => d.id === id);
	if (!entry) throw new Error(`no dataset ${id} in ${geodata}/manifest.json`);
	return bundledDataset(
		entry,
		entry.parts.map((part) => ({ part, file: readJson<BundledFile>(join(geodata, part.file)) }))
	);
}

/** The 2023 layout's KP + Balochistan districts at full resolution (before simplification and quantization). */
export function fullResolutionDistricts(census: (name: string) => Denominators | null = () => null): District[] {
	const layout = readJson<Topology>(join(sourcesDir, 'boundaries/pakistan_districts_2023_osm.topojson'));
	const fc = feature(layout, layout.objects.districts!) as FeatureCollection<Polygon | MultiPolygon, LayoutProps>;
	return focusDistricts(fc.features, census);
}

export const committedCensus = () => readJson<CensusFile>(join(projectRoot, 'geodata/census.json'));
