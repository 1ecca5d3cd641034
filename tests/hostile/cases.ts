/**
 * The hostile-input suite's files, generated (the repository stays small): each is a file a careless
 * user or an attacker could drop on the import, with what the import must say about it. Run in Node
 * (tests/unit/hostile.test.ts) and in the browser (tests/e2e/hostile-imports.spec.ts) alike; every
 * case holds test data only, no real incident.
 */
import { MAPPING_FIELDS, type ColumnMapping } from '../../src/lib/importers/mapping.js';

export interface HostileCase {
	name: string;
	/** The file's name (its extension picks the importer) and bytes. */
	file: string;
	bytes: () => Uint8Array;
	/** A mapping the user chooses in the dialog (a CSV no known export matches). */
	mapping?: Partial<ColumnMapping>;
	/** What the report must say: the accounting identity (rows, and lines when they differ). */
	expect:
		| { imported: number; rejected: number; rowsRead: number; lines?: { read: number; rejected: number }; mentions: string[] }
		| { error: string }
		| { wideHeader: number };
}

const UCDP_HEADER =
	'id,relid,year,type_of_violence,side_a,side_b,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,best,deaths_civilians,source_article,source_headline';

/** A UCDP GED-shaped test row (not a real event). */
function ucdpRow(id: number, o: { date?: string; best?: string; headline?: string; place?: string } = {}): string {
	const date = o.date ?? '2023-01-15';
	return [
		id,
		`TEST-${id}`,
		date.slice(0, 4),
		1,
		'TEST group',
		'TEST side',
		1,
		o.place ?? 'TEST place',
		'test',
		'Khyber Pakhtunkhwa province',
		'Peshawar district',
		'34.0100',
		'71.5800',
		'Pakistan',
		1,
		date,
		date,
		o.best ?? '1',
		0,
		'TEST source',
		o.headline ?? 'TEST headline'
	].join(',');
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (rows: string[]) => utf8([UCDP_HEADER, ...rows].join('\n') + '\n');
/** Rows that fill the first 64 KB (what the sniffing reads), so a fault comes after it. */
const pastSniffing = () => Array.from({ length: 400 }, (_, i) => ucdpRow(1000 + i, { headline: 'TEST headline '.repeat(12) }));

export const HOSTILE_CASES: HostileCase[] = [
	{
		name: 'a quote not closed on row 2 of a 100,000-line file',
		file: 'unclosed-quote.csv',
		bytes: () => csv(Array.from({ length: 100_000 }, (_, i) => ucdpRow(i + 1, { headline: i === 1 ? '"TEST open quote' : 'TEST headline' }))),
		expect: {
			imported: 1,
			rejected: 1,
			rowsRead: 2,
			lines: { read: 100_000, rejected: 99_999 },
			mentions: ['a quote mark is not closed', 'the row spans lines 3–100,001 of the file']
		}
	},
	{
		name: 'a Latin-1 byte past the first 64 KB',
		file: 'latin1-late.csv',
		bytes: () => {
			const head = csv(pastSniffing());
			const tail = utf8(ucdpRow(9, { place: 'TEST Bannu caf_' }) + '\n');
			tail[tail.indexOf(0x5f)] = 0xe9; // é in Latin-1, not UTF-8
			return new Uint8Array([...head, ...tail]);
		},
		expect: { imported: 401, rejected: 0, rowsRead: 401, mentions: ['whole file was read again as Latin-1'] }
	},
	{
		name: 'a NUL byte past the first 64 KB',
		file: 'nul-late.csv',
		bytes: () => csv([...pastSniffing(), ucdpRow(9, { headline: 'TEST \0 binary' })]),
		expect: { imported: 400, rejected: 1, rowsRead: 401, mentions: ['holds a NUL character'] }
	},
	{
		name: 'casualties written as hex, binary, exponent, fraction and negative',
		file: 'odd-numbers.csv',
		bytes: () => csv(['0x22', '0b100010', '1e21', '12.5', '-1', '200000', '7'].map((best, i) => ucdpRow(i + 1, { best }))),
		expect: {
			imported: 1,
			rejected: 6,
			rowsRead: 7,
			mentions: ['"0x22" is not a number', '"0b100010" is not a number', '"1e21" is not a number', 'over 100,000']
		}
	},
	{
		name: 'a second latitude column',
		file: 'two-latitudes.csv',
		bytes: () => utf8(`${UCDP_HEADER},latitude\n${ucdpRow(1)},35\n`),
		expect: { error: 'The header has the column "latitude" 2 times (columns 12, 22)' }
	},
	{
		name: 'dates before 1900 and after next year',
		file: 'dates.csv',
		bytes: () => csv(['1899-12-31', '1900-01-01', '1969-07-20', '9999-12-31'].map((date, i) => ucdpRow(i + 1, { date }))),
		expect: { imported: 2, rejected: 2, rowsRead: 4, mentions: ['1899-12-31', '9999-12-31'] }
	},
	{
		name: 'script and markup in every text cell',
		file: 'markup.csv',
		bytes: () => csv([ucdpRow(1, { headline: '<img src=x onerror=alert(1)>', place: '<script>alert(2)</script>' })]),
		expect: { imported: 1, rejected: 0, rowsRead: 1, mentions: [] }
	},
	{
		name: 'columns named __proto__, constructor and toString',
		file: 'object-keys.csv',
		bytes: () => utf8('__proto__,constructor,toString,hasOwnProperty\n34.01,71.58,2023-01-15,TEST\n30.19,67.01,2023-02-03,TEST\n'),
		mapping: { latitude: '__proto__', longitude: 'constructor', date: 'toString', place: 'hasOwnProperty' },
		expect: { imported: 2, rejected: 0, rowsRead: 2, mentions: [] }
	},
	{
		name: '80,000 rejected rows in the second half of a 4 MB file',
		file: 'rejections-late.csv',
		bytes: () => {
			const good = ucdpRow(1, { headline: 'TEST padding '.repeat(160_000) });
			return csv([good, ...Array.from({ length: 80_000 }, (_, i) => ucdpRow(i + 2, { date: '2023-02-30' }))]);
		},
		expect: { imported: 1, rejected: 80_000, rowsRead: 80_001, mentions: ['2023-02-30 is not a calendar date'] }
	},
	{
		name: 'a header of 100,000 columns',
		file: 'wide.csv',
		bytes: () => utf8(`${Array.from({ length: 99_997 }, (_, i) => `col_${i + 1}`).join(',')},Latitude,Longitude,Event date\n`),
		expect: { wideHeader: 100_000 }
	}
];

/** The whole mapping a case's choices make (the fields it does not name: none). */
export const fullMapping = (m: Partial<ColumnMapping>): ColumnMapping =>
	Object.fromEntries(MAPPING_FIELDS.map((f) => [f.key, m[f.key] ?? ''])) as unknown as ColumnMapping;
