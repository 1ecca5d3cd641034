/**
 * Where the committed geodata lives once built: Vite emits each file as a hashed asset and gives
 * us its URL, so the files stay out of the JS bundle and are fetched (and cached) on demand.
 */
import type { Topology } from 'topojson-specification';
import districtsUrl from '$geodata/districts.topo.json?url';
import contextUrl from '$geodata/context.topo.json?url';
import manifestUrl from '$geodata/manifest.json?url';
import censusUrl from '$geodata/census.json?url';
import { decodeBaseMap, type BaseMap, type CensusFile } from '$lib/geodata/index.js';
import type { DatasetInfo, IncidentDataset } from '$lib/incident/index.js';

const datasetUrls = import.meta.glob('../../geodata/incidents/*.json', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export interface Manifest {
	datasets: (DatasetInfo & { file: string; rows: number })[];
	districts: number;
}

type Fetch = typeof fetch;

async function getJson<T>(fetchFn: Fetch, url: string, what: string): Promise<T> {
	let response: Response;
	try {
		response = await fetchFn(url);
	} catch (err) {
		throw new Error(`Could not load ${what}: ${(err as Error).message}`);
	}
	if (!response.ok) throw new Error(`Could not load ${what}: HTTP ${response.status}`);
	try {
		return (await response.json()) as T;
	} catch {
		throw new Error(`Could not load ${what}: the file is not valid JSON`);
	}
}

export async function loadBaseMap(fetchFn: Fetch): Promise<BaseMap> {
	const [districts, context] = await Promise.all([
		getJson<Topology>(fetchFn, districtsUrl, 'geodata/districts.topo.json'),
		getJson<Topology>(fetchFn, contextUrl, 'geodata/context.topo.json')
	]);
	return decodeBaseMap(districts, context);
}

export const loadCensus = (fetchFn: Fetch) => getJson<CensusFile>(fetchFn, censusUrl, 'geodata/census.json');

export const loadManifest = (fetchFn: Fetch) => getJson<Manifest>(fetchFn, manifestUrl, 'geodata/manifest.json');

export async function loadBundledDataset(fetchFn: Fetch, manifest: Manifest, id: string): Promise<IncidentDataset> {
	const entry = manifest.datasets.find((d) => d.id === id);
	if (!entry) throw new Error(`Unknown dataset "${id}"; bundled: ${manifest.datasets.map((d) => d.id).join(', ')}`);
	const url = datasetUrls[`../../geodata/${entry.file}`];
	if (!url) throw new Error(`geodata/${entry.file} is listed in the manifest but was not bundled`);
	const dataset = await getJson<IncidentDataset>(fetchFn, url, `geodata/${entry.file}`);
	if (dataset.incidents.length !== entry.rows) {
		throw new Error(`geodata/${entry.file}: ${dataset.incidents.length} incidents, manifest says ${entry.rows}`);
	}
	return dataset;
}
