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
	/** Called before each wait, with what the progress line says (status 0: no answer in time; `words` from retryWords). */
	onRetry?: (status: number, waitMs: number, attempt: number, words: string) => void;
	/** "UCDP", "ACLED": named in every message. */
	service: string;
	/** What to say when the request cannot be made at all (browser: CORS; CLI: network). */
	unreachable: (service: string) => string;
	/** A request (headers and body) that takes longer fails and is retried as a 5xx is. */
	timeoutMs?: number;
}

/** A silent server must not leave "Connecting…" forever: 30 s per request, then a retry. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Largest page body read (a UCDP page of 1,000 events is about 2 MB; ACLED's of 5,000 about 10 MB). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 5;

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

/**
 * The progress line while a request waits to be tried again: without it a silent server shows the
 * last page's line for minutes (five tries of 30 s, and the waits between them).
 */
export function retryWords(service: string, status: number, waitMs: number, attempt: number, retries: number, timeoutMs: number): string {
	const what =
		status === 0
			? `${service} did not answer within ${timeoutMs / 1000} s`
			: `${service} answered HTTP ${status}${status === 429 ? ' (too many requests)' : ' (a server error)'}`;
	return `${what}; trying again in ${Math.round(waitMs / 1000)} s (try ${attempt + 1} of ${retries + 1}).`;
}

const retryable = (status: number) => status === 429 || status >= 500;
const isRedirect = (status: number) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

/**
 * One fetch, following redirects only within the request's origin. The connectors send a token
 * (UCDP's header, ACLED's bearer) with every request, and fetch would carry such a header to
 * wherever a redirect points; so a redirect to another origin is refused, with its reason, and
 * never followed. (In a browser a redirect is opaque: it is refused whatever its target.)
 */
async function fetchSameOrigin(url: string, init: RequestInit, opts: HttpOptions, signal: AbortSignal): Promise<Response> {
	const origin = new URL(url).origin;
	for (let hops = 0; ; hops++) {
		const response = await opts.fetch(url, { ...init, redirect: 'manual', signal });
		if (response.type === 'opaqueredirect') {
			throw new ConnectorError(
				'http',
				`${opts.service} redirected the request; it was not followed, so your credentials went nowhere else. Nothing was saved.`
			);
		}
		if (!isRedirect(response.status)) return response;
		await response.body?.cancel().catch(() => {});
		const location = response.headers.get('location');
		const next = location === null ? null : new URL(location, url);
		if (next === null || next.origin !== origin) {
			throw new ConnectorError(
				'http',
				`${opts.service} redirected the request to ${next ? next.origin : 'nowhere'}, another site; it was not followed, so your credentials were not sent there. Nothing was saved.`
			);
		}
		if (hops >= MAX_REDIRECTS) throw new ConnectorError('http', `${opts.service} redirected the request more than ${MAX_REDIRECTS} times; nothing was saved.`);
		url = next.href;
		if (response.status === 303) init = { ...init, method: 'GET', body: undefined };
	}
}

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
		const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
		const timeout = AbortSignal.timeout(timeoutMs);
		const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
		try {
			response = await fetchSameOrigin(url, init, opts, signal);
		} catch (err) {
			if (err instanceof ConnectorError) throw err;
			if (opts.signal?.aborted) throw new ConnectorError('cancelled', 'Cancelled; nothing was saved.');
			if (timeout.aborted) {
				if (attempt >= retries)
					throw new ConnectorError(
						'network',
						`${opts.service} did not answer within ${timeoutMs / 1000} s, ${retries + 1} times in a row; nothing was saved. Try again later.`
					);
				const wait = backoffMs(attempt, null);
				opts.onRetry?.(0, wait, attempt + 1, retryWords(opts.service, 0, wait, attempt + 1, retries, timeoutMs));
				await sleep(wait);
				continue;
			}
			if ((err as Error)?.name === 'AbortError') throw new ConnectorError('cancelled', 'Cancelled; nothing was saved.');
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
		opts.onRetry?.(response.status, wait, attempt + 1, retryWords(opts.service, response.status, wait, attempt + 1, retries, timeoutMs));
		await response.body?.cancel().catch(() => {});
		await sleep(wait);
	}
}

/** The body as text, read up to `maxBytes`: a page larger than any real one is refused, not read. */
export async function limitedText(response: Response, what: string, maxBytes = MAX_PAGE_BYTES): Promise<string> {
	const declared = Number(response.headers.get('content-length'));
	const tooLarge = () =>
		new ConnectorError('malformed', `${what} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, far more than a page of events; nothing was saved.`);
	if (declared > maxBytes) {
		await response.body?.cancel().catch(() => {});
		throw tooLarge();
	}
	if (!response.body) return response.text();
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let text = '';
	let bytes = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return text + decoder.decode();
		bytes += value.byteLength;
		if (bytes > maxBytes) {
			await reader.cancel().catch(() => {});
			throw tooLarge();
		}
		text += decoder.decode(value, { stream: true });
	}
}

/** The JSON body, or a 'malformed' error naming the request (never a half-read page). */
export async function jsonBody(response: Response, what: string, maxBytes = MAX_PAGE_BYTES): Promise<unknown> {
	let text: string;
	try {
		text = await limitedText(response, what, maxBytes);
	} catch (err) {
		if (err instanceof ConnectorError) throw err;
		// The request's timeout covers its body too: a server that stops part-way is a network failure.
		if ((err as Error)?.name === 'TimeoutError') throw new ConnectorError('network', `${what} stopped arriving; nothing was saved. Try again later.`);
		throw err;
	}
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
