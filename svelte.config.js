import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Fully static build: the dashboard runs offline from `build/` with the bundled geodata.
		// 404.html is what static hosts serve for a missing path: the client then shows +error.svelte
		// (the district a mistyped slug meant). It links its assets from the site root.
		adapter: adapter({ fallback: '404.html' }),
		// The offline worker is registered by src/data/offline.ts once the first map is shaded:
		// SvelteKit's own registration (at the page's load) made its precache race the first map.
		serviceWorker: { register: false },
		// Strict Content Security Policy (a <meta> tag in the prerendered page, with hashes for
		// SvelteKit's own inline bootstrap): only this origin's scripts, workers and data, plus
		// connections to the UCDP and ACLED APIs when the user asks for current data. Inline
		// styles stay allowed because Svelte's style: directives and the app shell set style
		// attributes; no imported text ever reaches markup (it is rendered as text), so that
		// leaves no way in for script. This is the second line of defence.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				// The two data APIs of "Get current data" (src/lib/connectors), and nothing else; blob:
				// for files the app writes itself (the points layer's GeoJSON, read by MapLibre by URL).
				'connect-src': ['self', 'blob:', 'https://ucdpapi.pcr.uu.se', 'https://acleddata.com'],
				// The import and engine workers, MapLibre's, and the offline service worker (src/service-worker.ts).
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// The Node scripts (geodata build, fetch, bench) are type-checked with the app (`npm run check`).
		typescript: {
			config: (config) => {
				config.include.push('../scripts/**/*.ts');
			}
		},
		alias: {
			$geodata: 'geodata',
			$style: 'src/style'
		}
	}
};

export default config;
