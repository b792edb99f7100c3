import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/query/resultCache.js';

describe('ResultCache', () => {
  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = new ResultCache<{ body: string }>({ maxEntries: 2, maxBytes: 1000 });
    cache.set('a', { body: 'A' });
    cache.set('b', { body: 'B' });
    expect(cache.get('a')?.body).toBe('A'); // a is now most recent
    cache.set('c', { body: 'C' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.body).toBe('A');
    expect(cache.get('c')?.body).toBe('C');
  });

  it('keeps the total size under maxBytes and refuses entries over a quarter of it', () => {
    const cache = new ResultCache<{ body: string }>({ maxEntries: 100, maxBytes: 40 });
    cache.set('big', { body: 'x'.repeat(11) });
    expect(cache.get('big')).toBeUndefined();
    for (const k of ['a', 'b', 'c', 'd', 'e']) cache.set(k, { body: 'y'.repeat(10) });
    expect(cache.size).toBe(4);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('e')?.body).toHaveLength(10);
  });

  it('replaces an entry under the same key without double counting', () => {
    const cache = new ResultCache<{ body: string }>({ maxEntries: 10, maxBytes: 40 });
    for (let i = 0; i < 10; i++) cache.set('k', { body: 'z'.repeat(10) });
    cache.set('other', { body: 'w'.repeat(10) });
    expect(cache.size).toBe(2);
  });
});
