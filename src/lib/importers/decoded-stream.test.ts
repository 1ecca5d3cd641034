import { describe, expect, it } from 'vitest';
import { DecodedStream, NOT_UTF8, READ_BYTES } from './decoded-stream.js';
import { ImportFileError } from './outcome.js';

/** Runs a stream to its end, with every event it emits. */
async function events(stream: DecodedStream, onData?: (text: string) => void) {
	const seen: [string, unknown][] = [];
	stream.on('data', (t) => (seen.push(['data', t]), onData?.(t as string)));
	stream.on('end', () => seen.push(['end', undefined]));
	stream.on('error', (e) => seen.push(['error', e]));
	await stream.pump();
	return seen;
}

describe('DecodedStream', () => {
	it('hands over the text and ends, noting whether it held a quote mark or a NUL', async () => {
		const plain = new DecodedStream(new Blob(['a,b\n1,2\n']), 'utf-8');
		expect([plain.quoted, plain.nul]).toEqual([false, false]);
		expect(await events(plain)).toEqual([
			['data', 'a,b\n1,2\n'],
			['end', undefined]
		]);
		expect([plain.quoted, plain.nul]).toEqual([false, false]);
		const marked = new DecodedStream(new Blob(['a,"b"\n1,\0\n']), 'utf-8');
		await events(marked);
		expect([marked.quoted, marked.nul]).toEqual([true, true]);
	});
	it('keeps a character whole across two slices, and decodes Windows-1252', async () => {
		const bytes = new TextEncoder().encode('x'.repeat(READ_BYTES - 1) + 'ñ');
		const text = (await events(new DecodedStream(new Blob([bytes]), 'utf-8'))).filter(([e]) => e === 'data').map(([, t]) => t as string);
		expect(text.join('').endsWith('xñ')).toBe(true);
		expect(text.join('').includes('\ufffd')).toBe(false);
		expect(await events(new DecodedStream(new Blob([Uint8Array.from([0x80, 0xf1])]), 'windows-1252'))).toEqual([
			['data', '€ñ'],
			['end', undefined]
		]);
	});
	it('stops at a byte sequence that is not UTF-8, or a character cut by the end of the file, with NOT_UTF8', async () => {
		for (const bad of [Uint8Array.from([0x61, 0xff, 0x61]), Uint8Array.from([0x61, 0xc3])]) {
			const seen = await events(new DecodedStream(new Blob([bad]), 'utf-8'));
			expect(seen.at(-1)![0]).toBe('error');
			expect(seen.at(-1)![1]).toEqual(new ImportFileError(NOT_UTF8));
			expect(seen.some(([e]) => e === 'end')).toBe(false);
		}
	});
	it('passes on a failed read as it is, and nothing once stopped', async () => {
		const failing = { size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(new Error('TEST read failed')) }) } as unknown as Blob;
		expect(await events(new DecodedStream(failing, 'utf-8'))).toEqual([['error', new Error('TEST read failed')]]);
		const stopped = new DecodedStream(failing, 'utf-8');
		const seen: unknown[] = [];
		stopped.on('error', (e) => seen.push(e));
		const pumped = stopped.pump();
		stopped.stop();
		await pumped;
		expect(seen).toEqual([]);
	});
	it('reads no more slices once stopped, even one already being read', async () => {
		const big = new Blob(['y'.repeat(3 * READ_BYTES)]);
		const one = new DecodedStream(big, 'utf-8');
		const seen = await events(one, () => one.stop());
		expect(seen.map(([e]) => e)).toEqual(['data']);
		const none = new DecodedStream(big, 'utf-8');
		const seenNone: string[] = [];
		none.on('data', () => seenNone.push('data'));
		none.on('end', () => seenNone.push('end'));
		const pumped = none.pump();
		none.stop();
		await pumped;
		expect(seenNone).toEqual([]);
	});
	it('emits to no one after removeListener, and does not fail without listeners', async () => {
		const s = new DecodedStream(new Blob(['a']), 'utf-8');
		const seen: string[] = [];
		s.on('data', () => seen.push('data'));
		s.removeListener('data');
		await s.pump();
		expect(seen).toEqual([]);
		await expect(new DecodedStream(new Blob([Uint8Array.from([0xff])]), 'utf-8').pump()).resolves.toBeUndefined();
	});
});
