// Multi-key ORDER BY: Comunica 4.5 sorts key by key and needs a stable sort,
// which its SortIterator is not without src/query/stableOrderBy.ts. Checked
// in-process (the HTML pages' engine) and through the endpoint (the workers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompactStore } from '../../src/store/index.js';
import { SparqlEngine } from '../../src/query/sparqlEngine.js';
import { testApp, type TestApp } from '../helpers/app.js';

// Ties on ?x in every order of arrival, so an unstable insertion shows.
const ROWS = '("b" 2) ("a" 1) ("b" 3) ("a" 3) ("b" 1) ("a" 2) ("c" 5) ("c" 4) ("a" 7) ("c" 6) ("a" 0)';
const QUERIES: ReadonlyArray<[order: string, expected: string]> = [
  ['?x DESC(?y)', 'a7 a3 a2 a1 a0 b3 b2 b1 c6 c5 c4'],
  ['DESC(?x) ?y', 'c4 c5 c6 b1 b2 b3 a0 a1 a2 a3 a7'],
  ['?x ?y', 'a0 a1 a2 a3 a7 b1 b2 b3 c4 c5 c6'],
  ['DESC(?x) DESC(?y)', 'c6 c5 c4 b3 b2 b1 a7 a3 a2 a1 a0'],
  ['(?y > 2) ?x ?y', 'a0 a1 a2 b1 b2 a3 a7 b3 c4 c5 c6'],
];
const query = (order: string): string => `SELECT ?x ?y WHERE { VALUES (?x ?y) { ${ROWS} } } ORDER BY ${order}`;

describe('multi-key ORDER BY in the in-process engine', () => {
  const engine = new SparqlEngine(new CompactStore());
  it.each(QUERIES)('ORDER BY %s', async (order, expected) => {
    const rows = await engine.select(query(order));
    expect(rows.map((r) => `${r.x!.value}${r.y!.value}`).join(' ')).toBe(expected);
  });
});

describe('multi-key ORDER BY at /sparql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t.close());

  it.each(QUERIES)('ORDER BY %s', async (order, expected) => {
    const res = await t.app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query', accept: 'text/csv' }, payload: query(order) });
    expect(res.statusCode).toBe(200);
    const rows = res.body.trim().split(/\r?\n/).slice(1).map((line) => line.replace(',', ''));
    expect(rows.join(' ')).toBe(expected);
  });

  it('with LIMIT and OFFSET, the slice is taken from the right order', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query', accept: 'text/csv' }, payload: `${query('?x DESC(?y)')} LIMIT 3 OFFSET 2` });
    expect(res.body.trim().split(/\r?\n/).slice(1).map((line) => line.replace(',', ''))).toEqual(['a2', 'a1', 'a0']);
  });
});
