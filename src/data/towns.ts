/** The bundled gazetteer of Pakistani and Afghan towns (GeoNames, CC BY 4.0): fetched once, for the place search and the basemap's towns. */
import gazetteerUrl from '$geodata/gazetteer.json?url';
import { townPlaces, type GazetteerTown, type Place } from '$lib/place/index.js';

let pending: Promise<GazetteerTown[]> | null = null;

export function loadGazetteer(): Promise<GazetteerTown[]> {
	pending ??= fetch(gazetteerUrl).then(async (response) => {
		if (!response.ok) throw new Error(`the gazetteer could not be read (HTTP ${response.status})`);
		return ((await response.json()) as { places: GazetteerTown[] }).places;
	});
	// A failed fetch is not kept: the next call (a search after the network is back) tries again.
	pending.catch(() => (pending = null));
	return pending;
}

export async function loadTowns(): Promise<Place[]> {
	return townPlaces(await loadGazetteer());
}
