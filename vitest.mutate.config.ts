// Vitest as Stryker runs it (stryker.config.mjs): the tests of one analytic module, src/lib/<module>.
// The script tests (scripts/test.ts builds the whole geodata in a hook) and other modules' tests
// reach this code too, but a mutant should be killed by the module's own in/out fixtures — and
// running all of them per mutant would make a run take hours on two cores.
import { defineConfig } from 'vitest/config';

const module = process.env.STRYKER_MODULE ?? '*';

export default defineConfig({
	test: {
		include: [`src/lib/${module}/**/test.ts`, `src/lib/${module}/**/*.test.ts`],
		environment: 'node',
		testTimeout: 60_000
	}
});
