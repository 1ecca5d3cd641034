// `npm test`: every test, unit then browser. Both suites run even if the first fails, and the
// exit code is non-zero when either fails.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const run = (label, cmd, args) => {
	console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
	return spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status === 0;
};

const unit = run('unit tests (Vitest)', 'npx', ['vitest', 'run']);
let browser = false;
try {
	ensureChromium();
	browser = run('browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test']);
} catch (err) {
	console.error(`[chromium] ${err.message}`);
}
console.log(`\nunit tests: ${unit ? 'passed' : 'FAILED'}; browser tests: ${browser ? 'passed' : 'FAILED'}`);
process.exit(unit && browser ? 0 : 1);
