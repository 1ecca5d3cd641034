/** The basemap's source and layer ids (one list, read by its style modules, the map and the tests). */
export const BASEMAP_SOURCE = {
	roads: 'basemap-roads',
	railways: 'basemap-railways',
	rivers: 'basemap-rivers',
	lakes: 'basemap-lakes',
	airports: 'basemap-airports',
	towns: 'basemap-towns'
} as const;

export const BASEMAP_LAYER = {
	roads: 'basemap-roads',
	railways: 'basemap-railways',
	rivers: 'basemap-rivers',
	lakes: 'basemap-lakes',
	riverLabels: 'basemap-river-labels',
	airports: 'basemap-airports',
	airportLabels: 'basemap-airport-labels',
	townDots: 'basemap-town-dots'
} as const;

export const townLabelLayer = (tier: number) => `basemap-town-labels-${tier}`;
