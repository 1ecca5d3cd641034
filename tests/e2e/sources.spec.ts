/**
 * Where two sources disagree: GTD 2008 against UCDP GED 2008 on the map (the difference's colours),
 * in the panel (counts, matched events, Spearman, the districts ranked most differently), in the
 * CSV and in the link, against the same core run in Node on the committed data.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { districtColour, openDashboard, waitForView } from './map-page.js';
import { baseMap } from './expected.js';
import { defaultView, shadingKey } from '../../src/lib/viewstate/index.js';
import { assignIncidents } from '../../src/lib/aggregate/index.js';
import { divergingBounds } from '../../src/lib/compare/index.js';
import { checkedEvents, commonSpans, crossCheck } from '../../src/lib/crosscheck/index.js';
import { shade } from '../../src/lib/shading/index.js';
import { committedDataset } from '../unit/sources.js';

function expected(idA: string, idB: string) {
	const { districts } = baseMap;
	const [a, b] = [idA, idB].map((id) => committedDataset(id));
	const spans = commonSpans(a!.info, b!.info);
	const [ea, eb] = [a!, b!].map((ds) => checkedEvents(ds.incidents, assignIncidents(ds.incidents, districts), spans));
	const check = crossCheck(ea!, eb!, districts.length);
	const change = check.districts.map((d) => d.difference);
	const shaded = districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name }));
	const shading = shade({
		mode: 'diverging',
		districts: shaded,
		change,
		bounds: divergingBounds(change, 3),
		compare: 'difference',
		unit: 'incidents',
		fractional: false
	});
	return { check, shading, slugs: shaded.map((d) => d.slug), names: shaded.map((d) => d.name), a: a!.info, b: b!.info };
}

test('GTD 2008 against UCDP GED 2008: the difference map, the panel, the CSV and the link', async ({ page }) => {
	test.setTimeout(120_000);
	const e = expected('gtd-2008', 'ucdp');
	await openDashboard(page, '?dataset=gtd-2008&versus=ucdp');
	await waitForView(page, shadingKey({ ...defaultView('gtd-2008'), versus: 'ucdp' }));
	const legend = page.getByTestId('legend');
	await expect(legend).toContainText(`${e.b.name} − ${e.a.name}: incidents, Jan 2008 – Dec 2008`);
	for (const [k, slug] of e.slugs.entries()) {
		if (k % 5 !== 0 && e.check.districts[k]!.difference === 0) continue;
		expect(await districtColour(page, slug), slug).toBe(e.shading.colours.get(slug));
	}
	const panel = page.getByTestId('sources');
	await expect(panel.getByTestId('sources-months')).toContainText('over the months both cover: Jan 2008 – Dec 2008');
	const t = e.check.totals;
	await expect(panel.getByTestId('sources-totals')).toContainText(`${e.a.name}: ${t.a} incidents, ${t.pairs} matched (${Math.round(t.shareA! * 100)} %)`);
	await expect(panel.getByTestId('sources-totals')).toContainText(`${e.b.name}: ${t.b} incidents, ${t.pairs} matched (${Math.round(t.shareB! * 100)} %)`);
	await expect(panel.getByTestId('sources-spearman')).toContainText(e.check.spearman!.toFixed(2));
	const first = e.check.disagree[0]!;
	await expect(panel.getByTestId('sources-disagree').locator('li').first()).toContainText(`${e.names[first.district]} ${first.rankA} → ${first.rankB}`);
	const peshawar = e.slugs.indexOf('peshawar');
	const p = e.check.districts[peshawar]!;
	await expect(panel.locator('tr[data-slug="peshawar"] td')).toHaveText([
		String(p.a),
		String(p.b),
		`${p.difference > 0 ? '+' : ''}${p.difference}`,
		/%$/,
		/%$/
	]);
	await expect(panel.getByTestId('sources-unmatched').locator('summary')).toHaveText(
		`Unmatched events: ${e.check.unmatchedA.length} of ${e.a.name}, ${e.check.unmatchedB.length} of ${e.b.name}`
	);
	// The ranking table sets A and B apart.
	await expect(page.locator('[data-testid="ranking-table"] tr[data-slug="peshawar"] [data-col="a"]')).toHaveText(String(p.a));
	// The districts CSV: one row per district, Peshawar's counts as above.
	const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('sources-csv-districts').click()]);
	const csv = readFileSync((await download.path())!, 'utf8')
		.trim()
		.split('\r\n');
	expect(csv).toHaveLength(e.slugs.length + 1);
	expect(csv.find((l) => l.startsWith('peshawar,'))).toContain(`,${p.a},${p.b},${p.difference},${p.matchedA},${p.matchedB},`);
	// Two datasets with no month in common are refused, in words, and the link keeps the choice.
	await panel.getByTestId('sources-versus').selectOption('gtd-2015-bombings');
	await expect(panel.getByTestId('sources-refused')).toHaveText(/cover no month in common/);
	await expect(page).toHaveURL(/versus=gtd-2015-bombings/);
	await panel.getByTestId('sources-versus').selectOption('');
	await waitForView(page, shadingKey(defaultView('gtd-2008')));
	await expect(page).not.toHaveURL(/versus=/);
});

test('GTD 2015 bombings against UCDP 2015: the scopes differ, and the panel says so', async ({ page }) => {
	await openDashboard(page, '?dataset=gtd-2015-bombings&versus=ucdp');
	await waitForView(page, shadingKey({ ...defaultView('gtd-2015-bombings'), versus: 'ucdp' }));
	await expect(page.getByTestId('sources-scopes')).toContainText('Bombing/Explosion only');
	await expect(page.getByTestId('sources-scopes')).toContainText('at least one death');
});
