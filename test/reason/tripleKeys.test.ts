// The sort and merge primitives of the chainer's indexes, against plain
// comparison sorts of random triples (ids spanning several radix digits).
import { describe, expect, it } from 'vitest';
import { isSorted, mergeDisjoint, reorder, sortKeys, sortUnique } from '../../src/reason/tripleKeys.js';

function randomTriples(count: number, seed: number, maxId: number): Uint32Array {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % maxId;
  };
  return Uint32Array.from({ length: count * 3 }, next);
}

const rows = (keys: Uint32Array): number[][] => Array.from({ length: keys.length / 3 }, (_, i) => [...keys.subarray(i * 3, i * 3 + 3)]);
const compare = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

describe('triple keys', () => {
  it.each([7, 3_000, 5_000_000, 4_000_000_000])('sorts like a comparison sort (ids below %i)', (maxId) => {
    const keys = randomTriples(5_000, maxId, maxId);
    const expected = rows(keys).sort(compare);
    expect(rows(sortKeys(keys.slice()))).toEqual(expected);
  });

  it('drops repeated triples', () => {
    const keys = randomTriples(2_000, 1, 5);
    const expected = [...new Set(rows(keys).map((r) => r.join(' ')))].map((r) => r.split(' ').map(Number)).sort(compare);
    expect(rows(sortUnique(keys))).toEqual(expected);
  });

  it('makes another key order from a sorted one by sorting two columns', () => {
    const pso = sortUnique(randomTriples(3_000, 2, 40));
    const pos = sortKeys(reorder(pso, 'pso', 'pos'), 2);
    expect(rows(pos)).toEqual(rows(reorder(pso, 'pso', 'pos')).sort(compare));
  });

  it('tells sorted triples from unsorted ones', () => {
    expect(isSorted(Uint32Array.from([1, 2, 3, 1, 2, 3, 1, 3, 0, 2, 0, 0]))).toBe(true);
    expect(isSorted(Uint32Array.from([1, 2, 3, 1, 2, 2]))).toBe(false);
    expect(isSorted(Uint32Array.from([1, 2, 3, 1, 1, 9]))).toBe(false);
    expect(isSorted(new Uint32Array(0))).toBe(true);
  });

  it('merges disjoint sorted triples', () => {
    const all = rows(sortUnique(randomTriples(4_000, 3, 60)));
    const small = all.filter((_, i) => i % 7 === 3 || i < 5 || i > all.length - 4);
    const large = all.filter((r) => !small.includes(r));
    const merged = mergeDisjoint(Uint32Array.from(large.flat()), Uint32Array.from(small.flat()));
    expect(rows(merged)).toEqual(all);
    expect(rows(mergeDisjoint(new Uint32Array(0), Uint32Array.from(small.flat())))).toEqual(small);
  });
});
