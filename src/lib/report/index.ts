/**
 * A district's report for its own page (/district/<slug>/): for every bundled dataset its counts,
 * casualties, rates per area and per person, ranks, monthly trend and largest incidents, with the
 * census context and the neighbouring districts. Computed by the same core as the map (join,
 * aggregate, metrics), so a shared page and the map always agree. Pure: no DOM, runs at build time.
 */
import { aggregate, assignIncidents, districtMetrics, type Totals } from '../aggregate/index.js';
import { isoMonth, toColumns } from '../columns/index.js';
import type { District, DistrictProps } from '../districts/index.js';
import type { DistrictCensus } from '../census/index.js';
import { queenNeighbours } from '../hotspot/index.js';
import type { DatasetInfo, Incident, IncidentDataset } from '../incident/index.js';
import { monthStates } from '../coverage/index.js';
import { shade, type Shading } from '../shading/index.js';
import { rolesOf, notRecorded } from '../actors/index.js';
import { categoryName, emergingOverWindow, leftOutWords } from '../emerging/index.js';

/** Incidents listed on a district page: the largest by casualties. */
export const LARGEST_INCIDENTS = 5;

export interface DatasetFigures {
	info: DatasetInfo;
	totals: Totals;
	perThousandKm2: number;
	/** The district's colour and class on the map shaded by incidents per 1,000 km² over the dataset (shade()). */
	mapClass: { colour: string; label: string };
	/** NaN without a census population. */
	perHundredThousandPeople: number;
	/** Competition ranks among the districts, 1 = highest (NaN: no figure). */
	rankPerArea: number;
	rankPerPeople: number;
	/** ISO months of the dataset's span and this district's incidents in each (null: a month the dataset does not cover). */
	months: string[];
	monthly: (number | null)[];
	/**
	 * For a dataset of several releases (a series over decades): a row per year, a run of years it
	 * does not cover as one row (a gap, never a row of zeros), and whether a year is preliminary.
	 */
	years: YearRow[] | null;
	largest: Incident[];
	/**
	 * For a series: the district's emerging hot-spot category over every covered year of it
	 * (src/lib/emerging), why, and over what; null for a dataset of one release.
	 */
	emerging: { category: string; reason: string; over: string } | null;
}

export type YearRow =
	{ kind: 'year'; year: number; incidents: number; killed: number; preliminary: boolean; partial: boolean } | { kind: 'gap'; from: number; to: number };

export interface DistrictReport {
	district: DistrictProps;
	census: DistrictCensus | null;
	neighbours: { slug: string; name: string }[];
	datasets: DatasetFigures[];
	/** How many districts the ranks are among. */
	districtCount: number;
}

const casualties = (i: Incident) => (i.killed ?? 0) + (i.wounded ?? 0);

/** Reports for every district, index-aligned with `districts`. */
export function districtReports(
	districts: readonly District[],
	datasets: readonly IncidentDataset[],
	census: Readonly<Record<string, DistrictCensus | null>>
): DistrictReport[] {
	const neighbours = queenNeighbours(districts);
	const perDataset = datasets.map((dataset) => {
		const assignment = assignIncidents(dataset.incidents, districts);
		const agg = aggregate(toColumns(dataset.incidents), assignment, districts.length);
		const area = districtMetrics(districts, agg, 'incidents', 'area');
		const shading = shade({
			mode: 'sequential',
			districts: districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name })),
			values: area.values,
			breaks: area.breaks,
			scheme: 'YlOrRd',
			method: 'natural',
			unit: 'incidents per 1,000 km²',
			fractional: true
		});
		const people = districtMetrics(districts, agg, 'incidents', 'people');
		const monthCount = Math.max(0, agg.months.last - agg.months.first + 1);
		const months = Array.from({ length: monthCount }, (_, m) => isoMonth(agg.months.first + m));
		const byDistrict = districts.map(() => [] as Incident[]);
		dataset.incidents.forEach((inc, k) => {
			if (assignment[k]! >= 0) byDistrict[assignment[k]!]!.push(inc);
		});
		const states = monthStates(dataset.info, agg.months.first, agg.months.last);
		const series = (dataset.info.releases?.length ?? 0) > 1;
		const emerging = series
			? emergingOverWindow(agg, neighbours, agg.months, 'year', (m) => (states[m - agg.months.first] === 'not-covered' ? 'not covered' : null))
			: null;
		return { dataset, agg, area, people, months, monthCount, byDistrict, states, shading, series, emerging };
	});
	return districts.map((d, i) => ({
		district: d.properties,
		census: census[d.properties.slug] ?? null,
		districtCount: districts.length,
		neighbours: neighbours[i]!.map((j) => ({ slug: districts[j]!.properties.slug, name: districts[j]!.properties.name })).sort((a, b) =>
			a.name.localeCompare(b.name)
		),
		datasets: perDataset.map(({ dataset, agg, area, people, months, monthCount, byDistrict, states, shading, series, emerging }) => ({
			info: dataset.info,
			totals: agg.byDistrict[i]!,
			perThousandKm2: area.values[i]!,
			perHundredThousandPeople: people.values[i]!,
			rankPerArea: area.ranks[i]!,
			mapClass: mapClassOf(shading, d.properties.slug),
			rankPerPeople: people.ranks[i]!,
			months,
			monthly: Array.from(agg.districtMonthly.subarray(i * monthCount, (i + 1) * monthCount), (n, m) => (states[m] === 'not-covered' ? null : n)),
			years: series ? yearRows(months, states, byDistrict[i]!) : null,
			emerging: emerging?.results
				? {
						category: categoryName(emerging.results[i]!.category),
						reason: emerging.results[i]!.reason,
						over: `yearly Gi* of incidents, ${emerging.steps[0]!.label}–${emerging.steps.at(-1)!.label} (${emerging.steps.length} covered years${emerging.leftOut.length ? `; left out: ${leftOutWords(emerging.leftOut)}` : ''})`
					}
				: null,
			largest: [...byDistrict[i]!]
				.sort((a, b) => casualties(b) - casualties(a) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
				.slice(0, LARGEST_INCIDENTS)
		}))
	}));
}

/** A district's colour on a shading and the legend row of that colour (its class in words). */
function mapClassOf(shading: Shading, slug: string): { colour: string; label: string } {
	const colour = shading.colours.get(slug)!;
	const row = shading.legend.find((l) => l.colour === colour);
	return { colour, label: row ? row.label : (shading.noData?.label ?? 'no figure') };
}

/** A district's incidents and killed per year, years not covered at all grouped into one gap row. */
function yearRows(months: readonly string[], states: readonly string[], incidents: readonly Incident[]): YearRow[] {
	const rows: YearRow[] = [];
	const first = Number(months[0]?.slice(0, 4));
	const last = Number(months.at(-1)?.slice(0, 4));
	for (let year = first; year <= last; year++) {
		const of = states.filter((_, m) => months[m]!.startsWith(`${year}-`));
		const covered = of.filter((s) => s !== 'not-covered').length;
		if (covered === 0) {
			const gap = rows.at(-1);
			if (gap?.kind === 'gap' && gap.to === year - 1) gap.to = year;
			else rows.push({ kind: 'gap', from: year, to: year });
			continue;
		}
		const inYear = incidents.filter((inc) => inc.date.startsWith(`${year}-`));
		// A year is partial when it is covered only in part: UCDP Candidate 26.0.1 holds January 2026 alone.
		rows.push({
			kind: 'year',
			year,
			incidents: inYear.length,
			killed: inYear.reduce((n, inc) => n + (inc.killed ?? 0), 0),
			preliminary: of.includes('preliminary'),
			partial: covered < 12 || of.length < 12
		});
	}
	return rows;
}

/** One line for previews (meta description, Open Graph): the first dataset's figures. */
export function shareSummary(r: DistrictReport, format: (n: number) => string): string {
	const f = r.datasets[0];
	if (!f) return `${r.district.name}, ${r.district.province}.`;
	const range = f.info.dateRange
		? ` (${f.info.dateRange[0].slice(0, 4)}${f.info.dateRange[1].slice(0, 4) !== f.info.dateRange[0].slice(0, 4) ? `–${f.info.dateRange[1].slice(0, 4)}` : ''})`
		: '';
	// A source without a wounded figure (UCDP) says so rather than writing "0 wounded".
	const roles = rolesOf(f.info);
	const wounded = roles.wounded ? `, ${format(f.totals.wounded)} wounded` : ` (wounded ${notRecorded(roles)})`;
	return `${r.district.name}, ${r.district.province}: ${format(f.totals.incidents)} incidents, ${format(f.totals.killed)} killed${wounded} in ${f.info.name}${range}; rank ${f.rankPerArea} of ${r.districtCount} districts by incidents per 1,000 km².`;
}
