/** The hostile-input suite in Node: each generated file through the importer as the import worker runs it (tests/hostile/cases.ts). */
import { describe, expect, it } from 'vitest';
import { fullMapping, HOSTILE_CASES } from '../hostile/cases.js';
import { importBytes } from '../../src/lib/importers/test-helpers.js';

describe('hostile imports, in Node', () => {
	for (const c of HOSTILE_CASES) {
		it(c.name, async () => {
			const run = importBytes(c.bytes(), c.file, c.mapping && fullMapping(c.mapping));
			const want = c.expect;
			if ('error' in want) return void (await expect(run).rejects.toThrow(want.error));
			const outcome = await run;
			if ('wideHeader' in want) {
				expect(outcome.kind).toBe('needs-mapping');
				if (outcome.kind === 'needs-mapping') expect(outcome.headers).toHaveLength(want.wideHeader);
				return;
			}
			if (outcome.kind !== 'done') throw new Error(`expected an import, got ${outcome.kind}`);
			const { report, rejections } = outcome.result;
			expect(report.imported + report.rejected).toBe(report.rowsRead);
			expect(report).toMatchObject({ imported: want.imported, rejected: want.rejected, rowsRead: want.rowsRead });
			expect(rejections).toHaveLength(want.rejected);
			expect({ read: report.linesRead, rejected: report.linesRejected }).toEqual(want.lines ?? { read: want.rowsRead, rejected: want.rejected });
			const said = [...report.notes, ...rejections.map((r) => r.problem)].join('\n');
			for (const m of want.mentions) expect(said).toContain(m);
		});
	}
});
