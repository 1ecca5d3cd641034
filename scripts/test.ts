import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGeodata } from './build-geodata.js';
import { committedBaseMap, committedDataset, projectRoot, readJson, sourcesDir } from '../tests/unit/sources.js';
import { districtsInCurrentLayout } from '../src/lib/districts/index.js';
import { assignIncidents } from '../src/lib/aggregate/index.js';

describe('npm run geodata', () => {
	const out = mkdtempSync(join(tmpdir(), 'geodata-'));
	const manifest = buildGeodata(sourcesDir, out);

	it('is reproducible: a rebuild from the sources equals the committed geodata', () => {
		for (const file of ['districts.topo.json', 'context.topo.json', 'gazetteer.json', 'manifest.json', 'incidents/gtd-2008.json', 'incidents/gtd-2015-bombings.json']) {
			expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(projectRoot, 'geodata', file), 'utf8'));
		}
	});
	it('writes both GTD extracts with every row', () => {
		expect(manifest.datasets.map((d) => [d.id, d.rows])).toEqual([
			['gtd-2008', 567],
			['gtd-2015-bombings', 625]
		]);
		expect(manifest.districts).toBe(64);
	});
	it('simplifies without moving any bundled incident to another district', () => {
		const raw = districtsInCurrentLayout(readJson<{ features: never[] }>(join(sourcesDir, 'boundaries/pakistan_districts_2015.geojson')).features);
		const web = committedBaseMap().districts;
		expect(web.map((d) => d.properties.slug)).toEqual(raw.map((d) => d.properties.slug));
		for (const id of ['gtd-2008', 'gtd-2015-bombings']) {
			const { incidents } = committedDataset(id);
			expect([...assignIncidents(incidents, web)], id).toEqual([...assignIncidents(incidents, raw)]);
		}
	});
	it('keeps the web geodata small (gzip budget lives in npm run bench)', () => {
		expect(manifest.bytes['districts.topo.json']).toBeLessThan(200_000);
		expect(manifest.bytes['context.topo.json']).toBeLessThan(200_000);
	});
});
