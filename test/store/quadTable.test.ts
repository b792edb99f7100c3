// The id table against a plain reference: radix-sorted rows without
// duplicates, every index order, removals, and writes after a seal.
import { describe, expect, it } from 'vitest';
import { ANY, ABSENT, QuadTable, type IdPattern } from '../../src/store/quadTable.js';
import { Prng } from '../../bench/lib/prng.js';

type Row = [number, number, number, number];
const rowKey = (r: readonly number[]): string => r.join(' ');

function randomRows(seed: number, n: number, range: number): Row[] {
  const rng = new Prng(seed);
  const id = (): number => Math.floor(rng.next() * range);
  return [...Array(n)].map((): Row => [id(), id() % 5, id(), id() % 3]);
}

function rowsOf(table: QuadTable, pattern: IdPattern): string[] {
  const out: string[] = [];
  table.scan(pattern, (row) => {
    out.push(rowKey([0, 1, 2, 3].map((c) => table.id(row, c))));
  });
  return out.sort();
}

function expected(rows: Row[], pattern: IdPattern): string[] {
  return [...new Set(rows.filter((r) => r.every((id, c) => pattern[c] === ANY || pattern[c] === id)).map(rowKey))].sort();
}

describe('QuadTable', () => {
  const rows = randomRows(1, 20_000, 60);
  const table = new QuadTable();
  for (const r of rows) table.add(...r);

  it('keeps each distinct row once', () => {
    expect(table.size).toBe(new Set(rows.map(rowKey)).size);
  });

  it('answers every combination of bound positions (and counts them)', () => {
    const samples = [rows[0]!, rows[77]!, [59, 4, 0, 2] as Row];
    for (const sample of samples) {
      for (let mask = 0; mask < 16; mask++) {
        const pattern = sample.map((id, c) => ((mask >> c) & 1 ? id : ANY)) as unknown as IdPattern;
        expect(rowsOf(table, pattern), `${mask} ${rowKey(sample)}`).toEqual(expected(rows, pattern));
        expect(table.count(pattern)).toBe(expected(rows, pattern).length);
      }
    }
    expect(table.count([ABSENT, ANY, ANY, ANY])).toBe(0);
  });

  it('stays right after removals and more writes', () => {
    const gone = rows.filter((_, i) => i % 4 === 0);
    for (const r of gone) table.remove(...r);
    const goneKeys = new Set(gone.map(rowKey));
    let remaining = rows.filter((r) => !goneKeys.has(rowKey(r)));
    expect(rowsOf(table, [ANY, 2, ANY, ANY])).toEqual(expected(remaining, [ANY, 2, ANY, ANY]));
    const more = randomRows(2, 5000, 80);
    for (const r of more) table.add(...r);
    remaining = [...remaining, ...more];
    expect(table.size).toBe(new Set(remaining.map(rowKey)).size);
    expect(rowsOf(table, [ANY, ANY, 70, ANY])).toEqual(expected(remaining, [ANY, ANY, 70, ANY]));
    expect(rowsOf(table, [ANY, ANY, ANY, 1])).toEqual(expected(remaining, [ANY, ANY, ANY, 1]));
  });

  it('gives distinct (s, p, o) triples of chosen graphs in SPO order', () => {
    const triples = table.triples(new Set([0, 2]));
    const seen: string[] = [];
    for (let i = 0; i < triples.length; i += 3) seen.push(rowKey([triples[i]!, triples[i + 1]!, triples[i + 2]!]));
    expect(new Set(seen).size).toBe(seen.length);
    const sorted = [...seen].sort((a, b) => {
      const x = a.split(' ').map(Number);
      const y = b.split(' ').map(Number);
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    });
    expect(seen).toEqual(sorted);
  });
});
