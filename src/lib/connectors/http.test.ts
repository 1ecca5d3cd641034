/**
 * The connectors under a hostile or broken API (tests/mock-apis): a redirect to another origin,
 * a server that never answers, an absurd page count, a page far larger than any real one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchProgress, FetchRequest } from './index.js';
import { limitedText, request, retryWords } from './http.js';
import { monthsInRange, pageBudget } from './budget.js';
import { connectorTestKit } from './test-helpers.js';

const kit = connectorTestKit();
const { mock, options, failure } = kit;
/** Another origin: every request that reaches it is logged with its headers. */
const elsewhere: { origin: string; seen: IncomingHttpHeaders[]; close: () => void } = { origin: '', seen: [], close: () => {} };
beforeAll(async () => {
	const server = createServer((req, res) => {
		elsewhere.seen.push(req.headers);
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"TotalCount":0,"TotalPages":0,"Result":[]}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	elsewhere.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	elsewhere.close = () => server.close();
});
afterAll(() => elsewhere.close());
beforeEach(() => void (elsewhere.seen.length = 0));

// Three months: a budget of 15 UCDP pages.
const ucdp = kit.ucdp({ from: '2023-01-01', to: '2023-03-31' });
const acled = (query = { from: '2023-01-01', to: '2023-03-31' }): FetchRequest => ({ ...(kit.acled() as Extract<FetchRequest, { source: 'acled' }>), query });

describe('no credential is sent to another origin', () => {
	it('refuses a UCDP redirect to another origin: the token never arrives there', async () => {
		mock.scenario.redirect = { path: /^\/api\/gedevents\//, to: elsewhere.origin };
		const err = await failure(ucdp);
		expect(err.kind).toBe('http');
		expect(err.message).toBe(
			`UCDP redirected the request to ${elsewhere.origin}, another site; it was not followed, so your credentials were not sent there. Nothing was saved.`
		);
		expect(elsewhere.seen).toEqual([]);
	});
	it('refuses an ACLED redirect to another origin: the bearer token never arrives there', async () => {
		mock.scenario.redirect = { path: /^\/api\/acled\/read$/, to: elsewhere.origin };
		const err = await failure(acled());
		expect(err.message).toMatch(/^ACLED redirected the request to http:\/\/127\.0\.0\.1:\d+, another site/);
		expect(elsewhere.seen).toEqual([]);
	});
	it('follows a redirect within the same origin', async () => {
		mock.scenario.redirect = { path: /^\/old\//, to: mock.origin };
		const seen: string[] = [];
		const tracking: typeof fetch = (url, init) => (seen.push(String(url)), fetch(url, init));
		// /old/x → 302 to the same origin's /old/x would loop: the hop limit ends it with a reason.
		const err = await request(`${mock.origin}/old/x`, {}, { fetch: tracking, service: 'TEST', unreachable: () => 'unreachable' }).catch((e: unknown) => e);
		expect((err as Error).message).toBe('TEST redirected the request more than 5 times; nothing was saved.');
		expect(seen).toHaveLength(6);
		expect(seen.every((u) => u.startsWith(mock.origin))).toBe(true);
	});
});

describe('a server that never answers', () => {
	it('times out each request, retries as for a 5xx, then says so', async () => {
		mock.scenario.silent = /^\/api\/gedevents\//;
		const retried: number[] = [];
		const err = await failure(ucdp, options({ timeoutMs: 150, retries: 2, onRetry: (status) => retried.push(status) }));
		expect(err.kind).toBe('network');
		expect(err.message).toBe('UCDP did not answer within 0.15 s, 3 times in a row; nothing was saved. Try again later.');
		expect(retried).toEqual([0, 0]);
	});
	it('says each wait on the progress line, at the fraction reached, instead of the last page’s line', async () => {
		// The yearly release's pages arrive; then the first Candidate release's server goes silent.
		mock.scenario.silent = /^\/api\/gedevents\/26\.0\.1$/;
		const lines: FetchProgress[] = [];
		// A timeout the answering pages meet even on a busy machine (at 0.15 s, a loaded CI timed them out too).
		await failure(kit.ucdp(), options({ timeoutMs: 1500, retries: 2, onProgress: (p) => lines.push(p) }));
		const lastPage = lines.findLast((p) => p.message.startsWith('UCDP GED 26.1: page'))!;
		expect(lastPage.fraction).toBeGreaterThan(0);
		expect(lines.slice(lines.indexOf(lastPage) + 1)).toEqual([
			{ fraction: lastPage.fraction, message: 'UCDP did not answer within 1.5 s; trying again in 1 s (try 2 of 3).' },
			{ fraction: lastPage.fraction, message: 'UCDP did not answer within 1.5 s; trying again in 2 s (try 3 of 3).' }
		]);
	});
	it('names a busy server’s status and the wait it asked for', () => {
		expect(retryWords('ACLED', 429, 120_000, 1, 4, 30_000)).toBe('ACLED answered HTTP 429 (too many requests); trying again in 120 s (try 2 of 5).');
		expect(retryWords('UCDP', 503, 4_000, 3, 4, 30_000)).toBe('UCDP answered HTTP 503 (a server error); trying again in 4 s (try 4 of 5).');
	});
});

describe('a page budget from the date range', () => {
	it('allows 5,000 events a month, and never more than UCDP’s 5,000 requests a day', () => {
		expect(monthsInRange('2023-01-15', '2023-03-01')).toBe(3);
		expect(monthsInRange('2022-11-28', '2026-11-26')).toBe(49);
		expect(pageBudget('2023-01-01', '2023-03-31', 1000)).toBe(15);
		expect(pageBudget('1989-01-01', '2026-12-31', 1000)).toBe(2280);
		expect(pageBudget('1989-01-01', '2026-12-31', 100)).toBe(5000);
		expect(pageBudget('2023-01-01', '2023-03-31', 1000, 40)).toBe(40);
	});
	it('stops after the first page when UCDP claims TotalPages 1e9, asking nothing more', async () => {
		mock.scenario.totalPages = 1e9;
		const err = await failure(ucdp);
		expect(err.kind).toBe('query');
		expect(err.message).toMatch(/^UCDP GED 26\.1 would need 1,000,000,000 pages for 2023-01-01 – 2023-03-31, more than the 15 such a range can hold/);
		expect(err.message).toContain('--max-pages 1000000000');
		expect(mock.requests.filter((r) => r.path.startsWith('/api/gedevents/'))).toHaveLength(1);
	});
	it('stops ACLED, which has no page count, at the budget', async () => {
		// 12,000 events from 2022-11-28: three full or part pages of 5,000, over a budget of two.
		const err = await failure(acled({ from: '2022-11-28', to: '2026-11-26' }), options({ maxPages: 2 }));
		expect(err.message).toMatch(/^ACLED would need 3 pages/);
		expect(mock.requests.filter((r) => r.path === '/api/acled/read')).toHaveLength(2);
	});
});

describe('a page larger than any real one', () => {
	const stream = (chunks: number, size: number) =>
		new ReadableStream<Uint8Array>({
			pull(controller) {
				if (chunks-- === 0) return controller.close();
				controller.enqueue(new Uint8Array(size).fill(0x20));
			}
		});
	it('is refused by its declared length, unread', async () => {
		const response = new Response('x', { headers: { 'content-length': String(200 * 1024 * 1024) } });
		await expect(limitedText(response, 'UCDP GED 26.1, page 1')).rejects.toThrow(
			'UCDP GED 26.1, page 1 is larger than 64 MB, far more than a page of events; nothing was saved.'
		);
	});
	it('is refused when the API streams a 200 MB page, and reading stops at the limit', async () => {
		mock.scenario.hugePage = { path: /^\/api\/gedevents\//, bytes: 200 * 1024 * 1024, sent: 0 };
		const err = await failure(ucdp);
		expect(err.message).toBe('UCDP GED 26.1, page 1 is larger than 64 MB, far more than a page of events; nothing was saved.');
		// The client stops reading: what left the server is the limit plus what the sockets buffer.
		expect(mock.scenario.hugePage.sent).toBeLessThan(100 * 1024 * 1024);
	});
	it('is refused once the bytes read pass the limit, without a declared length', async () => {
		await expect(limitedText(new Response(stream(10, 1024)), 'page', 4096)).rejects.toThrow('page is larger than 0 MB');
		expect(await limitedText(new Response(stream(4, 1024)), 'page', 4096)).toHaveLength(4096);
	});
});
