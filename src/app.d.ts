// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	interface Window {
		/** Set by browser tests before the page loads: keep the WebGL buffer readable for pixel checks. */
		__PRESERVE_DRAWING_BUFFER__?: boolean;
		/** The MapLibre map, exposed only when the flag above is set (tests read pixels through it). */
		__incidentMap?: import('maplibre-gl').Map;
	}
}
export {};
