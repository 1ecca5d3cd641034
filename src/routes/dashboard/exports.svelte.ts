/**
 * What leaves the page: the stamp every report, picture and CSV carries (data, period, coverage,
 * filters, sources), and the exports of what is on screen (incidents as CSV or GeoJSON, district
 * figures, the districts high on violence and need). An import's incidents are written by the
 * engine worker from storage, so they are never all on the page.
 */
import { bivariateCsv } from '$lib/bivariate/index.js';
import { emergingCsv } from '$lib/emerging/csv.js';
import type { District } from '$lib/districts/index.js';
import { districtsCsv, EXPORT_TYPE, exportIncidents, type IncidentExport } from '$lib/export/index.js';
import { BOUNDARY_CREDIT } from '$lib/geodata/index.js';
import { fetchedLine } from '$lib/incident/provenance.js';
import { describeFilters, type ViewState } from '$lib/viewstate/index.js';
import { download } from '../../data/download.js';
import { isImported } from './datasets.svelte.js';
import type { Coverage } from './coverage.svelte.js';
import type { EngineState } from './engine.svelte.js';
import type { Figures } from './figures.svelte.js';
import { Hosted } from './hosted.js';

export interface ExportsHost {
	readonly districts: District[];
	/** The districts with the area rates divide by (src/lib/districts withAreaBasis). */
	readonly rateDistricts: readonly District[];
	readonly engine: EngineState;
	readonly figures: Figures;
	readonly view: ViewState;
	/** The source's roles, the period and releases of the figures, and the months of it not covered. */
	readonly coverage: Pick<Coverage, 'roles' | 'period' | 'note'>;
}

export class Exports extends Hosted<ExportsHost> {
	/** The filters in words, named as the dataset's source names its fields. */
	filters = $derived(describeFilters(this.host.view, this.host.coverage.roles.chips));

	/** Source, period, coverage and filters: stamped on every report, picture and CSV. */
	stampLines = $derived([
		`Data: ${this.host.engine.dataset.info.name}; figures for ${this.host.coverage.period}. Filters: ${this.filters}.`,
		...(this.host.coverage.note ? [this.host.coverage.note] : []),
		`Source: ${this.host.engine.dataset.info.attribution} (${this.host.engine.dataset.info.licence}). ${BOUNDARY_CREDIT}; towns: GeoNames (CC BY 4.0).`,
		...(this.host.engine.dataset.info.fetched ? [fetchedLine(this.host.engine.dataset.info.fetched)] : [])
	]);

	/** The districts high on both violence and need, as CSV with the census vintage and the data's dates. */
	highOnBoth = () => {
		const b = this.host.figures.bivariate;
		if (!b) return;
		const info = this.host.engine.dataset.info;
		const csv = bivariateCsv(b.high, { need: b.need, dataset: info.name, dateRange: info.dateRange, attribution: info.attribution, filters: this.filters });
		download(`${info.id}-high-violence-high-need-${b.need}.csv`, csv, 'text/csv');
	};

	/** Emerging hot spots as CSV: each district's category, reason, trend and z per step. */
	emerging = () => {
		const e = this.host.figures.emerging;
		if (!e?.results) return;
		const info = this.host.engine.dataset.info;
		const districts = this.host.districts.map((d) => d.properties);
		const csv = emergingCsv(districts, { ...e, results: e.results }, { dataset: info, filters: this.filters, period: this.host.coverage.period });
		download(`${info.id}-emerging-hot-spots-${e.steps[0]?.label ?? ''}-${e.steps.at(-1)?.label ?? ''}.csv`, csv, 'text/csv');
	};

	/** What is on screen, stamped with source, period and filters. */
	view = async (kind: IncidentExport | 'districts-csv') => {
		const result = this.host.engine.result;
		if (!result) return;
		const { figures, rateDistricts: districts } = this.host;
		const { dataset } = this.host.engine;
		const provenance = { dataset: dataset.info, filters: this.filters, period: this.host.coverage.period, coverage: this.host.coverage.note };
		const stem = `${dataset.info.id}-${new Date().toISOString().slice(0, 10)}`;
		if (kind === 'districts-csv') {
			const rows = districts.map((d, i) => ({ ...d.properties, ...result.agg.byDistrict[i]!, value: figures.mapped[i] ?? null, rank: figures.seq.ranks[i]! }));
			return download(`${stem}-districts.csv`, districtsCsv(rows, figures.words.rankedBy, provenance), 'text/csv');
		}
		const name = `${stem}-incidents.${kind === 'incidents-csv' ? 'csv' : 'geojson'}`;
		// An import's rows stay in storage: the engine worker reads them and writes the file.
		if (isImported(dataset.info.id)) {
			return download(
				name,
				await this.host.engine.api.exportIncidents(dataset.info.id, this.host.engine.filterNow(), kind, $state.snapshot(provenance)),
				EXPORT_TYPE[kind]
			);
		}
		// Bundled data: its rows are on the page. Its first aggregation after an import was on screen
		// may have been asked without `passing`; then ask for it.
		const passing = result.agg.passing ?? (await this.host.engine.api.aggregate(this.host.engine.filterNow(), true)).passing!;
		const slugs = districts.map((d) => d.properties.slug);
		download(name, exportIncidents(kind, dataset.incidents, passing, result.joined.assignment, slugs, provenance), EXPORT_TYPE[kind]);
	};
}
