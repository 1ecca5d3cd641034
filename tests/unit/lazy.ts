import { expect } from 'vitest';

/**
 * A test fixture worked out inside each test that uses it (once per test), never while the tests
 * are collected or in a hook. Why, for mutation testing (Stryker):
 * - a mutant is active only while tests run, so a fixture computed at collection never sees it;
 * - a mutant that makes `beforeAll` throw leaves the tests skipped, not failed, and is counted as
 *   a survivor (route read 68.5 % with such "survivors" that every test kills by hand);
 * - Stryker runs, for each mutant, only the tests that reached its code: a result computed in the
 *   first test and reused by the next would leave the next test's assertions out of every run.
 */
export function lazy<T>(make: () => T): () => T {
	let made: { test: string | undefined; value: T } | null = null;
	return () => {
		const test = expect.getState().currentTestName;
		if (made === null || made.test !== test || test === undefined) made = { test, value: make() };
		return made.value;
	};
}
