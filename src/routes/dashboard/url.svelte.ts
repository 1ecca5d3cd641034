/**
 * The view and the plan in the URL: read once when the page opens, written (shallowly) on every
 * change after the next frame, read again on back/forward. A shared link or a reload restores the
 * same view; an old district slug opens today's district, with a note of what changed.
 */
import { untrack } from 'svelte';
import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { resolveDistrictSlug } from '$lib/districts/legacy.js';
import { decodeView, encodeView, type ViewState } from '$lib/viewstate/index.js';
import { ignoredParams } from '$lib/viewstate/notes.js';
import { afterPaint } from '../deferred.svelte.js';
import { isImported, type Datasets } from './datasets.svelte.js';
import { Hosted } from './hosted.js';

/** What the URL reads and writes of the page. */
export interface UrlHost {
	view: ViewState;
	readonly camera: ViewState['camera'];
	/** Other state the URL carries beside the view (the NGO plan's parameters), as a query string. */
	readonly urlExtra: string;
	/** Camera moves and play replace the history entry instead of adding one. */
	readonly playing: boolean;
	readonly datasets: Pick<Datasets, 'defaultWindowOf' | 'defaultsOf'>;
	/** The URL names another dataset and its window: show both as they are (no reset of the window). */
	takeDataset(id: string): void;
}

export class UrlSync extends Hosted<UrlHost> {
	/** Why a linked district changed (renamed, split, unknown): one line above the panel. */
	slugNote = $state<string | null>(null);
	/** Every parameter of the link the page ignored, and why (src/lib/viewstate/notes.ts); null when none. */
	paramsNote = $state<string | null>(null);
	private routerReady = $state(false);

	/** @param knownSlugs The districts' slugs today (an older one in a link is resolved to today's). */
	constructor(
		host: UrlHost,
		private readonly knownSlugs: Set<string>
	) {
		super(host);
		// SvelteKit's history helpers work once its router has finished the first navigation.
		afterNavigate(() => (this.routerReady = true));
		// Written after the next frame: SvelteKit's pushState saves the scroll position, and reading it
		// in the task that changed the page forced the whole layout there (18–40 ms of one task after a
		// 100 k-row import, in profiles). Changes within one frame make one history entry.
		$effect(() => {
			if (!this.routerReady) return;
			const next = [encodeView({ ...host.view, camera: host.camera }, host.datasets.defaultsOf(host.view.dataset)).toString(), host.urlExtra]
				.filter(Boolean)
				.join('&');
			return afterPaint(() => this.write(next));
		});
	}

	/** The view the page opens on: the URL's, with the bundled dataset the loader fetched (an imported one comes from storage). */
	read(loadedDataset: string): ViewState {
		const params = new URLSearchParams(location.search);
		this.paramsNote = ignoredParams(params);
		const v = decodeView(params, loadedDataset, this.host.datasets.defaultWindowOf);
		const dataset = isImported(v.dataset) ? v.dataset : loadedDataset;
		return this.withCurrentDistrict({ ...v, dataset });
	}

	/** Back/forward: take the URL's view when it differs from the one on screen. */
	onpopstate = () => {
		const v = this.withCurrentDistrict(decodeView(new URLSearchParams(location.search), this.host.view.dataset, this.host.datasets.defaultWindowOf));
		const defaults = this.host.datasets.defaultsOf(v.dataset);
		if (encodeView(v, defaults).toString() === encodeView($state.snapshot(this.host.view) as ViewState, defaults).toString()) return;
		// The URL's window is the one to show, even where it switches the dataset.
		this.host.takeDataset(v.dataset);
		this.host.view = v;
	};

	private write(next: string) {
		const current = location.search.replace(/^\?/, '');
		if (next === current) return;
		const withoutCamera = (qs: string) => qs.replace(/(^|&)map=[^&]*/, '');
		const url = `?${next}`;
		if (untrack(() => this.host.playing) || withoutCamera(next) === withoutCamera(current)) replaceState(url, {});
		else pushState(url, {});
	}

	/** A view with its `?district=` resolved to today's layout (old slugs open their successor). */
	private withCurrentDistrict(v: ViewState): ViewState {
		if (!v.district) return ((this.slugNote = null), v);
		const resolved = resolveDistrictSlug(v.district, this.knownSlugs);
		this.slugNote = resolved.note;
		return { ...v, district: resolved.slug };
	}
}
