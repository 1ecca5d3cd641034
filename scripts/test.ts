import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { booleanPointInPolygon } from '@turf/turf';
import { buildGeodata } from './build-geodata.js';
import { addDataset } from './add-dataset.js';
import { fetchData } from './fetch-data.js';
import { MOCK_ACLED_EMAIL, MOCK_UCDP_TOKEN, startMockApis, type MockApis } from '../tests/mock-apis/server.js';
import { committedBaseMap, committedCensus, committedDataset, fullResolutionDistricts, projectRoot, readJson, sourcesDir } from '../tests/unit/sources.js';
import { aggregate, assignIncidents } from '../src/lib/aggregate/index.js';
import { toColumns } from '../src/lib/columns/index.js';
import { countsInDistrict, type IncidentDataset } from '../src/lib/incident/index.js';

const BUNDLED = ['gtd-2008', 'gtd-2015-bombings'];

describe('npm run geodata', () => {
	const out = mkdtempSync(join(tmpdir(), 'geodata-'));
	let manifest: Awaited<ReturnType<typeof buildGeodata>>;
	beforeAll(async () => {
		manifest = await buildGeodata(sourcesDir, out);
	});

	it('reads its inputs from the repository itself (sources/), never from outside the clone', () => {
		for (const { file } of manifest.inputs.filter((i) => !i.file.startsWith('npm:'))) expect(existsSync(join(projectRoot, 'sources', file)), file).toBe(true);
		for (const dir of ['scripts', 'src', 'tests']) {
			for (const file of readdirSync(join(projectRoot, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|mjs|js|svelte)$/.test(f))) {
				const text = readFileSync(join(projectRoot, dir, file), 'utf8');
				// Built at run time so this file does not match itself.
				const up = '.'.repeat(2);
				for (const needle of [`${up}/shared`, `'${up}', 'shared'`]) expect(text.includes(needle), `${dir}/${file} names ${needle}`).toBe(false);
			}
		}
	});
	it('is reproducible: a rebuild from the sources equals the committed geodata', () => {
		for (const file of ['districts.topo.json', 'context.topo.json', 'census.json', 'gazetteer.json', 'manifest.json', ...BUNDLED.map((id) => `incidents/${id}.json`)]) {
			expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(projectRoot, 'geodata', file), 'utf8'));
		}
	});
	it('writes the 69 districts of the 2023 census and both GTD extracts with every row', () => {
		expect(manifest.districts).toBe(69);
		expect(manifest.datasets.map((d) => [d.id, d.rows])).toEqual([
			['gtd-2008', 567],
			['gtd-2015-bombings', 625]
		]);
	});
	it('gives every district its census figures (population, PBS area)', () => {
		const census = committedCensus();
		for (const d of committedBaseMap().districts) {
			expect(census.districts[d.properties.slug]?.population, d.properties.slug).toBe(d.properties.population);
			expect(d.properties.areaSource).toBe('PBS Census 2023 Table 1');
		}
	});
	it('keeps the first screen’s geodata small (≤ 200 KB gzip; measured in npm run bench)', () => {
		expect(manifest.bytes['districts.topo.json']! + manifest.bytes['context.topo.json']! + manifest.bytes['census.json']!).toBeLessThan(600_000);
	});
});

describe('bundled figures against an independent computation on the full-resolution layer', () => {
	// Independent: Turf's booleanPointInPolygon, point by point, against the unsimplified,
	// unquantized OSM polygons read straight from sources/ — no join index, no columns.
	const full = fullResolutionDistricts();
	const web = committedBaseMap().districts;
	for (const id of BUNDLED) {
		it(`${id}: incidents, killed and wounded per district are exact`, () => {
			const { incidents } = committedDataset(id);
			const expected = new Map<string, { incidents: number; killed: number; wounded: number }>();
			let inDistricts = 0, outside = 0, coarse = 0, unlocated = 0;
			for (const inc of incidents) {
				if (inc.lon === null || inc.lat === null) { unlocated++; continue; }
				if (!countsInDistrict(inc.placePrecision)) { coarse++; continue; }
				const d = full.find((f) => booleanPointInPolygon([inc.lon!, inc.lat!], f));
				if (!d) { outside++; continue; }
				inDistricts++;
				const t = expected.get(d.properties.slug) ?? { incidents: 0, killed: 0, wounded: 0 };
				t.incidents++;
				t.killed += inc.killed ?? 0;
				t.wounded += inc.wounded ?? 0;
				expected.set(d.properties.slug, t);
			}
			const agg = aggregate(toColumns(incidents), assignIncidents(incidents, web), web.length);
			web.forEach((d, i) => {
				const t = agg.byDistrict[i]!;
				expect({ incidents: t.incidents, killed: t.killed, wounded: t.wounded }, d.properties.slug).toEqual(expected.get(d.properties.slug) ?? { incidents: 0, killed: 0, wounded: 0 });
			});
			expect([agg.inDistricts.incidents, agg.outside.incidents, agg.coarse.incidents, agg.unlocated.incidents]).toEqual([inDistricts, outside, coarse, unlocated]);
			// The accounting identity.
			expect(inDistricts + outside + coarse + unlocated).toBe(incidents.length);
			expect(inDistricts).toBeGreaterThan(incidents.length / 2);
		});
	}
});

describe('npm run geodata -- --add FILE.csv', () => {
	it('bundles a UCDP GED export through the importer, with every row accounted for and its attribution', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sources-'));
		cpSync(sourcesDir, dir, { recursive: true });
		const out = mkdtempSync(join(tmpdir(), 'geodata-add-'));
		const fixture = join(projectRoot, 'src/lib/importers/fixtures/ucdp-ged.csv');
		const entry = await addDataset(dir, fixture, { name: 'UCDP test fixture' });
		expect(entry).toMatchObject({ id: 'ucdp-test-fixture', format: 'UCDP GED', licence: 'CC BY 4.0', file: 'datasets/ucdp-test-fixture.csv' });
		const manifest = await buildGeodata(dir, out);
		expect(manifest.datasets.map((d) => d.id)).toEqual([...BUNDLED, 'ucdp-test-fixture']);
		const added = readJson<IncidentDataset>(join(out, 'incidents/ucdp-test-fixture.json'));
		const rowsInFile = readFileSync(fixture, 'utf8').trim().split('\n').length - 1;
		expect(added.report.rowsRead).toBe(rowsInFile);
		expect(added.report.rowsWritten + added.report.rejected!.length).toBe(rowsInFile);
		expect(added.report.rejected!.length).toBeGreaterThan(0);
		for (const r of added.report.rejected!) expect(r.problem.length, `row ${r.row}`).toBeGreaterThan(3);
		expect(added.info.attribution).toMatch(/Uppsala Conflict Data Program/);
		// The bundled datasets are untouched by the addition.
		expect(readFileSync(join(out, 'incidents/gtd-2008.json'), 'utf8')).toBe(readFileSync(join(projectRoot, 'geodata/incidents/gtd-2008.json'), 'utf8'));
	});
	it('refuses a file that is not a known export, naming its columns, and adds nothing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sources-'));
		cpSync(sourcesDir, dir, { recursive: true });
		const run = spawnSync('npx', ['tsx', 'scripts/build-geodata.ts', '--sources', dir, '--add', 'src/lib/importers/fixtures/semicolon-unknown.csv'], { cwd: projectRoot, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/semicolon-unknown\.csv: the header is not a UCDP GED, ACLED or GTD export \(columns: /);
		expect(existsSync(join(dir, 'datasets'))).toBe(false);
	});
});

describe('npm run fetch-data (against the local mock APIs)', () => {
	let mock: MockApis;
	beforeAll(async () => (mock = await startMockApis()));
	afterAll(() => mock.close());

	it('writes a UCDP CSV and its provenance that --add bundles, every row accounted for', async () => {
		const work = mkdtempSync(join(tmpdir(), 'fetch-'));
		const out = join(work, 'ucdp-recent.csv');
		const log: string[] = [];
		const env = { UCDP_TOKEN: MOCK_UCDP_TOKEN, UCDP_API_ORIGIN: mock.origin };
		await fetchData(['--source', 'ucdp', '--from', '2025-06-01', '--to', '2026-02-15', '--version', '26.1', '--out', out], env, (l) => log.push(l));
		const provenance = readJson<{ api: string; query: string; retrievedAt: string }>(join(work, 'ucdp-recent.provenance.json'));
		expect(provenance.api).toBe('UCDP API (ucdpapi.pcr.uu.se), GED 26.1 + Candidate 26.0.1–26.0.2');
		expect(JSON.stringify(provenance) + log.join('\n')).not.toContain(MOCK_UCDP_TOKEN);
		expect(log.at(-1)).toBe(`bundle it with: npm run geodata -- --add ${out} --name "UCDP 2025-06-01 – 2026-02-15"`);

		const dir = mkdtempSync(join(tmpdir(), 'sources-'));
		cpSync(sourcesDir, dir, { recursive: true });
		const entry = await addDataset(dir, out, { name: 'UCDP recent' });
		expect(entry.fetched?.api).toBe(provenance.api);
		const built = mkdtempSync(join(tmpdir(), 'geodata-fetch-'));
		await buildGeodata(dir, built);
		const added = readJson<IncidentDataset>(join(built, 'incidents/ucdp-recent.json'));
		const rowsInFile = readFileSync(out, 'utf8').trim().split('\n').length - 1;
		const served = mock.requests.filter((r) => r.path.startsWith('/api/gedevents')).length;
		expect(served).toBeGreaterThan(2);
		expect(added.report.rowsRead).toBe(rowsInFile);
		expect(added.report.rowsWritten + (added.report.rejected?.length ?? 0)).toBe(rowsInFile);
		expect(added.info.fetched).toMatchObject({ source: 'UCDP', retrievedAt: provenance.retrievedAt });
		expect(added.info.dateRange![0] >= '2025-06-01' && added.info.dateRange![1] <= '2026-02-15').toBe(true);
	});

	it('says which credentials to set, and exits non-zero from the shell', () => {
		const run = spawnSync('npx', ['tsx', 'scripts/fetch-data.ts', '--source', 'acled', '--from', '2024-01-01', '--to', '2024-02-01'], {
			cwd: projectRoot,
			encoding: 'utf8',
			env: { ...process.env, ACLED_EMAIL: '', ACLED_PASSWORD: '' }
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/Set ACLED_EMAIL and ACLED_PASSWORD/);
	});

	it('reports refused credentials by kind', async () => {
		const env = { ACLED_EMAIL: MOCK_ACLED_EMAIL, ACLED_PASSWORD: 'wrong', ACLED_API_ORIGIN: mock.origin };
		await expect(fetchData(['--source', 'acled', '--from', '2024-01-01', '--to', '2024-02-01', '--out', join(tmpdir(), 'x.csv')], env, () => {})).rejects.toMatchObject({ kind: 'credentials' });
	});
});
