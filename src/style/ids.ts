/** The map's source and layer ids: one list, read by the style, the map component and the tests. */
export const SOURCE = {
	countries: 'countries',
	provinces: 'provinces',
	districts: 'districts',
	districtLabels: 'district-labels',
	placeLabels: 'place-labels',
	border: 'afghan-border',
	borderLabel: 'afghan-border-label-path',
	points: 'incident-points',
	bands: 'border-bands',
	planArea: 'plan-area',
	planRoute: 'plan-route',
	planPoints: 'plan-points',
	surges: 'surges',
	warmUp: 'warm-up'
} as const;

/** Overlay sources the page fills with GeoJSON (empty collections draw nothing). */
export const OVERLAY_SOURCES = [SOURCE.bands, SOURCE.planArea, SOURCE.planRoute, SOURCE.planPoints, SOURCE.surges] as const;
export type OverlaySource = (typeof OVERLAY_SOURCES)[number];

export const LAYER = {
	districtFill: 'district-fill',
	districtOutline: 'district-outline',
	districtHover: 'district-hover',
	districtSelected: 'district-selected',
	border: 'afghan-border-line',
	borderCasing: 'afghan-border-casing',
	borderLabel: 'afghan-border-label',
	districtLabels: 'district-labels',
	placeLabels: 'place-labels',
	hotspots: 'hotspot-outline',
	hotspotCasing: 'hotspot-casing',
	heatmap: 'incident-heatmap',
	pointCircles: 'incident-points',
	surgeMarks: 'surge-marks',
	warmUp: 'warm-up'
} as const;
