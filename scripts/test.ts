import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { booleanPointInPolygon } from '@turf/turf';
import Papa from 'papaparse';
import { buildGeodata } from './build-geodata.js';
import { addDataset } from './add-dataset.js';
import { fetchData } from './fetch-data.js';
import { MOCK_ACLED_EMAIL, MOCK_UCDP_TOKEN, startMockApis, type MockApis } from '../tests/mock-apis/server.js';
import { committedBaseMap, committedCensus, committedDataset, fullResolutionDistricts, projectRoot, readJson, sourcesDir } from '../tests/unit/sources.js';
import { aggregate, assignIncidents } from '../src/lib/aggregate/index.js';
import { toColumns } from '../src/lib/columns/index.js';
import { countsInDistrict } from '../src/lib/incident/index.js';
import { monthStates } from '../src/lib/coverage/index.js';
import { monthNumber } from '../src/lib/columns/index.js';

const BUNDLED = ['ucdp', 'gtd-2008', 'gtd-2015-bombings'];

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
		const parts = manifest.datasets.flatMap((d) => d.parts.map((p) => p.file));
		expect(parts).toHaveLength(4);
		for (const file of [
			'districts.topo.json',
			'context.topo.json',
			'census.json',
			'district-index.json',
			'gazetteer.json',
			'national.json',
			'manifest.json',
			...parts
		]) {
			expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(projectRoot, 'geodata', file), 'utf8'));
		}
	});
	it('writes the 69 districts of the 2023 census, the UCDP series and both GTD extracts with every row', () => {
		expect(manifest.districts).toBe(69);
		expect(manifest.datasets.map((d) => [d.id, d.rows])).toEqual([
			['ucdp', 6416 + 87],
			['gtd-2008', 567],
			['gtd-2015-bombings', 625]
		]);
	});
	it('lists the UCDP series release by release: rows read 6,416 (+1 HXL tag row noted) and 87, imported + rejected = rows read', () => {
		const ucdp = manifest.datasets[0]!;
		expect(ucdp.parts.map((p) => [p.releases, p.source, p.rowsRead, p.hxlRows])).toEqual([
			[['ged-22.1'], 'incidents/ucdp_ged_22_1_pakistan_hdx.csv', 6416, 1],
			[['candidate-26.0.1'], 'incidents/ucdp_candidate_26_0_1_pakistan.csv', 87, 0]
		]);
		for (const p of ucdp.parts) expect(p.rows + p.rejected + p.replaced, p.file).toBe(p.rowsRead);
		// Each release keeps its months, its preliminary flag and its citation.
		expect(ucdp.releases!.map((r) => [r.name, r.months, r.preliminary, r.rows])).toEqual([
			['UCDP GED 22.1', ['1989-01', '2021-12'], false, 6416],
			['UCDP Candidate 26.0.1', ['2026-01', '2026-01'], true, 87]
		]);
		expect(ucdp.releases![0]!.citation).toMatch(/Sundberg.*Melander \(2013\).*Davies.*\(2022\)/);
		expect(ucdp.releases![1]!.citation).toMatch(/Hegre.*\(2020\).*Candidate Events Dataset/);
		expect(ucdp.licence).toBe('CC BY 4.0');
		// …and every row carries its release.
		const rows = committedDataset('ucdp', out).incidents;
		expect(rows.filter((r) => r.release === 'UCDP GED 22.1')).toHaveLength(6416);
		expect(rows.filter((r) => r.release === 'UCDP Candidate 26.0.1')).toHaveLength(87);
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
			let inDistricts = 0,
				outside = 0,
				coarse = 0,
				unlocated = 0;
			for (const inc of incidents) {
				if (inc.lon === null || inc.lat === null) {
					unlocated++;
					continue;
				}
				if (!countsInDistrict(inc.placePrecision)) {
					coarse++;
					continue;
				}
				const d = full.find((f) => booleanPointInPolygon([inc.lon!, inc.lat!], f));
				if (!d) {
					outside++;
					continue;
				}
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
				expect({ incidents: t.incidents, killed: t.killed, wounded: t.wounded }, d.properties.slug).toEqual(
					expected.get(d.properties.slug) ?? { incidents: 0, killed: 0, wounded: 0 }
				);
			});
			expect([agg.inDistricts.incidents, agg.outside.incidents, agg.coarse.incidents, agg.unlocated.incidents]).toEqual([
				inDistricts,
				outside,
				coarse,
				unlocated
			]);
			// The accounting identity.
			expect(inDistricts + outside + coarse + unlocated).toBe(incidents.length);
			expect(inDistricts).toBeGreaterThan(incidents.length / 2);
		});
	}
});

describe('the bundled UCDP series against its source files, read independently', () => {
	// Independent of the importer and the join: papaparse's own header mode over the raw CSVs,
	// UCDP's where_prec codes read as the codebook defines them, Turf point by point on the
	// unsimplified OSM polygons.
	const full = fullResolutionDistricts();
	const web = committedBaseMap().districts;
	const raw = ['incidents/ucdp_ged_22_1_pakistan_hdx.csv', 'incidents/ucdp_candidate_26_0_1_pakistan.csv'].flatMap((file) =>
		Papa.parse<Record<string, string>>(readFileSync(join(sourcesDir, file), 'utf8'), { header: true, skipEmptyLines: true }).data.filter(
			(r) => !r.latitude!.startsWith('#')
		)
	);
	const { incidents } = committedDataset('ucdp');
	const agg = aggregate(toColumns(incidents), assignIncidents(incidents, web), web.length);
	it('counts every event of both releases (HDX’s HXL tag row left out)', () => {
		expect(raw).toHaveLength(6416 + 87);
		expect(incidents).toHaveLength(raw.length);
	});
	it('gives incidents and killed (best) per district exactly, and never puts where_prec 4–7 in a district', () => {
		const expected = new Map<string, { incidents: number; killed: number }>();
		let coarse = 0;
		for (const r of raw) {
			// where_prec 1 exact, 2 within 25 km, 3 a district (second-order unit); 4–7 a province, a country or worse.
			if (Number(r.where_prec) >= 4) {
				coarse++;
				continue;
			}
			const d = full.find((f) => booleanPointInPolygon([Number(r.longitude), Number(r.latitude)], f));
			if (!d) continue;
			const t = expected.get(d.properties.slug) ?? { incidents: 0, killed: 0 };
			t.incidents++;
			t.killed += Number(r.best);
			expected.set(d.properties.slug, t);
		}
		web.forEach((d, i) => {
			const t = agg.byDistrict[i]!;
			expect({ incidents: t.incidents, killed: t.killed }, d.properties.slug).toEqual(expected.get(d.properties.slug) ?? { incidents: 0, killed: 0 });
		});
		expect(agg.coarse.incidents).toBe(coarse);
		expect(coarse).toBe(314 + 4);
		// UCDP records no wounded figure: unknown for every event, never 0.
		expect(agg.inDistricts.woundedUnknown).toBe(agg.inDistricts.incidents);
	});
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
		const added = committedDataset('ucdp-test-fixture', out);
		const rowsInFile = readFileSync(fixture, 'utf8').trim().split('\n').length - 1;
		expect(added.report.rowsRead).toBe(rowsInFile);
		expect(added.report.rowsWritten + added.report.rejected!.length).toBe(rowsInFile);
		expect(added.report.rejected!.length).toBeGreaterThan(0);
		for (const r of added.report.rejected!) expect(r.problem.length, `row ${r.row}`).toBeGreaterThan(3);
		expect(added.info.attribution).toMatch(/Uppsala Conflict Data Program/);
		// The bundled datasets are untouched by the addition.
		for (const file of ['incidents/gtd-2008.json', 'incidents/ucdp-candidate-26-0-1.json'])
			expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(projectRoot, 'geodata', file), 'utf8'));
	});
	it('refuses a file that is not a known export, naming its columns, and adds nothing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sources-'));
		cpSync(sourcesDir, dir, { recursive: true });
		const run = spawnSync('npx', ['tsx', 'scripts/build-geodata.ts', '--sources', dir, '--add', 'src/lib/importers/fixtures/semicolon-unknown.csv'], {
			cwd: projectRoot,
			encoding: 'utf8'
		});
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
		const added = committedDataset('ucdp-recent', built);
		const rowsInFile = readFileSync(out, 'utf8').trim().split('\n').length - 1;
		const served = mock.requests.filter((r) => r.path.startsWith('/api/gedevents')).length;
		expect(served).toBeGreaterThan(2);
		expect(added.report.rowsRead).toBe(rowsInFile);
		expect(added.report.rowsWritten + (added.report.rejected?.length ?? 0)).toBe(rowsInFile);
		expect(added.info.fetched).toMatchObject({ source: 'UCDP', retrievedAt: provenance.retrievedAt });
		expect(added.info.dateRange![0] >= '2025-06-01' && added.info.dateRange![1] <= '2026-02-15').toBe(true);
	});

	it('--fill asks only the months the bundled UCDP series does not cover, and --add puts them into the series', async () => {
		mock.reset();
		const work = mkdtempSync(join(tmpdir(), 'fill-'));
		const out = join(work, 'ucdp-fill.csv');
		const log: string[] = [];
		await fetchData(
			['--source', 'ucdp', '--fill', '--to', '2026-12-01', '--version', '26.1', '--out', out],
			{ UCDP_TOKEN: MOCK_UCDP_TOKEN, UCDP_API_ORIGIN: mock.origin },
			(l) => log.push(l)
		);
		const asked = mock.requests.filter((r) => r.path.startsWith('/api/gedevents')).map((r) => [r.path.split('/').at(-1), r.query.StartDate]);
		expect(asked[0]).toEqual(['26.1', '2022-01-01']);
		expect(asked.some(([v, from]) => v === '26.0.1' || from! < '2022-01-01')).toBe(false);
		const sidecar = readJson<{ fills: string; releases: { name: string; months: string[] }[] }>(join(work, 'ucdp-fill.provenance.json'));
		expect(sidecar.fills).toBe('ucdp');
		expect(sidecar.releases[0]).toMatchObject({ name: 'UCDP GED 26.1', months: ['2022-01', '2025-12'] });
		expect(log.at(-1)).toMatch(/^put it into the UCDP series with: npm run geodata -- --add /);

		const dir = mkdtempSync(join(tmpdir(), 'sources-'));
		cpSync(sourcesDir, dir, { recursive: true });
		await addDataset(dir, out, { name: 'UCDP fill' });
		const built = mkdtempSync(join(tmpdir(), 'geodata-fill-'));
		const manifest = await buildGeodata(dir, built);
		// No dataset of its own: the series gains the releases, and the gap is gone.
		expect(manifest.datasets.map((d) => d.id)).toEqual(BUNDLED);
		const series = manifest.datasets[0]!;
		expect(series.releases!.map((r) => r.name)).toEqual([
			'UCDP GED 22.1',
			'UCDP GED 26.1',
			'UCDP Candidate 26.0.1',
			...sidecar.releases.slice(1).map((r) => r.name)
		]);
		const states = monthStates(series, monthNumber('2021-12'), monthNumber('2026-09'));
		expect(states.includes('not-covered')).toBe(false);
		const rows = readFileSync(out, 'utf8').trim().split('\n').length - 1;
		expect(series.rows).toBe(6416 + 87 + rows);
		for (const p of series.parts) expect(p.rows + p.rejected + p.replaced, p.file).toBe(p.rowsRead);
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
		await expect(
			fetchData(['--source', 'acled', '--from', '2024-01-01', '--to', '2024-02-01', '--out', join(tmpdir(), 'x.csv')], env, () => {})
		).rejects.toMatchObject({ kind: 'credentials' });
	});
});
