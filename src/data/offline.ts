/**
 * The offline copy (src/service-worker.ts) is registered only once the first map is on screen.
 * Installing it fetches and caches the whole build (shell, geodata, every bundled dataset, the
 * district pages and feeds): begun at the page's `load`, as SvelteKit does by itself, it took
 * the network and a core from the first map and left the live map ~1.2 s later (issue #27,
 * README Performance). So SvelteKit's own registration is off (svelte.config.js) and this does it,
 * when the browser is next idle after the first page gives way (MapArea's endFirstPaint): at the
 * first shaded frame, or without WebGL, or after the Dashboard's 10 s fallback if that frame never
 * comes (a failed dataset), so the offline copy is never lost.
 */
import { base } from '$app/paths';
import { dev } from '$app/environment';

let asked = false;

/** Registers the offline worker (once per page), when the browser is next idle. */
export function registerOfflineWorker(): void {
	if (asked || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	asked = true;
	const register = () => {
		// SvelteKit serves the worker as a module in dev, as a classic script in the build.
		navigator.serviceWorker.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' }).catch(() => {
			// Offline use is a bonus: a browser that refuses it still shows the map.
		});
	};
	if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 2_000 });
	else setTimeout(register, 200);
}
