/** The bundled gazetteer of Pakistani and Afghan towns (GeoNames, CC BY 4.0), fetched when the place search first needs it. */
import gazetteerUrl from '$geodata/gazetteer.json?url';
import { townPlaces, type GazetteerTown, type Place } from '$lib/place/index.js';

export async function loadTowns(): Promise<Place[]> {
	const response = await fetch(gazetteerUrl);
	if (!response.ok) throw new Error(`the gazetteer could not be read (HTTP ${response.status})`);
	const { places } = (await response.json()) as { places: GazetteerTown[] };
	return townPlaces(places);
}
