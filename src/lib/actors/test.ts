import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCsv } from '../importers/file.js';
import { tableIncidents } from '../table/index.js';
import { aggregate } from '../aggregate/index.js';
import { toColumns } from '../columns/index.js';
import { committedDataset, sourcesDir } from '../../../tests/unit/sources.js';
import { partiesText, rolesOf, ucdpActorName, upgradeColumns, upgradeIncident, ROLES } from './index.js';
import type { Incident } from '../incident/index.js';

async function candidateRows(): Promise<Incident[]> {
	const text = readFileSync(join(sourcesDir, 'incidents/ucdp_candidate_26_0_1_pakistan.csv'), 'utf8');
	const outcome = await importCsv(text, { file: 'candidate.csv', size: text.length, encoding: 'utf-8' });
	if (outcome.kind !== 'done') throw new Error(outcome.kind);
	return tableIncidents(outcome.result.table);
}

describe('UCDP Candidate 26.0.1 (the real 87 rows): sides of a dyad, not perpetrator and target', async () => {
	const rows = await candidateRows();
	const roles = rolesOf({ format: 'UCDP GED' });
	it('names no perpetrator: UCDP does not say who attacked, so "Government of Pakistan" is side A of 70 dyads, not a perpetrator', () => {
		expect(roles.perpetrator).toBe(false);
		expect(roles.actorLabel).toBe('Party (side A or B)');
		expect(rows.filter((r) => r.actor === 'Government of Pakistan')).toHaveLength(70);
		for (const r of rows) expect(partiesText(r, roles)).not.toMatch(/perpetrator/i);
		expect(
			partiesText(
				rows.find((r) => r.actor === 'Government of Pakistan' && r.actor2 === 'TTP')!,
				roles
			)
		).toBe('Government of Pakistan – TTP');
	});
	it('has TTP and BRAS as parties (side B of 34 and 35 events), never as target types', () => {
		expect(rows.filter((r) => r.actor2 === 'TTP' || r.actor === 'TTP').length).toBeGreaterThanOrEqual(34);
		expect(rows.filter((r) => r.actor2 === 'BRAS')).toHaveLength(35);
		expect(rows.filter((r) => r.actor2 === 'TTP')).toHaveLength(34);
		for (const r of rows) expect(['TTP', 'BRAS']).not.toContain(r.target);
	});
	it('codes a target only in one-sided violence, where side B is civilians (13 events)', () => {
		const oneSided = rows.filter((r) => r.eventType === 'One-sided violence');
		expect(oneSided).toHaveLength(13);
		for (const r of oneSided) expect([r.actor2, r.target]).toEqual(['Civilians', 'Civilians']);
		expect(rows.filter((r) => r.target !== null)).toHaveLength(13);
	});
	it('names UCDP’s unidentified actors in words, keeping the code', () => {
		expect(rows.filter((r) => r.actor2 === 'Unidentified armed group in Pakistan (XXX770)')).toHaveLength(4);
		expect(rows.some((r) => (r.actor ?? '').includes('XXX770') && r.actor !== 'Unidentified armed group in Pakistan (XXX770)')).toBe(false);
		expect(ucdpActorName('XXX700')).toBe('Unidentified armed group in Afghanistan (XXX700)');
		expect(ucdpActorName('TTP')).toBe('TTP');
	});
	it('records no wounded: every row unknown, and the roles say so', () => {
		expect(rows.every((r) => r.wounded === null)).toBe(true);
		expect(roles.wounded).toBe(false);
		expect(roles.suicide).toBe(false);
	});
	it('lets a party filter match either side: TTP is in 34 + 3 events, on side B or side A', () => {
		const cols = toColumns(rows);
		const assignment = new Int32Array(rows.length);
		const agg = aggregate(cols, assignment, 1, { actor: ['TTP'] });
		const either = rows.filter((r) => r.actor === 'TTP' || r.actor2 === 'TTP').length;
		expect(agg.rows).toBe(either);
		expect(either).toBe(37);
		// The option counts once for each event naming it on either side.
		expect(aggregate(cols, assignment, 1).facets.actor[cols.labels.actor.indexOf('TTP')]).toBe(either);
	});
});

describe('GTD: a perpetrator group and a target type', () => {
	const { incidents } = committedDataset('gtd-2008');
	const roles = rolesOf({ format: 'GTD' });
	it('reads gname as the perpetrator and targtype1_txt as the target type, with no second party', () => {
		expect(roles).toMatchObject({ actorLabel: 'Perpetrator group', perpetrator: true, targetLabel: 'Target type', wounded: true, suicide: true });
		expect(incidents.every((i) => i.actor2 === null)).toBe(true);
		const ttp = incidents.find((i) => i.actor === 'Tehrik-i-Taliban Pakistan (TTP)')!;
		expect(partiesText(ttp, roles)).toBe('perpetrator: Tehrik-i-Taliban Pakistan (TTP)');
		expect(new Set(incidents.map((i) => i.target))).toContain('Military');
	});
});

describe('datasets stored by an earlier version (side B read as the target): re-read on load', () => {
	// Stored before `actor2` existed: the key is absent, not null (so not built with incidentWith).
	const old = (over: Partial<Incident>): Incident =>
		({
			id: 'TEST-1',
			date: '2026-01-10',
			datePrecision: 'day',
			lon: 71.5,
			lat: 34,
			placePrecision: 'exact',
			place: null,
			provinceRecorded: null,
			districtRecorded: null,
			eventType: 'State-based conflict',
			subType: null,
			target: 'TTP',
			actor: 'Government of Pakistan',
			killed: 1,
			wounded: null,
			suicide: null,
			summary: null,
			source: null,
			...over
		}) as Incident;
	it('moves UCDP side B to the second party, and keeps a target only for one-sided violence', () => {
		expect(upgradeIncident({ format: 'UCDP GED' }, old({}))).toMatchObject({ actor: 'Government of Pakistan', actor2: 'TTP', target: null });
		expect(upgradeIncident({ format: 'UCDP GED' }, old({ eventType: 'One-sided violence', actor: 'XXX770', target: 'Civilians' }))).toMatchObject({
			actor: 'Unidentified armed group in Pakistan (XXX770)',
			actor2: 'Civilians',
			target: 'Civilians'
		});
		expect(upgradeIncident({ format: 'ACLED' }, old({}))).toMatchObject({ actor2: 'TTP', target: 'TTP' });
		expect(upgradeIncident({ format: 'GTD' }, old({}))).toMatchObject({ actor2: null, target: 'TTP' });
	});
	it('does the same to stored columns, so the engine and the lists agree', () => {
		const rows = [old({}), old({ id: 'TEST-2', eventType: 'One-sided violence', actor: 'XXX770', target: 'Civilians' })];
		const cols = toColumns(rows.map((r) => ({ ...r, actor2: null })));
		const { actor2: _dropped, ...stored } = cols;
		const up = upgradeColumns({ format: 'UCDP GED' }, stored as typeof cols);
		const label = (code: number) => up.labels.actor[code];
		expect([label(up.actor[0]!), label(up.actor2[0]!)]).toEqual(['Government of Pakistan', 'TTP']);
		expect([label(up.actor[1]!), label(up.actor2[1]!)]).toEqual(['Unidentified armed group in Pakistan (XXX770)', 'Civilians']);
		expect(Array.from(up.target, (c) => up.labels.target[c])).toEqual(['(not recorded)', 'Civilians']);
		// Columns this version stored are left as they are.
		expect(upgradeColumns({ format: 'UCDP GED' }, cols)).toBe(cols);
	});
});

describe('roles of every codebook', () => {
	it('say what each source records', () => {
		expect(Object.fromEntries(Object.entries(ROLES).map(([k, r]) => [k, [r.wounded, r.dyad, r.targetLabel !== null]]))).toEqual({
			GTD: [true, false, true],
			'UCDP GED': [false, true, true],
			ACLED: [false, true, true],
			mapped: [false, false, false]
		});
		expect(rolesOf({ format: 'GeoJSON', codebook: 'GTD' }).perpetrator).toBe(true);
		expect(rolesOf({ format: 'CSV' }).actorLabel).toBe('Group / actor');
	});
});
