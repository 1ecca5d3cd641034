/**
 * The NGO planning tools' state, owned by the page: the site check, the route corridor, saved
 * sites and border bands. The analytic work is in src/lib (risk, route, border, sites) and runs in
 * the engine worker over the data on screen (`PlanningEngine`); this class keeps the choices, asks
 * the engine when they or the data change, and derives what the page shows from its answers.
 */
import type { FeatureCollection } from 'geojson';
import { untrack } from 'svelte';
import { keepLatest } from './deferred.svelte.js';
import type { Incident } from '$lib/incident/index.js';
import { riskSummary, type SiteRisk } from '$lib/risk/index.js';
import type { Band, BandCount } from '$lib/border/index.js';
import { routeSummary, type RouteExposure } from '$lib/route/index.js';
import { dataTermsOf } from '$lib/tally/index.js';
import bandsUrl from '$geodata/border-bands.json?url';
import { decodePlan, encodePlan } from '$lib/viewstate/plan.js';
import { randomId } from '../data/random-id.js';
import { planningCsv } from './planning/csv.js';
import { importSitesFile } from '../data/importer.js';
import { planOverlays } from './planning/overlays.js';
import type { PlanningContext, ReportSubject, SiteTally } from './planning/context.js';
import { listSites, removeSite, saveSites, type SavedSite } from '../data/store/index.js';
import type { SiteFigures, SiteState } from '../components/SiteCheck.svelte';
import type { SiteRowFigures } from '../components/SavedSites.svelte';
import { circleBounds, corridorBounds, type Bounds } from '$lib/frame/index.js';

export type { DistrictFacts, PlanningContext, PlanningEngine, ReportSubject } from './planning/context.js';

/** An engine answer, with the question it answers (figures show only while it is still the question). */
type Answer<T> = T & { for: string };
/** An answer while it is still the answer to `question`, else null. */
const answering = <T>(answer: Answer<T> | null, question: string | null): Answer<T> | null => (answer && answer.for === question ? answer : null);

const coordinateName = (p: [number, number]) => `${p[1].toFixed(4)}, ${p[0].toFixed(4)}`;

/*
 * The border bands' drawn polygons are not on the first screen: they load on first use, as the
 * sites CSV code does (planning/csv.ts). (Route corridors and band counts load their code in the
 * engine worker.)
 */
async function loadBandPolygons(): Promise<Band[]> {
	const response = await fetch(bandsUrl);
	if (!response.ok) throw new Error(`Could not load geodata/border-bands.json: HTTP ${response.status}`);
	return ((await response.json()) as FeatureCollection).features as Band[];
}

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
	bandsError = $state<string | null>(null);
	/** A planning figure the engine could not work out, in words. */
	error = $state<string | null>(null);

	// The engine's answers; the figures below are derived from them and from the page's state.
	private siteAnswer = $state.raw<Answer<{ risk: SiteRisk; within: [number, number][]; borderKm: number; nearest: Incident[] }> | null>(null);
	private routeAnswer = $state.raw<Answer<{ exposure: RouteExposure; inCorridor: [number, number][] }> | null>(null);
	private sitesAnswer = $state.raw<Answer<{ tallies: SiteTally[] }> | null>(null);
	private bandsAnswer = $state.raw<Answer<{ counts: { bands: BandCount[]; total: number } }> | null>(null);

	// What each answer must be for: the data and filters, and the tool's own choices.
	private siteQuestion = $derived.by(() => {
		const data = this.ctx.dataKey();
		return this.site && data ? `${data}|${this.site.lon},${this.site.lat}|${this.radiusKm}|${this.recentMonths}` : null;
	});
	private routeQuestion = $derived.by(() => {
		const data = this.ctx.dataKey();
		return this.waypoints.length >= 2 && data ? `${data}|${JSON.stringify(this.waypoints)}|${this.halfWidthKm}|${this.segmentKm}` : null;
	});
	private sitesQuestion = $derived.by(() => {
		const data = this.ctx.dataKey();
		return this.savedSites.length && data ? `${data}|${this.radiusKm}|${this.recentMonths}|${this.savedSites.map((s) => `${s.lon},${s.lat}`).join(';')}` : null;
	});
	private bandsQuestion = $derived.by(() => (this.showBands ? this.ctx.dataKey() : null));

	constructor(private readonly ctx: PlanningContext) {
		this.fromUrl();
		this.refreshSites();
		$effect(() => {
			if (!this.showBands || this.bandPolygons) return;
			loadBandPolygons()
				.then((polygons) => (this.bandPolygons = polygons))
				.catch((err: Error) => (this.bandsError = err.message));
		});
		$effect(() => {
			const question = this.siteQuestion;
			if (!question) return;
			const { site, radiusKm, recentMonths } = untrack(() => ({ site: this.site!, radiusKm: this.radiusKm, recentMonths: this.recentMonths }));
			return this.ask(
				ctx.engine
					.siteRisks([[site.lon, site.lat]], { radiusKm, recentMonths, nearest: 5 })
					.then(async ([answer]) => ({ ...answer!, nearest: await ctx.engine.rowsAt(answer!.risk.nearest.map((n) => n.index)) })),
				(answer) => (this.siteAnswer = { ...answer, for: question })
			);
		});
		$effect(() => {
			const question = this.routeQuestion;
			if (!question) return;
			const { waypoints, halfWidthKm, segmentKm } = untrack(() => ({ waypoints: this.waypoints, halfWidthKm: this.halfWidthKm, segmentKm: this.segmentKm }));
			return this.ask(ctx.engine.routeExposure(waypoints, { halfWidthKm, segmentKm }), (answer) => (this.routeAnswer = { ...answer, for: question }));
		});
		$effect(() => {
			const question = this.sitesQuestion;
			if (!question) return;
			const { sites, radiusKm, recentMonths } = untrack(() => ({ sites: this.savedSites, radiusKm: this.radiusKm, recentMonths: this.recentMonths }));
			const points = sites.map((s): [number, number] => [s.lon, s.lat]);
			return this.ask(ctx.engine.siteTallies(points, { radiusKm, recentMonths }), (tallies) => (this.sitesAnswer = { tallies, for: question }));
		});
		$effect(() => {
			const question = this.bandsQuestion;
			if (!question) return;
			return this.ask(ctx.engine.bandCounts(), (counts) => (this.bandsAnswer = { counts, for: question }));
		});
	}

	/** Runs an engine request for an effect: its answer is kept unless the effect has run again since. */
	private ask<T>(request: Promise<T>, keep: (answer: T) => void): () => void {
		return keepLatest(
			request,
			(answer) => {
				this.error = null;
				keep(answer);
			},
			(err) => (this.error = `Could not work out the planning figures: ${err.message}`)
		);
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

	/** Each tool's answer, while it is the answer to its current question. */
	private currentSite = $derived(answering(this.siteAnswer, this.siteQuestion));
	private currentRoute = $derived(answering(this.routeAnswer, this.routeQuestion));
	private currentSites = $derived(answering(this.sitesAnswer, this.sitesQuestion));

	siteFigures = $derived.by<SiteFigures | null>(() => {
		const answer = this.currentSite;
		if (!this.site || !answer) return null;
		const p: [number, number] = [this.site.lon, this.site.lat];
		const { risk, nearest, borderKm } = answer;
		const district = this.ctx.districtFacts(p);
		const summary = riskSummary({ placeName: this.site.name, site: p, risk, nearest: nearest[0] ?? null, district, borderKm, ...this.dataTerms });
		return { risk, nearest, district, borderKm, summary };
	});

	/** What the figures are of, for the summaries; its roles say which tolls the data record (UCDP: no wounded). */
	private dataTerms = $derived.by(() => dataTermsOf(this.ctx.dataset().info, this.ctx.filters()));
	roles = $derived(this.dataTerms.roles);

	exposure = $derived(this.currentRoute?.exposure ?? null);
	/** The route check in one paragraph (the panel and the report show it). */
	routeSummary = $derived(
		this.exposure && routeSummary({ exposure: this.exposure, waypoints: this.waypoints.length, halfWidthKm: this.halfWidthKm, ...this.dataTerms })
	);

	// Asked and not yet answered (the tools say so rather than show a stale or empty state).
	sitePending = $derived(!this.error && this.siteQuestion !== null && !this.currentSite);
	routePending = $derived(!this.error && this.routeQuestion !== null && !this.currentRoute);
	sitesPending = $derived(!this.error && this.sitesQuestion !== null && !this.currentSites);

	siteRows = $derived.by<SiteRowFigures[]>(() => {
		const answer = this.currentSites;
		if (!answer) return [];
		return this.savedSites.map((s, k) => {
			const { all, recent, district, borderKm } = answer.tallies[k]!;
			return {
				...s,
				kind: s.kind ?? null,
				district: this.ctx.baseMap.districts[district]?.properties.name ?? 'outside KP/Balochistan',
				incidents: all.incidents,
				recent: recent.incidents,
				killed: all.killed,
				wounded: all.wounded,
				tally: all,
				borderKm
			};
		});
	});

	bandCounts = $derived(answering(this.bandsAnswer, this.bandsQuestion)?.counts ?? null);

	/** GeoJSON for the map's planning overlays and border bands. */
	overlays = $derived(
		planOverlays({
			site: this.site && this.currentSite ? { at: [this.site.lon, this.site.lat], radiusKm: this.radiusKm, within: this.currentSite.within } : null,
			waypoints: this.waypoints,
			route: this.currentRoute,
			bands: this.showBands ? this.bandPolygons : null
		})
	);

	/** A click on the map while picking: the site, or the route's next waypoint. */
	pick = (p: [number, number]) => {
		if (this.picking === 'site') {
			this.site = { name: coordinateName(p), lon: p[0], lat: p[1], kind: 'map point', detail: '' };
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
			const { lon, lat, kind } = this.site;
			await saveSites([{ id: randomId('site'), name, lon, lat, kind, note: '', savedAt: new Date().toISOString() }]);
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
			const { imported, rejected, firstRejected } = await importSitesFile(file);
			const listed = firstRejected.map((r) => `row ${r.row}: ${r.problem}`);
			if (rejected > listed.length) listed.push(`and ${(rejected - listed.length).toLocaleString('en-GB')} more`);
			this.sitesMessage = `${file.name}: ${imported.toLocaleString('en-GB')} site(s) imported${rejected ? `, ${rejected.toLocaleString('en-GB')} rejected (${listed.join('; ')})` : ''}.`;
			await this.refreshSites();
		} catch (err) {
			this.sitesMessage = `${file.name}: ${(err as Error).message}`;
		}
	}

	/** The box a site's radius circle or a route's corridor needs (the camera and the report frame it); null: nothing to frame. */
	placeBounds(what: ReportSubject): Bounds | null {
		if (what === 'site' && this.site) return circleBounds([this.site.lon, this.site.lat], this.radiusKm);
		if (what === 'route' && this.waypoints.length > 1) return corridorBounds(this.waypoints, this.halfWidthKm);
		return null;
	}

	/** Title for a report picture. */
	subject(what: ReportSubject): string {
		if (what === 'site' && this.site) return `Site check: ${this.site.name}, ${this.radiusKm} km`;
		if (what === 'route' && this.exposure) return `Route check: ${this.exposure.lengthKm.toFixed(1)} km, corridor ${this.halfWidthKm} km either side`;
		return 'Saved sites';
	}

	/** The figures as CSV, each row carrying dataset, attribution and filters; null if nothing to export. */
	csv(what: ReportSubject): Promise<string | null> {
		const dataset = this.ctx.dataset();
		return planningCsv(what, {
			site: this.site,
			siteFigures: this.siteFigures,
			exposure: this.exposure,
			siteRows: this.siteRows,
			radiusKm: this.radiusKm,
			recentMonths: this.recentMonths,
			halfWidthKm: this.halfWidthKm,
			roles: this.roles,
			provenance: [dataset.info.name, dataset.info.attribution, this.ctx.filters()]
		});
	}
}
