/**
 * A map picture for a report: the map canvas with the legend and a stamp (data source, date
 * range, filters, the site or route) drawn on it, as a PNG.
 */
import type { LegendItem } from '$lib/shading/index.js';
import { scaleBar, type MapView } from '$lib/planreport/index.js';
import type { Bounds } from '$lib/frame/index.js';

export interface ReportStamp {
	title: string;
	legendTitle: string;
	legend: LegendItem[];
	/** Lines under the map: source, dates, filters, what was checked. */
	lines: string[];
	/** A report framed on its place (src/lib/planreport): its view, a locator inset, and a table (a route's segments). */
	framed?: { view: MapView; locator: { rings: [number, number][][]; region: Bounds }; table: string[][] | null };
}

type Ctx = CanvasRenderingContext2D;

/** A north arrow: the report's map is drawn with north up (bearing 0). */
function northArrow(ctx: Ctx, x: number, y: number, u: number) {
	ctx.fillStyle = 'rgba(255,255,255,0.9)';
	ctx.fillRect(x - 14 * u, y - 4 * u, 28 * u, 40 * u);
	ctx.fillStyle = '#111';
	ctx.beginPath();
	ctx.moveTo(x, y);
	ctx.lineTo(x + 8 * u, y + 20 * u);
	ctx.lineTo(x, y + 15 * u);
	ctx.lineTo(x - 8 * u, y + 20 * u);
	ctx.closePath();
	ctx.fill();
	ctx.font = `600 ${11 * u}px system-ui, sans-serif`;
	ctx.textAlign = 'center';
	ctx.fillText('N', x, y + 33 * u);
	ctx.textAlign = 'start';
}

function scaleBarAt(ctx: Ctx, view: MapView, x: number, y: number, u: number) {
	const bar = scaleBar(view, 120);
	ctx.fillStyle = 'rgba(255,255,255,0.9)';
	ctx.fillRect(x - 6 * u, y - 18 * u, bar.px * u + 12 * u + 50 * u, 26 * u);
	ctx.fillStyle = '#111';
	ctx.fillRect(x, y - 4 * u, bar.px * u, 4 * u);
	ctx.fillRect(x, y - 10 * u, 1.5 * u, 10 * u);
	ctx.fillRect(x + bar.px * u - 1.5 * u, y - 10 * u, 1.5 * u, 10 * u);
	ctx.font = `${11 * u}px system-ui, sans-serif`;
	ctx.fillText(bar.label, x + bar.px * u + 6 * u, y);
}

/** The two provinces in a small box, with the report's extent as a red rectangle on them. */
function locator(ctx: Ctx, { rings, region }: { rings: [number, number][][]; region: Bounds }, extent: Bounds, x: number, y: number, size: number) {
	const [w, s, e, n] = region;
	const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
	const f = Math.min(size / ((e - w) * k), size / (n - s));
	const px = (lon: number) => x + (lon - w) * k * f;
	const py = (lat: number) => y + (n - lat) * f;
	ctx.fillStyle = 'rgba(255,255,255,0.92)';
	ctx.fillRect(x - 6, y - 6, size + 12, size + 12);
	ctx.strokeStyle = '#8a8a8a';
	ctx.lineWidth = 1;
	for (const ring of rings) {
		ctx.beginPath();
		ring.forEach(([lon, lat], i) => (i ? ctx.lineTo(px(lon), py(lat)) : ctx.moveTo(px(lon), py(lat))));
		ctx.stroke();
	}
	const [x0, y0, x1, y1] = [px(extent[0]), py(extent[3]), px(extent[2]), py(extent[1])];
	ctx.strokeStyle = '#c00000';
	ctx.lineWidth = 2;
	// A frame smaller than a few pixels is drawn as a marked point.
	ctx.strokeRect(x0, y0, Math.max(4, x1 - x0), Math.max(4, y1 - y0));
}

/** A table's rows at the columns' widths; returns the height used. */
function table(ctx: Ctx, rows: string[][], x: number, y: number, u: number, rowH: number): number {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => ctx.measureText(r[c] ?? '').width)) + 14 * u);
	rows.forEach((r, i) => {
		ctx.font = `${i === 0 ? '600 ' : ''}${12 * u}px system-ui, sans-serif`;
		let cx = x;
		r.forEach((cell, c) => {
			ctx.fillText(cell, cx, y + (i + 0.8) * rowH);
			cx += widths[c]!;
		});
	});
	return rows.length * rowH;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
	const words = text.split(' ');
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		const next = line ? `${line} ${w}` : w;
		if (ctx.measureText(next).width > width && line) {
			lines.push(line);
			line = w;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

export async function composeReportPng(map: HTMLCanvasElement, stamp: ReportStamp): Promise<Blob> {
	// The copied map canvas is detached (no CSS size): its pixels are CSS pixels × devicePixelRatio.
	const scale = globalThis.devicePixelRatio || 1;
	const pad = 16 * scale;
	const font = (px: number, bold = false) => `${bold ? '600 ' : ''}${px * scale}px system-ui, sans-serif`;
	const out = document.createElement('canvas');
	const measure = out.getContext('2d')!;
	measure.font = font(12);
	const footer = stamp.lines.flatMap((l) => wrap(measure, l, map.width - 2 * pad));
	const header = 34 * scale;
	const rowH = 16 * scale;
	const rows = stamp.framed?.table ?? [];
	out.width = map.width;
	out.height = header + map.height + pad + (rows.length ? (rows.length + 1) * rowH : 0) + footer.length * rowH + pad;
	const ctx = out.getContext('2d')!;
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.fillStyle = '#111';
	ctx.font = font(16, true);
	ctx.fillText(stamp.title, pad, 24 * scale);
	ctx.drawImage(map, 0, header);
	if (stamp.framed) {
		northArrow(ctx, pad + 14 * scale, header + pad, scale);
		scaleBarAt(ctx, stamp.framed.view, pad, header + map.height - pad, scale);
		locator(ctx, stamp.framed.locator, stamp.framed.view.extent, out.width - 150 * scale - pad, header + pad, 150 * scale);
	}
	// Legend box in the map's lower right corner.
	const boxW = 230 * scale;
	const boxH = (stamp.legend.length + 1.5) * rowH + pad / 2;
	const x0 = out.width - boxW - pad;
	const y0 = header + map.height - boxH - pad;
	ctx.fillStyle = 'rgba(255,255,255,0.92)';
	ctx.fillRect(x0, y0, boxW, boxH);
	ctx.fillStyle = '#111';
	ctx.font = font(12, true);
	ctx.fillText(stamp.legendTitle, x0 + 8 * scale, y0 + rowH);
	ctx.font = font(11);
	stamp.legend.forEach((item, i) => {
		const y = y0 + (i + 2) * rowH + 2 * scale;
		ctx.fillStyle = item.colour;
		ctx.fillRect(x0 + 8 * scale, y - 9 * scale, 18 * scale, 11 * scale);
		ctx.fillStyle = '#111';
		ctx.fillText(`${item.label} (${item.count})`, x0 + 32 * scale, y);
	});
	let y = header + map.height + pad;
	ctx.fillStyle = '#111';
	ctx.font = font(12);
	if (rows.length) y += table(ctx, rows, pad, y, scale, rowH) + rowH;
	ctx.font = font(12);
	footer.forEach((line, i) => ctx.fillText(line, pad, y + (i + 0.8) * rowH));
	return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** An SVG drawn to a PNG at `scale` × its size (through an <img> of the SVG as a blob URL: offline, within the CSP). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const out = document.createElement('canvas');
		out.width = Math.round(width * scale);
		out.height = Math.round(height * scale);
		out.getContext('2d')!.drawImage(img, 0, 0, out.width, out.height);
		return await new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}
