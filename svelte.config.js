import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Fully static build: the dashboard runs offline from `build/` with the bundled geodata.
		adapter: adapter({ fallback: undefined }),
		alias: {
			$geodata: 'geodata',
			$style: 'src/style'
		}
	}
};

export default config;
