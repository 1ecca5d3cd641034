/**
 * API credentials for "Get current data". Held in memory for the session; written to this
 * browser's localStorage only when the user ticks "remember on this device", and removed when
 * they untick it. Never put in the URL, the view state, a stored dataset, an export or a log.
 */
import type { Secrets } from '../workers/import.worker.js';

type Source = Secrets['source'];
const memory: Partial<Record<Source, Secrets>> = {};
const key = (source: Source) => `nw-pakistan-incident-map:credentials:${source}`;

function readRemembered(source: Source): Secrets | null {
	try {
		const raw = localStorage.getItem(key(source));
		const parsed = raw ? (JSON.parse(raw) as Secrets) : null;
		return parsed?.source === source ? parsed : null;
	} catch {
		return null;
	}
}

/** Credentials for a source: this session's, else those remembered on this device. */
export function credentialsFor(source: Source): Secrets | null {
	return memory[source] ?? readRemembered(source);
}

export const isRemembered = (source: Source) => readRemembered(source) !== null;

export function keepCredentials(secrets: Secrets, remember: boolean): void {
	memory[secrets.source] = secrets;
	try {
		if (remember) localStorage.setItem(key(secrets.source), JSON.stringify(secrets));
		else localStorage.removeItem(key(secrets.source));
	} catch {
		/* storage unavailable (private mode): kept for the session only */
	}
}
