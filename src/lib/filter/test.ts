import { describe, expect, it } from 'vitest';
import { aggregate, assignIncidents } from '../aggregate/index.js';
import { dayNumber, NOT_RECORDED, PRECISIONS, toColumns } from '../columns/index.js';
import { activeComponents, type IncidentFilter } from './index.js';
import { committedBaseMap, committedDataset } from '../../../tests/unit/sources.js';
import type { Incident } from '../incident/index.js';

const { districts } = committedBaseMap();
const { incidents } = committedDataset('gtd-2008');
const cols = toColumns(incidents);
const assignment = assignIncidents(incidents, districts);
const run = (filter: IncidentFilter) => aggregate(cols, assignment, districts.length, filter);
const TTP = 'Tehrik-i-Taliban Pakistan (TTP)';
const BOMBING = 'Bombing/Explosion';

function identity(agg: ReturnType<typeof run>) {
	return agg.inDistricts.incidents + agg.outside.incidents + agg.coarse.incidents + agg.unlocated.incidents;
}

describe('filters over the real GTD 2008 rows', () => {
	it('keeps the rows of the chosen groups and types, and the identity holds', () => {
		const agg = run({ actor: [TTP], eventType: [BOMBING] });
		const expected = incidents.filter((i) => i.actor === TTP && i.eventType === BOMBING);
		expect(agg.rows).toBe(expected.length);
		expect(agg.rows).toBeGreaterThan(20);
		expect(identity(agg)).toBe(agg.rows);
		expect([...agg.passing].reduce((a, b) => a + b, 0)).toBe(agg.rows);
	});
	it('gives live counts per option with the other filters applied', () => {
		const agg = run({ actor: [TTP], eventType: [BOMBING] });
		// Actor options count bombings of every group; type options count TTP attacks of every type.
		const bombingsBy = (actor: string) => incidents.filter((i) => i.eventType === BOMBING && (i.actor ?? NOT_RECORDED) === actor).length;
		cols.labels.actor.forEach((label, code) => expect(agg.facets.actor[code], label).toBe(bombingsBy(label)));
		const ttpOf = (type: string) => incidents.filter((i) => i.actor === TTP && (i.eventType ?? NOT_RECORDED) === type).length;
		cols.labels.eventType.forEach((label, code) => expect(agg.facets.eventType[code], label).toBe(ttpOf(label)));
	});
	it('filters suicide attacks, minimum casualties and location precision', () => {
		expect(run({ suicide: 'yes' }).rows).toBe(incidents.filter((i) => i.suicide === true).length);
		const cas = (i: Incident) => (i.killed === null && i.wounded === null ? -1 : (i.killed ?? 0) + (i.wounded ?? 0));
		expect(run({ minCasualties: 10 }).rows).toBe(incidents.filter((i) => cas(i) >= 10).length);
		const province = run({ precision: ['province', 'unknown'] });
		expect(province.rows).toBe(7);
		expect(province.coarse.incidents + province.unlocated.incidents).toBe(7);
		expect(province.facets.precision[PRECISIONS.indexOf('exact')]).toBe(incidents.filter((i) => i.placePrecision === 'exact').length);
	});
	it('builds the monthly histogram from all filters but the dates', () => {
		const march = { dayFrom: dayNumber('2008-03-01'), dayTo: dayNumber('2008-03-31'), actor: [TTP] };
		const agg = run(march);
		expect(agg.histogram).toHaveLength(12);
		expect([...agg.histogram].reduce((a, b) => a + b, 0)).toBe(incidents.filter((i) => i.actor === TTP).length);
		expect(agg.histogram[2]).toBe(agg.rows); // March is month index 2
		const monthly = [...agg.districtMonthly].reduce((a, b) => a + b, 0);
		expect(monthly).toBe(run({ actor: [TTP] }).inDistricts.incidents);
	});
	it('lists the active components for chips', () => {
		expect(activeComponents({})).toEqual([]);
		expect(activeComponents({ actor: [TTP], suicide: 'no', minCasualties: 0, precision: [] })).toEqual(['actor', 'suicide']);
	});
});
