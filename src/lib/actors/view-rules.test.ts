import { describe, expect, it } from 'vitest';
import { ROLES } from './index.js';
import { viewForSource } from './view-rules.js';

describe('a view asking a source for what it does not record', () => {
	it('UCDP: casualties become killed and the suicide filter goes, each said once; its target stays', () => {
		const r = viewForSource(ROLES['UCDP GED'], { metric: 'casualties', suicide: 'yes', target: ['Civilians'] });
		expect([r.metric, r.suicide, r.target]).toEqual(['killed', null, ['Civilians']]);
		expect(r.notes).toEqual([
			'Shading by casualties is off: wounded are not recorded by UCDP. Shaded by killed instead.',
			'The suicide-attack filter is off: UCDP does not code suicide attacks.'
		]);
		expect(viewForSource(ROLES['UCDP GED'], { metric: 'wounded', suicide: null, target: [] }).metric).toBe('incidents');
	});
	it('a mapped CSV codes no target: the target filter goes', () => {
		const r = viewForSource(ROLES.mapped, { metric: 'incidents', suicide: null, target: ['Police'] });
		expect([r.target, r.notes]).toEqual([[], [`The target filter is off: ${ROLES.mapped.source} codes no target.`]]);
	});
	it('GTD records all of them: nothing changes, nothing is said', () => {
		const view = { metric: 'casualties', suicide: 'yes', target: ['Police'] } as const;
		expect(viewForSource(ROLES.GTD, view)).toEqual({ ...view, notes: [] });
	});
});
