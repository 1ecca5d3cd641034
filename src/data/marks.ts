/**
 * Named moments of the page's work (the Performance timeline's marks), read by `npm run bench` to
 * say where the time goes between a choice and its shaded map: e.g. a release requested, decoded,
 * joined, aggregated. A mark costs microseconds; outside the bench nothing reads them.
 */
export function mark(name: string): void {
	if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/**
 * Runs `then` once the next frame has been drawn (a task after its animation frame): work that
 * must not lengthen the frame a change to the page is shown in. Callbacks run in the order given.
 */
export function afterNextFrame(then: () => void): void {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(then));
	else setTimeout(then);
}

/**
 * Marks `name` once the next frame has been drawn: after a change to the page (the first paint
 * giving way to the live map), when that change is on screen.
 */
export function markOnScreen(name: string): void {
	afterNextFrame(() => mark(name));
}
