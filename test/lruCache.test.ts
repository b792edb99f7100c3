import { describe, expect, it } from 'vitest';
import { LruCache } from '../src/lruCache.js';

const bodyLength = (value: { body: string }): number => value.body.length;

describe('LruCache', () => {
  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = new LruCache<{ body: string }>({ maxEntries: 2, maxSize: 1000 }, bodyLength);
    cache.set('a', { body: 'A' });
    cache.set('b', { body: 'B' });
    expect(cache.get('a')?.body).toBe('A'); // a is now most recent
    cache.set('c', { body: 'C' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.body).toBe('A');
    expect(cache.get('c')?.body).toBe('C');
  });

  it('keeps the total size under maxSize and refuses entries over a quarter of it', () => {
    const cache = new LruCache<{ body: string }>({ maxEntries: 100, maxSize: 40 }, bodyLength);
    cache.set('big', { body: 'x'.repeat(11) });
    expect(cache.get('big')).toBeUndefined();
    for (const k of ['a', 'b', 'c', 'd', 'e']) cache.set(k, { body: 'y'.repeat(10) });
    expect(cache.size).toBe(4);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('e')?.body).toHaveLength(10);
  });

  it('replaces an entry under the same key without double counting', () => {
    const cache = new LruCache<{ body: string }>({ maxEntries: 10, maxSize: 40 }, bodyLength);
    for (let i = 0; i < 10; i++) cache.set('k', { body: 'z'.repeat(10) });
    cache.set('other', { body: 'w'.repeat(10) });
    expect(cache.size).toBe(2);
  });

  it('is bounded by the entry count alone without a sizeOf', () => {
    const cache = new LruCache<number>({ maxEntries: 3, maxSize: Infinity });
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
    expect(cache.get('k6')).toBeUndefined();
    expect(cache.get('k9')).toBe(9);
  });
});
