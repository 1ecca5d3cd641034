/** Shared by the connector tests (not a test file): the mock APIs, started once per test file, and requests to them. */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { ConnectorError, fetchDataset, type FetchOptions, type FetchRequest } from './index.js';
import { MOCK_ACLED_EMAIL, MOCK_ACLED_PASSWORD, MOCK_UCDP_TOKEN, startMockApis, type MockApis } from '../../../tests/mock-apis/server.js';

/**
 * Registers the mock's lifecycle in the calling test file. `mock` stands for the server started in
 * beforeAll (a proxy: the server exists only once the hook has run), reset before every test.
 */
export function connectorTestKit() {
	let server: MockApis | null = null;
	beforeAll(async () => void (server = await startMockApis()));
	afterAll(() => server?.close());
	beforeEach(() => server!.reset());
	const mock = new Proxy({} as MockApis, {
		get: (_, key) => Reflect.get(server!, key),
		set: (_, key, value) => Reflect.set(server!, key, value)
	});
	/** Every wait a retry asked for (the tests' sleep does not wait). */
	const waits: number[] = [];
	const options = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
		fetch,
		origins: { ucdp: mock.origin, acled: mock.origin },
		sleep: async (ms) => void waits.push(ms),
		now: () => new Date('2026-11-26T12:00:00Z'),
		...extra
	});
	const ucdp = (over: Partial<Extract<FetchRequest, { source: 'ucdp' }>['query']> = {}, token = MOCK_UCDP_TOKEN): FetchRequest => ({
		source: 'ucdp',
		query: { from: '2022-11-28', to: '2026-11-26', countries: [770], yearlyVersion: '26.1', ...over },
		token
	});
	const acled = (password = MOCK_ACLED_PASSWORD): FetchRequest => ({
		source: 'acled',
		query: { from: '2022-11-28', to: '2026-11-26' },
		credentials: { email: MOCK_ACLED_EMAIL, password }
	});
	async function failure(req: FetchRequest, opts = options()): Promise<ConnectorError> {
		const err = await fetchDataset(req, opts).then(
			() => null,
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(ConnectorError);
		return err as ConnectorError;
	}
	return { mock, waits, options, ucdp, acled, failure };
}
