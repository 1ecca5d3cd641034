/** /district/<slug>/feed.xml: a district's newest incidents (src/lib/feed), written at build time. */
import type { EntryGenerator, RequestHandler } from './$types';
import { feedResponse, feedSlugs } from '../../../../data/feeds.js';

export const prerender = true;
export const entries: EntryGenerator = () => feedSlugs().map((slug) => ({ slug }));
export const GET: RequestHandler = ({ params }) => feedResponse(params.slug);
