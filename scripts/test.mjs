// `npm test`: every check — lint, format, the dependency rules, types, unit tests, browser tests.
// All of them run even if one fails (one report of everything wrong), and the exit code is non-zero
// when any fails.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const run = (label, cmd, args) => {
	console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
	return spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status === 0;
};

// tsconfig.json extends .svelte-kit/tsconfig.json, which only `svelte-kit sync` writes; on a fresh
// clone it does not exist yet, and dependency-cruiser (which reads tsconfig.json) fails without it.
run('generate .svelte-kit (svelte-kit sync)', 'npx', ['svelte-kit', 'sync']);

const checks = {
	// ESLint: JS/TS/Svelte rules, and src/lib free of DOM globals (eslint.config.js).
	lint: run('lint (ESLint)', 'npx', ['eslint', '.']),
	// Prettier: the tree as formatted (.prettierrc.json); `npx prettier --write .` fixes it.
	format: run('format (Prettier, check)', 'npx', ['prettier', '--check', '.']),
	// dependency-cruiser: no import cycle, src/lib imports nothing of the app (.dependency-cruiser.cjs).
	dependencies: run('dependency rules (dependency-cruiser)', 'npx', ['depcruise', 'src', 'scripts', 'tests', '--config', '.dependency-cruiser.cjs']),
	// Strict TypeScript over the app, the workers, the scripts and the tests (Vite's build does not
	// type-check, so without this a type error would pass).
	types: run('types (svelte-check, strict)', 'npm', ['run', '--silent', 'check']),
	unit: run('unit tests (Vitest)', 'npx', ['vitest', 'run']),
	browser: false
};
try {
	ensureChromium();
	checks.browser = run('browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test']);
} catch (err) {
	console.error(`[chromium] ${err.message}`);
}
console.log(
	`\n${Object.entries(checks)
		.map(([name, ok]) => `${name}: ${ok ? 'passed' : 'FAILED'}`)
		.join('; ')}`
);
process.exit(Object.values(checks).every(Boolean) ? 0 : 1);
