/**
 * Static SVG maps of the districts: Web Mercator (as MapLibre draws them), fitted to a box, with
 * vertices closer than a fraction of a pixel dropped so a page carries kilobytes, not the full
 * 30,000-vertex outline. Pure: GeoJSON in, SVG path data out (no DOM).
 */
import { bbox } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export interface Frame {
	width: number;
	height: number;
	/** Lon/lat → SVG pixels. */
	project: (p: Position) => [number, number];
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** A frame that fits the bbox [w, s, e, n] into `width` px (height follows the aspect), with padding. */
export function fitFrame(bbox: readonly [number, number, number, number], width: number, padding = 8): Frame {
	const [w, s, e, n] = bbox;
	const x0 = (w * Math.PI) / 180;
	const x1 = (e * Math.PI) / 180;
	const y0 = mercatorY(n);
	const y1 = mercatorY(s);
	const scale = (width - 2 * padding) / (x1 - x0);
	const height = Math.ceil((y0 - y1) * scale + 2 * padding);
	return {
		width,
		height,
		project: (p) => [padding + ((p[0]! * Math.PI) / 180 - x0) * scale, padding + (y0 - mercatorY(p[1]!)) * scale]
	};
}

/** The frame every static map uses: KP and Balochistan (the provinces marked `focus`), fitted to `width`. */
export function focusFrame<P extends { focus: boolean }>(provinces: readonly Feature<Polygon | MultiPolygon, P>[], width: number, padding = 8) {
	const focus = provinces.filter((p) => p.properties.focus);
	return { focus, frame: fitFrame(bbox({ type: 'FeatureCollection', features: focus }) as [number, number, number, number], width, padding) };
}

/** Projected ring or line with points closer than `minPx` to the last kept one dropped (ends kept). */
function thin(coords: readonly Position[], frame: Frame, minPx: number): [number, number][] {
	const out: [number, number][] = [];
	coords.forEach((c, i) => {
		const p = frame.project(c);
		const last = out[out.length - 1];
		if (!last || i === coords.length - 1 || Math.hypot(p[0] - last[0], p[1] - last[1]) >= minPx) out.push(p);
	});
	return out;
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
const toPath = (pts: [number, number][], close: boolean) =>
	pts.length < 2 ? '' : `M${pts.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join('L')}${close ? 'Z' : ''}`;

/** SVG path data for a polygon (rings closed; even-odd holes). */
export function polygonPath(geometry: Polygon | MultiPolygon, frame: Frame, minPx = 0.6): string {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons
		.flat()
		.map((ring) => thin(ring, frame, minPx))
		.filter((pts) => pts.length >= 3)
		.map((pts) => toPath(pts, true))
		.join('');
}

/** SVG path data for a line. */
export function linePath(geometry: LineString | MultiLineString, frame: Frame, minPx = 0.6): string {
	const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
	return lines.map((l) => toPath(thin(l, frame, minPx), false)).join('');
}
