/**
 * Who took part in an event, as each source's codebook defines it (DATA-MODEL.md, "parties"):
 * - GTD: `gname` is the **perpetrator** group and `targtype1_txt` the **target type**;
 * - UCDP GED: `side_a` and `side_b` are the two **sides of a dyad**. UCDP does not say who
 *   attacked whom: in state-based violence (type 1) side A is a government, in one-sided
 *   violence (type 3) side B is "Civilians" — the only case where UCDP codes a target;
 * - ACLED: `actor1` and `actor2` (with `interaction`); actor 2 is the one acted on.
 * The names the filter panel, tables, lists, pages and exports use for each field come from here,
 * and so does what a source does not record at all (UCDP and ACLED have no wounded figure).
 * Pure: no DOM.
 */
import type { Codebook, DatasetInfo, Incident } from '../incident/index.js';
import type { IncidentColumns } from '../columns/index.js';
import { ownValue } from '../lookup/index.js';

export interface SourceRoles {
	/** The source's name, for "not recorded by UCDP". */
	source: string;
	/** The actor filter's and column's name: "Perpetrator group", "Party (side A or B)", … */
	actorLabel: string;
	/** A row has two parties (UCDP sides, ACLED actors), shown as a dyad "A – B". */
	dyad: boolean;
	/** The source names a perpetrator (GTD only). */
	perpetrator: boolean;
	/** The target field's name, or null where the source codes no target. */
	targetLabel: string | null;
	/** The event-type field's name. */
	eventTypeLabel: string;
	/** The source records wounded: otherwise wounded and casualties are "not recorded". */
	wounded: boolean;
	/** The source codes suicide attacks: otherwise the suicide filter is hidden. */
	suicide: boolean;
	/** Export column names of the actor fields, as the source calls them. */
	columns: { actor: string; actor2: string | null; target: string | null };
	/** The short names of the category filters, in chips and in the filters line of exports. */
	chips: { actor: string; eventType: string; target: string };
}

export const ROLES: Record<Codebook, SourceRoles> = {
	GTD: {
		source: 'GTD',
		actorLabel: 'Perpetrator group',
		dyad: false,
		perpetrator: true,
		targetLabel: 'Target type',
		eventTypeLabel: 'Attack type',
		wounded: true,
		suicide: true,
		columns: { actor: 'perpetrator', actor2: null, target: 'target_type' },
		chips: { actor: 'Perpetrator', eventType: 'Attack type', target: 'Target type' }
	},
	'UCDP GED': {
		source: 'UCDP',
		actorLabel: 'Party (side A or B)',
		dyad: true,
		perpetrator: false,
		targetLabel: 'Target (one-sided violence: civilians)',
		eventTypeLabel: 'Type of violence',
		wounded: false,
		suicide: false,
		columns: { actor: 'side_a', actor2: 'side_b', target: 'target' },
		chips: { actor: 'Party', eventType: 'Violence', target: 'Target' }
	},
	ACLED: {
		source: 'ACLED',
		actorLabel: 'Actor (1 or 2)',
		dyad: true,
		perpetrator: false,
		targetLabel: 'Target (actor 2)',
		eventTypeLabel: 'Event type',
		wounded: false,
		// ACLED codes suicide bombs as a sub-event type.
		suicide: true,
		columns: { actor: 'actor1', actor2: 'actor2', target: 'target' },
		chips: { actor: 'Actor', eventType: 'Type', target: 'Target' }
	},
	mapped: {
		source: 'this file',
		actorLabel: 'Group / actor',
		dyad: false,
		perpetrator: false,
		targetLabel: null,
		eventTypeLabel: 'Event type',
		// The column mapping has no wounded or suicide field.
		wounded: false,
		suicide: false,
		columns: { actor: 'group', actor2: null, target: null },
		chips: { actor: 'Group', eventType: 'Type', target: 'Target' }
	}
};

/** Whose codebook a dataset follows. */
export function codebookOf(info: Pick<DatasetInfo, 'format' | 'codebook'>): Codebook {
	if (info.codebook) return info.codebook;
	return info.format === 'GeoJSON' || info.format === 'CSV' ? 'mapped' : info.format;
}

export const rolesOf = (info: Pick<DatasetInfo, 'format' | 'codebook'>): SourceRoles => ROLES[codebookOf(info)];

/** "not recorded by UCDP": what a field the source does not record reads, everywhere. */
export const notRecorded = (roles: Pick<SourceRoles, 'source'>) => `not recorded by ${roles.source}`;

/** Gleditsch–Ward country codes of the region, for UCDP's unidentified actors (`XXX770`). */
const GW_COUNTRIES: Record<string, string> = { '700': 'Afghanistan', '770': 'Pakistan', '750': 'India', '630': 'Iran', '710': 'China' };

/**
 * UCDP codes an actor it cannot identify as XXX plus the Gleditsch–Ward code of the country
 * (`XXX770`: an unidentified armed group in Pakistan). Named in words, with the code kept so the
 * row still matches UCDP's own files; any other name is returned as it is.
 */
export function ucdpActorName(name: string | null): string | null {
	if (name === null) return null;
	const match = /^XXX(\d{3})$/.exec(name.trim());
	if (!match) return name;
	const country = ownValue(GW_COUNTRIES, match[1]!);
	return `Unidentified armed group${country ? ` in ${country}` : ''} (${name.trim()})`;
}

/** UCDP's type of violence 3: one-sided violence against civilians (the only UCDP target). */
export const UCDP_ONE_SIDED = 'One-sided violence';
/** The target of a UCDP event: civilians in one-sided violence, else not coded. */
export const ucdpTarget = (eventType: string | null): string | null => (eventType === UCDP_ONE_SIDED ? 'Civilians' : null);

/** The parties of an incident in words: "Government of Pakistan – TTP", "TTP (perpetrator)". */
export function partiesText(inc: Pick<Incident, 'actor' | 'actor2'>, roles: SourceRoles): string {
	if (roles.dyad) {
		const a = inc.actor ?? 'unknown';
		// Both sides even when alike: XXX770 – XXX770 is a clash between two unidentified groups.
		return inc.actor2 ? `${a} – ${inc.actor2}` : a;
	}
	if (roles.perpetrator) return inc.actor ? `perpetrator: ${inc.actor}` : 'perpetrator unknown';
	return inc.actor ?? 'group not given';
}

/**
 * A dataset stored in a browser by an earlier version read its actors differently: one `actor`
 * (UCDP side A, ACLED actor 1) and the other side as the `target` (UCDP side B, ACLED actor 2),
 * with UCDP's unidentified actors as bare codes. Re-read on load by today's rules: the second
 * side becomes `actor2`, a UCDP target is civilians in one-sided violence only, and `XXX770` is
 * named. A row stored by this version (it has `actor2`) is returned as it is.
 */
export function upgradeIncident(info: Pick<DatasetInfo, 'format' | 'codebook'>, inc: Incident): Incident {
	if ((inc as Partial<Incident>).actor2 !== undefined) return inc;
	const codebook = codebookOf(info);
	if (codebook === 'UCDP GED') return { ...inc, actor: ucdpActorName(inc.actor), actor2: ucdpActorName(inc.target), target: ucdpTarget(inc.eventType) };
	if (codebook === 'ACLED') return { ...inc, actor2: inc.target };
	return { ...inc, actor2: null };
}

/** The same for stored typed columns (src/lib/columns): those without an `actor2` column. */
export function upgradeColumns(info: Pick<DatasetInfo, 'format' | 'codebook'>, cols: IncidentColumns): IncidentColumns {
	if ((cols as Partial<IncidentColumns>).actor2) return cols;
	const codebook = codebookOf(info);
	const actor2 = new Uint16Array(cols.length);
	if (codebook !== 'UCDP GED' && codebook !== 'ACLED') return { ...cols, actor2 };
	// The old target codes (the other side) recoded into the actor dictionary.
	const actors = [...cols.labels.actor];
	const codeOf = new Map(actors.map((label, code) => [label, code]));
	const toActor = cols.labels.target.map((label, code) => {
		if (code === 0) return 0;
		let c = codeOf.get(label);
		if (c === undefined) codeOf.set(label, (c = actors.push(label) - 1));
		return c;
	});
	for (let i = 0; i < cols.length; i++) actor2[i] = toActor[cols.target[i]!]!;
	if (codebook === 'ACLED') return { ...cols, actor2, labels: { ...cols.labels, actor: actors } };
	// UCDP: targets are civilians in one-sided violence only; unidentified actors named.
	const oneSided = cols.labels.eventType.indexOf(UCDP_ONE_SIDED);
	const target = new Uint16Array(cols.length);
	for (let i = 0; i < cols.length; i++) if (cols.eventType[i] === oneSided) target[i] = 1;
	const named = actors.map((label, code) => (code === 0 ? label : ucdpActorName(label)!));
	return { ...cols, actor2, target, labels: { ...cols.labels, actor: named, target: [cols.labels.target[0]!, 'Civilians'] } };
}
