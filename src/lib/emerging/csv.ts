/** Emerging hot spots as CSV: each district's category, reason, trend and z per step, stamped with the data and the method. */
import { toCsv, type Provenance } from '../export/index.js';
import { categoryName, leftOutWords, type EmergingDistrict, type LeftOut, type Step } from './index.js';

export const EMERGING_METHOD =
	'Getis-Ord Gi* per step (binary queen weights with self, population SD), hot/cold at |z| >= 1.645; Mann-Kendall on each district z series (tie-corrected, continuity-corrected), significant at two-sided p <= 0.10; categories as ArcGIS Pro Emerging Hot Spot Analysis';

export function emergingCsv(
	districts: readonly { slug: string; name: string; province: string }[],
	e: { steps: readonly Step[]; leftOut: readonly LeftOut[]; results: readonly EmergingDistrict[] },
	p: Provenance
): string {
	const stamp = [p.dataset.name, p.dataset.attribution, p.dataset.licence, p.filters, leftOutWords(e.leftOut) || 'none', EMERGING_METHOD];
	return toCsv(
		[
			'slug',
			'district',
			'province',
			'category',
			'reason',
			'trend_s',
			'trend_z',
			'trend_p',
			...e.steps.map((s) => `gi_z_${s.label.replace(' ', '_')}`),
			'dataset',
			'attribution',
			'licence',
			'filters',
			'steps_left_out',
			'method'
		],
		districts.map((d, i) => {
			const r = e.results[i]!;
			return [d.slug, d.name, d.province, categoryName(r.category), r.reason, r.trend.s, round(r.trend.z), round(r.trend.p), ...r.z.map(round), ...stamp];
		})
	);
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
