import { describe, expect, it } from 'vitest';
import type { DatasetInfo, Incident, IncidentDataset } from '../incident/index.js';
import { atomXml, coverageEnd, FEED_ENTRIES, incidentEntry, incidentFeed, newestDataset, newestEvents, xmlText } from './index.js';
import { squareDistrict } from '../districts/test-squares.js';

const square = (slug: string, x: number) => squareDistrict(slug, x, 0, { name: slug[0]!.toUpperCase() + slug.slice(1) });
const districts = [square('kech', 0), square('gwadar', 1)];

const incident = (id: string, date: string, lon: number, extra: Partial<Incident> = {}): Incident => ({
	id,
	date,
	datePrecision: 'day',
	lon,
	lat: 0.5,
	placePrecision: 'exact',
	place: `Place ${id}`,
	provinceRecorded: null,
	districtRecorded: null,
	eventType: 'Bombing',
	subType: null,
	target: null,
	actor: 'SYNTHETIC group',
	actor2: null,
	killed: 2,
	wounded: null,
	suicide: null,
	summary: null,
	source: null,
	...extra
});
const gtdInfo = (id: string, range: [string, string]): DatasetInfo => ({
	id,
	name: id,
	format: 'GTD',
	attribution: 'SYNTHETIC',
	licence: 'test',
	dateRange: range
});
const dataset = (incidents: Incident[], info = gtdInfo('t', ['2008-01-01', '2008-12-31'])): IncidentDataset => ({
	info,
	incidents,
	report: { file: 't', rowsRead: incidents.length, rowsWritten: incidents.length, flagged: {}, notes: [] }
});
/** The join's answer for these squares: the district whose square holds the point, -1 outside. */
const assign = (incs: Incident[]) => Int32Array.from(incs, (i) => (i.lon !== null && i.lon >= 0 && i.lon < 2 ? Math.floor(i.lon) : -1));

describe('newestDataset', () => {
	it('is the dataset whose coverage ends last, by its releases where it has them', () => {
		const series = {
			info: { ...gtdInfo('s', ['1989-01-01', '2026-01-30']), releases: [{ months: ['1989-01', '2021-12'] }, { months: ['2026-01', '2026-01'] }] } as DatasetInfo
		};
		const gtd = { info: gtdInfo('g', ['2015-01-01', '2015-12-31']) };
		expect(coverageEnd(series.info)).toBe('2026-01');
		expect(newestDataset([gtd, series])).toBe(series);
		expect(newestDataset([series, gtd])).toBe(series);
		expect(newestDataset([{ info: gtdInfo('e', null as unknown as [string, string]) }])).toBeNull();
	});
});

describe('newestEvents', () => {
	const incs = [
		incident('a', '2008-03-01', 0.5),
		incident('b', '2008-05-01', 1.5),
		incident('c', '2008-05-01', 0.2),
		incident('d', '2008-09-01', 9), // outside every district: in no feed
		incident('e', '2008-02-01', 0.7)
	];
	const ds = dataset(incs);
	it('lists a district’s incidents newest first, ties by id; the provinces’ feed holds every counted one', () => {
		expect(newestEvents(ds, districts, assign(incs), 'kech').map((e) => e.incident.id)).toEqual(['c', 'a', 'e']);
		expect(newestEvents(ds, districts, assign(incs), null).map((e) => `${e.incident.id}@${e.district.slug}`)).toEqual([
			'b@gwadar',
			'c@kech',
			'a@kech',
			'e@kech'
		]);
	});
	it('keeps the newest `limit`, and refuses a district that does not exist', () => {
		expect(newestEvents(ds, districts, assign(incs), null, 2).map((e) => e.incident.id)).toEqual(['b', 'c']);
		expect(() => newestEvents(ds, districts, assign(incs), 'quetta')).toThrow('No district "quetta"');
	});
	it('holds at most FEED_ENTRIES by default', () => {
		const many = Array.from({ length: 80 }, (_, k) => incident(`m${String(k).padStart(2, '0')}`, `2008-01-${String(1 + (k % 28)).padStart(2, '0')}`, 0.5));
		expect(newestEvents(dataset(many), districts, assign(many), 'kech')).toHaveLength(FEED_ENTRIES);
	});
});

describe('entries and XML', () => {
	it('says an unknown toll is unknown, a month-only date as such, and what the source does not record', () => {
		const e = incidentEntry(
			{
				incident: incident('x', '2008-04-01', 0.5, { killed: null, datePrecision: 'month' }),
				district: { slug: 'kech', name: 'Kech', province: 'Balochistan' }
			},
			gtdInfo('t', ['2008-01-01', '2008-12-31']),
			'./'
		);
		expect(e.title).toBe('Apr 2008 · Kech: killed unknown');
		expect(e.summary).toContain('Apr 2008 (the source gives the month only), Place x, Kech district (Balochistan).');
		expect(e.summary).toContain('Bombing: killed unknown, wounded unknown.');
		const ucdp = incidentEntry(
			{ incident: incident('u', '2026-01-05', 0.5, { actor2: 'TTP' }), district: { slug: 'kech', name: 'Kech', province: 'Balochistan' } },
			{ ...gtdInfo('u', ['2026-01-01', '2026-01-31']), format: 'UCDP GED' },
			'./'
		);
		expect(ucdp.summary).toContain('2 killed, wounded not recorded by UCDP.');
		expect(ucdp.summary).toContain('Sides: SYNTHETIC group – TTP.');
		expect(ucdp.updated).toBe('2026-01-05T00:00:00Z');
	});
	it('escapes markup and drops characters XML cannot hold', () => {
		expect(xmlText('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
		expect(xmlText('bell\u0007 nul\u0000 lone\uD800 pair😀 tab\tline\n')).toBe('bell nul lone pair😀 tab\tline\n');
	});
	it('writes one entry per event, the feed dated by its newest, links relative to the feed', () => {
		const incs = [incident('a', '2008-03-01', 0.5, { summary: '<script>alert(1)</script>' }), incident('b', '2008-05-01', 1.5)];
		const ds = dataset(incs);
		const all = incidentFeed(ds, newestEvents(ds, districts, assign(incs), null), null);
		expect(all.updated).toBe('2008-05-01T00:00:00Z');
		expect(all.entries.map((e) => e.link)).toEqual(['district/gwadar/', 'district/kech/']);
		const xml = atomXml(all);
		expect(xml.match(/<entry>/g)).toHaveLength(2);
		expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(xml).not.toContain('<script>');
		const empty = incidentFeed(ds, [], { slug: 'kech', name: 'Kech' });
		expect(empty.updated).toBe('2008-12-31T00:00:00Z');
		expect(atomXml(empty)).not.toContain('<entry>');
	});
});
