/**
 * The time strip's shapes (components/TimeControl): runs of months in one coverage state, the
 * histogram as SVG paths, and where time-play may step. Pure, so each is tested without a page.
 */

/** Consecutive months in one state: [from, to] month indices, both included. */
export function stateRuns<S>(states: readonly S[]): { state: S; from: number; to: number }[] {
	const out: { state: S; from: number; to: number }[] = [];
	for (let i = 0; i < states.length; i++) {
		const last = out.at(-1);
		if (last && last.state === states[i] && last.to === i - 1) last.to = i;
		else out.push({ state: states[i]!, from: i, to: i });
	}
	return out;
}

/**
 * The histogram as two SVG paths (months inside the window, and the rest) in a 10-unit-per-month,
 * 40-high box, not an element per month: at 99 months the bars were most of the strip's render.
 * A month without a count (null: not covered, not loaded) gets no bar at all, never a zero bar.
 */
export function histogramPaths(counts: readonly (number | null)[], fromIndex: number, toIndex: number, max: number): { on: string; off: string } {
	const path = (from: number, to: number) =>
		counts
			.slice(from, to)
			.map((n, k) => (n === null ? '' : `M${(from + k) * 10 + 1} ${38 - (n / max) * 36}h8V40h-8Z`))
			.join('');
	return { off: path(0, fromIndex) + path(toIndex + 1, counts.length), on: path(fromIndex, toIndex + 1) };
}

/** The first play step from `start` on of `length` months none of which is uncovered, or -1 (a step in a gap is refused). */
export function coveredStep(states: readonly string[], start: number, length: number): number {
	for (let s = Math.max(0, start); s + length <= states.length; s++) {
		if (!states.slice(s, s + length).includes('not-covered')) return s;
	}
	return -1;
}

/** Every step play visits from `start` (month indices), each `length` months and none uncovered: where coveredStep leads, one month on each time. */
export function playSteps(states: readonly string[], start: number, length: number): number[] {
	const steps: number[] = [];
	for (let s = coveredStep(states, start, length); s >= 0; s = coveredStep(states, s + 1, length)) steps.push(s);
	return steps;
}
