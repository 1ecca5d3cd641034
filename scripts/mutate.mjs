// `npm run mutate [module…]`: Stryker on the analytic core, one module at a time, then the scores.
// With no argument it runs every module the README targets; each run is incremental, so a module
// whose code and tests have not changed since its last run takes seconds.
import { spawnSync } from 'node:child_process';
import { TARGETED } from './mutation-scores.mjs';

const modules = process.argv.length > 2 ? process.argv.slice(2) : TARGETED;
for (const module of modules) {
	console.log(`\n=== mutation testing src/lib/${module}`);
	const { status } = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, STRYKER_MODULE: module } });
	if (status !== 0) process.exit(status ?? 1);
}
const { status } = spawnSync('node', ['scripts/mutation-scores.mjs', '--print'], { stdio: 'inherit' });
process.exit(status ?? 1);
