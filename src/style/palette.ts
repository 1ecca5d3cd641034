/** The base map's colours and font (the choropleth's are in src/lib/shading). */
export const WATER = '#c9dbe6';
export const LAND = '#f2efe9';
export const OTHER_PROVINCE = '#e6e2da';
export const INK = '#222';
export const FONT = ['sans-serif'];

/**
 * Gi* outlines: the darkest red of ColorBrewer Reds for a hot spot and of Blues for a cold one, on a
 * white casing: the dark line stands out from light and mid fills, the casing from the darkest.
 */
export const HOT_OUTLINE = '#67000d';
export const COLD_OUTLINE = '#08306b';
export const OUTLINE_CASING = '#ffffff';

/** A surging district's marker (and its mark in the legend and the ranking): orange, apart from every fill's red. */
export const SURGE_MARK = '#ff7f00';
