/**
 * Shader programs compiled before the map needs them. MapLibre compiles a program in the frame
 * that first draws with it, and software WebGL (headless Chromium, and machines without a GPU)
 * takes 20–40 ms per program: a frame that long. The first view draws no constant-paint circle,
 * so the first surge marks (say after a dataset switch, during an import: large-import.spec.ts)
 * compiled one and stalled that frame. Done once the start is over, in a frame of its own.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LAYER, SOURCE } from '$style/ids.js';
import { circleWarmUp } from '$style/warm-up.js';

/** Draws the warm-up layer once at the map's centre, then removes it; resolves when it is gone. */
export function warmUpPrograms(m: MapLibreMap): Promise<void> {
	if (!m.getStyle() || m.getLayer(LAYER.warmUp)) return Promise.resolve();
	const { lng, lat } = m.getCenter();
	const { source, layer } = circleWarmUp([lng, lat]);
	m.addSource(SOURCE.warmUp, source);
	m.addLayer(layer);
	return new Promise((resolve) =>
		m.once('idle', () => {
			if (m.getStyle()) {
				m.removeLayer(LAYER.warmUp);
				m.removeSource(SOURCE.warmUp);
			}
			resolve();
		})
	);
}
