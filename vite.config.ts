import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The plugin-timing report is about SvelteKit's own write step; it is noise in every build log.
	build: {
		rolldownOptions: { checks: { pluginTimings: false } },
		// Geodata is fetched, never inlined as data: URLs (the CSP allows connections to 'self' only).
		// PROFILE_BUILD=1 keeps function names and lines, for reading a CPU profile of the built site.
		minify: process.env.PROFILE_BUILD ? false : undefined,
		assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined)
	},
	worker: { format: 'es' },
	test: {
		// Turf-style modules keep their tests beside the code as `test.ts` (a module of several
		// concepts, one `name.test.ts` per concept: src/lib/shading).
		include: ['src/**/test.ts', 'src/**/*.test.ts', 'scripts/**/test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		// scripts/test.ts builds the geodata in beforeAll (~5 s alone, longer on a busy machine).
		hookTimeout: 120_000
	}
});
