/**
 * A page per district, prerendered at build time from the same core as the map, readable with no
 * JavaScript at all (csr = false): shared links preview the district's figures, and old slugs of
 * the 2015 layout get a page that says where the district went. A server load, so the geodata it
 * reads (3 MB of JSON) never enters the client build: a mistyped slug reached through the 404 page
 * asks for this page's data, gets a 404 and shows src/routes/+error.svelte.
 */
import { error } from '@sveltejs/kit';
import type { EntryGenerator, PageServerLoad } from './$types';
import type { CensusFile } from '$lib/geodata/index.js';
import { districtReports, type DistrictReport } from '$lib/report/index.js';
import { LEGACY_SLUGS } from '$lib/districts/legacy.js';
import { focusFrame, linePath, polygonPath } from '$lib/svgmap/index.js';
import { bundledGeodata } from '../../../data/prerendered.js';

export const prerender = true;
export const ssr = true;
export const csr = false;
// Pages live at /district/<slug>/ (index.html in a folder), so the relative links resolve alike everywhere.
export const trailingSlash = 'always';

/** Everything the 69 pages need, computed once per build. */
const build = (() => {
	let cached: { reports: Map<string, DistrictReport>; locator: Locator; census: CensusFile } | null = null;
	return () => {
		if (cached) return cached;
		const { baseMap: base, datasets, census } = bundledGeodata();
		const reports = districtReports(base.districts, datasets, census.districts);
		const { focus, frame } = focusFrame(base.provinces, 300, 6);
		const locator: Locator = {
			width: frame.width,
			height: frame.height,
			provinces: focus.map((p) => polygonPath(p.geometry, frame, 1)),
			districts: Object.fromEntries(base.districts.map((d) => [d.properties.slug, polygonPath(d.geometry, frame, 0.8)])),
			border: linePath(base.border.geometry, frame, 1)
		};
		cached = { reports: new Map(reports.map((r) => [r.district.slug, r])), locator, census };
		return cached;
	};
})();

interface Locator {
	width: number;
	height: number;
	provinces: string[];
	districts: Record<string, string>;
	border: string;
}

export const entries: EntryGenerator = () =>
	[...build().reports.keys(), ...Object.keys(LEGACY_SLUGS).filter((s) => !build().reports.has(s))].map((slug) => ({ slug }));

export const load: PageServerLoad = ({ params }) => {
	const { reports, locator, census } = build();
	const report = reports.get(params.slug);
	if (!report) {
		const legacy = LEGACY_SLUGS[params.slug];
		if (!legacy) error(404, `No district "${params.slug}" in the 2023 census layout of Khyber Pakhtunkhwa and Balochistan.`);
		return {
			kind: 'moved' as const,
			slug: params.slug,
			why: legacy.why,
			today: legacy.today.map((s) => ({ slug: s, name: reports.get(s)?.district.name ?? s }))
		};
	}
	return {
		kind: 'district' as const,
		report,
		census,
		map: { width: locator.width, height: locator.height, provinces: locator.provinces, district: locator.districts[params.slug]!, border: locator.border }
	};
};
