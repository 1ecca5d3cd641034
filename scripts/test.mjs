// `npm test`: every check, types then unit then browser tests. All three run even if one fails,
// and the exit code is non-zero when any fails.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const run = (label, cmd, args) => {
	console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
	return spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status === 0;
};

// Strict TypeScript over the app, the workers, the scripts and the tests (Vite's build does not
// type-check, so without this a type error would pass).
const types = run('types (svelte-check, strict)', 'npm', ['run', '--silent', 'check']);
const unit = run('unit tests (Vitest)', 'npx', ['vitest', 'run']);
let browser = false;
try {
	ensureChromium();
	browser = run('browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test']);
} catch (err) {
	console.error(`[chromium] ${err.message}`);
}
const word = (ok) => (ok ? 'passed' : 'FAILED');
console.log(`\ntypes: ${word(types)}; unit tests: ${word(unit)}; browser tests: ${word(browser)}`);
process.exit(types && unit && browser ? 0 : 1);
