/**
 * Random ids for what the user keeps (imported datasets, saved sites). Not the clock: three tabs
 * importing in the same millisecond got one id from `Date.now()`, and the last save replaced the
 * others. `getRandomValues`, not `randomUUID`: the latter exists only in secure contexts, and the
 * dashboard may be served over plain http on a field office's network.
 */
export function randomId(prefix: string): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
