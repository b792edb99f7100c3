// A small LRU cache of serialized query results. The graph is read-only for
// the life of a QueryService, so an identical request (same query text,
// dataset, parameters and format) always has the same answer; a reload
// builds a new service and therefore starts with an empty cache.
export interface CacheLimits {
  maxEntries: number;
  maxBytes: number;
}

export class ResultCache<V extends { body: string }> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;

  constructor(private readonly limits: CacheLimits) {}

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
    const size = value.body.length;
    if (size > this.limits.maxBytes / 4) return; // one huge result must not flush everything
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += size;
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.bytes -= this.entries.get(oldest)!.body.length;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
