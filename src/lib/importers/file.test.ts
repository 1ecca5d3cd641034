import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ColumnMapping } from './mapping.js';
import { MAX_TEXT } from './cells.js';
import { importCsv, importCsvInParts, importGeoJson, ImportFileError, LATIN1_LATE_NOTE, readPart, sniff, type ReadLaterPart } from './file.js';
import { tableIncidents } from '../table/index.js';
import { seededRandom } from '../join/synthetic.js';
import { sourcesDir } from '../../../tests/unit/sources.js';
import { toColumns } from '../columns/index.js';
import { accounted, done, fixture, importBytes } from './test-helpers.js';

describe('unknown CSV: semicolons, decimal commas, BOM, CRLF (test fixture)', () => {
	const bytes = fixture('semicolon-unknown.csv');
	it('asks for a column mapping, with a preview', async () => {
		const outcome = await importBytes(bytes, 'semicolon-unknown.csv');
		expect(outcome.kind).toBe('needs-mapping');
		if (outcome.kind !== 'needs-mapping') return;
		expect(outcome.headers).toEqual(['Datum', 'Breite', 'Länge', 'Tote', 'Gruppe', 'Ort']);
		expect(outcome.preview[0]!.Datum).toBe('2023-01-10');
	});
	it('imports with the mapping: decimal commas read, the short row and the bad date rejected', async () => {
		const mapping: ColumnMapping = { latitude: 'Breite', longitude: 'Länge', date: 'Datum', killed: 'Tote', type: '', group: 'Gruppe', id: '', place: 'Ort' };
		const r = await done(bytes, 'semicolon-unknown.csv', mapping);
		accounted(r);
		expect(r.incidents.map((i) => [i.lat, i.lon, i.killed])).toEqual([
			[34.01, 71.58, 3],
			[30.19, 67.01, null]
		]);
		expect(r.rejections.map((x) => [x.row, x.column])).toEqual([
			[3, '(row)'],
			[4, 'Datum']
		]);
		expect(r.report.notes.join(' ')).toMatch(/";"/);
	});
	it('refuses a mapping that names columns the file lacks', async () => {
		await expect(
			importBytes(bytes, 'x.csv', { latitude: 'lat', longitude: 'Länge', date: 'Datum', killed: '', type: '', group: '', id: '', place: '' })
		).rejects.toThrow(/latitude → "lat"/);
	});
});

describe('the table built during the import', () => {
	it('holds every imported row: its columns equal the columns of its rows, built afterwards', async () => {
		for (const name of ['ucdp-ged.csv', 'acled.csv', 'hostile-ucdp.csv']) {
			const r = await done(fixture(name), name);
			expect(r.table.columns, name).toEqual(toColumns(r.incidents));
			expect(r.table.columns.length).toBe(r.report.imported);
			expect(r.table.text.id.length).toBe(r.report.imported);
		}
	});
});

describe('hostile input', () => {
	it('keeps script and HTML as plain text, and rejects rows with too few or too many cells', async () => {
		const r = await done(fixture('hostile-ucdp.csv'), 'hostile-ucdp.csv');
		accounted(r);
		expect(r.report.imported).toBe(5);
		expect(r.incidents[0]!.actor).toBe('<script>alert("side_a 1")</script>');
		expect(r.incidents[0]!.source).toBe('<script>document.title="pwned"</script>');
		expect(r.rejections.map((x) => x.row)).toEqual([6, 7]);
	});
	it('cuts a 10 MB text field, keeps the row and counts the cut', async () => {
		const header = 'id,date_start,latitude,longitude,where_prec,side_a,best,source_headline\n';
		const csv = `${header}1,2023-01-01,34.01,71.58,1,TEST FIXTURE,1,"${'x'.repeat(10 * 1024 * 1024)}"\n2,2023-01-02,34.01,71.58,1,TEST FIXTURE,1,short\n`;
		const r = await done(new TextEncoder().encode(csv), 'big.csv');
		accounted(r);
		expect(r.report.imported).toBe(2);
		expect(r.report.truncatedFields).toBe(1);
		expect(r.incidents[0]!.summary!.length).toBeLessThan(MAX_TEXT + 100);
	});
	it('explains an empty file, a binary file and UTF-16', () => {
		expect(() => sniff(new Uint8Array(), 0, 'empty.csv')).toThrow('The file is empty.');
		const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
		expect(() => sniff(zip, zip.length, 'data.csv')).toThrow(/not a text file/);
		expect(() => sniff(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]), 4, 'x.csv')).toThrow(/UTF-16/);
	});
	it('explains a file whose header has a single column, and wrong JSON', async () => {
		await expect(importBytes(new TextEncoder().encode('just one column\nvalue\n'), 'x.csv')).rejects.toThrow(ImportFileError);
		expect(() => importGeoJson('{"type":"Feature"}', { file: 'x.geojson' })).toThrow(/not a GeoJSON FeatureCollection/);
		expect(() => importGeoJson('{oops', { file: 'x.geojson' })).toThrow(/not valid JSON/);
	});
	it('fuzz: thousands of randomly corrupted rows, every row always accounted for', async () => {
		const lines = fixture('ucdp-ged.csv').toString('utf8').trim().split('\n');
		const [header, ...rows] = lines;
		const rnd = seededRandom(2024);
		const junk = ['', ',', '"', '""', ';', '\r', 'NaN', '-1', '1e999', '<script>', '=1+1', 'ñ', '\u00ff', '9999-99-99'];
		for (let run = 0; run < 20; run++) {
			const out: string[] = [header!];
			for (let i = 0; i < 250; i++) {
				let line = rows[Math.floor(rnd() * rows.length)]!;
				const cuts = Math.floor(rnd() * 4);
				for (let c = 0; c < cuts; c++) {
					const at = Math.floor(rnd() * line.length);
					line = line.slice(0, at) + junk[Math.floor(rnd() * junk.length)] + line.slice(at + Math.floor(rnd() * 4));
				}
				out.push(line.replace(/^\d+/, String(100000 + i))); // mostly unique ids
			}
			const r = await done(new TextEncoder().encode(out.join('\n')), `fuzz-${run}.csv`);
			accounted(r);
			// An unclosed quote can pull the next lines into one row; those lines stay in that row's
			// cells (imported text or the rejected row), so every line of the file is still there.
			const newlines = (v: unknown) => (typeof v === 'string' ? v.split('\n').length - 1 : 0);
			const absorbed =
				r.rejections.reduce((n, x) => n + Object.values(x.cells).reduce<number>((m, v) => m + newlines(v), 0), 0) +
				r.incidents.reduce((n, inc) => n + Object.values(inc).reduce<number>((m, v) => m + newlines(v), 0), 0);
			expect(r.report.rowsRead + absorbed, `run ${run}`).toBeGreaterThanOrEqual(250);
		}
	});
});

describe('GeoJSON points', () => {
	it('imports the real GTD 2008 extract as the build does: 567 rows, none rejected, 2 unlocated', async () => {
		const bytes = readFileSync(join(sourcesDir, 'incidents/gtd_pakistan_2008.geojson'));
		const r = await done(bytes, 'gtd_pakistan_2008.geojson');
		accounted(r);
		expect(r.report).toMatchObject({ rowsRead: 567, imported: 567, rejected: 0, unlocated: 2, coarse: 5 });
	});
	it('rejects features that are not points', () => {
		const fc = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: {
						type: 'LineString',
						coordinates: [
							[70, 30],
							[71, 31]
						]
					},
					properties: { date: '2023-01-01' }
				},
				{ type: 'Feature', geometry: { type: 'Point', coordinates: [71.58, 34.01] }, properties: { date: '2023-01-02' } }
			]
		});
		const outcome = importGeoJson(fc, {
			file: 'x.geojson',
			mapping: { latitude: 'latitude', longitude: 'longitude', date: 'date', killed: '', type: '', group: '', id: '', place: '' }
		});
		expect(outcome.kind).toBe('done');
		if (outcome.kind !== 'done') return;
		expect(outcome.result.report).toMatchObject({ rowsRead: 2, imported: 1, rejected: 1 });
		expect(outcome.result.rejections[0]!.problem).toBe('geometry is a LineString, expected a Point');
	});
});

describe('reading a file in slices', () => {
	it('keeps a character whole when its bytes straddle two slices (papaparse alone decoded each slice apart)', async () => {
		const header = 'id,date_start,latitude,longitude,where_prec,side_a,best,where_coordinates';
		// TEST rows (not real incidents): three-byte characters throughout, so slice edges fall inside them.
		const rows = Array.from({ length: 30_000 }, (_, i) => `TEST-${i},2023-01-15,34.01,71.58,1,TEST group,1,TEST 中文 place ${i} ñ`);
		let text = '';
		let bytes = new Uint8Array();
		// The header is padded until the first slice edge falls inside a character (a continuation byte there).
		for (let pad = ''; (bytes[2 ** 20]! & 0xc0) !== 0x80; pad += ' ') {
			text = [header + pad, ...rows].join('\n') + '\n';
			bytes = new TextEncoder().encode(text);
		}
		expect(bytes.length).toBeGreaterThan(2 * 2 ** 20);
		const fromFile = await importCsv(new Blob([bytes]), { file: 'slices.csv', size: bytes.length, encoding: 'utf-8' });
		if (fromFile.kind !== 'done') throw new Error(fromFile.kind);
		expect(fromFile.result.table.text.place.filter((p) => p!.includes('\ufffd'))).toEqual([]);
		expect(fromFile).toEqual(await importCsv(text, { file: 'slices.csv', size: bytes.length, encoding: 'utf-8' }));
	});
});

describe('reading a Latin-1 file from its bytes', () => {
	it('decodes it as Windows-1252', async () => {
		const text = 'id,date_start,latitude,longitude,where_prec,side_a,best,where_coordinates\nTEST-1,2023-01-15,34.01,71.58,1,TEST group,1,TEST Peñas €\n';
		const bytes = Uint8Array.from(text, (c) => (c === '€' ? 0x80 : c.charCodeAt(0))); // ñ is 0xF1, € is 0x80 in Windows-1252
		const sniffed = sniff(bytes, bytes.length, 'latin1.csv');
		expect(sniffed.encoding).toBe('windows-1252');
		const outcome = await importCsv(new Blob([bytes]), { file: 'latin1.csv', size: bytes.length, encoding: sniffed.encoding });
		if (outcome.kind !== 'done') throw new Error(outcome.kind);
		expect(outcome.result.table.text.place).toEqual(['TEST Peñas €']);
	});
});

describe('names every object has: __proto__, constructor, toString', () => {
	it('a precision code or violence type of "constructor" is not read from Object.prototype', async () => {
		const header = 'id,date_start,latitude,longitude,where_prec,side_a,best,type_of_violence,date_prec';
		const rows = [
			'1,2023-01-01,34.01,71.58,constructor,TEST,1,1,1',
			'2,2023-01-01,34.01,71.58,1,TEST,1,toString,__proto__',
			'3,2023-01-01,34.01,71.58,__proto__,TEST,1,1,1'
		];
		const r = await done(new TextEncoder().encode([header, ...rows].join('\n')), 'proto.csv');
		accounted(r);
		expect(r.rejections.map((x) => [x.row, x.column, x.problem])).toEqual([
			[1, 'where_prec', '"constructor" is not a UCDP precision code (1–7)'],
			[3, 'where_prec', '"__proto__" is not a UCDP precision code (1–7)']
		]);
		expect(r.incidents[0]).toMatchObject({ id: '2', eventType: 'toString', datePrecision: 'day', placePrecision: 'exact' });
	});
	it('a CSV column named __proto__ can be mapped, and its cells are read', async () => {
		const csv = '__proto__,constructor,when\n34.01,71.58,2023-01-01\n';
		const mapping = { latitude: '__proto__', longitude: 'constructor', date: 'when', killed: '', type: '', group: '', id: '', place: '' };
		const r = await done(new TextEncoder().encode(csv), 'proto.csv', mapping);
		expect(r.report).toMatchObject({ rowsRead: 1, imported: 1, rejected: 0 });
		expect([r.incidents[0]!.lat, r.incidents[0]!.lon]).toEqual([34.01, 71.58]);
	});
	it('GeoJSON properties named __proto__ are cells, and nested ones are kept as JSON', async () => {
		const fc = {
			type: 'FeatureCollection',
			features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [71.58, 34.01] }, properties: { date: '2023-01-01', place: { name: 'TEST' } } }]
		};
		const text = JSON.stringify(fc).replace('"date"', '"__proto__":"x","date"');
		const mapping = { latitude: 'latitude', longitude: 'longitude', date: 'date', killed: '', type: '', group: '__proto__', id: '', place: 'place' };
		const r = await done(new TextEncoder().encode(text), 'proto.geojson', mapping);
		expect(r.report).toMatchObject({ imported: 1, rejected: 0 });
		expect(r.incidents[0]).toMatchObject({ actor: 'x', place: '{"name":"TEST"}' });
	});
});

describe('a header that repeats a column', () => {
	it('is refused when the importer reads that column, naming it and where it is', async () => {
		const csv = 'id,date_start,latitude,longitude,where_prec,side_a,best,latitude\n1,2023-01-01,34.01,71.58,1,TEST,1,30.2\n';
		await expect(importBytes(new TextEncoder().encode(csv), 'twice.csv')).rejects.toThrow(
			'The header has the column "latitude" 2 times (columns 3, 8), and the importer reads it: which one holds the figure cannot be told. Remove or rename the others and import again.'
		);
	});
	it('is read when the repeated column is one the importer does not read', async () => {
		const csv = 'id,date_start,latitude,longitude,where_prec,side_a,best,comment,comment\n1,2023-01-01,34.01,71.58,1,TEST,1,a,b\n';
		const r = await done(new TextEncoder().encode(csv), 'comments.csv');
		expect(r.report).toMatchObject({ imported: 1, rejected: 0 });
	});
});

describe('a NUL character past the first 64 KB', () => {
	it('rejects its row with the reason (it used to end up inside ids and text)', async () => {
		const header = 'id,date_start,latitude,longitude,where_prec,side_a,best,where_coordinates';
		const rows = Array.from({ length: 2000 }, (_, i) => `TEST-${i},2023-01-15,34.01,71.58,1,TEST group,1,TEST place ${i}`);
		rows[1500] = `TEST-1500\0,2023-01-15,34.01,71.58,1,TEST group,1,TEST place`;
		const bytes = new TextEncoder().encode([header, ...rows].join('\n') + '\n');
		expect(bytes.length).toBeGreaterThan(65_536);
		const r = await done(bytes, 'nul.csv');
		accounted(r);
		expect(r.report).toMatchObject({ imported: 1999, rejected: 1 });
		expect(r.rejections[0]).toMatchObject({ row: 1501, column: '(row)' });
		expect(r.rejections[0]!.problem).toMatch(/^holds a NUL character/);
		expect(r.incidents.some((i) => i.id.includes('\0'))).toBe(false);
	});
});

describe('a byte that is not UTF-8 past the first 64 KB', () => {
	// UTF-8 for 2,000 rows, then one Latin-1 "é" (0xE9): sniff saw UTF-8; the old decoder stored U+FFFD with no note.
	const header = 'id,date_start,latitude,longitude,where_prec,side_a,best,where_coordinates';
	const head = new TextEncoder().encode(
		[header, ...Array.from({ length: 2000 }, (_, i) => `TEST-${i},2023-01-15,34.01,71.58,1,TEST group,1,TEST place ${i}`)].join('\n') + '\n'
	);
	const late = Uint8Array.from('TEST-late,2023-01-15,34.01,71.58,1,TEST group,1,TEST Pe\u00f1a caf\u00e9\n', (c) => c.charCodeAt(0));
	const bytes = new Uint8Array([...head, ...late]);
	const opts = { file: 'late-latin1.csv', size: bytes.length, encoding: sniff(bytes.subarray(0, 65_536), bytes.length, 'x.csv').encoding };
	it('is read again, whole, as Latin-1, and the report says so', async () => {
		expect(opts.encoding).toBe('utf-8');
		const outcome = await importCsv(new Blob([bytes]), opts);
		if (outcome.kind !== 'done') throw new Error(outcome.kind);
		const r = outcome.result;
		expect(r.report).toMatchObject({ rowsRead: 2001, imported: 2001, rejected: 0 });
		expect(r.report.notes).toContain(LATIN1_LATE_NOTE);
		expect(tableIncidents(r.table).at(-1)!.place).toBe('TEST Peña café');
	});
	it('read in two parts, the same', async () => {
		const readLater: ReadLaterPart = (part, setup, onProgress) => readPart(part, setup, 'none', { size: part.size, onProgress });
		expect(await importCsvInParts(new Blob([bytes]), opts, readLater)).toEqual(await importCsv(new Blob([bytes]), opts));
	});
});
