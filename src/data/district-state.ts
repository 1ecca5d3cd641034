/** The districts' feature state on the live map: the highlights each district carries, by slug. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SOURCE } from '$style/layers.js';

/**
 * Sets a feature-state key (hover, selected, Gi*) on every district that had it or needs it now;
 * returns the districts that have it, for the next call.
 */
export function districtState(m: MapLibreMap, key: string, bySlug: Map<string, unknown>, previous: Set<string>): Set<string> {
	for (const slug of previous) if (!bySlug.has(slug)) m.setFeatureState({ source: SOURCE.districts, id: slug }, { [key]: null });
	for (const [slug, v] of bySlug) m.setFeatureState({ source: SOURCE.districts, id: slug }, { [key]: v });
	return new Set(bySlug.keys());
}
