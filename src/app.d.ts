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
		/** Creates an engine worker of its own (the benchmark joins synthetic points with it). */
		__createEngine?: () => import('./data/engine').Engine;
	}
}
export {};
