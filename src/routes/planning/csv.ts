/**
 * The planning figures as CSV (the site check, the route's segments, the saved sites): each row
 * carries the dataset, its attribution and the filters, so an exported file says what it is of.
 */
import { toCsv } from '$lib/export/index.js';
import { kindWords } from '$lib/place/index.js';
import { NEED_INDICATORS, NEEDS } from '$lib/bivariate/index.js';
import { CENSUS_SOURCE, CENSUS_VINTAGE } from '$lib/census/index.js';
import type { RouteExposure } from '$lib/route/index.js';
import { tollCells, type TollRoles } from '$lib/tally/index.js';
import type { Totals } from '$lib/aggregate/index.js';
import type { ReportSubject } from './context.js';
import type { SiteFigures, SiteState } from '../../components/SiteCheck.svelte';
import type { SiteRowFigures } from '../../components/SavedSites.svelte';

/** What the CSV is made of: the tools' figures and choices, and the data's provenance. */
export interface PlanFigures {
	site: SiteState | null;
	siteFigures: SiteFigures | null;
	exposure: RouteExposure | null;
	siteRows: SiteRowFigures[];
	radiusKm: number;
	recentMonths: number;
	halfWidthKm: number;
	/** Which tolls the data record: one it never records is said in words, never written as 0. */
	roles: TollRoles;
	/** Dataset name, attribution, filters in words. */
	provenance: [string, string, string];
}

/** The sites CSV code (papaparse), loaded on first use: not on the first screen. */
const loadSites = () => import('$lib/sites/index.js');

/** The CSV of `what`; null when there is nothing to export. */
export async function planningCsv(what: ReportSubject, plan: PlanFigures): Promise<string | null> {
	const { site, siteFigures: figures, provenance, roles } = plan;
	type Cell = number | string;
	const tolls = (t: Totals): [Cell, Cell, Cell, Cell] => {
		const [killed, killedUnknown] = tollCells(t, 'killed', roles);
		const [wounded, woundedUnknown] = tollCells(t, 'wounded', roles);
		return [killed, wounded, killedUnknown, woundedUnknown];
	};
	const TOLL_COLUMNS = ['killed', 'wounded', 'killed_unknown_incidents', 'wounded_unknown_incidents'];
	if (what === 'site' && site && figures) {
		const r = figures.risk;
		const d = figures.district;
		return toCsv(
			[
				'site',
				'site_kind',
				'latitude',
				'longitude',
				'radius_km',
				'incidents',
				`incidents_last_${plan.recentMonths}_months`,
				...TOLL_COLUMNS,
				'district_level_locations',
				'district',
				'district_rank',
				'district_incidents_per_100k',
				...NEED_INDICATORS.map((k) => `district_${NEEDS[k].column}`),
				'census',
				'border_km',
				'summary',
				'dataset',
				'attribution',
				'filters'
			],
			[
				[
					site.name,
					site.kind ? kindWords(site.kind, site.detail) : null,
					site.lat,
					site.lon,
					plan.radiusKm,
					r.all.incidents,
					r.recent.incidents,
					...tolls(r.all),
					r.all.districtLevel,
					d?.name ?? 'outside KP/Balochistan',
					d?.rank ?? null,
					d && d.perHundredThousand !== null ? Number(d.perHundredThousand.toFixed(3)) : null,
					...(d ? d.needs.map((n) => (n.share === null ? 'no census figure' : Number((n.share * 100).toFixed(2)))) : NEED_INDICATORS.map(() => null)),
					d ? `${CENSUS_SOURCE} (${CENSUS_VINTAGE}): ${d.needs.map((n) => n.source).join('; ')}` : null,
					Number(figures.borderKm.toFixed(2)),
					figures.summary,
					...provenance
				]
			]
		);
	}
	if (what === 'route' && plan.exposure) {
		return toCsv(
			['segment', 'from_km', 'to_km', 'incidents', ...TOLL_COLUMNS, 'district_level_locations', 'corridor_km_either_side', 'dataset', 'attribution', 'filters'],
			plan.exposure.segments.map((s) => [
				s.index + 1,
				Number(s.fromKm.toFixed(2)),
				Number(s.toKm.toFixed(2)),
				s.incidents,
				...tolls(s),
				s.districtLevel,
				plan.halfWidthKm,
				...provenance
			])
		);
	}
	if (what === 'sites' && plan.siteRows.length) {
		const [name, attribution, filters] = provenance as [string, string, string];
		return (await loadSites()).sitesCsv(
			plan.siteRows.map(({ tally, ...r }) => {
				const [killed, wounded, killed_unknown_incidents, wounded_unknown_incidents] = tolls(tally);
				return { ...r, killed, wounded, killed_unknown_incidents, wounded_unknown_incidents, radius_km: plan.radiusKm, dataset: name, attribution, filters };
			}),
			['district', 'incidents', 'recent', ...TOLL_COLUMNS, 'borderKm', 'radius_km', 'dataset', 'attribution', 'filters']
		);
	}
	return null;
}
