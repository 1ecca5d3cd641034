/** /feed.xml: the newest incidents in Khyber Pakhtunkhwa and Balochistan (src/lib/feed), written at build time. */
import { feedResponse } from '../../data/feeds.js';

export const prerender = true;
export const GET = () => feedResponse(null);
