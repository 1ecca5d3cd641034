// Stryker, as `npm run mutate` runs it (scripts/mutate.mjs): one run per analytic module, named by
// STRYKER_MODULE, so each module keeps its own incremental file and report, and a run that is
// stopped half-way keeps the modules it finished. README, "Mutation testing".
const module = process.env.STRYKER_MODULE;
if (!module || !/^[a-z]+$/.test(module)) throw new Error('stryker.config.mjs: set STRYKER_MODULE to a folder of src/lib (npm run mutate does)');

// STRYKER_FILES (comma-separated, under the module): mutate only those files, for a module too large
// to run at once (importers: 1,439 mutants). Its results join the module's incremental file.
const files = process.env.STRYKER_FILES?.split(',').map((f) => `src/lib/${module}/${f.trim()}`);

export default {
	testRunner: 'vitest',
	// 'perTest' runs only the tests that reached a mutant; STRYKER_COVERAGE=all runs every test of
	// the module per mutant (slower), for when per-test coverage misses a test that kills it.
	coverageAnalysis: process.env.STRYKER_COVERAGE ?? 'perTest',
	plugins: ['@stryker-mutator/vitest-runner'],
	// The module's own tests only (vitest.mutate.config.ts): a mutant must be killed by its in/out
	// fixtures, and running the whole suite per mutant would take hours on two cores.
	vitest: { configFile: 'vitest.mutate.config.ts' },
	mutate: [...(files ?? [`src/lib/${module}/**/*.ts`]), '!src/lib/**/test.ts', '!src/lib/**/*.test.ts', '!src/lib/**/bench.ts', '!src/lib/**/test-helpers.ts'],
	// Only mutants in code changed since the last run are re-run; the rest come from this file.
	incremental: true,
	incrementalFile: `reports/stryker/${module}.incremental.json`,
	reporters: ['progress', 'json'],
	jsonReporter: { fileName: `reports/stryker/${module}.mutation.json` },
	concurrency: 2,
	timeoutMS: 10000,
	tempDirName: 'tmp/stryker',
	// The sandbox copies the tree without git-ignored files, but tsconfig.json extends SvelteKit's
	// generated one, which Vite's transform needs.
	ignorePatterns: [
		'!.svelte-kit/tsconfig.json',
		'!.svelte-kit/ambient.d.ts',
		'!.svelte-kit/non-ambient.d.ts',
		'/tmp',
		'/build',
		'/reports',
		'/test-results',
		'/playwright-report'
	]
};
