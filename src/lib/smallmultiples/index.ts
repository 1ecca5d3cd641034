/**
 * Small multiples: one small map per step of a window (years, quarters or months), every map on
 * the same classes, so that a colour is the same value in every map and the eye reads change
 * across the grid. The classes are made once over every district in every step (as play holds
 * them), or typed by hand. One SVG, to print or download.
 *
 * Built by the same core as the district pages and the first paint: svgmap projects and thins the
 * outlines, shade() picks each district's colour. Each outline is written once (in <defs>) and
 * drawn per step with <use>, so fifteen maps weigh little more than one. Pure: a string out.
 */
import { classBreaks, typedBreaks, type ClassBreaks, type ClassOptions } from '../classify/index.js';
import type { BaseMap } from '../geodata/index.js';
import { shade, type LegendItem } from '../shading/index.js';
import { focusFrame, linePath, polygonPath } from '../svgmap/index.js';
import type { SchemeName } from '../viewstate/index.js';

export interface MultiplesStep {
	/** "2008", "2015 Q2", "2015-11". */
	label: string;
	/** The mapped metric per district, index-aligned with the map's districts; NaN: no figure. */
	values: readonly number[];
	/** A line under the label, e.g. "412 incidents". */
	note?: string;
}

export interface SmallMultiplesInput {
	map: Pick<BaseMap, 'districts' | 'provinces' | 'border'>;
	steps: readonly MultiplesStep[];
	classes: ClassOptions;
	/** Breaks typed by hand (they replace the pooled classes), or null. */
	typed?: readonly number[] | null;
	scheme: SchemeName;
	/** What the values are: "incidents per 1,000 km²". */
	unit: string;
	fractional: boolean;
	/** The line under the title: source, steps, what was left out. */
	subtitle: string;
	/** The data stamp at the foot, line by line: source, period, filters, licence (long lines wrap). */
	stamp: readonly string[];
	/** Maps per row (default: up to 5). */
	columns?: number;
	/** Width of one map in px (default 200). */
	mapWidth?: number;
}

export interface SmallMultiples {
	svg: string;
	width: number;
	height: number;
	/** The classes every map uses; counts are over every district in every step. */
	breaks: ClassBreaks;
	legend: LegendItem[];
	/** Each step's colour per district slug (what its map draws). */
	steps: { label: string; colours: Map<string, string> }[];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const LABEL_HEIGHT = 30;
const GAP = 10;
const MARGIN = 14;
const HEADER = 56;

export function smallMultiples(input: SmallMultiplesInput): SmallMultiples {
	const { map, steps, classes, typed, scheme, unit, fractional } = input;
	if (!steps.length) throw new Error('smallMultiples: no step to draw');
	const districts = map.districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name }));
	// One set of classes for every map: made over every district in every step.
	const pool = steps.flatMap((s) => [...s.values]);
	const breaks = typed ? typedBreaks(typed, pool) : classBreaks(pool, classes);
	const shadeStep = (values: readonly number[]) =>
		shade({ mode: 'sequential', districts, values, breaks, scheme, method: classes.method, unit, fractional, typed });
	const shaded = steps.map((s) => ({ label: s.label, colours: shadeStep(s.values).colours }));
	// The legend and the method's words depend on the classes alone.
	const whole = shadeStep(pool.slice(0, districts.length));

	const mapWidth = input.mapWidth ?? 200;
	const columns = Math.max(1, Math.min(input.columns ?? 5, steps.length));
	const rows = Math.ceil(steps.length / columns);
	const { focus, frame } = focusFrame(map.provinces, mapWidth, 4);
	const cellHeight = LABEL_HEIGHT + frame.height;
	const width = Math.max(2 * MARGIN + columns * mapWidth + (columns - 1) * GAP, 560);
	const legendTop = HEADER + rows * (cellHeight + GAP) + 6;
	const legendRows = Math.ceil(whole.legend.length / 4) + 1;
	const stamp = input.stamp.flatMap((line) => wrapWords(line, Math.floor((width - 2 * MARGIN) / 5.4)));
	const stampTop = legendTop + legendRows * 18 + 10;
	const height = stampTop + stamp.length * 13 + 8;

	const defs = [
		`<g id="sm-context" fill="#e8e4dc">${focus.map((p) => `<path d="${polygonPath(p.geometry, frame, 1)}"/>`).join('')}</g>`,
		...map.districts.map((d, i) => `<path id="sm-d${i}" d="${polygonPath(d.geometry, frame, 0.8)}"/>`),
		`<path id="sm-border" d="${linePath(map.border.geometry, frame, 0.8)}" fill="none" stroke="#3b0764" stroke-width="1.2" stroke-dasharray="3 2"/>`
	].join('');
	const maps = shaded.map((s, k) => {
		const x = MARGIN + (k % columns) * (mapWidth + GAP);
		const y = HEADER + Math.floor(k / columns) * (cellHeight + GAP);
		const note = steps[k]!.note;
		const uses = map.districts.map((d, i) => `<use href="#sm-d${i}" fill="${s.colours.get(d.properties.slug)}"/>`).join('');
		return (
			`<g class="step" data-step="${escapeXml(s.label)}" transform="translate(${x} ${y})">` +
			`<text y="12" font-size="13" font-weight="600">${escapeXml(s.label)}</text>` +
			(note ? `<text y="25" font-size="10" fill="#555">${escapeXml(note)}</text>` : '') +
			`<g transform="translate(0 ${LABEL_HEIGHT})"><use href="#sm-context"/><g stroke="#fff" stroke-width="0.4">${uses}</g><use href="#sm-border"/></g></g>`
		);
	});
	const keys = [...whole.legend.map((l) => ({ colour: l.colour, label: l.label })), { colour: '', label: 'Afghanistan–Pakistan border' }];
	const legend = keys.map((l, k) => {
		const x = MARGIN + (k % 4) * 150;
		const y = legendTop + Math.floor(k / 4) * 18;
		const swatch = l.colour
			? `<rect x="${x}" y="${y}" width="14" height="10" fill="${l.colour}" stroke="#999" stroke-width="0.5"/>`
			: `<line x1="${x}" y1="${y + 5}" x2="${x + 14}" y2="${y + 5}" stroke="#3b0764" stroke-width="1.5" stroke-dasharray="3 2"/>`;
		return `${swatch}<text x="${x + 20}" y="${y + 9}" font-size="11">${escapeXml(l.label)}</text>`;
	});
	const title = `${unit[0]!.toUpperCase()}${unit.slice(1)}, ${steps.length} ${steps.length === 1 ? 'map' : 'maps'} on the same classes`;
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" fill="#1f1f1f">` +
		`<title>${escapeXml(title)}</title><rect width="${width}" height="${height}" fill="#fff"/>` +
		`<text x="${MARGIN}" y="22" font-size="16" font-weight="600">${escapeXml(title)}</text>` +
		`<text x="${MARGIN}" y="40" font-size="11" fill="#444">${escapeXml(input.subtitle)} · ${escapeXml(whole.method)}</text>` +
		`<defs>${defs}</defs>${maps.join('')}<g class="legend">${legend.join('')}</g>` +
		stamp.map((line, k) => `<text x="${MARGIN}" y="${stampTop + k * 13 + 9}" font-size="10" fill="#555">${escapeXml(line)}</text>`).join('') +
		'</svg>';
	return { svg, width, height, breaks, legend: whole.legend, steps: shaded };
}

/** A line cut at spaces into lines of at most `max` characters (a word longer than that stands alone). */
export function wrapWords(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + 1 + word.length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return line ? [...lines, line] : lines;
}
