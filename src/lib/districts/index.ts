/**
 * District layer in today's layout (after the 2018 FATA merger), derived from a 2015 ADM2 layer:
 * the seven tribal agencies become Khyber Pakhtunkhwa districts (names without "Agency"), and
 * each Frontier Region is merged with `turf.union` into the district named in its own name.
 */
import { area, booleanPointInPolygon, centerOfMass, featureCollection, pointOnFeature, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Province = 'Khyber Pakhtunkhwa' | 'Balochistan';
export const PROVINCES: readonly Province[] = ['Khyber Pakhtunkhwa', 'Balochistan'];

export interface DistrictProps {
	/** Stable id used in URLs, saved views and tests, e.g. `dera-ismail-khan`. */
	slug: string;
	name: string;
	province: Province;
	/** Geodesic area (turf.area) in km², of the merged polygon. */
	areaKm2: number;
	/** The source units this district was built from (for checking and for the About panel). */
	sourceUnits: string[];
}

export type District = Feature<Polygon | MultiPolygon, DistrictProps>;

/** Which property of the input layer holds what; change these to use another ADM2 layer. */
export interface SourceFields {
	province: string;
	name: string;
}

export const CARTODB_2015_FIELDS: SourceFields = { province: 'province_territory', name: 'district_agency' };

/** Source province names that belong to KP or Balochistan today. */
const PROVINCE_TODAY: Record<string, Province> = {
	'Khyber Pakhtunkhwa': 'Khyber Pakhtunkhwa',
	'North-West Frontier Province': 'Khyber Pakhtunkhwa',
	'Federally Administered Tribal Areas': 'Khyber Pakhtunkhwa',
	FATA: 'Khyber Pakhtunkhwa',
	Balochistan: 'Balochistan'
};

/** Frontier Region → the district it was merged into in 2018 (DATA-MODEL.md, "District identity"). */
export const FRONTIER_REGION_TARGET: Record<string, string> = {
	'FR Peshawar': 'Peshawar',
	'FR Kohat': 'Kohat',
	'FR Bannu': 'Bannu',
	'FR Lakki Marwat': 'Lakki Marwat',
	'FR DI Khan': 'Dera Ismail Khan',
	'FR D.I. Khan': 'Dera Ismail Khan',
	'FR Tank': 'Tank'
};

export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** Province of a source province name in today's layout, or null for other provinces/territories. */
export function provinceToday(sourceProvince: string): Province | null {
	return PROVINCE_TODAY[sourceProvince.trim()] ?? null;
}

/** "Khyber Agency" → "Khyber"; other names unchanged. */
export function currentDistrictName(sourceName: string): string {
	return sourceName.trim().replace(/\s+Agency$/i, '');
}

type SourceFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/**
 * Builds the KP + Balochistan districts in today's layout. Throws with the feature number when a
 * feature lacks a name/province or a Frontier Region has no district to merge into.
 */
export function districtsInCurrentLayout(
	features: SourceFeature[],
	fields: SourceFields = CARTODB_2015_FIELDS,
	file = 'districts'
): District[] {
	const byName = new Map<string, { province: Province; parts: SourceFeature[]; sourceUnits: string[] }>();
	const frontierRegions: { target: string; feature: SourceFeature; name: string; row: number }[] = [];
	features.forEach((feature, i) => {
		const row = i + 1;
		const sourceProvince = feature.properties?.[fields.province];
		const sourceName = feature.properties?.[fields.name];
		if (typeof sourceProvince !== 'string' || typeof sourceName !== 'string' || !sourceName.trim()) {
			throw new Error(`${file}, feature ${row}: missing "${fields.province}" or "${fields.name}"`);
		}
		const province = provinceToday(sourceProvince);
		if (!province) return; // other provinces are context only
		if (!feature.geometry || (feature.geometry.type !== 'Polygon' && feature.geometry.type !== 'MultiPolygon')) {
			throw new Error(`${file}, feature ${row} (${sourceName}): expected a Polygon or MultiPolygon geometry`);
		}
		const frTarget = FRONTIER_REGION_TARGET[sourceName.trim()];
		if (frTarget) {
			frontierRegions.push({ target: frTarget, feature, name: sourceName.trim(), row });
			return;
		}
		const name = currentDistrictName(sourceName);
		if (byName.has(name)) throw new Error(`${file}, feature ${row}: district "${name}" appears twice`);
		byName.set(name, { province, parts: [feature], sourceUnits: [sourceName.trim()] });
	});
	for (const fr of frontierRegions) {
		const target = byName.get(fr.target);
		if (!target) {
			throw new Error(`${file}, feature ${fr.row}: Frontier Region "${fr.name}" should merge into "${fr.target}", which is not in the layer`);
		}
		target.parts.push(fr.feature);
		target.sourceUnits.push(fr.name);
	}
	const districts: District[] = [];
	for (const [name, { province, parts, sourceUnits }] of byName) {
		const geometry = parts.length === 1 ? parts[0]!.geometry : union(featureCollection(parts))?.geometry;
		if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
			throw new Error(`${file}: merging ${sourceUnits.join(' + ')} gave no polygon`);
		}
		const feature: District = {
			type: 'Feature',
			geometry,
			properties: { slug: slugify(name), name, province, areaKm2: 0, sourceUnits }
		};
		feature.properties.areaKm2 = Math.round(area(feature) / 1e4) / 100;
		districts.push(feature);
	}
	// Stable order: the tie-break for points on a shared edge depends on it (see aggregate/).
	return districts.sort((a, b) => a.properties.slug.localeCompare(b.properties.slug));
}

/** A point for a label: the centre of mass when it falls inside the shape, else a point on it. */
export function labelPoint(shape: Feature<Polygon | MultiPolygon>): [number, number] {
	const c = centerOfMass(shape).geometry.coordinates as [number, number];
	return booleanPointInPolygon(c, shape) ? c : (pointOnFeature(shape).geometry.coordinates as [number, number]);
}
