import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { gtdDate, gtdPlacePrecision, normaliseGtdFeatures, normaliseGtdRow, type GtdRow } from './index.js';
import { SourceRowError } from '../incident/errors.js';
import { readJson, sourcesDir } from '../../../tests/unit/sources.js';

const opts = { file: 'test.geojson', idPrefix: 'test' };
// Hand-written test fixture rows (not real incidents), shaped like GTD codebook columns.
const fixture = (over: Partial<GtdRow> = {}): GtdRow => ({
	iyear: 2008,
	imonth: 3,
	iday: 14,
	provstate: 'Balochistan',
	city: 'Test town',
	specificity: 1,
	attacktype1_txt: 'Armed Assault',
	targtype1_txt: 'Police',
	gname: 'Unknown',
	nkill: 2,
	nwound: null,
	suicide: 0,
	summary: 'TEST FIXTURE',
	scite1: 'fixture source',
	...over
});

describe('gtdDate', () => {
	it('keeps day precision for a full date', () => {
		expect(gtdDate(2008, 3, 14, 'f', 1)).toEqual({ date: '2008-03-14', datePrecision: 'day' });
	});
	it('treats day 0 as month precision and month 0 as year precision (GTD codebook)', () => {
		expect(gtdDate(2008, 3, 0, 'f', 1)).toEqual({ date: '2008-03-01', datePrecision: 'month' });
		expect(gtdDate(2008, 0, 0, 'f', 1)).toEqual({ date: '2008-01-01', datePrecision: 'year' });
	});
	it('names file, row and field for an impossible date', () => {
		expect(() => gtdDate(2008, 2, 30, 'x.geojson', 7)).toThrow('x.geojson, row 7, iday: 2008-02-30 is not a calendar date');
		expect(() => gtdDate(null, 1, 1, 'x.geojson', 8)).toThrow(SourceRowError);
	});
});

describe('normaliseGtdRow', () => {
	it('maps GTD columns onto the shared schema', () => {
		const { incident, flag } = normaliseGtdRow(fixture(), { type: 'Point', coordinates: [66.99, 30.18] }, 3, opts);
		expect(flag).toBeNull();
		expect(incident).toMatchObject({
			id: 'test-r0003',
			date: '2008-03-14',
			datePrecision: 'day',
			lon: 66.99,
			lat: 30.18,
			placePrecision: 'exact',
			place: 'Test town',
			provinceRecorded: 'Balochistan',
			eventType: 'Armed Assault',
			target: 'Police',
			actor: 'Unknown',
			killed: 2,
			wounded: null,
			suicide: false,
			source: 'fixture source'
		});
	});
	it('keeps unknown casualties as null, not zero', () => {
		expect(normaliseGtdRow(fixture({ nkill: null }), null, 1, opts).incident.killed).toBeNull();
	});
	it('rejects negative casualties with file, row and column', () => {
		expect(() => normaliseGtdRow(fixture({ nwound: -9 }), null, 12, opts)).toThrow('test.geojson, row 12, nwound');
	});
	it('flags but keeps rows without coordinates and with province-level locations', () => {
		expect(normaliseGtdRow(fixture(), null, 1, opts).flag?.reason).toBe('no-coordinates');
		const province = normaliseGtdRow(fixture({ specificity: 4 }), { type: 'Point', coordinates: [65.6, 28.3] }, 1, opts);
		expect(province.flag?.reason).toBe('province-level-location');
		expect(province.incident.lon).toBe(65.6);
		const outOfRange = normaliseGtdRow(fixture({ latitude: 130, longitude: 70 }), null, 1, opts);
		expect(outOfRange.flag?.reason).toBe('coordinates-out-of-range');
		expect(outOfRange.incident.lat).toBeNull();
	});
	it('maps specificity to place precision as in DATA-MODEL.md', () => {
		expect([1, 2, 3, 4, 5, null].map(gtdPlacePrecision)).toEqual(['exact', 'district', 'district', 'province', 'unknown', 'unknown']);
	});
});

describe('normaliseGtdFeatures on the real GTD 2008 extract', () => {
	const file = 'incidents/gtd_pakistan_2008.geojson';
	const fc = readJson<FeatureCollection<Point | null, GtdRow>>(join(sourcesDir, file));
	const { incidents, report } = normaliseGtdFeatures(fc.features, { file, idPrefix: 'gtd-2008' });

	it('writes every row it reads', () => {
		expect(report.rowsRead).toBe(fc.features.length);
		expect(report.rowsWritten).toBe(fc.features.length);
		expect(incidents).toHaveLength(567);
	});
	it('reports the 2 null-geometry rows and the province-centroid rows, without losing them', () => {
		expect(report.flagged['no-coordinates']).toBe(2);
		expect(incidents.filter((i) => i.lon === null)).toHaveLength(2);
		const coarse = fc.features.filter((f) => (f.properties.specificity ?? 5) >= 4).length;
		expect(coarse).toBe(7);
		expect((report.flagged['province-level-location'] ?? 0) + (report.flagged['no-coordinates'] ?? 0)).toBe(coarse);
		expect(report.notes.map((n) => n.row)).toContain(27);
	});
	it('keeps ids unique and dates within 2008', () => {
		expect(new Set(incidents.map((i) => i.id)).size).toBe(567);
		expect(incidents.every((i) => i.date.startsWith('2008-'))).toBe(true);
	});
	it('marks the 3 rows with day 0 as month precision', () => {
		expect(incidents.filter((i) => i.datePrecision === 'month')).toHaveLength(fc.features.filter((f) => f.properties.iday === 0).length);
	});
});
