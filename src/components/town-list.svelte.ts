/**
 * The gazetteer's towns for a component that searches or measures against them: loaded on first
 * need (the fetch itself is shared, src/data/towns), with the reason in words if it failed.
 */
import type { Place } from '$lib/place/index.js';

export class TownList {
	list = $state.raw<Place[]>([]);
	/** Why the towns could not be loaded, or null. */
	error = $state<string | null>(null);

	constructor(private readonly load: () => Promise<Place[]>) {}

	need = async () => {
		if (this.list.length) return;
		try {
			this.list = await this.load();
			this.error = null;
		} catch (err) {
			this.error = `The town list could not be loaded: ${(err as Error).message}`;
		}
	};
}
