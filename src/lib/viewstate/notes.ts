/**
 * What a link asked for that the page could not do, in one line: every parameter ignored, and
 * why (`map=0,100,5 ignored: latitude 100 is outside −85…85`). The decoders fall back to the
 * defaults for a value they cannot read; without this the reader would never know the link said
 * something else.
 */
import { parseMonthRange, SCHEMES } from './index.js';
import { METRICS, PERS } from '../aggregate/index.js';
import { CORRIDOR_KM, PLAN_TOOLS, RECENT_MONTHS, SEGMENT_KM } from './plan.js';
import { CLASS_METHODS, typedBreaksProblem } from '../classify/index.js';
import { NEED_INDICATORS } from '../bivariate/index.js';
import { PRECISIONS } from '../columns/index.js';
import { RADII_KM } from '../risk/index.js';
import { cameraProblem, pointProblem } from './camera.js';
import { PLACE_KINDS } from '../place/index.js';
import { AREA_BASES } from '../districts/index.js';

const list = (options: readonly (string | number)[]) => `not one of ${options.join(', ')}`;
const among = (options: readonly (string | number)[]) => (v: string) => (options.map(String).includes(v) ? null : list(options));
const monthRange = (v: string) => (parseMonthRange(v) ? null : 'not a month range YYYY-MM..YYYY-MM');
const free = () => null;

/** Each parameter a link may carry, and why a value of it cannot be used (null: it can). */
const CHECKS: Record<string, (v: string) => string | null> = {
	// dataset and district are explained where they are resolved (an unknown dataset, an old slug).
	dataset: free,
	district: free,
	metric: among(METRICS),
	per: among(PERS),
	classes: among(CLASS_METHODS),
	k: among([2, 3, 4, 5, 6, 7]),
	scheme: among(SCHEMES),
	breaks: typedBreaksProblem,
	window: (v) => (v === 'all' ? null : monthRange(v)),
	group: free,
	type: free,
	target: free,
	suicide: among(['yes', 'no']),
	mincas: (v) => (/^\d{1,6}$/.test(v) ? null : 'not a whole number'),
	precision: among(PRECISIONS),
	compare: among(['difference', 'percent']),
	a: monthRange,
	b: monthRange,
	hotspots: among(['1']),
	emerging: among(['year', 'quarter', 'month']),
	// An unknown dataset is explained in the source comparison's panel.
	versus: free,
	points: among(['1']),
	basemap: among(['0']),
	area: among(AREA_BASES),
	need: among(NEED_INDICATORS),
	map: cameraProblem,
	tool: among(PLAN_TOOLS),
	site: pointProblem,
	sitename: free,
	sitekind: among(PLACE_KINDS),
	radius: among(RADII_KM),
	recent: among(RECENT_MONTHS),
	route: (v) => {
		const problems = v.split(';').map(pointProblem);
		const bad = problems.findIndex((problem) => problem !== null);
		return bad < 0 ? null : `waypoint ${bad + 1}: ${problems[bad]}`;
	},
	corridor: among(CORRIDOR_KM),
	seg: among(SEGMENT_KM),
	bands: among(['1'])
};

/** Every parameter of `p` the page ignores, with the reason, as one line; null when it uses them all. */
export function ignoredParams(p: URLSearchParams): string | null {
	const notes: string[] = [];
	for (const [key, value] of p) {
		const check = Object.hasOwn(CHECKS, key) ? CHECKS[key]! : null;
		const problem = check ? check(value) : 'not a parameter of this page';
		if (problem) notes.push(`${key}=${value.slice(0, 40)} ignored: ${problem}`);
	}
	// Both ends of a comparison, or neither.
	if (p.has('compare') && !(p.has('a') && p.has('b'))) notes.push('compare ignored: it needs both periods, a= and b=');
	return notes.length ? `From the link: ${notes.join('; ')}.` : null;
}

/** The parameters a link may carry (a test checks the encoders write no other). */
export const KNOWN_PARAMS = Object.keys(CHECKS);
