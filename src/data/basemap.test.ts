/**
 * The basemap goes onto the map in steps, each its own task (see addBasemap): a fake map records
 * which task each source and layer came in, the real geodata file and gazetteer are served to fetch.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { addBasemap } from './basemap.js';
import { basemapLayerIds } from '$style/basemap/index.js';

type Added = { kind: 'source' | 'layer'; id: string; task: number; visibility?: string };

function fakeMap(): { map: MapLibreMap; added: Added[]; nextTask: () => void; shown: Map<string, string> } {
	const added: Added[] = [];
	const shown = new Map<string, string>();
	let task = 0;
	const map = {
		getStyle: () => ({}),
		getLayer: (id: string) => added.some((a) => a.kind === 'layer' && a.id === id),
		addSource: (id: string) => void added.push({ kind: 'source', id, task }),
		addLayer: (layer: { id: string; layout?: { visibility?: string } }) =>
			void added.push({ kind: 'layer', id: layer.id, task, visibility: layer.layout?.visibility }),
		setLayoutProperty: (id: string, _name: string, value: string) => void shown.set(id, value)
	} as unknown as MapLibreMap;
	return { map, added, shown, nextTask: () => task++ };
}

const files: Record<string, string> = {
	basemap: readFileSync('geodata/basemap.json', 'utf8'),
	gazetteer: readFileSync('geodata/gazetteer.json', 'utf8')
};

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	vi.stubGlobal('fetch', async (url: string) => new Response(files[/gazetteer/.test(url) ? 'gazetteer' : 'basemap']));
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** Runs addBasemap to the end, one timer (one task) at a time, counting the tasks. */
async function addInTasks(fake: ReturnType<typeof fakeMap>, visible: () => boolean) {
	let done = false;
	const adding = addBasemap(fake.map, visible).then(() => (done = true));
	// The fetches and JSON parses need real turns of Node's event loop; the tasks between steps are
	// the faked timeouts, fired one at a time.
	const turn = () => new Promise((resolve) => setImmediate(resolve));
	while (!done) {
		while (!done && vi.getTimerCount() === 0) await turn();
		if (done) break;
		fake.nextTask();
		vi.runOnlyPendingTimers();
		await turn();
	}
	await adding;
}

describe('addBasemap', () => {
	it('adds every basemap layer, a few per task, none in the task that parsed the file', async () => {
		const fake = fakeMap();
		await addInTasks(fake, () => true);
		const layers = fake.added.filter((a) => a.kind === 'layer');
		expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining(basemapLayerIds()));
		expect(layers).toHaveLength(basemapLayerIds().length);
		expect(
			fake.added.some((a) => a.task === 0),
			'nothing is added in the task that brought the JSON'
		).toBe(false);
		const perTask = new Map<number, number>();
		for (const l of layers) perTask.set(l.task, (perTask.get(l.task) ?? 0) + 1);
		expect(Math.max(...perTask.values())).toBeLessThanOrEqual(4);
		expect(perTask.size).toBeGreaterThan(1);
	});

	it('adds the layers hidden when the basemap is off, and applies a toggle made meanwhile', async () => {
		const fake = fakeMap();
		let visible = false;
		const layerAdds = () => fake.added.filter((a) => a.kind === 'layer');
		const adding = addInTasks(fake, () => {
			// Switched on once half the layers are in.
			if (layerAdds().length >= basemapLayerIds().length / 2) visible = true;
			return visible;
		});
		await adding;
		expect(layerAdds()[0]!.visibility).toBe('none');
		expect(layerAdds().at(-1)!.visibility).toBe('visible');
		for (const id of basemapLayerIds()) expect(fake.shown.get(id), id).toBe('visible');
	});
});
