// A small LRU cache bounded by entry count and by a size budget. Used for
// what is worked out once per distinct request over read-only data (query
// results, negotiated answers): a reload builds new owners of these caches
// and therefore starts with empty ones.
export interface CacheLimits {
  maxEntries: number;
  /** Budget for the sum of sizeOf over the entries. */
  maxSize: number;
}

export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  private used = 0;

  /** `sizeOf` defaults to 0: only the entry count bounds the cache. */
  constructor(
    private readonly limits: CacheLimits,
    private readonly sizeOf: (value: V) => number = () => 0,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-insert to mark as most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.limits.maxSize / 4) return; // one huge entry must not flush everything
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.used -= this.sizeOf(old);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.used += size;
    while (this.entries.size > this.limits.maxEntries || this.used > this.limits.maxSize) {
      const oldest = this.entries.keys().next().value as string;
      this.used -= this.sizeOf(this.entries.get(oldest)!);
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
