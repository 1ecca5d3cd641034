// ESLint (flat config), run by `npm test` before the tests: JavaScript's and TypeScript's
// recommended rules, Svelte's, and the analytic core's purity (src/lib: no DOM, no globals of a
// page or a worker; its layering is checked by dependency-cruiser, .dependency-cruiser.cjs).
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Globals of a page or a worker that the analytic core must not touch (it runs in Node too). */
const DOM_GLOBALS = [
	'window',
	'document',
	'navigator',
	'location',
	'localStorage',
	'sessionStorage',
	'indexedDB',
	'HTMLElement',
	'HTMLCanvasElement',
	'requestAnimationFrame',
	'self',
	'postMessage'
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'tmp/', 'test-results/', 'playwright-report/', 'reports/', 'geodata/', 'sources/', 'static/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// `_name` marks a value left unused on purpose (a destructured field dropped).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
			// TypeScript checks names (svelte-check, strict); ESLint's own check does not know type-only globals (GeoJSON).
			'no-undef': 'off',
			// The Maps, Sets, Dates and URLSearchParams of the page are built and read within one
			// derivation or call, never mutated as state: Svelte's reactive versions would only add cost.
			'svelte/prefer-svelte-reactivity': 'off',
			// Links are relative on purpose (the static site works from any folder: `../district/x/`),
			// and the URL's query is written with SvelteKit's shallow pushState/replaceState.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		files: ['src/lib/**/*.ts'],
		rules: {
			'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: `src/lib is pure (Node, a worker and a test alike): no ${name}` }))]
		}
	}
);
