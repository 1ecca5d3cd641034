/**
 * The first paint: the default view's choropleth as static HTML + inline SVG, written into the
 * prerendered index page at build time, so a reader sees the shaded districts, the border and the
 * legend before any JavaScript, MapLibre or WebGL has arrived. The colours and classes come from
 * the same core as the interactive map (aggregate → districtMetrics → shade). Pure: a
 * string out; the page removes it once the interactive map has drawn.
 */
import { aggregate, assignIncidents, districtMetrics } from '../aggregate/index.js';
import { toColumns } from '../columns/index.js';
import { metricUnit } from '../format/index.js';
import type { BaseMap } from '../geodata/index.js';
import type { IncidentDataset } from '../incident/index.js';
import { focusFrame, linePath, polygonPath } from '../svgmap/index.js';
import { defaultView, shadingKey, viewFilter } from '../viewstate/index.js';
import { defaultWindow, periodLabel } from '../coverage/index.js';
import { shade } from '../shading/index.js';

export const FIRST_PAINT_ID = 'first-paint';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The colour of each district in the default view of a dataset (slug → colour), and its legend. */
export function defaultShading(base: BaseMap, dataset: IncidentDataset) {
	// The view the page opens on: a series on its newest release's months (January 2026).
	const view = defaultView(dataset.info.id, defaultWindow(dataset.info));
	const agg = aggregate(toColumns(dataset.incidents), assignIncidents(dataset.incidents, base.districts), base.districts.length, viewFilter(view));
	const { values, breaks } = districtMetrics(base.districts, agg, view.metric, view.per, { method: view.classMethod, count: view.classCount });
	const unit = metricUnit(view.metric, view.per);
	const districts = base.districts.map((d) => ({ slug: d.properties.slug, name: d.properties.name }));
	const shading = shade({
		mode: 'sequential',
		districts,
		values,
		breaks,
		scheme: view.scheme,
		method: view.classMethod,
		unit,
		fractional: view.per !== 'count'
	});
	return { view, colours: shading.colours, legend: shading.legend, title: shading.title };
}

export function firstPaintHtml(base: BaseMap, dataset: IncidentDataset): string {
	const { colours, legend, title, view } = defaultShading(base, dataset);
	const { focus, frame } = focusFrame(base.provinces, 600, 8);
	const context = focus.map((p) => `<path d="${polygonPath(p.geometry, frame, 1.5)}" fill="#e8e4dc"/>`).join('');
	const districts = base.districts.map((d) => `<path d="${polygonPath(d.geometry, frame, 1.2)}" fill="${colours.get(d.properties.slug)}"/>`).join('');
	const border = `<path d="${linePath(base.border.geometry, frame, 1)}" fill="none" stroke="#3b0764" stroke-width="2" stroke-dasharray="6 3"/>`;
	const items = legend.map((l) => `<li><i style="background:${l.colour}"></i>${escapeHtml(l.label)} (${l.count})</li>`).join('');
	const links = [...base.districts]
		.sort((a, b) => a.properties.name.localeCompare(b.properties.name))
		.map((d) => `<a href="district/${d.properties.slug}/">${escapeHtml(d.properties.name)}</a>`)
		.join(', ');
	// data-view says which view these colours are; a link to another one greys them (src/data/first-paint).
	return `<div id="${FIRST_PAINT_ID}" aria-hidden="true" data-view="${escapeHtml(shadingKey(view))}" data-colours="${escapeHtml(JSON.stringify(Object.fromEntries(colours)))}">
<p class="fp-head"><strong>Attacks in Khyber Pakhtunkhwa &amp; Balochistan</strong> · ${escapeHtml(periodLabel(dataset.info, view.window))} · loading the interactive map…</p>
<svg viewBox="0 0 ${frame.width} ${frame.height}" preserveAspectRatio="xMidYMid meet"><g stroke="#fff" stroke-width="0.6">${context}<g class="fp-d">${districts}</g></g>${border}</svg>
<div class="fp-legend"><b>${escapeHtml(title)}</b><ul>${items}</ul><span class="fp-border">- - Afghanistan–Pakistan border</span></div>
<noscript><p class="fp-districts">The interactive map needs JavaScript. Every district has its own page: ${links}.</p></noscript>
</div>
<style>
#${FIRST_PAINT_ID}{position:fixed;inset:0;z-index:50;background:#f3f1ec;display:flex;flex-direction:column;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f1f1f}
#${FIRST_PAINT_ID} .fp-head{margin:0;padding:8px 14px;font-size:13px;background:#fbfaf7;border-bottom:1px solid #ddd}
#${FIRST_PAINT_ID} svg{flex:1;min-height:0;width:100%}
#${FIRST_PAINT_ID} .fp-legend{position:absolute;right:10px;bottom:10px;background:rgba(255,255,255,.92);padding:6px 10px;border-radius:6px;font-size:12px}
#${FIRST_PAINT_ID} ul{list-style:none;margin:4px 0;padding:0}
#${FIRST_PAINT_ID} i{display:inline-block;width:14px;height:10px;margin-right:6px}
#${FIRST_PAINT_ID} .fp-border{color:#3b0764}
#${FIRST_PAINT_ID}.fp-other .fp-d path{fill:#dcd8cf}
#${FIRST_PAINT_ID}.fp-other .fp-legend b,#${FIRST_PAINT_ID}.fp-other .fp-legend ul{display:none}
#${FIRST_PAINT_ID} .fp-districts{position:absolute;left:10px;bottom:10px;max-width:min(32rem,60vw);max-height:40vh;overflow:auto;margin:0;padding:6px 10px;background:rgba(255,255,255,.92);font-size:12px;line-height:1.6}
</style>`;
}
