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

/** Incidents listed on a district page: the largest by casualties. */
export const LARGEST_INCIDENTS = 5;

export interface DatasetFigures {
	info: DatasetInfo;
	totals: Totals;
	perThousandKm2: number;
	/** NaN without a census population. */
	perHundredThousandPeople: number;
	/** Competition ranks among the districts, 1 = highest (NaN: no figure). */
	rankPerArea: number;
	rankPerPeople: number;
	/** ISO months of the dataset's span and this district's incidents in each. */
	months: string[];
	monthly: number[];
	largest: Incident[];
}

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
export function districtReports(districts: readonly District[], datasets: readonly IncidentDataset[], census: Readonly<Record<string, DistrictCensus | null>>): DistrictReport[] {
	const neighbours = queenNeighbours(districts);
	const perDataset = datasets.map((dataset) => {
		const assignment = assignIncidents(dataset.incidents, districts);
		const agg = aggregate(toColumns(dataset.incidents), assignment, districts.length);
		const area = districtMetrics(districts, agg, 'incidents', 'area');
		const people = districtMetrics(districts, agg, 'incidents', 'people');
		const monthCount = Math.max(0, agg.months.last - agg.months.first + 1);
		const months = Array.from({ length: monthCount }, (_, m) => isoMonth(agg.months.first + m));
		const byDistrict = districts.map(() => [] as Incident[]);
		dataset.incidents.forEach((inc, k) => {
			if (assignment[k]! >= 0) byDistrict[assignment[k]!]!.push(inc);
		});
		return { dataset, agg, area, people, months, monthCount, byDistrict };
	});
	return districts.map((d, i) => ({
		district: d.properties,
		census: census[d.properties.slug] ?? null,
		districtCount: districts.length,
		neighbours: neighbours[i]!.map((j) => ({ slug: districts[j]!.properties.slug, name: districts[j]!.properties.name })).sort((a, b) => a.name.localeCompare(b.name)),
		datasets: perDataset.map(({ dataset, agg, area, people, months, monthCount, byDistrict }) => ({
			info: dataset.info,
			totals: agg.byDistrict[i]!,
			perThousandKm2: area.values[i]!,
			perHundredThousandPeople: people.values[i]!,
			rankPerArea: area.ranks[i]!,
			rankPerPeople: people.ranks[i]!,
			months,
			monthly: Array.from(agg.districtMonthly.subarray(i * monthCount, (i + 1) * monthCount)),
			largest: [...byDistrict[i]!].sort((a, b) => casualties(b) - casualties(a) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id)).slice(0, LARGEST_INCIDENTS)
		}))
	}));
}

/** One line for previews (meta description, Open Graph): the first dataset's figures. */
export function shareSummary(r: DistrictReport, format: (n: number) => string): string {
	const f = r.datasets[0];
	if (!f) return `${r.district.name}, ${r.district.province}.`;
	const range = f.info.dateRange ? ` (${f.info.dateRange[0].slice(0, 4)}${f.info.dateRange[1].slice(0, 4) !== f.info.dateRange[0].slice(0, 4) ? `–${f.info.dateRange[1].slice(0, 4)}` : ''})` : '';
	return `${r.district.name}, ${r.district.province}: ${format(f.totals.incidents)} incidents, ${format(f.totals.killed)} killed, ${format(f.totals.wounded)} wounded in ${f.info.name}${range}; rank ${f.rankPerArea} of ${r.districtCount} districts by incidents per 1,000 km².`;
}
