/**
 * The districts this map analyses: Khyber Pakhtunkhwa (35) and Balochistan (34) in the layout of
 * Pakistan's 2023 census, as drawn by OpenStreetMap (sources/SOURCES.md). Pure: GeoJSON features
 * in, districts with stable slugs and their census denominators out.
 */
import { area, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Province = 'Khyber Pakhtunkhwa' | 'Balochistan';
export const PROVINCES: readonly Province[] = ['Khyber Pakhtunkhwa', 'Balochistan'];

/** Which area a per-km² figure divides by. */
export type AreaSource = 'PBS Census 2023 Table 1' | 'measured on the OSM geometry';

export interface DistrictProps {
	/** Stable id used in URLs, saved views and tests, e.g. `dera-ismail-khan`. */
	slug: string;
	name: string;
	province: Province;
	division: string;
	/** The area per-km² figures divide by: PBS-published where PBS gives one (see `areaSource`). */
	areaKm2: number;
	areaSource: AreaSource;
	/** Geodesic area (turf.area) of the drawn polygon, km², always shown beside the published one. */
	measuredAreaKm2: number;
	/** PBS Census 2023 population, or null when PBS publishes none (never 0). */
	population: number | null;
	/** The OpenStreetMap boundary relation(s) the shape was built from. */
	osmRelations: number[];
}

export type District = Feature<Polygon | MultiPolygon, DistrictProps>;

/** Properties of a district in the OSM 2023 layout (sources/boundaries/…_2023_osm.topojson). */
export interface LayoutProps {
	name: string;
	division: string;
	province: string;
	osmRelations: number[];
}

/** The census figures a district needs for its denominators. */
export interface Denominators {
	population: number | null;
	areaKm2: number | null;
}

export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

export function isFocusProvince(name: string): name is Province {
	return (PROVINCES as readonly string[]).includes(name);
}

/** Which area per-km² rates divide by: PBS's published figure (the default) or the outline's own. */
export const AREA_BASES = ['published', 'measured'] as const;
export type AreaBasis = (typeof AREA_BASES)[number];

/**
 * The districts as rates see them under `basis`: for 'measured', each divides by its outline's
 * geodesic area. The same objects for 'published', so nothing downstream recomputes for nothing.
 */
export function withAreaBasis<D extends { properties: DistrictProps }>(districts: readonly D[], basis: AreaBasis): readonly D[] {
	if (basis === 'published') return districts;
	return districts.map((d) => ({
		...d,
		properties: { ...d.properties, areaKm2: d.properties.measuredAreaKm2, areaSource: 'measured on the OSM geometry' as const }
	}));
}

/** Published and measured areas that differ by more than this share of the smaller are flagged. */
export const AREA_MISMATCH = 0.25;

/**
 * A district whose PBS-published area and outline area disagree by more than 25 %: both figures
 * and their ratio (Surab: 762 km² published, 3,980 km² on the outline, 5.2×). Null when they agree
 * or PBS publishes no area.
 */
export function areaMismatch(published: number | null | undefined, measured: number): { published: number; measured: number; ratio: number } | null {
	if (!published || !(measured > 0)) return null;
	const ratio = measured / published;
	return Math.max(ratio, 1 / ratio) > 1 + AREA_MISMATCH ? { published, measured, ratio } : null;
}

/** km², rounded to 0.01 (turf.area is m²). */
export const measuredAreaKm2 = (shape: Feature<Polygon | MultiPolygon>) => Math.round(area(shape) / 1e4) / 100;

/**
 * The KP and Balochistan districts of the layout, sorted by slug, each with its denominators
 * (`census(name)` returns null where the census has no row). Throws with the feature number
 * when a feature lacks a name or a polygon, or two districts share a slug.
 */
export function focusDistricts(
	features: readonly Feature<Polygon | MultiPolygon | null, LayoutProps>[],
	census: (name: string) => Denominators | null,
	file = 'districts'
): District[] {
	const seen = new Set<string>();
	const districts: District[] = [];
	features.forEach((feature, i) => {
		const p = feature.properties;
		if (typeof p?.name !== 'string' || !p.name.trim() || typeof p.province !== 'string') {
			throw new Error(`${file}, feature ${i + 1}: missing "name" or "province"`);
		}
		if (!isFocusProvince(p.province)) return; // other provinces are context only
		const geometry = feature.geometry;
		if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
			throw new Error(`${file}, feature ${i + 1} (${p.name}): expected a Polygon or MultiPolygon geometry`);
		}
		const slug = slugify(p.name);
		if (seen.has(slug)) throw new Error(`${file}, feature ${i + 1}: district "${p.name}" appears twice (slug ${slug})`);
		seen.add(slug);
		const measured = measuredAreaKm2({ type: 'Feature', properties: {}, geometry });
		const figures = census(p.name);
		districts.push({
			type: 'Feature',
			geometry,
			properties: {
				slug,
				name: p.name,
				province: p.province,
				division: String(p.division ?? ''),
				areaKm2: figures?.areaKm2 ?? measured,
				areaSource: figures?.areaKm2 ? 'PBS Census 2023 Table 1' : 'measured on the OSM geometry',
				measuredAreaKm2: measured,
				population: figures?.population ?? null,
				osmRelations: Array.isArray(p.osmRelations) ? p.osmRelations : []
			}
		});
	});
	// Stable order: the tie-break for points on a shared edge depends on it (see aggregate/).
	return districts.sort((a, b) => a.properties.slug.localeCompare(b.properties.slug));
}

/**
 * A point for a label: the centre of mass of the shape's largest part when it falls inside the
 * shape, else a point on it. One pass over the outer rings (the shoelace formula): Turf's
 * `centerOfMass` takes a MultiPolygon's convex hull first, and on the full-detail outlines that was
 * ~60–200 ms of the page's start-up for 69 districts (issue #12). Kept per shape (outlines are
 * not changed once loaded): the surge marks ask again on every update, and the point-in-polygon
 * test on a full-detail outline was a few milliseconds of a dataset switch.
 */
export function labelPoint(shape: Feature<Polygon | MultiPolygon>): [number, number] {
	let at = labelPoints.get(shape);
	if (!at) labelPoints.set(shape, (at = computeLabelPoint(shape)));
	return [at[0], at[1]];
}
const labelPoints = new WeakMap<Feature<Polygon | MultiPolygon>, [number, number]>();

function computeLabelPoint(shape: Feature<Polygon | MultiPolygon>): [number, number] {
	const parts = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
	let best: [number, number] | null = null;
	let bestArea = 0;
	for (const [outer] of parts) {
		if (!outer) continue;
		// Relative to the ring's first vertex, so the sums keep their precision.
		const [x0, y0] = outer[0]!;
		let twiceArea = 0;
		let cx = 0;
		let cy = 0;
		for (let i = 0; i + 1 < outer.length; i++) {
			const ax = outer[i]![0]! - x0!;
			const ay = outer[i]![1]! - y0!;
			const bx = outer[i + 1]![0]! - x0!;
			const by = outer[i + 1]![1]! - y0!;
			const cross = ax * by - bx * ay;
			twiceArea += cross;
			cx += (ax + bx) * cross;
			cy += (ay + by) * cross;
		}
		if (Math.abs(twiceArea) <= bestArea) continue;
		bestArea = Math.abs(twiceArea);
		best = [x0! + cx / (3 * twiceArea), y0! + cy / (3 * twiceArea)];
	}
	return best && booleanPointInPolygon(best, shape) ? best : (pointOnFeature(shape).geometry.coordinates as [number, number]);
}
