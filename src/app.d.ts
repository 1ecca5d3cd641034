// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	interface Window {
		/**
		 * Set by browser tests and the benchmark before the page loads: keeps the WebGL buffer
		 * readable for pixel checks and exposes the objects below. Never set in normal use.
		 */
		__TEST_HOOKS__?: boolean;
		__incidentMap?: import('maplibre-gl').Map;
		/** An engine worker of its own and empty columns to fill (tests and the benchmark join synthetic points). */
		__engineHooks?: { createEngine: () => import('./data/engine').Engine; emptyColumns: typeof import('./lib/columns/index').emptyColumns };
	}
}
export {};
