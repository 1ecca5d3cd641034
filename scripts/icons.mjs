// Writes the web app manifest's PNG icons (static/icons/) from static/favicon.svg, drawn by Chromium:
// 192 and 512 px as they are, and a 512 px "maskable" one with the mark inside the 80 % safe zone
// on the mark's own red (phones cut maskable icons to a circle or a squircle). Run: node scripts/icons.mjs
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const svg = readFileSync('static/favicon.svg', 'utf8');
const icons = [
	{ file: 'icon-192.png', size: 192, inset: 0 },
	{ file: 'icon-512.png', size: 512, inset: 0 },
	{ file: 'icon-maskable-512.png', size: 512, inset: 0.14 }
];
mkdirSync('static/icons', { recursive: true });
const browser = await chromium.launch({ executablePath: ensureChromium() });
for (const { file, size, inset } of icons) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	const pad = Math.round(size * inset);
	await page.setContent(
		`<body style="margin:0;background:${inset ? '#bd0026' : 'transparent'}"><div style="padding:${pad}px">${svg.replace('<svg ', `<svg width="${size - 2 * pad}" height="${size - 2 * pad}" style="display:block" `)}</div></body>`
	);
	await page.screenshot({ path: `static/icons/${file}`, omitBackground: !inset });
	console.log(`wrote static/icons/${file}`);
	await page.close();
}
await browser.close();
