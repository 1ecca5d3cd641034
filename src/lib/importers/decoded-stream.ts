/** A File decoded as one text stream, for papaparse (csv-stream.ts reads its rows). */
import { ImportFileError } from './outcome.js';
import type { Sniffed } from './sniff.js';

/** The read stopped at a byte sequence that is not UTF-8 (the message crosses a worker boundary, where the class does not). */
export const NOT_UTF8 = 'The file is not UTF-8 past its first 64 KB.';

/**
 * A File's text, decoded here and handed to papaparse as it reads a Node stream ('data', 'end',
 * 'error'). papaparse reads a File in slices of bytes and decodes each slice on its own, so a
 * character whose bytes straddle two slices came out as two replacement characters, silently
 * (papaparse issue #1132; any non-ASCII text past the first megabyte). One streaming TextDecoder
 * keeps such a character whole. A slice is read only after papaparse has parsed the one before
 * (its chunk callback runs inside `data`), so the file is never held in memory at once, and the
 * worker takes messages (cancel) between slices.
 */
export class DecodedStream {
	readonly readable = true;
	/** A quote mark was in the text handed over so far. */
	quoted = false;
	/** A NUL character was in the text handed over so far. */
	nul = false;
	private readonly listeners = new Map<string, (arg?: unknown) => void>();
	private stopped = false;

	constructor(
		private readonly blob: Blob,
		private readonly encoding: Sniffed['encoding']
	) {}

	on(event: string, listener: (arg?: unknown) => void): this {
		this.listeners.set(event, listener);
		return this;
	}

	removeListener(event: string): this {
		this.listeners.delete(event);
		return this;
	}

	/** papaparse's duck test of a stream asks for these; it pulls nothing itself. */
	read(): void {}
	pause(): void {}
	resume(): void {}

	/** papaparse finished or gave up (an abort, a cancel, an error): no more slices are read. */
	stop(): void {
		this.stopped = true;
	}

	async pump(): Promise<void> {
		// Fatal: a byte sequence that is not UTF-8 anywhere in the file (sniff saw only its first
		// 64 KB) stops the read, and the import reads the file again as Latin-1 (csv.ts), rather than
		// storing U+FFFD in its place with no note.
		const decoder = new TextDecoder(this.encoding, { fatal: this.encoding === 'utf-8' });
		const emit = (event: string, arg?: unknown) => this.listeners.get(event)?.(arg);
		try {
			for (let at = 0; at < this.blob.size && !this.stopped; at += READ_BYTES) {
				const text = decoder.decode(new Uint8Array(await this.blob.slice(at, at + READ_BYTES).arrayBuffer()), { stream: true });
				this.quoted ||= text.includes('"');
				this.nul ||= text.includes('\0');
				if (text && !this.stopped) emit('data', text);
			}
			if (this.stopped) return;
			// The end of the stream: a character cut off by the end of the file throws here (fatal
			// UTF-8). Nothing else can be left over: UTF-8 is fatal and Windows-1252 has one byte a character.
			decoder.decode();
			emit('end');
		} catch (err) {
			if (!this.stopped) emit('error', err instanceof TypeError && this.encoding === 'utf-8' ? new ImportFileError(NOT_UTF8) : err);
		}
	}
}

/** Bytes of a file decoded and parsed at a time. */
export const READ_BYTES = 1 << 20;
