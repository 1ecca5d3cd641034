/**
 * Where the committed geodata lives once built: Vite emits each file as a hashed asset and gives
 * us its URL, so the files stay out of the JS bundle and are fetched (and cached) on demand.
 */
import type { Topology } from 'topojson-specification';
import districtsUrl from '$geodata/districts.topo.json?url';
import contextUrl from '$geodata/context.topo.json?url';
import manifestUrl from '$geodata/manifest.json?url';
import censusUrl from '$geodata/census.json?url';
import nationalUrl from '$geodata/national.json?url';
import type { NationalTotals } from '$lib/national/index.js';
import { decodeBaseMap, type BaseMap, type CensusFile } from '$lib/geodata/index.js';
import { bundledDataset, partsFor, type BundledEntry, type BundledFile, type BundledPart, type DecodedDataset } from '$lib/bundle/index.js';
import { defaultWindow } from '$lib/coverage/index.js';
import type { MonthRange } from '$lib/viewstate/index.js';
import { mark } from './marks.js';

const datasetUrls = import.meta.glob('../../geodata/incidents/*.json', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export interface Manifest {
	datasets: BundledEntry[];
	districts: number;
}

type Fetch = typeof fetch;

async function getJson<T>(fetchFn: Fetch, url: string, what: string): Promise<T> {
	let response: Response;
	try {
		response = await fetchFn(url);
	} catch (err) {
		throw new Error(`Could not load ${what}: ${(err as Error).message}`, { cause: err });
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

/** Pakistan-wide monthly totals of UCDP GED 25.1 (no locations), for the strip under the time control. */
export const loadNational = (fetchFn: Fetch) => getJson<NationalTotals>(fetchFn, nationalUrl, 'geodata/national.json');

export const loadManifest = (fetchFn: Fetch) => getJson<Manifest>(fetchFn, manifestUrl, 'geodata/manifest.json');

/** The window a bundled dataset opens on (a series: its newest release's months), or null (all of it). */
export function bundledDefaultWindow(manifest: Manifest, id: string): MonthRange | null {
	const entry = manifest.datasets.find((d) => d.id === id);
	return entry ? defaultWindow(entry) : null;
}

/** Each part's file, fetched once per page (a wider window later fetches only the parts it adds). */
const partFiles = new Map<string, Promise<BundledFile>>();
function loadPart(fetchFn: Fetch, part: BundledPart): Promise<BundledFile> {
	let file = partFiles.get(part.file);
	if (!file) {
		const url = datasetUrls[`../../geodata/${part.file}`];
		if (!url) return Promise.reject(new Error(`geodata/${part.file} is listed in the manifest but was not bundled`));
		file = getJson<BundledFile>(fetchFn, url, `geodata/${part.file}`);
		// A failed fetch is not kept: asking again tries again.
		file.catch(() => partFiles.delete(part.file));
		partFiles.set(part.file, file);
	}
	return file;
}

/**
 * A bundled dataset with the parts the given windows need (a series' releases whose months they
 * touch; null = every part), decoded into one dataset; the parts left out are in `unloaded`.
 */
export async function loadBundledDataset(fetchFn: Fetch, manifest: Manifest, id: string, windows: (MonthRange | null)[] = [null]): Promise<DecodedDataset> {
	const entry = manifest.datasets.find((d) => d.id === id);
	if (!entry) throw new Error(`Unknown dataset "${id}"; bundled: ${manifest.datasets.map((d) => d.id).join(', ')}`);
	const wanted = new Set(windows.flatMap((w) => partsFor(entry, w)));
	const parts = entry.parts.filter((p) => wanted.has(p));
	mark('bundled:requested');
	const files = await Promise.all(parts.map(async (part) => ({ part, file: await loadPart(fetchFn, part) })));
	mark('bundled:fetched');
	const dataset = bundledDataset(entry, files);
	mark('bundled:decoded');
	return dataset;
}
