// Maps terms, written as N3-style id strings (`termKey.ts`), to dense uint32
// ids and back. The strings are kept UTF-8 in one byte buffer and found
// through an open-addressing hash table; everything lives in
// SharedArrayBuffers, so a query worker attaches to the same memory instead
// of rebuilding a Map of millions of entries (a Map also costs ~100 bytes a
// term, the buffers cost the string plus 12 bytes).
import { Buffer } from 'node:buffer';

/** What a worker needs to read a dictionary built elsewhere. */
export interface SharedDictionary {
  bytes: SharedArrayBuffer;
  /** offsets[id] is where term id starts in `bytes`, offsets[id + 1] where it ends. */
  offsets: SharedArrayBuffer;
  hashes: SharedArrayBuffer;
  /** Hash table: id + 1 per slot, 0 for an empty slot; its length is a power of two. */
  slots: SharedArrayBuffer;
  count: number;
}

export class ReadOnlyDictionaryError extends Error {
  override name = 'ReadOnlyDictionaryError';
}

const INITIAL_TERMS = 1024;
/** Keys found recently, kept at most: lookups (not loading) repeat the same few terms, and a Map hashes a string once. */
const FOUND_CACHE_LIMIT = 1 << 16;

function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(length * 4));
}

/** FNV-1a over UTF-16 code units; the second result tells whether every unit is ASCII. */
function hashKey(key: string): { hash: number; ascii: boolean } {
  let hash = 0x811c9dc5;
  let bits = 0;
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    bits |= unit;
    hash = Math.imul(hash ^ unit, 16777619);
  }
  return { hash: hash >>> 0, ascii: bits < 0x80 };
}

export class TermDictionary {
  private bytes: Buffer;
  private offsets: Uint32Array;
  private hashes: Uint32Array;
  private slots: Uint32Array;
  private termCount: number;
  private frozen = false;
  private readonly found = new Map<string, number>();

  constructor(shared?: SharedDictionary) {
    if (shared) {
      this.bytes = Buffer.from(shared.bytes);
      this.offsets = new Uint32Array(shared.offsets);
      this.hashes = new Uint32Array(shared.hashes);
      this.slots = new Uint32Array(shared.slots);
      this.termCount = shared.count;
      this.frozen = true;
    } else {
      this.bytes = Buffer.from(new SharedArrayBuffer(INITIAL_TERMS * 32));
      this.offsets = sharedUint32(INITIAL_TERMS + 1);
      this.hashes = sharedUint32(INITIAL_TERMS);
      this.slots = sharedUint32(INITIAL_TERMS * 2);
      this.termCount = 0;
    }
  }

  get size(): number {
    return this.termCount;
  }

  get readOnly(): boolean {
    return this.frozen;
  }

  /** No more terms: from now on the buffers may be read by other threads. */
  freeze(): SharedDictionary {
    if (!this.frozen) this.trim();
    this.frozen = true;
    return this.snapshot();
  }

  /**
   * The buffers as they are, for other threads to read while this one may
   * still add terms: additions only write past the snapshot's terms (or
   * into new buffers when growing), and readers skip ids past its count.
   */
  snapshot(): SharedDictionary {
    return {
      bytes: this.bytes.buffer as SharedArrayBuffer,
      offsets: this.offsets.buffer as SharedArrayBuffer,
      hashes: this.hashes.buffer as SharedArrayBuffer,
      slots: this.slots.buffer as SharedArrayBuffer,
      count: this.termCount,
    };
  }

  /** The id of `key`, or -1 when the dictionary does not hold it. */
  find(key: string): number {
    const cached = this.found.get(key);
    if (cached !== undefined) return cached;
    const id = this.probe(key);
    // Misses are not kept: a term added later must be found.
    if (id >= 0) {
      if (this.found.size >= FOUND_CACHE_LIMIT) this.found.clear();
      this.found.set(key, id);
    }
    return id;
  }

  private probe(key: string): number {
    const { hash, ascii } = hashKey(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      // An id past the count was added by the owning thread after this snapshot.
      if (id < this.termCount && this.hashes[id] === hash && this.keyEquals(id, key, ascii)) return id;
    }
  }

  /** The id of `key`, added when new. */
  intern(key: string): number {
    const { hash, ascii } = hashKey(key);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === hash && this.keyEquals(id, key, ascii)) return id;
    }
    if (this.frozen) throw new ReadOnlyDictionaryError(`The term dictionary is shared and read-only; cannot add ${key.slice(0, 80)}`);
    const id = this.append(key, hash);
    this.slots[slot] = id + 1;
    // Half full at most keeps probe sequences short.
    if (this.termCount * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  key(id: number): string {
    if (id < 0 || id >= this.termCount) throw new RangeError(`No term with id ${id}`);
    return this.bytes.toString('utf8', this.offsets[id]!, this.offsets[id + 1]!);
  }

  /** The first UTF-8 byte of a term's key: tells its kind without decoding it (`"` literal, `_` blank node). */
  firstByte(id: number): number {
    return this.offsets[id] === this.offsets[id + 1] ? 0 : this.bytes[this.offsets[id]!]!;
  }

  /** Bytes held, for the measurements. */
  get byteLength(): number {
    return this.bytes.length + this.offsets.byteLength + this.hashes.byteLength + this.slots.byteLength;
  }

  private keyEquals(id: number, key: string, ascii: boolean): boolean {
    const start = this.offsets[id]!;
    const end = this.offsets[id + 1]!;
    if (!ascii) return this.bytes.toString('utf8', start, end) === key;
    if (end - start !== key.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private append(key: string, hash: number): number {
    const id = this.termCount;
    const start = this.offsets[id]!;
    // A UTF-16 unit is at most three UTF-8 bytes.
    if (start + key.length * 3 > this.bytes.length) this.growBytes(start + key.length * 3);
    const written = this.bytes.write(key, start, 'utf8');
    if (id >= this.hashes.length) this.growTerms();
    this.offsets[id + 1] = start + written;
    this.hashes[id] = hash;
    this.termCount = id + 1;
    return id;
  }

  private growBytes(needed: number): void {
    let length = this.bytes.length * 2;
    while (length < needed) length *= 2;
    const bytes = Buffer.from(new SharedArrayBuffer(length));
    this.bytes.copy(bytes, 0, 0, this.offsets[this.termCount]!);
    this.bytes = bytes;
  }

  /** Room for twice as many terms (offsets has one entry more than hashes: the end of the last term). */
  private growTerms(): void {
    const offsets = sharedUint32(this.hashes.length * 2 + 1);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const hashes = sharedUint32(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  /** Gives back the room kept for growth (up to half of each buffer) once no term can be added. */
  private trim(): void {
    const used = this.offsets[this.termCount]!;
    const bytes = Buffer.from(new SharedArrayBuffer(used));
    this.bytes.copy(bytes, 0, 0, used);
    this.bytes = bytes;
    const offsets = sharedUint32(this.termCount + 1);
    offsets.set(this.offsets.subarray(0, this.termCount + 1));
    this.offsets = offsets;
    const hashes = sharedUint32(this.termCount);
    hashes.set(this.hashes.subarray(0, this.termCount));
    this.hashes = hashes;
  }

  private rehash(length: number): void {
    const slots = sharedUint32(length);
    const mask = length - 1;
    for (let id = 0; id < this.termCount; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}
