import { expect, test, type Page } from '@playwright/test';
import { baseMap, expectedFor } from './expected.js';
import { checkShading, districtColour, openDashboard, project, waitForView } from './map-page.js';
import { defaultView, shadingKey, type ViewState } from '../../src/lib/viewstate/index.js';
import { hotspotClass } from '../../src/lib/hotspot/index.js';
import { formatCount, formatMetric } from '../../src/lib/format/index.js';
import { heldBreaks, typedBreaks } from '../../src/lib/classify/index.js';
import { districtMetrics } from '../../src/lib/aggregate/index.js';
import { shade } from '../../src/lib/shading/index.js';
import { sequentialLegend } from '../../src/lib/shading/sequential.js';
import { markedCount, unknownsOf } from '../../src/lib/tally/index.js';

const TTP = 'Tehrik-i-Taliban Pakistan (TTP)';
const base = defaultView('gtd-2008');

async function expectView(page: Page, view: ViewState, minClasses = 2) {
	await waitForView(page, shadingKey(view));
	const expected = expectedFor(view);
	await checkShading(page, expected, minClasses);
	await expect(page.getByTestId('summary')).toContainText(`${formatCount(expected.agg.rows)} of 567 incidents match`);
	return expected;
}

const row = (page: Page, slug: string) => page.getByTestId('ranking-table').locator(`tr[data-slug="${slug}"]`);

test('filters with live counts and chips re-shade the map and the table', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	await page.getByTestId('facet-actor').getByLabel(TTP).check();
	const view = { ...base, actor: [TTP] };
	const expected = await expectView(page, view);
	// Live counts: attack-type options now count TTP attacks only.
	const ttpBombings = expected.dataset.incidents.filter((i) => i.actor === TTP && i.eventType === 'Bombing/Explosion').length;
	await expect(page.getByTestId('facet-eventType').locator('label', { hasText: 'Bombing/Explosion' })).toContainText(String(ttpBombings));
	const peshawar = expected.bySlug.get('peshawar')!;
	await expect(row(page, 'peshawar').locator('[data-col="incidents"]')).toHaveText(formatCount(peshawar.totals.incidents));
	await expect(page.getByTestId('acc-rows')).toHaveText(String(expected.agg.rows));

	await page.getByTestId('facet-suicide').getByLabel('yes').check();
	await expectView(page, { ...view, suicide: 'yes' }, 1);
	await expect(page.getByTestId('chips')).toContainText(`Perpetrator: ${TTP}`);
	await expect(page.getByTestId('chips')).toContainText('Suicide: yes');
	await page.getByTestId('clear-filters').click();
	await expectView(page, base, 3);
	await expect(page.getByTestId('chips')).toHaveCount(0);
});

test('the ranking marks a toll some incidents do not give, never adds it as 0, and says what * means', async ({ page }) => {
	await openDashboard(page);
	const expected = await expectView(page, base, 3);
	// GTD 2008 gives no death toll for 3 incidents.
	const unknown = [...expected.bySlug.entries()].filter(([, d]) => d.totals.killedUnknown > 0);
	expect(unknown.length).toBeGreaterThan(0);
	for (const [slug, { totals }] of unknown)
		await expect(row(page, slug).locator('[data-col="killed"]')).toHaveText(
			totals.killedUnknown === totals.incidents ? 'unknown' : `${formatCount(totals.killed)}*`
		);
	const given = [...expected.bySlug.entries()].find(([, d]) => d.totals.incidents > 0 && d.totals.killedUnknown === 0)!;
	await expect(row(page, given[0]).locator('[data-col="killed"]')).toHaveText(formatCount(given[1].totals.killed));
	await expect(page.getByTestId('ranking-unknown')).toHaveText(
		"* The toll is not given for some of the district's incidents: the figure adds up those that give it."
	);
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

test('the time window and play step through the months', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	await page.getByTestId('window-from').selectOption({ label: 'Mar 2008' });
	await page.getByTestId('window-to').selectOption({ label: 'May 2008' });
	const spring = await expectView(page, { ...base, window: ['2008-03', '2008-05'] });
	await expect(page.getByTestId('window-label')).toHaveText(`Showing Mar 2008 – May 2008: ${spring.agg.rows} incidents`);

	await page.getByTestId('play').click();
	// Play starts at the window's first month and steps one month at a time (900 ms a step); on a
	// loaded machine the first reading may come a step or two late, so read where it is, then
	// see it move on to a later month.
	const label = page.getByTestId('window-label');
	await expect(label).toHaveText(/^Showing (Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov) 2008:/);
	const monthOf = (t: string | null) => MONTHS.indexOf(t!.match(/Showing (\w{3}) 2008/)![1]!);
	const first = monthOf(await label.textContent());
	await expect.poll(async () => monthOf(await label.textContent()), { timeout: 5000 }).toBeGreaterThan(first);
	await page.getByTestId('play').click(); // pause
	const shown = await page.getByTestId('window-label').textContent();
	const month = shown!.match(/Showing (\w+ 2008)/)![1]!;
	const iso = `2008-${String(MONTHS.indexOf(month.slice(0, 3)) + 1).padStart(2, '0')}`;
	const paused = await expectView(page, { ...base, window: [iso, iso] }, 1);
	await expect(page.getByTestId('window-label')).toHaveText(`Showing ${month}: ${paused.agg.rows} incidents`);
	await expect(page).toHaveURL(new RegExp(`window=${iso}\\.\\.${iso}`));
});

test('the monthly histogram reads out the month under the pointer, and a click picks that month', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	const histogram = page.getByTestId('histogram');
	const box = (await histogram.boundingBox())!;
	// GTD 2008 has twelve months: October is the tenth column.
	const october = { x: box.x + (9.5 / 12) * box.width, y: box.y + box.height - 2 };
	const expected = expectedFor({ ...base, window: ['2008-10', '2008-10'] });
	await page.mouse.move(october.x, october.y);
	await expect(page.getByTestId('histogram-month')).toHaveText(`Oct 2008: ${expected.agg.rows} incidents`);
	// Every month is a bar of its own, in the window's colour (the whole period) until one is picked.
	await expect(histogram.locator('path.on')).toHaveAttribute('d', /^(M[^M]+){12}$/);
	// A re-shade is a feature-state update: MapLibre lays no district tile out again.
	type Counted = Window & { districtTileLoads?: number };
	await page.evaluate(() => {
		const w = window as Counted;
		w.districtTileLoads = 0;
		w.__incidentMap!.on('sourcedata', (e) => e.sourceId === 'districts' && e.tile && w.districtTileLoads!++);
	});
	await page.mouse.click(october.x, october.y);
	await expectView(page, { ...base, window: ['2008-10', '2008-10'] }, 1);
	expect(await page.evaluate(() => (window as Counted).districtTileLoads)).toBe(0);
	await expect(page.getByTestId('window-label')).toHaveText(`Showing Oct 2008: ${expected.agg.rows} incidents`);
	await expect(histogram.locator('path.on')).toHaveAttribute('d', /^M91 [^M]+$/);
	await expect(histogram.locator('path.off')).toHaveAttribute('d', /^(M[^M]+){11}$/);
	await page.mouse.move(box.x + box.width / 2, box.y - 40);
	await expect(page.getByTestId('histogram-month')).toHaveCount(0);
});

test('comparing two halves shades the change on a diverging scale', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	await page.getByTestId('compare-toggle').check();
	const view: ViewState = { ...base, compare: { mode: 'difference', a: ['2008-01', '2008-06'], b: ['2008-07', '2008-12'] } };
	const expected = await expectView(page, view);
	await expect(page.getByTestId('legend')).toContainText('Change in incidents per 1,000 km² (B − A)');
	const notCompared = expected.change!.filter((c) => c === null).length;
	expect(notCompared).toBeGreaterThan(0);
	await expect(page.getByTestId('legend').locator('li[data-class="nodata"]')).toContainText(`(${notCompared})`);
	// A district not compared says why, with its own counts (the largest such district, to hover it).
	const [inA, inB] = [expectedFor({ ...base, window: view.compare!.a }), expectedFor({ ...base, window: view.compare!.b })];
	const slug = [...expected.bySlug.entries()].filter(([, d]) => d.change === null).sort((x, y) => y[1].sampleClearanceKm - x[1].sampleClearanceKm)[0]![0];
	const [a, b] = [inA.bySlug.get(slug)!.totals.incidents, inB.bySlug.get(slug)!.totals.incidents];
	const at = await project(page, expected.bySlug.get(slug)!.sampleAt);
	const box = (await page.getByTestId('map').boundingBox())!;
	await page.mouse.move(box.x + at.x, box.y + at.y);
	await expect(page.getByRole('tooltip')).toHaveText(
		`${expected.bySlug.get(slug)!.district.name}: not compared (${a + b} incident${a + b === 1 ? '' : 's'} in A and B together, fewer than 5)`
	);

	// A and B apart, not A + B: in the table, and in the card of the district with the largest change.
	const top = [...expected.bySlug.entries()].filter(([, d]) => d.change !== null).sort((x, y) => Math.abs(y[1].change!) - Math.abs(x[1].change!))[0]![0];
	const [pa, pb] = [inA.bySlug.get(top)!, inB.bySlug.get(top)!];
	await expect(row(page, top).locator('[data-col="a"]')).toHaveText(formatMetric(pa.value, true));
	await expect(row(page, top).locator('[data-col="b"]')).toHaveText(formatMetric(pb.value, true));
	await row(page, top).locator('button.name').click();
	const card = page.getByTestId('compare-card');
	await expect(card.locator('tr[data-period="A"]')).toHaveText(
		`A: Jan 2008 – Jun 2008${formatMetric(pa.value, true)}${formatCount(pa.totals.incidents)}${markedCount(pa.totals.killed, unknownsOf(pa.totals, 'killed'))}`
	);
	await expect(card.locator('tr[data-period="B"]')).toHaveText(
		`B: Jul 2008 – Dec 2008${formatMetric(pb.value, true)}${formatCount(pb.totals.incidents)}${markedCount(pb.totals.killed, unknownsOf(pb.totals, 'killed'))}`
	);
	const delta = expected.bySlug.get(top)!.change!;
	await expect(page.getByTestId('compare-change')).toHaveText(`Change (B − A): ${delta > 0 ? '+' : ''}${formatMetric(delta, true)}`);

	await page.getByTestId('compare-mode').selectOption('percent');
	await expectView(page, { ...view, compare: { ...view.compare!, mode: 'percent' } });
	await expect(page.getByTestId('legend')).toContainText('(%)');
});

test('Gi* on a comparison is of the change B − A, and refused on a % change with the reason', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	await page.getByTestId('compare-toggle').check();
	await page.getByTestId('hotspots-toggle').check();
	const view: ViewState = { ...base, hotspots: true, compare: { mode: 'difference', a: ['2008-01', '2008-06'], b: ['2008-07', '2008-12'] } };
	await waitForView(page, shadingKey(view));
	await expect(page.getByTestId('hotspot-of')).toContainText('Gi* of the change B − A in incidents per 1,000 km²');
	const onChange = [...expectedFor(view).bySlug.values()].filter((e) => hotspotClass(e.z) !== 0).sort((a, b) => b.z - a.z);
	const onWhole = [...expectedFor({ ...base, hotspots: true }).bySlug.values()].filter((e) => hotspotClass(e.z) !== 0);
	// The change has its own clusters: not those of the whole year.
	expect(onChange.map((e) => [e.district.slug, e.z.toFixed(2)])).not.toEqual(onWhole.sort((a, b) => b.z - a.z).map((e) => [e.district.slug, e.z.toFixed(2)]));
	const items = page.getByTestId('hotspot-list').locator('li');
	await expect(items).toHaveCount(onChange.length);
	for (const [i, e] of onChange.entries()) await expect(items.nth(i)).toContainText(`z ${e.z.toFixed(2)}`);

	await page.getByTestId('compare-mode').selectOption('percent');
	await expect(page.getByTestId('hotspot-refused')).toHaveText(
		'Gi* not computed: a % change has no figure for the districts not compared, and Gi* needs one for every district. Compare as B − A to find clusters of change.'
	);
	await expect(page.getByTestId('hotspot-list')).toHaveCount(0);
});

test('classification method, class count and colour scheme change the map and the legend', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	await page.getByTestId('class-method').selectOption('quantile');
	await page.getByTestId('class-count').selectOption('3');
	await page.getByTestId('scheme').selectOption('Purples');
	const view: ViewState = { ...base, classMethod: 'quantile', classCount: 3, scheme: 'Purples' };
	const expected = await expectView(page, view);
	const legend = page.getByTestId('legend');
	for (let i = 0; i < expected.breaks.counts.length; i++) {
		await expect(legend.locator(`li[data-class="${i}"]`)).toContainText(`(${expected.breaks.counts[i]})`);
	}
	await expect(legend).toContainText('Quantiles');
});

test('classes typed by hand shade the map, hold in the legend, and are kept in the link', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	const input = page.getByTestId('typed-breaks');
	await input.fill('5, 1');
	await input.press('Enter');
	await expect(page.getByTestId('breaks-error')).toHaveText('1 does not come after 5: breaks go up');
	await input.fill('1, 5, 10');
	await input.press('Enter');
	const view: ViewState = { ...base, breaks: [1, 5, 10] };
	await waitForView(page, shadingKey(view));
	const { values } = districtMetrics(baseMap.districts, expectedFor(base).agg, 'incidents', 'area');
	const fixed = typedBreaks([1, 5, 10], values);
	const legend = page.getByTestId('legend');
	await expect(legend).toContainText('Classes fixed by hand at 1.00, 5.00, 10.00');
	for (let i = 0; i < 4; i++) await expect(legend.locator(`li[data-class="${i}"]`)).toContainText(`(${fixed.counts[i]})`);
	// Every district coloured as shade() colours these classes.
	const shaded = shade({
		mode: 'sequential',
		districts: baseMap.districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name })),
		values,
		breaks: fixed,
		scheme: 'YlOrRd',
		method: 'natural',
		unit: 'incidents per 1,000 km²',
		fractional: true,
		typed: [1, 5, 10]
	});
	for (const d of baseMap.districts) expect(await districtColour(page, d.properties.slug)).toBe(shaded.colours.get(d.properties.slug));
	const top = baseMap.districts[values.indexOf(Math.max(...values))]!.properties.slug;
	expect(shaded.colours.get(top)).toBe(shaded.legend.find((l) => l.key === '3')!.colour);
	await expect(page).toHaveURL(/breaks=1%2C5%2C10/);
	await expect(page.getByTestId('class-method')).toBeDisabled();
	await page.reload();
	await waitForView(page, shadingKey(view));
	await expect(legend).toContainText('Classes fixed by hand at 1.00, 5.00, 10.00');
	await expect(page.getByTestId('typed-breaks')).toHaveValue('1, 5, 10');
	// Emptied: back to the method's classes.
	await page.getByTestId('typed-breaks').fill('');
	await page.getByTestId('typed-breaks').press('Enter');
	await waitForView(page, shadingKey(base));
	await expect(legend).not.toContainText('fixed by hand');
});

test('Gi* hot and cold spots are listed as the analytic core finds them', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	await page.getByTestId('hotspots-toggle').check();
	const expected = expectedFor({ ...base, hotspots: true });
	const significant = [...expected.bySlug.values()].filter((e) => hotspotClass(e.z) !== 0).sort((a, b) => b.z - a.z);
	expect(significant.length).toBeGreaterThan(0);
	const items = page.getByTestId('hotspot-list').locator('li');
	await expect(items).toHaveCount(significant.length);
	for (const [i, e] of significant.entries()) {
		await expect(items.nth(i)).toHaveAttribute('data-slug', e.district.slug);
		await expect(items.nth(i)).toContainText(`z ${e.z.toFixed(2)}`);
	}
	await expect(row(page, significant[0]!.district.slug).locator('[data-col="z"]')).toHaveText(significant[0]!.z.toFixed(2));
	const level = await page.evaluate((slug) => window.__incidentMap!.getFeatureState({ source: 'districts', id: slug }).gi, significant[0]!.district.slug);
	expect(level).toBe(hotspotClass(significant[0]!.z));
});

test('the ranking table sorts, and hover and click stay in sync with the map', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	const expected = expectedFor(base);
	await page.getByTestId('sort-killed').click();
	const top = [...expected.bySlug.values()].sort((a, b) => b.totals.killed - a.totals.killed || a.district.name.localeCompare(b.district.name))[0]!;
	await expect(page.getByTestId('ranking-table').locator('tbody tr').first()).toHaveAttribute('data-slug', top.district.slug);

	await row(page, 'quetta').hover();
	await expect.poll(() => page.evaluate(() => window.__incidentMap!.getFeatureState({ source: 'districts', id: 'quetta' }).hover)).toBe(true);
	await row(page, 'quetta').click();
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'quetta');
	await page.keyboard.press('Escape');
	// Hovering the map highlights the row.
	const chaghi = expected.bySlug.get('chagai')!;
	const at = await page.evaluate((ll) => window.__incidentMap!.project(ll), chaghi.sampleAt);
	const box = (await page.getByTestId('map').boundingBox())!;
	await page.mouse.move(box.x + at.x, box.y + at.y);
	await expect(row(page, 'chagai')).toHaveClass(/hovered/);
});

test('the view lives in the URL: reload restores it, back and forward step through it', async ({ page }) => {
	await openDashboard(page);
	await waitForView(page, shadingKey(base));
	await page.getByTestId('facet-actor').getByLabel(TTP).check();
	await page.getByTestId('window-from').selectOption({ label: 'Jul 2008' });
	await page.getByRole('radio', { name: 'killed' }).check();
	const view: ViewState = { ...base, actor: [TTP], window: ['2008-07', '2008-12'], metric: 'killed' };
	await waitForView(page, shadingKey(view));
	await page.getByTestId('hotspots-toggle').check();
	await page.getByTestId('district-select').selectOption('swat');
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'swat');
	const swat = expectedFor(view).bySlug.get('swat')!;
	await expect(page.getByTestId('panel-incidents')).toHaveText(formatCount(swat.totals.incidents));

	await page.reload();
	await expectView(page, view);
	await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'swat');
	await expect(page.getByTestId('panel-incidents')).toHaveText(formatCount(swat.totals.incidents));
	await expect(page.getByTestId('chips')).toContainText(`Perpetrator: ${TTP}`);
	await expect(page.getByTestId('hotspots-toggle')).toBeChecked();

	await page.goBack(); // before choosing Swat
	await expect(page.getByTestId('district-panel')).toHaveCount(0);
	await page.goBack(); // before the hotspots
	await expect(page.getByTestId('hotspots-toggle')).not.toBeChecked();
	await page.goBack(); // before "killed"
	await expectView(page, { ...view, metric: 'incidents' });
	await page.goForward();
	await expectView(page, view);
});

for (const metric of ['incidents', 'killed'] as const) {
	test(`play holds the classes of ${metric} still: the legend’s ranges are the same in every frame, those of the whole play`, async ({ page }) => {
		const view = { ...base, metric };
		await openDashboard(page, metric === 'incidents' ? '' : `metric=${metric}`);
		await waitForView(page, shadingKey(view));
		// Every value play will show (GTD 2008, one month a step), pooled, classed once.
		const months = Array.from({ length: 12 }, (_, m) => `2008-${String(m + 1).padStart(2, '0')}`);
		const pool = months.flatMap((m) => [...expectedFor({ ...view, window: [m, m] }).bySlug.values()].map((d) => d.value));
		const held = heldBreaks(pool, pool, { method: view.classMethod, count: view.classCount });
		const ranges = sequentialLegend(held, view.scheme, (v) => formatMetric(v, true)).map((l) => l.label);
		const legend = page.getByTestId('legend');
		const label = page.getByTestId('window-label');
		await page.getByTestId('play').click();
		const frames = new Set<string>();
		for (let k = 0; k < 3; k++) {
			const before = await label.textContent();
			await expect(label).not.toHaveText(before!, { timeout: 5000 });
			frames.add((await label.textContent())!);
			await expect(legend.locator('li[data-class] .range')).toHaveText(ranges);
			await expect(legend).toContainText('classes fixed over Jan 2008 – Dec 2008');
		}
		await page.getByTestId('play').click(); // pause
		expect(frames.size).toBe(3);
	});
}
