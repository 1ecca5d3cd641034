/**
 * The prerendered first paint (src/lib/firstpaint) is the default view's map, and carries that
 * view's shading key and the build's colours for it. The live map shades in those colours at once
 * when the page opens on that view (Dashboard.firstColours). A shared link that
 * opens another view (another dataset, period, measure or filter) would show the default's colours
 * as if they were the link's until the engine has worked out its own: so its districts go grey, its
 * legend goes, and its heading says what is being worked out (issue #27). Called as soon as the
 * link's view is known (+page.ts), long before the interactive map takes over.
 */
import { FIRST_PAINT_ID } from '$lib/firstpaint/index.js';
import { shadingKey, type ViewState } from '$lib/viewstate/index.js';

export const OTHER_VIEW_NOTE = 'the view in this link is being worked out: its colours come with the interactive map…';

/** Marks the first paint as not this view's, when it is not. */
export function sayFirstPaintView(view: ViewState, doc: Document = document): void {
	const paint = doc.getElementById(FIRST_PAINT_ID);
	if (!paint || paint.dataset.view === shadingKey(view)) return;
	paint.classList.add('fp-other');
	const head = paint.querySelector('.fp-head');
	const title = head?.querySelector('strong');
	head?.replaceChildren(...(title ? [title, ' · '] : []), OTHER_VIEW_NOTE);
}

/** The first paint's view (its shading key) and the build's colours for it (slug → colour), or null without one. */
export function firstPaintShading(doc: Document = document): { key: string; colours: Map<string, string> } | null {
	const paint = doc.getElementById(FIRST_PAINT_ID);
	if (!paint?.dataset.colours || !paint.dataset.view) return null;
	return { key: paint.dataset.view, colours: new Map(Object.entries(JSON.parse(paint.dataset.colours) as Record<string, string>)) };
}
