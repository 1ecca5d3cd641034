/** A map position from a link, checked before it reaches the map (a latitude of 100 made it fall back to the no-WebGL map, with a wrong reason). */

/** The map's camera "lon,lat,zoom" (Web Mercator reaches ±85.05°), or why not. */
export function cameraProblem(v: string): string | null {
	const parts = v.split(',');
	const [lon, lat, zoom] = parts.map(Number);
	if (parts.length !== 3 || ![lon, lat, zoom].every(Number.isFinite)) return 'not "longitude,latitude,zoom"';
	if (Math.abs(lon!) > 180) return `longitude ${lon} is outside −180…180`;
	if (Math.abs(lat!) > 85) return `latitude ${lat} is outside −85…85`;
	if (zoom! < 0 || zoom! > 22) return `zoom ${zoom} is outside 0…22`;
	return null;
}
