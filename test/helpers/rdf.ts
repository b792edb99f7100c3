// Test helpers: a `ttl` template tag that parses Turtle into quads, and
// graph comparison by isomorphism (RDFC-1.0 canonical N-Quads), so blank
// node labels never decide a test.
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import canonize from 'rdf-canonize';
import { expect } from 'vitest';
import { TEST_PREFIXES } from './prefixes.js';

export { TEST_PREFIXES };



/** Parses Turtle (with the common prefixes predeclared) into default-graph quads. */
export function ttl(strings: TemplateStringsArray, ...values: unknown[]): Quad[] {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  return new Parser().parse(TEST_PREFIXES + text);
}

/** Canonical N-Quads of a graph; graph names are dropped (triples are compared). */
export async function canonical(quads: Iterable<Quad>): Promise<string> {
  const triples = [...quads].map((q) => ({
    subject: q.subject,
    predicate: q.predicate,
    object: q.object,
    graph: { termType: 'DefaultGraph', value: '' },
  }));
  return canonize.canonize(triples, { algorithm: 'RDFC-1.0' });
}

/** Asserts that two graphs are isomorphic, showing a readable diff when not. */
export async function expectIsomorphic(actual: Iterable<Quad>, expected: Iterable<Quad>): Promise<void> {
  const [a, e] = await Promise.all([canonical(actual), canonical(expected)]);
  expect(a.split('\n').sort()).toEqual(e.split('\n').sort());
}
