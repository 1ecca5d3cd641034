/** An incident with every field empty or unknown: the base of one built field by field (an export's header row, a test's fixture). */
import type { Incident } from './index.js';

export const BLANK_INCIDENT: Readonly<Incident> = {
	id: '',
	date: '',
	datePrecision: 'day',
	lon: null,
	lat: null,
	placePrecision: 'unknown',
	place: null,
	provinceRecorded: null,
	districtRecorded: null,
	eventType: null,
	subType: null,
	target: null,
	actor: null,
	actor2: null,
	killed: null,
	wounded: null,
	suicide: null,
	summary: null,
	source: null
};

/** The blank incident with `fields` set. */
export const incidentWith = (fields: Partial<Incident>): Incident => ({ ...BLANK_INCIDENT, ...fields });
