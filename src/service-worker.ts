/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline after one visit: the app shell, the geodata and bundled datasets, the district pages and
 * the feeds of this build are cached when the worker installs, and served from that cache, so a
 * reload without a network shows the same map. One cache per build (`version`): a new deploy's
 * worker installs beside the old one and waits; the page says "updated — reload" (UpdateNote)
 * and only then does it take over, so one page never mixes two builds' files. Everything else
 * (the UCDP and ACLED APIs, a file the page fetches for an import) goes to the network untouched.
 * SvelteKit's own service-worker support: it lists exactly this build's files; no plugin needed.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `offline-${version}`;
// A district page's __data.json is only for client-side navigation, which those pages do not use (csr = false).
const PRECACHE = [...build, ...files, ...prerendered.filter((p) => !p.endsWith('__data.json'))];
const precached = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			await cache.addAll(PRECACHE);
			// The host's page for a missing path (adapter-static's fallback), where there is one: the
			// preview server has none, and a failed add must not stop the rest being cached.
			await cache.add(`${base}/404.html`).catch(() => undefined);
		})
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

/** UpdateNote's "Reload": the waiting worker of a new build takes over, then the page reloads. */
sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') void sw.skipWaiting();
});

/** The cached page for a navigation: "/?dataset=…" is "/", "/district/x" is "/district/x/". */
function pageKey(pathname: string): string | null {
	for (const key of [pathname, `${pathname.replace(/\/$/, '')}/`]) if (precached.has(key)) return key;
	return null;
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	const key = request.mode === 'navigate' ? pageKey(url.pathname) : precached.has(url.pathname) ? url.pathname : null;
	if (key) {
		event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(key)) ?? fetch(request)));
		return;
	}
	if (request.mode === 'navigate') {
		// A page this build does not have: the network's answer, or offline the 404 page.
		event.respondWith(
			fetch(request).catch(async () => (await caches.match(`${base}/404.html`)) ?? new Response('Offline, and this page was never cached', { status: 503 }))
		);
	}
});
