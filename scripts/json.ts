/** JSON files of the geodata build: read with the path in every error, written deterministically. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function readJson<T>(path: string): T {
	if (!existsSync(path)) throw new Error(`missing input ${path}`);
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as T;
	} catch (err) {
		throw new Error(`${path}: not valid JSON (${(err as Error).message})`, { cause: err });
	}
}

/** Writes `value` as one line of JSON and a line break; returns the bytes written. */
export function writeJson(path: string, value: unknown): number {
	mkdirSync(dirname(path), { recursive: true });
	const text = JSON.stringify(value);
	writeFileSync(path, text + '\n');
	return Buffer.byteLength(text) + 1;
}
