/**
 * The Atom feeds as the build writes them (src/routes/feed.xml, src/routes/district/[slug]/feed.xml):
 * the newest bundled dataset joined to the districts once per build, by the same core as the map.
 */
import { assignIncidents } from '$lib/aggregate/index.js';
import { atomXml, incidentFeed, newestDataset, newestEvents } from '$lib/feed/index.js';
import { bundledGeodata } from './prerendered.js';

let joined: { dataset: ReturnType<typeof bundledGeodata>['datasets'][number]; assignment: Int32Array } | null = null;

function newestJoined() {
	if (joined) return joined;
	const { baseMap, datasets } = bundledGeodata();
	const dataset = newestDataset(datasets);
	if (!dataset) throw new Error('No bundled dataset covers any month: there is nothing to put in a feed');
	joined = { dataset, assignment: assignIncidents(dataset.incidents, baseMap.districts) };
	return joined;
}

/** The feed of one district (its slug), or of both provinces (null), as an Atom response. */
export function feedResponse(slug: string | null): Response {
	const { dataset, assignment } = newestJoined();
	const districts = bundledGeodata().baseMap.districts;
	const district = slug === null ? null : districts.find((d) => d.properties.slug === slug)?.properties;
	if (slug !== null && !district) return new Response(`No district "${slug}"`, { status: 404 });
	const events = newestEvents(dataset, districts, assignment, slug);
	return new Response(atomXml(incidentFeed(dataset, events, district ?? null)), {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8' }
	});
}

/** Every district's slug, for the prerendered feeds. */
export const feedSlugs = () => bundledGeodata().baseMap.districts.map((d) => d.properties.slug);
