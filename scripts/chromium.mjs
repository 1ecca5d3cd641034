// Finds a Chromium for the browser tests, installing Debian's package when it can.
// Playwright cannot download its own browser build on machines without general web access,
// so we prefer (in order): $CHROMIUM_PATH, /usr/bin/chromium, `apt-get install chromium`
// (as root), and only then Playwright's own download.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of a usable Chromium, or undefined when Playwright should use its own build. */
export function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
		return { path: fromEnv, how: 'from $CHROMIUM_PATH' };
	}
	const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
	return system ? { path: system, how: 'Debian package' } : undefined;
}

function run(cmd, args) {
	console.log(`[chromium] $ ${cmd} ${args.join(' ')}`);
	return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

/** Ensures a Chromium exists; says which one the browser tests will use. */
export function ensureChromium() {
	let found = findChromium();
	if (found) {
		console.log(`[chromium] using ${found.path} (${found.how})`);
		return found.path;
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log('[chromium] no Chromium found: installing Debian package "chromium" with apt-get (one-off, ~1 min)');
		if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])) {
			found = findChromium();
			if (found) {
				console.log(`[chromium] using ${found.path} (installed now)`);
				return found.path;
			}
		}
		console.log('[chromium] apt-get install failed');
	}
	console.log("[chromium] no system Chromium and cannot apt-get it: trying Playwright's own build (npx playwright install chromium)");
	if (!run('npx', ['playwright', 'install', 'chromium'])) {
		throw new Error('No Chromium available: install Debian\'s "chromium" package or set CHROMIUM_PATH');
	}
	console.log("[chromium] using Playwright's own Chromium build");
	return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		ensureChromium();
	} catch (err) {
		console.error(`[chromium] ${err.message}`);
		process.exit(1);
	}
}
