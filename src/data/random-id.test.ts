import { describe, expect, it } from 'vitest';
import { randomId } from './random-id.js';
import { newDatasetId } from './keep.js';

describe('ids of what the user keeps', () => {
	it('never repeat, even when made in the same millisecond (as three tabs importing at once did)', () => {
		const ids = Array.from({ length: 10_000 }, () => newDatasetId());
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids[0]).toMatch(/^import-[0-9a-f]{32}$/);
		expect(randomId('site')).toMatch(/^site-[0-9a-f]{32}$/);
	});
});
