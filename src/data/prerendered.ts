/**
 * The committed geodata as build-time rendering reads it (the first paint in hooks.server.ts and
 * the district pages): imported with the build, decoded once, datasets in the manifest's order.
 */
import type { Topology } from 'topojson-specification';
import districtsTopology from '$geodata/districts.topo.json';
import contextTopology from '$geodata/context.topo.json';
import censusFile from '$geodata/census.json';
import manifest from '$geodata/manifest.json';
import { decodeBaseMap, type BaseMap, type CensusFile } from '$lib/geodata/index.js';
import type { IncidentDataset } from '$lib/incident/index.js';
import { bundledDataset, type BundledEntry, type BundledFile } from '$lib/bundle/index.js';

const incidentFiles = import.meta.glob<BundledFile>('../../geodata/incidents/*.json', { eager: true, import: 'default' });

let cached: { baseMap: BaseMap; census: CensusFile; datasets: IncidentDataset[]; manifest: BundledEntry[] } | null = null;

export function bundledGeodata() {
	cached ??= {
		baseMap: decodeBaseMap(districtsTopology as unknown as Topology, contextTopology as unknown as Topology),
		census: censusFile as unknown as CensusFile,
		manifest: manifest.datasets as unknown as BundledEntry[],
		// Every part of every dataset: the pages and the first paint are built from all of it.
		datasets: (manifest.datasets as unknown as BundledEntry[]).map((entry) =>
			bundledDataset(
				entry,
				entry.parts.map((part) => {
					const file = incidentFiles[`../../geodata/${part.file}`];
					if (!file) throw new Error(`geodata/${part.file} is listed in the manifest but was not bundled`);
					return { part, file };
				})
			)
		)
	};
	return cached;
}
