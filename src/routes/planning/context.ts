/** What the planning tools (planning.svelte.ts) read from the page and the engine, and what a report is of. */
import type { BaseMap } from '$lib/geodata/index.js';
import type { Incident, IncidentDataset } from '$lib/incident/index.js';
import type { SiteRisk, Tally } from '$lib/risk/index.js';
import type { BandCount } from '$lib/border/index.js';
import type { RouteExposure } from '$lib/route/index.js';

export interface DistrictFacts {
	name: string;
	province: string;
	rank: number;
	of: number;
	unit: string;
	classLabel: string;
	/** Incidents per 100,000 people (PBS 2023), null without a census figure. */
	perHundredThousand: number | null;
	/** The district's need figures (PBS Census 2023), each with its table. */
	needs: { label: string; share: number | null; source: string }[];
	/** The hazard × need class in words, when that view is on. */
	hazardNeed: string | null;
}

/** A saved site's row figures: within the radius (all, recent), its district (base-map index, -1 for none) and km to the border. */
export interface SiteTally {
	all: Tally;
	recent: Tally;
	district: number;
	borderKm: number;
}

/**
 * The planning figures, worked out by the dashboard's engine worker from its columns under the
 * current filters (the analytic functions of src/lib/risk, route and border run there): the page
 * holds no rows for them, whatever the dataset's size.
 */
export interface PlanningEngine {
	siteRisks(
		points: [number, number][],
		options: { radiusKm: number; recentMonths: number; nearest: number }
	): Promise<
		{
			risk: SiteRisk;
			within: [number, number][];
			/** The district the point is in (index in the base map), -1 for none. */ district: number;
			/** Km to the Afghanistan–Pakistan border. */ borderKm: number;
		}[]
	>;
	/** The saved-sites table's figures: tallies, district and border distance, no incident lists. */
	siteTallies(points: [number, number][], options: { radiusKm: number; recentMonths: number }): Promise<SiteTally[]>;
	routeExposure(
		route: [number, number][],
		options: { halfWidthKm: number; segmentKm: number }
	): Promise<{ exposure: RouteExposure; inCorridor: [number, number][] }>;
	bandCounts(): Promise<{ bands: BandCount[]; total: number }>;
	/** Rows of the dataset on screen, by row number (for the nearest incidents' details). */
	rowsAt(rows: number[]): Promise<Incident[]>;
}

/** What the planning tools read from the page. */
export interface PlanningContext {
	baseMap: BaseMap;
	/** The dataset on screen. */
	dataset: () => IncidentDataset;
	/** The dataset and filters the figures are of; null before the first aggregation. A change asks the engine again. */
	dataKey: () => string | null;
	engine: PlanningEngine;
	/** The district a point lies in, with its class and rank under the current metric. */
	districtFacts: (p: [number, number]) => DistrictFacts | null;
	/** The active filters in words. */
	filters: () => string;
}

/** What a planning report is of: the site checked, the route, or every saved site. */
export type ReportSubject = 'site' | 'route' | 'sites';
