/**
 * The map's colours (ColorBrewer schemes through d3-scale-chromatic, colour-blind safe, and Joshua
 * Stevens' 3 × 3 bivariate scheme): each class's colour, and a legend row's shape. The shading
 * modes (sequential.ts, diverging.ts, bivariate.ts) are the only ones to pick a district's colour
 * from these (a test greps the tree for any other caller).
 */
import { schemeOrRd, schemePurples, schemeRdBu, schemeReds, schemeYlGnBu, schemeYlOrRd } from 'd3-scale-chromatic';
import type { SchemeName } from '../viewstate/index.js';

/** Zero is neutral grey-blue, clearly apart from the palest class colour and from "no data". */
export const ZERO_COLOUR = '#dfe3e8';
/** No data: a mid grey, darker than zero, never mistaken for a low value. */
export const NO_DATA_COLOUR = '#8c8c8c';

const SCHEMES: Record<SchemeName, readonly (readonly string[])[]> = {
	YlOrRd: schemeYlOrRd,
	OrRd: schemeOrRd,
	Reds: schemeReds,
	Purples: schemePurples,
	YlGnBu: schemeYlGnBu
};

/** The colours of `classCount` positive classes, palest first. */
export function classColours(classCount: number, scheme: SchemeName = 'YlOrRd'): string[] {
	if (classCount <= 0) return [];
	const ramp = SCHEMES[scheme];
	if (classCount < 3) return [...ramp[3]!].slice(3 - classCount);
	return [...ramp[Math.min(classCount, 9)]!];
}

/** Blue for a decrease, red for an increase, near-white for no change (RdBu reversed). */
export function divergingColours(perSide: number): string[] {
	return [...schemeRdBu[2 * perSide + 1]!].reverse();
}

/** Hazard × need: index = violence class × 3 + need class; violence grey → magenta, need grey → teal. */
export const BIVARIATE_COLOURS = ['#e8e8e8', '#ace4e4', '#5ac8c8', '#dfb0d6', '#a5add3', '#5698b9', '#be64ac', '#8c62aa', '#3b4994'] as const;

/** Every colour a district's fill can take, in any mode (overlays drawn on fills are checked against these). */
export function everyFillColour(): string[] {
	const sequential = Object.keys(SCHEMES).flatMap((s) => [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => classColours(n, s as SchemeName)));
	const diverging = [1, 2, 3, 4, 5].flatMap((perSide) => divergingColours(perSide));
	return [...new Set([...sequential, ...diverging, ...BIVARIATE_COLOURS, ZERO_COLOUR, NO_DATA_COLOUR])];
}

export interface LegendItem {
	colour: string;
	label: string;
	/** Districts in this class. */
	count: number;
	key: string;
}
