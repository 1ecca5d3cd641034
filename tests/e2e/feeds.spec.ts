/**
 * The Atom feeds: every one parsed by the browser's own XML parser, its entries those the core
 * picks (newestEvents over the newest bundled dataset, joined as the map joins), linked from the pages.
 */
import { expect, test } from '@playwright/test';
import { baseMap } from './expected.js';
import { committedDataset, committedManifest } from '../unit/sources.js';
import { assignIncidents } from '../../src/lib/aggregate/index.js';
import { feedId, newestDataset, newestEvents } from '../../src/lib/feed/index.js';

const newest = newestDataset(committedManifest().datasets.map((d) => committedDataset(d.id)))!;
const assignment = assignIncidents(newest.incidents, baseMap.districts);
const ATOM = 'http://www.w3.org/2005/Atom';

/** Fetches a feed and reads it with DOMParser (application/xml): a parse error, entries' ids and links, the feed's own fields. */
async function readFeed(page: import('@playwright/test').Page, path: string) {
	return page.evaluate(
		async ({ path, ns }) => {
			const response = await fetch(path);
			const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
			const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
			const child = (el: Element, name: string) => el.getElementsByTagNameNS(ns, name)[0]?.textContent ?? null;
			const root = doc.documentElement;
			return {
				status: response.status,
				type: response.headers.get('content-type'),
				error,
				root: `${root.namespaceURI} ${root.localName}`,
				title: child(root, 'title'),
				updated: child(root, 'updated'),
				entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
					id: child(e, 'id'),
					updated: child(e, 'updated'),
					title: child(e, 'title'),
					link: new URL(e.getElementsByTagNameNS(ns, 'link')[0]!.getAttribute('href')!, response.url).pathname
				}))
			};
		},
		{ path, ns: ATOM }
	);
}

test('every district’s feed and the provinces’ feed parse as Atom, with the core’s newest entries', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/district/peshawar/');
	const feeds = [
		{ path: '/feed.xml', slug: null as string | null },
		...baseMap.districts.map((d) => ({ path: `/district/${d.properties.slug}/feed.xml`, slug: d.properties.slug }))
	];
	let entries = 0;
	for (const { path, slug } of feeds) {
		const feed = await readFeed(page, path);
		expect(feed.error, path).toBeNull();
		expect(feed.status, path).toBe(200);
		expect(feed.root, path).toBe(`${ATOM} feed`);
		const expected = newestEvents(newest, baseMap.districts, assignment, slug);
		expect(
			feed.entries.map((e) => e.id),
			path
		).toEqual(expected.map((e) => feedId(`${newest.info.id}/${e.incident.id}`)));
		expect(
			feed.entries.map((e) => e.link),
			path
		).toEqual(expected.map((e) => `/district/${e.district.slug}/`));
		expect(
			feed.entries.every((e) => /^\d{4}-\d\d-\d\dT00:00:00Z$/.test(e.updated!)),
			path
		).toBe(true);
		if (expected.length) expect(feed.updated, path).toBe(`${expected[0]!.incident.date}T00:00:00Z`);
		entries += feed.entries.length;
	}
	// The two provinces' feed is full; most districts have something to say.
	expect((await readFeed(page, '/feed.xml')).entries).toHaveLength(50);
	expect(entries).toBeGreaterThan(50 * 20);
});

test('the district page and the map name their feeds in the head, and the page links its own', async ({ page }) => {
	await page.goto('/district/bannu/');
	const alternates = await page
		.locator('link[rel="alternate"][type="application/atom+xml"]')
		.evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
	expect(alternates.map((h) => new URL(h).pathname).sort()).toEqual(['/district/bannu/feed.xml', '/feed.xml']);
	await expect(page.getByTestId('feed-link')).toContainText(`Atom feed of its newest 50 incidents in ${newest.info.name}`);
	const feed = await readFeed(page, new URL((await page.getByTestId('feed-link').getByRole('link').getAttribute('href'))!, page.url()).pathname);
	expect(feed.title).toBe(`Bannu district: the newest incidents (${newest.info.name})`);
	await page.goto('/?dataset=gtd-2008');
	await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /(^|\/)feed\.xml$/);
});
