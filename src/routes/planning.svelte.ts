/**
 * The NGO planning tools' state, owned by the page: the site check, the route corridor, saved
 * sites and border bands, with the figures derived from the data on screen. The analytic work is
 * in src/lib (risk, route, border, sites); this class only keeps the choices and wires them up.
 */
import { circle, featureCollection as fc, point } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { BaseMap } from '$lib/geodata/index.js';
import type { IncidentDataset } from '$lib/incident/index.js';
import { distanceToLine, riskSummary, siteRisk } from '$lib/risk/index.js';
import type { Band, BorderIndex } from '$lib/border/index.js';
import bandsUrl from '$geodata/border-bands.json?url';
import { toCsv } from '$lib/export/index.js';
import { decodePlan, encodePlan } from '$lib/viewstate/plan.js';
import { NEED_INDICATORS, NEEDS } from '$lib/bivariate/index.js';
import { CENSUS_SOURCE, CENSUS_VINTAGE } from '$lib/census/index.js';
import type { OverlaySource } from '$style/layers.js';
import { listSites, removeSite, saveSites, type SavedSite } from '../data/store/index.js';
import type { SiteFigures, SiteState } from '../components/SiteCheck.svelte';
import type { SiteRowFigures } from '../components/SavedSites.svelte';

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

/** What the planning tools read from the page. */
export interface PlanningContext {
	baseMap: BaseMap;
	/** The dataset on screen. */
	dataset: () => IncidentDataset;
	/** Which of its incidents the current filters keep; null before the first aggregation. */
	include: () => Uint8Array | null;
	/** The district a point lies in, with its class and rank under the current metric. */
	districtFacts: (p: [number, number]) => DistrictFacts | null;
	/** The active filters in words. */
	filters: () => string;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const coordinateName = (p: [number, number]) => `${p[1].toFixed(4)}, ${p[0].toFixed(4)}`;

/*
 * Route corridors need turf.buffer and polygon clipping, border bands an R-tree of the border and
 * their drawn polygons, and the sites CSV needs papaparse: none of it is on the first screen, so
 * each loads on first use.
 */
const loadRoute = () => import('$lib/route/index.js');
async function loadBorder() {
	const [lib, response] = await Promise.all([import('$lib/border/index.js'), fetch(bandsUrl)]);
	if (!response.ok) throw new Error(`Could not load geodata/border-bands.json: HTTP ${response.status}`);
	return { lib, polygons: ((await response.json()) as FeatureCollection).features as Band[] };
}
const loadSites = () => import('$lib/sites/index.js');

export class Planning {
	tab = $state<'districts' | 'site' | 'route' | 'sites'>('districts');
	/** What a click on the map does now. */
	picking = $state<null | 'site' | 'route'>(null);
	site = $state<SiteState | null>(null);
	radiusKm = $state(25);
	recentMonths = $state(12);
	waypoints = $state.raw<[number, number][]>([]);
	halfWidthKm = $state(5);
	segmentKm = $state(10);
	showBands = $state(false);
	bandPolygons = $state.raw<Band[] | null>(null);
	savedSites = $state.raw<SavedSite[]>([]);
	sitesMessage = $state<string | null>(null);
	private routeLib = $state.raw<Awaited<ReturnType<typeof loadRoute>> | null>(null);
	private borderLib = $state.raw<Awaited<ReturnType<typeof loadBorder>>['lib'] | null>(null);
	private borderIndex: BorderIndex | null = null;
	bandsError = $state<string | null>(null);

	constructor(private readonly ctx: PlanningContext) {
		this.fromUrl();
		this.refreshSites();
		$effect(() => {
			if (this.waypoints.length < 2 || this.routeLib) return;
			loadRoute().then((lib) => (this.routeLib = lib));
		});
		$effect(() => {
			if (!this.showBands || this.bandPolygons) return;
			loadBorder()
				.then(({ lib, polygons }) => {
					this.borderIndex = lib.borderIndex(ctx.baseMap.border);
					this.borderLib = lib;
					this.bandPolygons = polygons;
				})
				.catch((err: Error) => (this.bandsError = err.message));
		});
	}

	/** The plan as URL parameters (src/lib/viewstate/plan.ts): the page writes them beside the view's. */
	urlParams = $derived(
		encodePlan({
			tool: this.tab,
			site: this.site,
			radiusKm: this.radiusKm,
			recentMonths: this.recentMonths,
			waypoints: this.waypoints,
			halfWidthKm: this.halfWidthKm,
			segmentKm: this.segmentKm,
			bands: this.showBands
		}).toString()
	);

	/** Opens the plan a link (or back/forward) carries. */
	fromUrl = () => {
		const plan = decodePlan(new URLSearchParams(location.search));
		this.tab = plan.tool;
		this.site = plan.site;
		this.radiusKm = plan.radiusKm;
		this.recentMonths = plan.recentMonths;
		this.waypoints = plan.waypoints;
		this.halfWidthKm = plan.halfWidthKm;
		this.segmentKm = plan.segmentKm;
		this.showBands = plan.bands;
	};

	/** Figures for a point with the current radius and recent window. */
	private riskAt(p: [number, number], nearest = 5) {
		const include = this.ctx.include();
		return include ? siteRisk(p, this.ctx.dataset().incidents, include, { radiusKm: this.radiusKm, recentMonths: this.recentMonths, nearest }) : null;
	}

	siteFigures = $derived.by<SiteFigures | null>(() => {
		if (!this.site) return null;
		const p: [number, number] = [this.site.lon, this.site.lat];
		const risk = this.riskAt(p);
		if (!risk) return null;
		const dataset = this.ctx.dataset();
		const district = this.ctx.districtFacts(p);
		const borderKm = distanceToLine(p, this.ctx.baseMap.border);
		const summary = riskSummary({ placeName: this.site.name, site: p, risk, incidents: dataset.incidents, dataset: dataset.info.name, dateRange: dataset.info.dateRange, filters: this.ctx.filters(), district, borderKm });
		return { risk, district, borderKm, summary };
	});

	exposure = $derived.by(() => {
		const include = this.ctx.include();
		if (this.waypoints.length < 2 || !include || !this.routeLib) return null;
		return this.routeLib.routeExposure(this.waypoints, this.ctx.dataset().incidents, include, { halfWidthKm: this.halfWidthKm, segmentKm: this.segmentKm });
	});

	siteRows = $derived<SiteRowFigures[]>(
		this.savedSites.flatMap((s) => {
			const p: [number, number] = [s.lon, s.lat];
			const risk = this.riskAt(p, 0);
			if (!risk) return [];
			const { incidents, killed, wounded } = risk.all;
			return [{ ...s, district: this.ctx.districtFacts(p)?.name ?? 'outside KP/Balochistan', incidents, recent: risk.recent.incidents, killed, wounded, borderKm: distanceToLine(p, this.ctx.baseMap.border) }];
		})
	);

	bandCounts = $derived.by(() => {
		const include = this.ctx.include();
		if (!this.showBands || !this.borderLib || !this.borderIndex || !include) return null;
		return this.borderLib.countInBands(this.borderIndex, this.ctx.baseMap.provinces, this.ctx.dataset().incidents, include);
	});

	/** GeoJSON for the map's planning overlays and border bands. */
	overlays = $derived.by<Record<OverlaySource, FeatureCollection>>(() => {
		const incidents = this.ctx.dataset().incidents;
		const found = (i: number) => point([incidents[i]!.lon!, incidents[i]!.lat!], { kind: 'incident' });
		const area: Feature[] = [];
		const marks: Feature[] = [];
		if (this.site && this.siteFigures) {
			area.push(circle([this.site.lon, this.site.lat], this.radiusKm, { steps: 96, units: 'kilometers' }));
			marks.push(point([this.site.lon, this.site.lat], { kind: 'site' }), ...this.siteFigures.risk.within.map((w) => found(w.index)));
		}
		marks.push(...this.waypoints.map((w) => point(w, { kind: 'waypoint' })));
		let segments: Feature[] = [];
		if (this.exposure) {
			area.push(this.exposure.corridor);
			const max = Math.max(1, ...this.exposure.segments.map((s) => s.incidents));
			segments = this.exposure.segments.map((s) => ({ ...s.line, properties: { exposure: s.incidents / max, incidents: s.incidents } }));
			marks.push(...this.exposure.inCorridor.map(found));
		}
		return {
			'border-bands': this.showBands && this.bandPolygons ? fc(this.bandPolygons) : EMPTY,
			'plan-area': fc(area),
			'plan-route': fc(segments),
			'plan-points': fc(marks)
		};
	});

	/** A click on the map while picking: the site, or the route's next waypoint. */
	pick = (p: [number, number]) => {
		if (this.picking === 'site') {
			this.site = { name: coordinateName(p), lon: p[0], lat: p[1] };
			this.picking = null;
		} else if (this.picking === 'route') this.waypoints = [...this.waypoints, p];
	};

	refreshSites = () =>
		listSites()
			.then((l) => (this.savedSites = l))
			.catch((err: Error) => (this.sitesMessage = err.message));

	async saveSite(name: string) {
		if (!this.site) return;
		try {
			await saveSites([{ id: `site-${Date.now().toString(36)}`, name, lon: this.site.lon, lat: this.site.lat, note: '', savedAt: new Date().toISOString() }]);
			this.sitesMessage = `Saved "${name}".`;
			await this.refreshSites();
		} catch (err) {
			this.sitesMessage = (err as Error).message;
		}
	}

	async removeSite(id: string) {
		await removeSite(id).catch((err: Error) => (this.sitesMessage = err.message));
		await this.refreshSites();
	}

	async importSites(file: File) {
		try {
			const { sites, rejected } = (await loadSites()).parseSitesCsv(await file.text());
			const now = new Date().toISOString();
			await saveSites(sites.map((s, i) => ({ ...s, id: `site-${Date.now().toString(36)}-${i}`, savedAt: now })));
			this.sitesMessage = `${file.name}: ${sites.length} site(s) imported${rejected.length ? `, ${rejected.length} rejected (${rejected.map((r) => `row ${r.row}: ${r.problem}`).join('; ')})` : ''}.`;
			await this.refreshSites();
		} catch (err) {
			this.sitesMessage = `${file.name}: ${(err as Error).message}`;
		}
	}

	/** Title for a report picture. */
	subject(what: 'site' | 'route' | 'sites'): string {
		if (what === 'site' && this.site) return `Site check: ${this.site.name}, ${this.radiusKm} km`;
		if (what === 'route' && this.exposure) return `Route check: ${this.exposure.lengthKm.toFixed(1)} km, corridor ${this.halfWidthKm} km either side`;
		return 'Saved sites';
	}

	/** The figures as CSV, each row carrying dataset, attribution and filters; null if nothing to export. */
	async csv(what: 'site' | 'route' | 'sites'): Promise<string | null> {
		const dataset = this.ctx.dataset();
		const provenance = [dataset.info.name, dataset.info.attribution, this.ctx.filters()];
		const site = this.site;
		const figures = this.siteFigures;
		if (what === 'site' && site && figures) {
			const r = figures.risk;
			const d = figures.district;
			return toCsv(
				['site', 'latitude', 'longitude', 'radius_km', 'incidents', `incidents_last_${this.recentMonths}_months`, 'killed', 'wounded', 'district_level_locations', 'district', 'district_rank', 'district_incidents_per_100k', ...NEED_INDICATORS.map((k) => `district_${NEEDS[k].column}`), 'census', 'border_km', 'summary', 'dataset', 'attribution', 'filters'],
				[[
					site.name, site.lat, site.lon, this.radiusKm, r.all.incidents, r.recent.incidents, r.all.killed, r.all.wounded, r.all.districtLevel,
					d?.name ?? 'outside KP/Balochistan', d?.rank ?? null, d && d.perHundredThousand !== null ? Number(d.perHundredThousand.toFixed(3)) : null,
					...(d ? d.needs.map((n) => (n.share === null ? 'no census figure' : Number((n.share * 100).toFixed(2)))) : NEED_INDICATORS.map(() => null)),
					d ? `${CENSUS_SOURCE} (${CENSUS_VINTAGE}): ${d.needs.map((n) => n.source).join('; ')}` : null,
					Number(figures.borderKm.toFixed(2)), figures.summary, ...provenance
				]]
			);
		}
		if (what === 'route' && this.exposure) {
			return toCsv(
				['segment', 'from_km', 'to_km', 'incidents', 'killed', 'wounded', 'corridor_km_either_side', 'dataset', 'attribution', 'filters'],
				this.exposure.segments.map((s) => [s.index + 1, Number(s.fromKm.toFixed(2)), Number(s.toKm.toFixed(2)), s.incidents, s.killed, s.wounded, this.halfWidthKm, ...provenance])
			);
		}
		if (what === 'sites' && this.siteRows.length) {
			const [name, attribution, filters] = provenance as [string, string, string];
			return (await loadSites()).sitesCsv(
				this.siteRows.map((r) => ({ ...r, radius_km: this.radiusKm, dataset: name, attribution, filters })),
				['district', 'incidents', 'recent', 'killed', 'wounded', 'borderKm', 'radius_km', 'dataset', 'attribution', 'filters']
			);
		}
		return null;
	}
}
