import { describe, expect, it } from 'vitest';
import { addToTally, countWithUnknown, emptyTally, markedCount, tollCells, tollNote, tollsClause, tollText, unknownsOf, type Tally } from './index.js';
import { ROLES } from '../actors/index.js';

const gtd = ROLES.GTD;
const ucdp = ROLES['UCDP GED'];
const tally = (over: Partial<Tally>): Tally => ({ ...emptyTally(), ...over });

describe('addToTally', () => {
	it('adds given tolls, and counts the incidents whose toll is not given apart', () => {
		const t = emptyTally();
		addToTally(t, { killed: 2, wounded: null, placePrecision: 'exact' });
		addToTally(t, { killed: null, wounded: 5, placePrecision: 'district' });
		addToTally(t, { killed: 0, wounded: 0, placePrecision: 'near' });
		expect(t).toEqual({ incidents: 3, killed: 2, wounded: 5, killedUnknown: 1, woundedUnknown: 1, districtLevel: 1 });
	});
});

describe('tollText', () => {
	it('gives the figure, with how many incidents it is not given for', () => {
		expect(tollText(tally({ incidents: 4, killed: 1200 }), 'killed', gtd)).toBe('1,200');
		expect(tollText(tally({ incidents: 4, killed: 12, killedUnknown: 3 }), 'killed', gtd)).toBe('12 (unknown for 3)');
		expect(tollText(tally({ incidents: 4, wounded: 0, woundedUnknown: 4 }), 'wounded', gtd)).toBe('unknown');
		expect(tollText(tally({}), 'killed', gtd)).toBe('0');
	});
	it('says a toll the source never records is not recorded, never 0', () => {
		expect(tollText(tally({ incidents: 4, killed: 9, woundedUnknown: 4 }), 'wounded', ucdp)).toBe('not recorded by UCDP');
		expect(tollText(tally({ incidents: 4, killed: 9, woundedUnknown: 4 }), 'killed', ucdp)).toBe('9');
	});
});

describe('tollCells', () => {
	it('gives the figure and the unknowns as two CSV cells, or the words where never recorded', () => {
		expect(tollCells(tally({ incidents: 4, killed: 12, killedUnknown: 3 }), 'killed', gtd)).toEqual([12, 3]);
		expect(tollCells(tally({ incidents: 4, woundedUnknown: 4 }), 'wounded', ucdp)).toEqual(['not recorded by UCDP', 'not recorded by UCDP']);
	});
});

describe('tollsClause', () => {
	it('names both tolls and the larger of the two unknowns', () => {
		expect(tollsClause(tally({ incidents: 3, killed: 1, wounded: 0, woundedUnknown: 2 }), gtd)).toBe(
			'with 1 killed and 0 wounded (tolls not given for 2 incidents)'
		);
		expect(tollsClause(tally({ incidents: 3, killed: 1, wounded: 4 }), gtd)).toBe('with 1 killed and 4 wounded');
	});
	it('leaves the wounded out as not recorded, and counts only unknown deaths, for UCDP', () => {
		expect(tollsClause(tally({ incidents: 3, killed: 5, killedUnknown: 1, woundedUnknown: 3 }), ucdp)).toBe(
			'with 5 killed (deaths not given for 1 incident); the wounded are not recorded by UCDP'
		);
	});
});

describe('unknownsOf and markedCount, for narrow tables', () => {
	it('marks a sum some incidents do not give, and says "unknown" when none gives it', () => {
		const t = tally({ incidents: 4, killed: 12, killedUnknown: 1, wounded: 3, woundedUnknown: 0 });
		expect(markedCount(t.killed, unknownsOf(t, 'killed'))).toBe('12*');
		expect(markedCount(t.wounded, unknownsOf(t, 'wounded'))).toBe('3');
		expect(markedCount(0, unknownsOf(tally({ incidents: 2, killedUnknown: 2 }), 'killed'))).toBe('unknown');
		expect(markedCount(0, unknownsOf(tally({}), 'killed'))).toBe('0');
	});
	it('casualties are unknown only when neither toll is given for any incident', () => {
		expect(unknownsOf(tally({ incidents: 2, killedUnknown: 2, woundedUnknown: 0 }), 'casualties')).toBe('some');
		expect(unknownsOf(tally({ incidents: 2, killedUnknown: 2, woundedUnknown: 2 }), 'casualties')).toBe('all');
		expect(countWithUnknown(7, 1, 3)).toBe('7 (unknown for 1)');
	});
});

describe('tollNote', () => {
	it('says, for a map shaded by a toll, how many incidents do not give it', () => {
		const t = tally({ incidents: 10, killedUnknown: 3, woundedUnknown: 1 });
		expect(tollNote('killed', t)).toBe('Deaths not given for 3 incidents: the figures add up those given.');
		expect(tollNote('wounded', t)).toBe('Wounded not given for 1 incident: the figures add up those given.');
		expect(tollNote('casualties', t)).toBe('Tolls not given for 3 incidents: the figures add up those given.');
	});
	it('says nothing for incidents, or when every incident gives the toll', () => {
		expect(tollNote('incidents', tally({ incidents: 10, killedUnknown: 3 }))).toBeNull();
		expect(tollNote('killed', tally({ incidents: 10, woundedUnknown: 3 }))).toBeNull();
	});
});
