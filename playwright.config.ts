import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.mjs';

// scripts/chromium.mjs has already made sure a Chromium exists (npm test runs it first).
const chromium = findChromium();
// E2E_PORT: a second checkout (a clean-clone CI run) can test beside this one.
const PORT = Number(process.env.E2E_PORT ?? 4174);
const TIMED = /(large-import|hostile-imports|many-sites)\.spec\.ts/;

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	workers: 2,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		viewport: { width: 1400, height: 900 },
		// The service worker serves its cached files past page.route (which the specs mock with) and
		// precaches ~5 MB per fresh context: only the offline spec lets it run (offline.spec.ts).
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: chromium?.path,
			// Flags for a closed network and root: no background calls home, no sandbox as root.
			args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		}
	},
	// Timing tests (main-thread budgets) run alone, after the rest: on two cores a parallel test
	// would steal their CPU and fail them for its own work. The hostile-input suite holds each
	// case to a 200 ms longest script: beside another worker, CI measured a 59 ms task at 246 ms.
	projects: [
		{ name: 'main', testIgnore: TIMED },
		// One worker: two timing tests side by side steal each other's CPU just the same.
		{ name: 'timing', testMatch: TIMED, dependencies: ['main'], workers: 1 }
	],
	// The tests run against the production build, as users get it from `npm start`.
	webServer: {
		command: `npx vite build && npx vite preview --port ${PORT} --strictPort`,
		port: PORT,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000
	}
});
