/**
 * geodata/national.json: the Pakistan-wide monthly totals of UCDP GED 25.1 (sources/incidents/
 * ucdp_ged_25_1_pakistan_monthly.csv), checked row by row, beside the bundled UCDP series' own
 * events per month (for the comparison where both cover 1989–2021). See src/lib/national.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { isoMonth, monthNumber } from '../src/lib/columns/index.js';
import { monthStates } from '../src/lib/coverage/index.js';
import { SourceRowError } from '../src/lib/incident/errors.js';
import type { IncidentDataset } from '../src/lib/incident/index.js';
import type { NationalTotals } from '../src/lib/national/index.js';
import { UCDP_CITATIONS } from '../src/lib/importers/terms.js';

export const NATIONAL_SOURCE = 'incidents/ucdp_ged_25_1_pakistan_monthly.csv';

const COLUMNS = {
	events: 'ucdp_event_count',
	deaths: 'ucdp_fatalities_best',
	civilianDeaths: 'ucdp_civilian_deaths',
	stateBased: 'ucdp_state_based_events',
	nonState: 'ucdp_non_state_events',
	oneSided: 'ucdp_one_sided_events'
} as const;

/** A count as the file writes it ("382.0"): a whole number ≥ 0, else the file, row and column are named. */
function count(raw: string | undefined, file: string, row: number, column: string): number {
	const n = Number(raw);
	if (raw === undefined || raw.trim() === '' || !Number.isInteger(n) || n < 0)
		throw new SourceRowError(file, row, column, `expected a whole number ≥ 0, got ${JSON.stringify(raw)}`);
	return n;
}

export function nationalTotals(dir: string, series: IncidentDataset): NationalTotals {
	const file = NATIONAL_SOURCE;
	const parsed = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true });
	if (parsed.errors.length) throw new SourceRowError(file, (parsed.errors[0]!.row ?? 0) + 1, '(row)', parsed.errors[0]!.message);
	const missing = ['country_iso3', 'year_month', ...Object.values(COLUMNS)].filter((c) => !parsed.meta.fields?.includes(c));
	if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
	const rows = parsed.data;
	const first = rows[0]?.year_month ?? '';
	const out = { events: [], deaths: [], civilianDeaths: [], stateBased: [], nonState: [], oneSided: [] } as Record<keyof typeof COLUMNS, number[]>;
	rows.forEach((r, i) => {
		const row = i + 1;
		if (r.country_iso3 !== 'PAK') throw new SourceRowError(file, row, 'country_iso3', `expected PAK, got ${JSON.stringify(r.country_iso3)}`);
		// One row per month, in order, none missing: a missing month would read as a month without events.
		const expected = isoMonth(monthNumber(`${first}-01`) + i);
		if (r.year_month !== expected)
			throw new SourceRowError(file, row, 'year_month', `expected ${expected} (months in order, none missing), got ${JSON.stringify(r.year_month)}`);
		for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) out[key].push(count(r[column], file, row, column));
	});
	// The bundled series' events per month over the same months; null where it does not cover the month.
	const from = monthNumber(`${first}-01`);
	const states = monthStates(series.info, from, from + rows.length - 1);
	const perMonth = new Array<number>(rows.length).fill(0);
	for (const inc of series.incidents) {
		const k = monthNumber(inc.date) - from;
		if (k >= 0 && k < perMonth.length) perMonth[k]!++;
	}
	return {
		label: 'Pakistan-wide, UCDP GED 25.1, no locations',
		citation: UCDP_CITATIONS['ged-25.1'],
		licence: 'CC BY 4.0',
		first,
		...out,
		bundled: { name: series.info.name, first, events: perMonth.map((n, k) => (states[k] === 'not-covered' ? null : n)) }
	};
}
