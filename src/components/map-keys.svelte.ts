/**
 * The focused map by keyboard: the arrow keys move a cursor from district to district
 * (src/lib/districts/toward), highlighted as a hover is and announced in a live region with its
 * figures; Enter opens the district under the cursor. MapLibre's own keys (+/− zoom) still work;
 * the arrows' panning gives way to this, since the camera follows the cursor (MapArea's focus).
 */
import { labelPoint, type District } from '$lib/districts/index.js';
import { arrowDirection, districtToward, nearestTo } from '$lib/districts/toward.js';

export interface MapKeysHost {
	districts: () => readonly District[];
	selected: () => string | null;
	/** The map's centre (lon, lat), where a first arrow press starts when no district is open. */
	centre: () => readonly [number, number] | null;
	/** A district's name and figures in words (the tooltip's text). */
	describe: (slug: string) => string;
	onhover: (slug: string | null) => void;
	onselect: (slug: string) => void;
}

const WORDS = { left: 'west', right: 'east', up: 'north', down: 'south' } as const;

export class MapKeys {
	/** The district under the keyboard cursor, or null when the map has not been moved over by key. */
	cursor = $state<string | null>(null);
	/** What the live region says. */
	announcement = $state('');

	constructor(private readonly host: MapKeysHost) {}

	/** Keys pressed on the map canvas (a capturing listener, so MapLibre's arrow panning does not also run). */
	keydown = (e: KeyboardEvent) => {
		if (!(e.target instanceof HTMLElement) || !e.target.matches('.maplibregl-canvas')) return;
		if (e.key === 'Enter' && this.cursor) {
			e.preventDefault();
			e.stopPropagation();
			this.host.onselect(this.cursor);
			return;
		}
		const direction = arrowDirection(e.key);
		if (!direction || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
		e.preventDefault();
		e.stopPropagation();
		const districts = this.host.districts();
		const points = districts.map((d) => labelPoint(d));
		const index = (slug: string | null) => (slug ? districts.findIndex((d) => d.properties.slug === slug) : -1);
		const at = index(this.cursor);
		if (at < 0) {
			// The first press lands on where the reader is: the open district, else the one at the centre.
			const start = index(this.host.selected());
			const centre = this.host.centre();
			return this.move(districts[start >= 0 ? start : centre ? nearestTo(points, centre) : 0]!);
		}
		const next = districtToward(points, at, direction);
		if (next === null) this.announcement = `No district further ${WORDS[direction]} of ${districts[at]!.properties.name}.`;
		else this.move(districts[next]!);
	};

	/** The map lost focus: the cursor and its highlight go. */
	blur = () => {
		if (!this.cursor) return;
		this.cursor = null;
		this.host.onhover(null);
	};

	private move(d: District) {
		this.cursor = d.properties.slug;
		this.host.onhover(this.cursor);
		this.announcement = `${this.host.describe(this.cursor)}. Enter opens its details; arrow keys move to the next district.`;
	}
}
