/**
 * A map picture for a report: the map canvas with the legend and a stamp (data source, date
 * range, filters, the site or route) drawn on it, as a PNG.
 */
import type { LegendItem } from '$lib/shading/index.js';

export interface ReportStamp {
	title: string;
	legendTitle: string;
	legend: LegendItem[];
	/** Lines under the map: source, dates, filters, what was checked. */
	lines: string[];
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
	out.width = map.width;
	out.height = header + map.height + pad + footer.length * 16 * scale + pad;
	const ctx = out.getContext('2d')!;
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.fillStyle = '#111';
	ctx.font = font(16, true);
	ctx.fillText(stamp.title, pad, 24 * scale);
	ctx.drawImage(map, 0, header);
	// Legend box in the map's lower right corner.
	const rowH = 16 * scale;
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
	ctx.font = font(12);
	footer.forEach((line, i) => ctx.fillText(line, pad, header + map.height + pad + (i + 0.8) * 16 * scale));
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
