/**
 * District figures of Pakistan's 2023 census (PBS) as the map shows them: population, published
 * area, households, literacy, drinking water and toilet access. Pure: the raw compiled census
 * (sources/census/pakistan_census_2023_districts.json) in, one small record per district out.
 * A district without a census row has no record — "no census figure", never 0.
 */

export const CENSUS_SOURCE = 'Pakistan Bureau of Statistics, 7th Population and Housing Census 2023';
export const CENSUS_VINTAGE = 'as on 1 March 2023';

export interface DistrictCensus {
	population: number;
	/** Land area as PBS published it (Table 1), km²; null where PBS prints none. */
	areaKm2: number | null;
	households: number;
	/** Literate people aged 10+ over people aged 10+ (PBS Table 12), 0–1. */
	literacyRate: number | null;
	/** Households with an improved drinking-water source (PBS Table 23), 0–1. */
	improvedWaterShare: number | null;
	/** Households with a flush toilet / with no toilet (PBS Table 24), 0–1. */
	flushToiletShare: number | null;
	noToiletShare: number | null;
}

/** Where each figure comes from, for the panel and the exports. */
export const CENSUS_FIELD_SOURCES: Record<keyof DistrictCensus, string> = {
	population: 'PBS Census 2023, Table 1',
	areaKm2: 'PBS Census 2023, Table 1 (published area)',
	households: 'PBS Census 2023, Table 1',
	literacyRate: 'PBS Census 2023, Table 12 (literate 10+ / population 10+)',
	improvedWaterShare: 'PBS Census 2023, Table 23 (households, improved source)',
	flushToiletShare: 'PBS Census 2023, Table 24 (households with a flush toilet)',
	noToiletShare: 'PBS Census 2023, Table 24 (households without a toilet)'
};

interface RawDistrict {
	population?: unknown;
	areaSqKm?: unknown;
	households?: unknown;
	development?: {
		literacy?: { rate?: unknown };
		water?: { improvedShare?: unknown };
		sanitation?: { flushToiletShare?: unknown; noToiletShare?: unknown };
	};
}

export interface RawCensus {
	districts: Record<string, RawDistrict>;
}

function count(value: unknown, where: string): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
		throw new Error(`${where}: expected a whole number ≥ 0, got ${JSON.stringify(value)}`);
	return value;
}

function share(value: unknown, where: string): number | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Error(`${where}: expected a share between 0 and 1, got ${JSON.stringify(value)}`);
	return value;
}

/** One record per census district name; throws naming the file, district and field on bad input. */
export function censusByName(raw: RawCensus, file = 'census'): Map<string, DistrictCensus> {
	if (!raw || typeof raw.districts !== 'object') throw new Error(`${file}: no "districts" object`);
	const out = new Map<string, DistrictCensus>();
	for (const [name, d] of Object.entries(raw.districts)) {
		const at = (field: string) => `${file}, district "${name}", ${field}`;
		const dev = d.development ?? {};
		out.set(name, {
			population: count(d.population, at('population')),
			areaKm2: d.areaSqKm === undefined || d.areaSqKm === null ? null : count(d.areaSqKm, at('areaSqKm')),
			households: count(d.households, at('households')),
			literacyRate: share(dev.literacy?.rate, at('development.literacy.rate')),
			improvedWaterShare: share(dev.water?.improvedShare, at('development.water.improvedShare')),
			flushToiletShare: share(dev.sanitation?.flushToiletShare, at('development.sanitation.flushToiletShare')),
			noToiletShare: share(dev.sanitation?.noToiletShare, at('development.sanitation.noToiletShare'))
		});
	}
	return out;
}

/** Incidents (or people killed, …) per 100,000 residents; null without a census population. */
export function perHundredThousand(value: number, population: number | null): number | null {
	return population ? (value / population) * 1e5 : null;
}
