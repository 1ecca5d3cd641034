/** Paths to the shared raw sources and the committed geodata, for tests on real data. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { decodeBaseMap } from '../../src/lib/geodata/index.js';
import type { IncidentDataset } from '../../src/lib/incident/index.js';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sourcesDir = resolve(process.env.GEODATA_SOURCES ?? join(projectRoot, '..', 'shared', 'sources'));

export const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export function committedBaseMap() {
	return decodeBaseMap(
		readJson<Topology>(join(projectRoot, 'geodata/districts.topo.json')),
		readJson<Topology>(join(projectRoot, 'geodata/context.topo.json'))
	);
}

export function committedDataset(id: string): IncidentDataset {
	return readJson<IncidentDataset>(join(projectRoot, 'geodata/incidents', `${id}.json`));
}
