/**
 * The ids an import has accepted, for its duplicate-id check: an open-addressing hash table of
 * entry numbers in typed arrays (FNV-1a over the id's characters), the id strings compared only
 * when their hashes match. In a 1 M-row import, a JS Set of the fresh id strings cost about a
 * fifth of the whole import (measured A/B, whole process); this keeps one array of the strings
 * and no per-entry records.
 */
export class IdSet {
	private slots: Int32Array = new Int32Array(1 << 12).fill(-1);
	private hashes: Int32Array = new Int32Array(1 << 11);
	private keys: string[] = [];

	get size(): number {
		return this.keys.length;
	}

	/** Adds `id`; false (and nothing added) when it is there already. */
	add(id: string): boolean {
		const hash = fnv1a(id);
		const mask = this.slots.length - 1;
		let slot = hash & mask;
		for (let entry = this.slots[slot]!; entry !== -1; entry = this.slots[slot]!) {
			if (this.hashes[entry] === hash && this.keys[entry] === id) return false;
			slot = (slot + 1) & mask;
		}
		const entry = this.keys.length;
		if (entry === this.hashes.length) this.hashes = grown(this.hashes, entry * 2);
		this.keys.push(id);
		this.hashes[entry] = hash;
		this.slots[slot] = entry;
		// Kept at most half full, so probes stay short.
		if (this.keys.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
		return true;
	}

	private rehash(capacity: number) {
		const slots = new Int32Array(capacity).fill(-1);
		const mask = capacity - 1;
		for (let entry = 0; entry < this.keys.length; entry++) {
			let slot = this.hashes[entry]! & mask;
			while (slots[slot] !== -1) slot = (slot + 1) & mask;
			slots[slot] = entry;
		}
		this.slots = slots;
	}
}

/** A copy of `array` with room for `length` entries. */
export function grown(array: Int32Array, length: number): Int32Array {
	const out = new Int32Array(length);
	out.set(array);
	return out;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(s: string): number {
	let h = 0x811c9dc5;
	for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
	return h | 0;
}
