/**
 * Layering and cycles, checked by `npm test` (scripts/test.mjs: `depcruise src scripts tests`):
 * the analytic core (src/lib) is pure TypeScript, usable from a Node script, a Web Worker and a
 * test alike, so it imports nothing of the app around it; and no module depends on itself
 * through others (a cycle put papaparse into the first screen's chunk once).
 */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'A cycle ties modules together: an import of one loads all of them (and their dependencies) at once.',
			from: {},
			to: { circular: true }
		},
		{
			name: 'lib-is-the-core',
			severity: 'error',
			comment: 'src/lib is the analytic core: no app data layer, components, routes, workers or MapLibre style.',
			from: { path: '^src/lib/' },
			to: { path: '^src/(data|components|routes|workers|style)/' }
		},
		{
			name: 'lib-has-no-svelte',
			severity: 'error',
			comment: 'src/lib runs in Node and workers: no Svelte, SvelteKit or MapLibre.',
			from: { path: '^src/lib/' },
			to: { path: '^node_modules/(svelte|@sveltejs|maplibre-gl)/' }
		},
		{
			name: 'no-shared-folder',
			severity: 'error',
			comment: 'A clone has no ../shared: nothing may read it.',
			from: {},
			to: { path: '(^|/)\\.\\./shared/' }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '(^|/)(\\.svelte-kit|build|tmp)/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.mjs', '.svelte', '.json']
		},
		moduleSystems: ['es6', 'cjs'],
		reporterOptions: { text: { highlightFocused: true } }
	}
};
