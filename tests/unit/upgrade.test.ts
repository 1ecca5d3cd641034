/**
 * Nothing lost on upgrade: a browser database written by the 2015-layout version of the app
 * (IndexedDB "nw-pakistan-incident-map", version 2: datasets, chunks, sites — written here with
 * the raw IndexedDB API, exactly as that version stored them) opens in this version, and its
 * incidents and saved sites are joined to today's 2023-census districts.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { listImported, listSites, loadImported } from '../../src/data/store/index.js';
import { assignIncidents } from '../../src/lib/aggregate/index.js';
import { districtAt } from '../../src/lib/risk/index.js';
import type { Incident } from '../../src/lib/incident/index.js';
import { committedBaseMap, fullResolutionDistricts } from './sources.js';

// Test fixture rows (not real incidents): points in districts that the 2015 layout did not have.
const PLACES: [string, number, number][] = [
	['TEST FIXTURE Chaman town', 66.452, 30.917],
	['TEST FIXTURE Chitral town', 71.786, 35.851],
	['TEST FIXTURE Mastuj', 72.516, 36.285],
	['TEST FIXTURE Duki', 68.56, 30.155],
	['TEST FIXTURE Quetta', 67.0, 30.19]
];
/**
 * A row as that version stored a UCDP event: no `actor2` (it did not exist), side A as the actor and
 * side B as the "target", unidentified actors as bare codes.
 */
const fixtureIncident = (i: number): Omit<Incident, 'actor2'> => {
	const [place, lon, lat] = PLACES[i % PLACES.length]!;
	return {
		id: `old-${i}`,
		date: '2015-06-01',
		datePrecision: 'day',
		lon,
		lat,
		placePrecision: 'exact',
		place,
		provinceRecorded: null,
		districtRecorded: null,
		eventType: i % 2 ? 'State-based conflict' : 'One-sided violence',
		subType: null,
		target: i % 2 ? 'TTP' : 'Civilians',
		actor: i % 3 ? 'Government of Pakistan' : 'XXX770',
		killed: 1,
		wounded: null,
		suicide: null,
		summary: null,
		source: null
	};
};
const rows = Array.from({ length: 23 }, (_, i) => fixtureIncident(i));

/** Writes the database as the previous version did (same names, version, stores and records). */
function writeOldDatabase(): Promise<void> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open('nw-pakistan-incident-map', 2);
		open.onupgradeneeded = () => {
			const db = open.result;
			db.createObjectStore('datasets', { keyPath: 'info.id' });
			db.createObjectStore('chunks');
			db.createObjectStore('sites', { keyPath: 'id' });
		};
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const tx = db.transaction(['datasets', 'chunks', 'sites'], 'readwrite');
			tx.objectStore('datasets').put({
				info: { id: 'import-old', name: 'old.csv', format: 'UCDP GED', attribution: 'TEST FIXTURE', licence: 'test', dateRange: ['2015-06-01', '2015-06-01'] },
				importReport: {
					file: 'old.csv',
					format: 'UCDP GED',
					rowsRead: 23,
					imported: 23,
					rejected: 0,
					byReason: {},
					coarse: 0,
					unlocated: 0,
					truncatedFields: 0,
					notes: []
				},
				headers: ['id'],
				incidentChunks: 1,
				rejectionChunks: 0,
				importedAt: '2026-01-01T00:00:00.000Z'
			});
			tx.objectStore('chunks').put({ rows }, ['import-old', 'incidents', 0]);
			tx.objectStore('sites').put({
				id: 'site-1',
				name: 'TEST FIXTURE clinic, Chaman',
				lon: 66.452,
				lat: 30.917,
				note: '',
				savedAt: '2026-01-01T00:00:00.000Z'
			});
			tx.oncomplete = () => (db.close(), resolve());
			tx.onerror = () => reject(tx.error);
		};
	});
}

describe('a database written by the previous (2015-layout) version', () => {
	it('opens, and its incidents and saved sites fall in today’s districts', async () => {
		await writeOldDatabase();
		const { districts } = committedBaseMap();
		const full = fullResolutionDistricts();
		const slugOf = (i: number) => (i >= 0 ? districts[i]!.properties.slug : String(i));

		expect((await listImported()).map((d) => d.info.id)).toEqual(['import-old']);
		const { incidents } = await loadImported('import-old');
		// Re-read by today's rules: side B is the second party, a target only in one-sided violence, XXX770 named.
		expect(incidents).toEqual(
			rows.map((r) => ({
				...r,
				actor: r.actor === 'XXX770' ? 'Unidentified armed group in Pakistan (XXX770)' : r.actor,
				actor2: r.target,
				target: r.eventType === 'One-sided violence' ? 'Civilians' : null
			}))
		);
		const joined = [...assignIncidents(incidents, districts)].map(slugOf);
		// Independent: each point against the full-resolution 2023 polygons.
		const expected = incidents.map((inc) => full.find((d) => booleanPointInPolygon([inc.lon!, inc.lat!], d))?.properties.slug ?? '-1');
		expect(joined).toEqual(expected);
		expect(new Set(joined)).toEqual(new Set(['chaman', 'lower-chitral', 'upper-chitral', 'duki', 'quetta']));

		const [site] = await listSites();
		expect(site!.name).toBe('TEST FIXTURE clinic, Chaman');
		expect(slugOf(districtAt([site!.lon, site!.lat], districts))).toBe('chaman');
	});
});
