import { describe, expect, it } from 'vitest';
import type { LineLayerSpecification } from 'maplibre-gl';
import { buildStyle, LAYER } from './layers.js';
import { committedBaseMap } from '../../tests/unit/sources.js';
import { everyFillColour } from '../lib/shading/colours.js';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r, g, b] = [1, 3, 5].map((i) => {
			const c = parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

const FILLS = everyFillColour();

describe('Gi* hot- and cold-spot outlines', () => {
	const layers = buildStyle(committedBaseMap()).layers;
	const at = (id: string) => layers.findIndex((l) => l.id === id);
	const paint = (id: string) => (layers[at(id)] as LineLayerSpecification).paint!;
	const lineColours = paint(LAYER.hotspots)['line-color'] as unknown as [string, unknown, string, string];
	const outlines = { hot: lineColours[2], cold: lineColours[3] };
	const casing = paint(LAYER.hotspotCasing)['line-color'] as string;

	it('sit on a casing drawn beneath them, wider at every confidence level', () => {
		expect(at(LAYER.hotspotCasing)).toBe(at(LAYER.hotspots) - 1);
		expect(paint(LAYER.hotspotCasing)['line-offset']).toEqual(paint(LAYER.hotspots)['line-offset']);
	});

	// The dark red outline alone had a contrast of 1.5 with YlOrRd's top class: a hot spot vanished
	// exactly where the fill says the most.
	it.each(Object.entries(outlines))('%s: the outline or its casing stands out (contrast ≥ 3) from every fill colour', (_, colour) => {
		const hidden = FILLS.filter((fill) => Math.max(contrast(colour, fill), contrast(casing, fill)) < 3);
		expect(hidden).toEqual([]);
	});
});
