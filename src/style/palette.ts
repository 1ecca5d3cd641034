/** The base map's colours and font (the choropleth's are in src/lib/shading). */
export const WATER = '#c9dbe6';
export const LAND = '#f2efe9';
export const OTHER_PROVINCE = '#e6e2da';
export const INK = '#222';
export const FONT = ['sans-serif'];
