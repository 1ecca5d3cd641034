import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { importGeoJson } from './geojson.js';
import type { ColumnMapping } from './mapping.js';
import { tableIncidents } from '../table/index.js';

const NO_MAPPING = {
	latitude: 'latitude',
	longitude: 'longitude',
	date: 'date',
	killed: '',
	type: '',
	group: '',
	id: '',
	place: 'place'
} satisfies ColumnMapping;
const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [lon, lat] },
	properties
});
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
function imported(textContent: string, opts: { mapping?: ColumnMapping; notes?: string[] } = {}) {
	const outcome = importGeoJson(textContent, { file: 'x.geojson', ...opts });
	if (outcome.kind !== 'done') throw new Error(`expected an import, got ${outcome.kind}`);
	return outcome.result;
}

describe('importGeoJson: what is not a FeatureCollection', () => {
	it('says so for null, a Feature, a collection without features or with features that are not a list', () => {
		for (const json of [
			'null',
			'{"type":"Feature"}',
			'{"type":"Feature","features":[]}',
			'{"type":"FeatureCollection"}',
			'{"type":"FeatureCollection","features":{}}'
		])
			expect(() => importGeoJson(json, { file: 'x.geojson' }), json).toThrow('The JSON is not a GeoJSON FeatureCollection.');
	});
	it('says when the collection has no features', () => {
		expect(() => importGeoJson(collection([]), { file: 'x.geojson' })).toThrow('The FeatureCollection has no features.');
	});
	it('reads a leading byte-order mark, and keeps one inside a value', () => {
		const r = imported('\ufeff' + collection([point(71.58, 34.01, { date: '2023-01-01', place: 'TEST\ufeffplace' })]), { mapping: NO_MAPPING });
		expect(r.table.text.place).toEqual(['TEST\ufeffplace']);
	});
});

describe('importGeoJson: properties as cells', () => {
	it('offers a mapping for unknown properties: latitude and longitude first, the first five features as preview', () => {
		const features = Array.from({ length: 7 }, (_, i) => point(71 + i / 10, 34, { when: `2023-01-0${i + 1}`, who: 'TEST' }));
		const outcome = importGeoJson(collection(features), { file: 'x.geojson' });
		expect(outcome.kind).toBe('needs-mapping');
		if (outcome.kind !== 'needs-mapping') return;
		expect(outcome.headers).toEqual(['latitude', 'longitude', 'when', 'who']);
		expect(outcome.preview.map((r) => [r.latitude, r.longitude, r.when])).toEqual([
			['34', '71', '2023-01-01'],
			['34', '71.1', '2023-01-02'],
			['34', '71.2', '2023-01-03'],
			['34', '71.3', '2023-01-04'],
			['34', '71.4', '2023-01-05']
		]);
		expect(outcome.guess).toMatchObject({ latitude: 'latitude', longitude: 'longitude' });
	});
	it('lists the properties of the first 100 features only', () => {
		const features = Array.from({ length: 101 }, (_, i) => point(71, 34, i === 100 ? { late: 'x' } : { early: 'x' }));
		const outcome = importGeoJson(collection(features), { file: 'x.geojson' });
		expect(outcome.kind === 'needs-mapping' && outcome.headers).toEqual(['latitude', 'longitude', 'early']);
	});
	it('reads a null property as an empty cell, and a null feature as a row without a place', () => {
		const unlocated = { type: 'Feature', geometry: null, properties: { date: '2023-01-01' } };
		const r = imported(collection([null, point(71.58, 34.01, { date: '2023-01-01', place: null }), unlocated]), { mapping: NO_MAPPING });
		expect(r.report).toMatchObject({ rowsRead: 3, imported: 2, rejected: 1, unlocated: 1 });
		expect(r.rejections).toEqual([{ row: 1, column: 'date', problem: 'date is missing', cells: { longitude: '', latitude: '' } }]);
		expect(r.table.text.place).toEqual([null, null]);
	});
	it('rejects a feature that is not a point, naming its geometry', () => {
		const line = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { date: '2023-01-01' } } as unknown as Feature;
		const r = imported(collection([line, point(71.58, 34.01, { date: '2023-01-02' })]), { mapping: NO_MAPPING });
		expect(r.report).toMatchObject({ rowsRead: 2, imported: 1, rejected: 1 });
		expect(r.rejections.map((x) => x.problem)).toEqual(['geometry is a Polygon, expected a Point']);
	});
});

describe('importGeoJson: known exports and notes', () => {
	const gtd = point(71.58, 34.01, { eventid: 'TEST-1', iyear: 2015, imonth: 3, iday: 9, specificity: 1, gname: 'TEST group', nkill: 2, date: '2015-03-09' });
	it('reads GTD properties as GTD columns, and says so after the notes it was given', () => {
		const r = imported(collection([gtd]), { notes: ['an earlier note'] });
		expect(r.report.notes).toEqual(['an earlier note', 'Feature properties read as GTD columns.']);
		expect(r.report).toMatchObject({ rowsRead: 1, imported: 1, rejected: 0 });
		expect(tableIncidents(r.table).map((i) => i.actor)).toEqual(['TEST group']);
	});
	it('reads a known export through the mapping when one is given, without that note', () => {
		const r = imported(collection([gtd]), { mapping: { ...NO_MAPPING, group: 'gname' } });
		expect(r.report.notes).toEqual([]);
		expect(tableIncidents(r.table).map((i) => i.actor)).toEqual(['TEST group']);
	});
});
