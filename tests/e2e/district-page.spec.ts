/** Prerendered district pages: one per district, readable without JavaScript, figures from the core. */
import { expect, test } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { baseMap } from './expected.js';
import { openDashboard, waitForView } from './map-page.js';
import { committedCensus, committedDataset, committedManifest, projectRoot } from '../unit/sources.js';
import { districtReports, shareSummary } from '../../src/lib/report/index.js';
import { formatCount, formatMetric } from '../../src/lib/format/index.js';

// Every bundled dataset, in the manifest's order (the UCDP series first), as the pages are built.
const reports = districtReports(
	baseMap.districts,
	committedManifest().datasets.map((d) => committedDataset(d.id)),
	committedCensus().districts
);
const bySlug = new Map(reports.map((r) => [r.district.slug, r]));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

test('the built site has a page for every district, with an SVG map, link-preview tags and the core’s figures', async ({ page }) => {
	await page.goto('/'); // the web server has built the site by now
	for (const r of reports) {
		const file = join(projectRoot, 'build/district', r.district.slug, 'index.html');
		expect(existsSync(file), file).toBe(true);
		const html = readFileSync(file, 'utf8');
		expect(html, r.district.slug).toContain('<svg');
		expect(html).toContain(`<meta property="og:title" content="${escape(`${r.district.name} district: incidents, casualties and census figures`)}"`);
		expect(html).toContain(`<meta property="og:description" content="${escape(shareSummary(r, formatCount))}"`);
		for (const f of r.datasets) {
			expect(html, `${r.district.slug} ${f.info.id}`).toMatch(
				new RegExp(`data-testid="dataset-${f.info.id}"[\\s\\S]*?data-testid="incidents"[^>]*>${formatCount(f.totals.incidents)}<`)
			);
			// A series carries its emerging hot-spot category over its covered years (src/lib/emerging).
			if (f.emerging) expect(html, `${r.district.slug} emerging`).toContain(escape(`Emerging hot spots: ${f.emerging.category}`));
		}
		expect(r.datasets[0]!.emerging, r.district.slug).not.toBeNull();
		// Reads fully without JavaScript: its one script registers the offline copy (static/register-sw.js).
		expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="../../register-sw.js" defer="">']);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a district page reads in full: figures, trend, largest incidents, census, neighbours', async ({ page }) => {
		await page.goto('/district/peshawar/');
		const r = bySlug.get('peshawar')!;
		const f = r.datasets.find((d) => d.info.id === 'gtd-2008')!;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peshawar');
		await expect(page).toHaveTitle(/^Peshawar district: incidents, casualties and census figures/);
		const section = page.getByTestId('dataset-gtd-2008');
		await expect(section.getByTestId('incidents')).toHaveText(formatCount(f.totals.incidents));
		await expect(section.getByTestId('killed')).toContainText(formatCount(f.totals.killed));
		await expect(section.getByTestId('per-area')).toContainText(formatMetric(f.perThousandKm2, true));
		await expect(section.getByTestId('per-people')).toContainText(formatMetric(f.perHundredThousandPeople, true));
		await expect(section.getByTestId('per-area')).toContainText(`rank ${f.rankPerArea} of 69`);
		await expect(section.getByTestId('largest').locator('li')).toHaveCount(f.largest.length);
		await expect(section.getByTestId('largest')).toContainText(f.largest[0]!.place!);
		// The UCDP series: a row per year 1989–2021 and 2026, 2022–2025 one gap, no wounded figure, sources in full.
		const u = r.datasets.find((d) => d.info.id === 'ucdp')!;
		const ucdp = page.getByTestId('dataset-ucdp');
		await expect(ucdp.getByTestId('wounded')).toHaveText('not recorded by UCDP');
		await expect(ucdp.getByTestId('years').locator('tbody tr[data-year]')).toHaveCount(34);
		await expect(ucdp.getByTestId('year-gap')).toHaveText(/2022–2025\s*not covered/);
		await expect(ucdp.getByTestId('years').locator('tr[data-year="2026"]')).toContainText('(preliminary)');
		await expect(ucdp.getByTestId('incidents')).toHaveText(formatCount(u.totals.incidents));
		await expect(ucdp.getByTestId('largest')).toContainText(u.largest[0]!.source!.slice(0, 40));
		await expect(page.getByTestId('census-population')).toHaveText(formatCount(r.census!.population));
		await expect(page.getByTestId('neighbours').locator('a')).toHaveText(r.neighbours.map((n) => n.name));
		await page.getByTestId('neighbours').getByRole('link', { name: 'Khyber' }).click();
		await expect(page).toHaveURL(/\/district\/khyber\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Khyber');
	});

	test('an old slug’s page says where the district went and redirects', async ({ page }) => {
		await page.goto('/district/chitral/');
		await expect(page).toHaveURL(/\/district\/upper-chitral\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Upper Chitral');
		const html = readFileSync(join(projectRoot, 'build/district/chitral/index.html'), 'utf8');
		expect(html).toContain('Chitral was split into Upper Chitral and Lower Chitral in 2018.');
		expect(html).toContain('href="../lower-chitral/"');
	});
});

test('the map links to the district page, and the page links back with the district selected', async ({ page }) => {
	await openDashboard(page, '?district=chaman');
	await waitForView(page, 'gtd-2008|incidents|area');
	await page.getByTestId('district-page-link').click();
	await expect(page).toHaveURL(/\/district\/chaman\/$/);
	await expect(page.getByTestId('summary')).toHaveText(shareSummary(bySlug.get('chaman')!, formatCount));
	await page.getByTestId('open-in-map').click();
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'chaman');
});

test.describe('on phones', () => {
	for (const width of [320, 390]) {
		test.describe(`${width} px`, () => {
			test.use({ viewport: { width, height: 740 } });
			test('no district page and no old slug’s page scrolls sideways', async ({ page }) => {
				test.setTimeout(120_000);
				const slugs = [...bySlug.keys(), 'kohistan', 'peshawr'];
				const tooWide: string[] = [];
				for (const slug of slugs) {
					await page.goto(`/district/${slug}/`);
					await page.waitForLoadState('load');
					await expect(page.locator('main')).toBeVisible();
					const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
					if (scrollWidth !== width) tooWide.push(`${slug} ${scrollWidth} px`);
				}
				expect(tooWide).toEqual([]);
			});
		});
	}
});

test.describe('a page that does not exist', () => {
	test('a mistyped slug: the 404 page links to the district meant, and the link opens it', async ({ page }) => {
		const response = await page.goto('/district/peshawr/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByTestId('not-found-path')).toHaveText(/^\/district\/peshawr\/?$/);
		const meant = page.getByTestId('not-found-suggestion').getByRole('link');
		await expect(meant).toHaveText('Peshawar');
		// Every district of the layout is a link too, province by province.
		await expect(page.getByTestId('not-found').locator('li a')).toHaveCount(bySlug.size);
		await meant.click();
		await expect(page).toHaveURL(/\/district\/peshawar\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peshawar');
	});

	test('an old slug mistyped is offered as the old slug, whose page says where it went', async ({ page }) => {
		await page.goto('/district/kohistn/');
		await expect(page.getByTestId('not-found-suggestion')).toContainText('Did you mean Kohistan (a district of the earlier layout');
		await page.getByTestId('not-found-suggestion').getByRole('link').click();
		await expect(page).toHaveURL(/\/district\/upper-kohistan\/$/);
	});

	test('served as a static host serves it (build/404.html), and with nothing near, no guess', async ({ page }) => {
		// A static host answers every missing path with 404.html: the page finds what was meant itself.
		const notFound = readFileSync(join(projectRoot, 'build/404.html'), 'utf8');
		await page.route(/\/(district\/dera-bugi\/|lahore)$/, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: notFound }));
		await page.goto('/district/dera-bugi/');
		await expect(page.getByTestId('not-found-suggestion').getByRole('link')).toHaveText('Dera Bugti');
		await expect(page.getByTestId('not-found-suggestion').getByRole('link')).toHaveAttribute('href', '/district/dera-bugti/');
		await page.goto('/lahore');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByTestId('not-found-suggestion')).toHaveCount(0);
	});
});
