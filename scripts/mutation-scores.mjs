// The mutation score per analytic module, from Stryker's JSON reports (reports/stryker/<module>.
// mutation.json, written by `npm run mutate`). Run directly (`--print`) it prints them, writes the
// summary to reports/mutation-scores.json (committed: `npm run bench` prints it), and exits non-zero
// when a targeted module is under 80 %.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

export const TARGET = 80;
export const TARGETED = ['importers', 'aggregate', 'classify', 'hotspot', 'risk', 'border', 'route', 'bivariate', 'table'];
export const SUMMARY = 'reports/mutation-scores.json';

// Stryker's definition: detected (killed + timeout) over valid mutants (all but compile and runtime
// errors and ignored ones). "No coverage" counts against the score: no test reaches that code.
const DETECTED = new Set(['Killed', 'Timeout']);
const INVALID = new Set(['CompileError', 'RuntimeError', 'Ignored']);

export function moduleScore(module, report) {
	const tally = { module, detected: 0, survived: 0, noCoverage: 0, valid: 0 };
	for (const { mutants } of Object.values(report.files)) {
		for (const { status } of mutants) {
			if (INVALID.has(status)) continue;
			tally.valid++;
			if (DETECTED.has(status)) tally.detected++;
			else if (status === 'NoCoverage') tally.noCoverage++;
			else tally.survived++;
		}
	}
	return { ...tally, score: tally.valid ? Math.round((1000 * tally.detected) / tally.valid) / 10 : 100 };
}

export function formatScores(rows) {
	return rows.map((r) => {
		const flag = TARGETED.includes(r.module) && r.score < TARGET ? '  ← under target' : '';
		return `  ${r.module.padEnd(10)} ${r.score.toFixed(1).padStart(5)} %  ${String(r.detected).padStart(4)} of ${String(r.valid).padStart(4)} mutants detected (${r.survived} survived, ${r.noCoverage} not covered)${flag}`;
	});
}

if (process.argv.includes('--print')) {
	const dir = 'reports/stryker';
	// A module's last run: its JSON report, or where that is not here (a fresh clone: reports are
	// not committed), its committed incremental file, which holds the same statuses.
	const reportOf = (module) => [`${dir}/${module}.mutation.json`, `${dir}/${module}.incremental.json`].find((f) => existsSync(f));
	const modules = existsSync(dir) ? [...new Set(readdirSync(dir).map((f) => f.replace(/\.(mutation|incremental)\.json$/, '')))] : [];
	const rows = modules
		.filter((m) => reportOf(m))
		.map((m) => moduleScore(m, JSON.parse(readFileSync(reportOf(m), 'utf8'))))
		.sort((a, b) => a.module.localeCompare(b.module));
	console.log(`\nmutation score per module of src/lib (target ≥ ${TARGET} %)`);
	console.log(formatScores(rows).join('\n'));
	const missing = TARGETED.filter((m) => !rows.some((r) => r.module === m));
	if (missing.length) console.log(`  not run yet: ${missing.join(', ')}`);
	writeFileSync(SUMMARY, JSON.stringify({ date: new Date().toISOString().slice(0, 10), target: TARGET, modules: rows }, null, '\t') + '\n');
	process.exit(rows.some((r) => TARGETED.includes(r.module) && r.score < TARGET) || missing.length ? 1 : 0);
}

// `--last`: the scores of the last `npm run mutate`, as committed (npm run bench prints them; a
// mutation run takes too long for every CI run, see README "Mutation testing").
if (process.argv.includes('--last')) {
	if (!existsSync(SUMMARY)) console.log('\nmutation scores: none recorded yet (npm run mutate)');
	else {
		const last = JSON.parse(readFileSync(SUMMARY, 'utf8'));
		console.log(`\nmutation score per module of src/lib, last npm run mutate (${last.date}; target ≥ ${last.target} %)`);
		console.log(formatScores(last.modules).join('\n'));
	}
}
