/**
 * HTTP for the data connectors: one GET/POST with retry and backoff, and errors in words a user
 * can act on. `fetch` is passed in, so the same code runs in the import worker, in the
 * `npm run fetch-data` script (Node's fetch) and in tests against a local mock server.
 */

/** What went wrong, as the page and the command line need to tell it apart. */
export type ConnectorErrorKind = 'query' | 'credentials' | 'network' | 'http' | 'empty' | 'schema' | 'malformed' | 'cancelled';

export class ConnectorError extends Error {
	constructor(
		readonly kind: ConnectorErrorKind,
		message: string
	) {
		super(message);
		this.name = 'ConnectorError';
	}
}

export interface HttpOptions {
	fetch: typeof fetch;
	signal?: AbortSignal;
	/** Waits between retries; tests pass a no-op. */
	sleep?: (ms: number) => Promise<void>;
	/** Retries after 429 or 5xx (then the error is reported). */
	retries?: number;
	/** Called before each wait, so the progress line can say "UCDP is busy, retrying in 2 s". */
	onRetry?: (status: number, waitMs: number, attempt: number) => void;
	/** "UCDP", "ACLED": named in every message. */
	service: string;
	/** What to say when the request cannot be made at all (browser: CORS; CLI: network). */
	unreachable: (service: string) => string;
}

export const defaultSleep = (ms: number, signal?: AbortSignal) =>
	new Promise<void>((resolve, reject) => {
		const timer = setTimeout(resolve, ms);
		signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new ConnectorError('cancelled', 'Cancelled; nothing was saved.'))), { once: true });
	});

/** Exponential backoff (1, 2, 4, 8 s …) unless the server says how long in Retry-After (seconds). */
export function backoffMs(attempt: number, retryAfter: string | null): number {
	const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : NaN;
	return Number.isFinite(seconds) ? Math.min(seconds, 120) * 1000 : Math.min(1000 * 2 ** attempt, 30_000);
}

const retryable = (status: number) => status === 429 || status >= 500;

/**
 * One request: retried with backoff on 429 and 5xx (up to `retries` times); any other non-2xx is
 * returned for the connector to explain (401 means something different to UCDP and to ACLED).
 */
export async function request(url: string, init: RequestInit, opts: HttpOptions): Promise<Response> {
	const retries = opts.retries ?? 4;
	const sleep = opts.sleep ?? ((ms: number) => defaultSleep(ms, opts.signal));
	let networkFailures = 0;
	for (let attempt = 0; ; attempt++) {
		if (opts.signal?.aborted) throw new ConnectorError('cancelled', 'Cancelled; nothing was saved.');
		let response: Response;
		try {
			response = await opts.fetch(url, { ...init, signal: opts.signal });
		} catch (err) {
			if (opts.signal?.aborted || (err as Error)?.name === 'AbortError') throw new ConnectorError('cancelled', 'Cancelled; nothing was saved.');
			// One retry: a kept-alive connection the server has just closed fails like no network.
			if (networkFailures++ === 0) {
				await sleep(backoffMs(0, null));
				continue;
			}
			throw new ConnectorError('network', opts.unreachable(opts.service));
		}
		if (!retryable(response.status)) return response;
		if (attempt >= retries) {
			throw new ConnectorError(
				'http',
				`${opts.service} answered HTTP ${response.status}${response.status === 429 ? ' (too many requests)' : ' (a server error)'} ${retries + 1} times in a row; nothing was saved. Try again later.`
			);
		}
		const wait = backoffMs(attempt, response.headers.get('retry-after'));
		opts.onRetry?.(response.status, wait, attempt + 1);
		await response.body?.cancel().catch(() => {});
		await sleep(wait);
	}
}

/** The JSON body, or a 'malformed' error naming the request (never a half-read page). */
export async function jsonBody(response: Response, what: string): Promise<unknown> {
	const text = await response.text();
	try {
		return JSON.parse(text);
	} catch {
		throw new ConnectorError(
			'malformed',
			`${what} is not valid JSON (it begins "${text.slice(0, 60).replace(/\s+/g, ' ')}"); nothing was saved. Try again; if it repeats, the API has changed.`
		);
	}
}

/** A short excerpt of an error body, for messages (APIs explain refusals in their body). */
export async function bodyExcerpt(response: Response): Promise<string> {
	const text = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim();
	return text ? `: ${text.slice(0, 160)}` : '';
}
