/** Positions from a link (the map's camera, a site, a waypoint), checked before they are used (a latitude of 100 made it fall back to the no-WebGL map, with a wrong reason). */

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

/** Latitude and longitude of a map position ("lat,lon"), or why not. */
export function pointProblem(v: string): string | null {
	const parts = v.split(',');
	const [lat, lon] = parts.map(Number);
	if (parts.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lon)) return 'not "latitude,longitude"';
	if (Math.abs(lat!) > 90) return `latitude ${lat} is outside −90…90`;
	if (Math.abs(lon!) > 180) return `longitude ${lon} is outside −180…180`;
	return null;
}
