/** Shared by the risk tests (not a test file): fixture incidents on the equator, where a degree of latitude is known exactly (not real). */
import type { Incident } from '../incident/index.js';
import { incidentWith } from '../incident/blank.js';

export const at = (lat: number, date: string, over: Partial<Incident> = {}): Incident =>
	incidentWith({
		id: `f${lat}${date}`,
		date,
		lon: 70,
		lat,
		placePrecision: 'exact',
		place: 'TEST FIXTURE',
		killed: 1,
		wounded: 2,
		...over
	});
