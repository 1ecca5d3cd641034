import { describe, expect, it } from 'vitest';
import { emptyRecord, ownValue } from './index.js';

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('lookups by outside strings', () => {
	it('answers a table’s own keys only', () => {
		const table = { '1': 'exact', '2': 'near' };
		expect(ownValue(table, '1')).toBe('exact');
		for (const key of HOSTILE) expect(ownValue(table, key), key).toBeUndefined();
	});
	it('keeps `__proto__` and the rest as ordinary keys of a row', () => {
		const row = emptyRecord<string>();
		for (const key of HOSTILE) row[key] = `cell ${key}`;
		expect(Object.keys(row)).toEqual(HOSTILE);
		expect(row.__proto__).toBe('cell __proto__');
		expect(Object.getPrototypeOf(row)).toBeNull();
	});
});
