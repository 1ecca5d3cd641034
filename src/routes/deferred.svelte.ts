import { untrack } from 'svelte';

/**
 * A value that follows `read` one task later. The parts of the page that can wait a frame (the
 * ranking table's rows, the time control's months) then re-render in a task of their own after a
 * dataset switch, instead of in the same task as the map and the panel: on a 100 k-row import
 * that one task took 36–51 ms, against the 50 ms budget for any task (issue #12). Create it while
 * a component initialises (it owns an effect).
 */
export class Deferred<T> {
	current = $state.raw<T>() as T;

	constructor(read: () => T) {
		this.current = untrack(read);
		$effect(() => {
			const next = read();
			if (next === untrack(() => this.current)) return;
			const timer = setTimeout(() => (this.current = next));
			return () => clearTimeout(timer);
		});
	}
}

/**
 * Runs `fn` in a task of its own after the next frame is drawn; returns a cancel. For work that
 * reads layout and can wait a frame: run in the same task as a large DOM change, such a read forces
 * the whole layout there and then (issue #12).
 */
export function afterPaint(fn: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(fn)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

/**
 * For an effect that asks a worker: passes the answer on to `keep` (or the error to `fail`) unless
 * the effect has run again, or been torn down, since it asked. Returns the effect's teardown.
 */
export function keepLatest<T>(request: Promise<T>, keep: (answer: T) => void, fail: (err: Error) => void): () => void {
	let current = true;
	request.then((answer) => current && keep(answer)).catch((err: Error) => current && fail(err));
	return () => (current = false);
}
