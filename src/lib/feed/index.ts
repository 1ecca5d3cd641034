/**
 * Atom feeds (RFC 4287) of the newest incidents: one per district and one for the two provinces,
 * from the bundled dataset whose coverage ends last, with the same join as the map. Pure: datasets
 * and districts in, a feed object and its XML text out; the build writes them (src/routes/feed.xml).
 */
import type { District } from '../districts/index.js';
import type { DatasetInfo, Incident, IncidentDataset } from '../incident/index.js';
import type { Assignment } from '../aggregate/index.js';
import { notRecorded, partiesText, rolesOf } from '../actors/index.js';
import { releaseLabel, timelineSpan } from '../coverage/index.js';
import { isoMonth } from '../columns/index.js';
import { formatCount, formatDate } from '../format/index.js';

/** Entries per feed: a reader's recent history, not the record (that is the district page). */
export const FEED_ENTRIES = 50;

/** The last month a dataset covers ("YYYY-MM"), by the coverage rules (src/lib/coverage); null if none. */
export function coverageEnd(info: DatasetInfo): string | null {
	const span = timelineSpan(info);
	return span ? isoMonth(span.last) : null;
}

/** The dataset whose coverage ends last (the first of equals, in bundle order); null when none covers anything. */
export function newestDataset<D extends { info: DatasetInfo }>(datasets: readonly D[]): D | null {
	let best: D | null = null;
	for (const d of datasets) {
		const end = coverageEnd(d.info);
		if (end !== null && (best === null || end > coverageEnd(best.info)!)) best = d;
	}
	return best;
}

export interface FeedEvent {
	incident: Incident;
	district: { slug: string; name: string; province: string };
}

/**
 * The newest `limit` incidents counted in a district (`slug`), or in any district (null): newest
 * date first, then by id, so the feed is the same on every build of the same data.
 */
export function newestEvents(
	dataset: IncidentDataset,
	districts: readonly District[],
	assignment: Assignment,
	slug: string | null,
	limit = FEED_ENTRIES
): FeedEvent[] {
	const only = slug === null ? -1 : districts.findIndex((d) => d.properties.slug === slug);
	if (slug !== null && only < 0) throw new Error(`No district "${slug}" to make a feed for`);
	const picked: number[] = [];
	dataset.incidents.forEach((_, k) => {
		if (assignment[k]! >= 0 && (only < 0 || assignment[k] === only)) picked.push(k);
	});
	const inc = dataset.incidents;
	picked.sort((a, b) => (inc[b]!.date < inc[a]!.date ? -1 : inc[b]!.date > inc[a]!.date ? 1 : inc[a]!.id.localeCompare(inc[b]!.id)));
	return picked.slice(0, limit).map((k) => {
		const p = districts[assignment[k]!]!.properties;
		return { incident: inc[k]!, district: { slug: p.slug, name: p.name, province: p.province } };
	});
}

export interface AtomEntry {
	id: string;
	title: string;
	/** RFC 3339. The sources give no revision time, so an event's own date stands in. */
	updated: string;
	link: string;
	category: string | null;
	summary: string;
}

export interface AtomFeed {
	id: string;
	title: string;
	subtitle: string;
	updated: string;
	/** Relative to the feed's own URL (the site's origin is not known at build time). */
	self: string;
	alternate: string;
	rights: string;
	entries: AtomEntry[];
}

/** Stable ids: the same event keeps its id across builds and deployments (tag URIs, RFC 4151). */
export const feedId = (key: string) => `tag:nw-pakistan-incident-map.invalid,2026:${key}`;

const rfc3339 = (isoDate: string) => `${isoDate}T00:00:00Z`;

/** One event as an entry: date, place and district, toll, parties, release and the source's own words. */
export function incidentEntry(event: FeedEvent, info: DatasetInfo, link: string): AtomEntry {
	const { incident: i, district } = event;
	const roles = rolesOf(info);
	const killed = i.killed === null ? 'killed unknown' : `${formatCount(i.killed)} killed`;
	const wounded = roles.wounded ? (i.wounded === null ? 'wounded unknown' : `${formatCount(i.wounded)} wounded`) : `wounded ${notRecorded(roles)}`;
	const when = formatDate(i.date, i.datePrecision) + (i.datePrecision === 'day' ? '' : ` (the source gives the ${i.datePrecision} only)`);
	const lines = [
		`${when}, ${i.place ?? 'place not given'}, ${district.name} district (${district.province}).`,
		`${i.eventType ?? 'Type unknown'}: ${killed}, ${wounded}.`,
		`${roles.dyad ? 'Sides' : roles.actorLabel}: ${partiesText(i, roles)}.`,
		i.summary,
		i.release ? `Release: ${releaseLabel(info, i.release)}.` : null,
		i.source ? `Sources: ${i.source}` : null,
		`${info.attribution} (${info.licence}).`
	];
	return {
		id: feedId(`${info.id}/${i.id}`),
		title: `${formatDate(i.date, i.datePrecision)} · ${district.name}: ${killed}`,
		updated: rfc3339(i.date),
		link,
		category: i.eventType,
		summary: lines.filter((l): l is string => !!l).join('\n')
	};
}

/** Text as XML character data: markup escaped, characters XML 1.0 forbids (controls, lone surrogates) dropped. */
export function xmlText(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
	);
}

/** The feed as an Atom document. */
export function atomXml(feed: AtomFeed): string {
	const t = xmlText;
	const entry = (e: AtomEntry) =>
		[
			'\t<entry>',
			`\t\t<id>${t(e.id)}</id>`,
			`\t\t<title type="text">${t(e.title)}</title>`,
			`\t\t<updated>${e.updated}</updated>`,
			`\t\t<link rel="alternate" type="text/html" href="${t(e.link)}"/>`,
			e.category ? `\t\t<category term="${t(e.category)}"/>` : null,
			`\t\t<summary type="text">${t(e.summary)}</summary>`,
			'\t</entry>'
		]
			.filter((l) => l !== null)
			.join('\n');
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`\t<id>${t(feed.id)}</id>`,
		`\t<title type="text">${t(feed.title)}</title>`,
		`\t<subtitle type="text">${t(feed.subtitle)}</subtitle>`,
		`\t<updated>${feed.updated}</updated>`,
		'\t<author><name>North-west Pakistan incident map</name></author>',
		`\t<link rel="self" type="application/atom+xml" href="${t(feed.self)}"/>`,
		`\t<link rel="alternate" type="text/html" href="${t(feed.alternate)}"/>`,
		`\t<rights type="text">${t(feed.rights)}</rights>`,
		...feed.entries.map(entry),
		'</feed>',
		''
	].join('\n');
}

/**
 * A feed of `events` from `dataset`: for one district (`district` given) or for both provinces.
 * Links are relative to the feed: /district/<slug>/feed.xml sits beside its page, /feed.xml at the root.
 */
export function incidentFeed(dataset: IncidentDataset, events: readonly FeedEvent[], district: { slug: string; name: string } | null): AtomFeed {
	const info = dataset.info;
	const where = district ? `${district.name} district` : 'Khyber Pakhtunkhwa and Balochistan';
	const covers = info.releases?.length
		? info.releases.map((r) => `${r.name}: ${r.months[0]} to ${r.months[1]}${r.preliminary ? ' (preliminary)' : ''}`).join('; ')
		: `${info.dateRange?.[0] ?? '?'} to ${info.dateRange?.[1] ?? '?'}`;
	const entries = events.map((e) => incidentEntry(e, info, district ? './' : `district/${e.district.slug}/`));
	return {
		id: feedId(`feed/${district?.slug ?? 'provinces'}`),
		title: `${where}: the newest incidents (${info.name})`,
		subtitle: `Up to ${FEED_ENTRIES} of the newest incidents counted in ${where} (2023 census layout) in ${info.name}, which covers ${covers}. Months it does not cover have no entries, which does not mean nothing happened.`,
		// The newest entry's date; with none, the last day the dataset's events reach.
		updated: entries[0]?.updated ?? rfc3339(info.dateRange?.[1] ?? '1970-01-01'),
		self: 'feed.xml',
		alternate: './',
		rights: `${info.attribution} (${info.licence})`,
		entries
	};
}
