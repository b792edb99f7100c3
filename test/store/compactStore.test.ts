// The compact store must answer every pattern exactly as N3.Store does on
// the same quads: each combination of bound positions, blank nodes,
// literals with language or datatype, the default graph, duplicates and
// removals.
import { describe, expect, it } from 'vitest';
import { DataFactory, Store, type Term as N3Term } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { CompactStore, termKey } from '../../src/store/index.js';
import { Prng } from '../../bench/lib/prng.js';

const { namedNode, blankNode, literal, defaultGraph, quad } = DataFactory;
const XSD_INTEGER = namedNode('http://www.w3.org/2001/XMLSchema#integer');

const subjects: Quad['subject'][] = [...Array(8)].map((_, i) => (i % 3 === 0 ? blankNode(`b${i}`) : namedNode(`http://example.org/s${i}`)));
const predicates: Quad['predicate'][] = [...Array(4)].map((_, i) => namedNode(`http://example.org/p${i}`));
const objects: Quad['object'][] = [
  ...subjects,
  literal('plain'),
  literal('chat', 'fr'),
  literal('chat', 'en'),
  literal('42', XSD_INTEGER),
  literal('42'),
  literal('ünïcödé ✓'),
  literal('with "quotes"'),
];
const graphs: Quad['graph'][] = [defaultGraph(), namedNode('http://example.org/g1'), namedNode('http://example.org/g2')];

function randomQuads(seed: number, n: number): Quad[] {
  const rng = new Prng(seed);
  return [...Array(n)].map(() => quad(rng.pick(subjects), rng.pick(predicates), rng.pick(objects), rng.pick(graphs)) as Quad);
}

const key = (q: Quad): string => JSON.stringify([termKey(q.subject), termKey(q.predicate), termKey(q.object), termKey(q.graph)]);
const keys = (quads: Iterable<Quad>): string[] => [...quads].map(key).sort();
const termKeys = (terms: Term[]): string[] => terms.map((t) => termKey(t)).sort();

/** Every combination of bound positions, each with a term that occurs and one that does not. */
function patterns(): Array<[Term | null, Term | null, Term | null, Term | null]> {
  const out: Array<[Term | null, Term | null, Term | null, Term | null]> = [];
  const choices = [
    [null, subjects[0]!, subjects[1]!, namedNode('http://example.org/unknown')],
    [null, predicates[1]!, predicates[2]!],
    [null, objects[2]!, literal('chat', 'fr'), literal('42', XSD_INTEGER), literal('42'), literal('nowhere')],
    [null, defaultGraph(), graphs[1]!],
  ] as const;
  for (const s of choices[0]) for (const p of choices[1]) for (const o of choices[2]) for (const g of choices[3]) out.push([s, p, o, g]);
  return out;
}

/** N3's typings want its own term classes; the terms here are made by its DataFactory anyway. */
const asN3 = (term: Term | null): N3Term | null => term as N3Term | null;

function compareAll(compact: CompactStore, n3: Store): void {
  expect(compact.size).toBe(n3.size);
  expect(keys(compact)).toEqual(keys(n3));
  for (const [s, p, o, g] of patterns()) {
    const [ns, np, no, ng] = [asN3(s), asN3(p), asN3(o), asN3(g)];
    const label = JSON.stringify([s?.value, p?.value, o?.value, g?.termType]);
    expect(keys(compact.getQuads(s, p, o, g)), label).toEqual(keys(n3.getQuads(ns, np, no, ng)));
    expect(compact.countQuads(s, p, o, g), label).toBe(n3.countQuads(ns, np, no, ng));
    expect(keys(compact.match(s, p, o, g)), label).toEqual(keys(n3.match(ns, np, no, ng)));
    expect(termKeys(compact.getSubjects(p, o, g)), label).toEqual(termKeys(n3.getSubjects(np, no, ng)));
    expect(termKeys(compact.getPredicates(s, o, g)), label).toEqual(termKeys(n3.getPredicates(ns, no, ng)));
    expect(termKeys(compact.getObjects(s, p, g)), label).toEqual(termKeys(n3.getObjects(ns, np, ng)));
    expect(termKeys(compact.getGraphs(s, p, o)), label).toEqual(termKeys(n3.getGraphs(ns, np, no)));
  }
}

describe('CompactStore', () => {
  it('answers every pattern as N3.Store does, duplicates included', () => {
    const quads = randomQuads(42, 600);
    compareAll(new CompactStore([...quads, ...quads.slice(0, 100)]), new Store([...quads, ...quads.slice(0, 100)]));
  });

  it('takes N3 id strings as patterns', () => {
    const quads = randomQuads(7, 200);
    const compact = new CompactStore(quads);
    const n3 = new Store(quads);
    expect(keys(compact.getQuads('http://example.org/s1', null, '"chat"@fr', null))).toEqual(keys(n3.getQuads('http://example.org/s1', null, '"chat"@fr', null)));
    expect(compact.countQuads(null, null, null, '')).toBe(n3.countQuads(null, null, null, ''));
  });

  it('removes quads and stays consistent after more writes', () => {
    const quads = randomQuads(3, 500);
    const compact = new CompactStore(quads);
    const n3 = new Store(quads);
    const gone = quads.filter((_, i) => i % 3 === 0);
    compact.removeQuads(gone);
    n3.removeQuads(gone);
    compareAll(compact, n3);
    const more = randomQuads(4, 300);
    compact.addQuads(more);
    n3.addQuads(more);
    compareAll(compact, n3);
    compact.removeQuads(compact.getQuads(null, null, null, graphs[1]));
    n3.removeQuads(n3.getQuads(null, null, null, graphs[1]));
    compareAll(compact, n3);
  });

  it('adds a triple in the default graph with addQuad(s, p, o)', () => {
    const store = new CompactStore();
    store.addQuad(subjects[1]!, predicates[0]!, literal('x'));
    expect(store.getQuads(null, null, null, defaultGraph())).toHaveLength(1);
    expect(store.has(quad(subjects[1]!, predicates[0]!, literal('x')) as Quad)).toBe(true);
  });

  it('keeps literal terms intact (language, datatype, quotes, unicode)', () => {
    const store = new CompactStore(objects.map((o) => quad(subjects[1]!, predicates[0]!, o) as Quad));
    for (const o of objects) expect(store.getObjects(subjects[1]!, predicates[0]!, null).some((t) => t.equals(o)), termKey(o)).toBe(true);
  });

  it('streams matches lazily and as a DatasetCore', async () => {
    const quads = randomQuads(9, 300);
    const compact = new CompactStore(quads);
    const n3 = new Store(quads);
    const streamed: Quad[] = [];
    for await (const q of compact.match(null, predicates[1]!, null, null)) streamed.push(q as Quad);
    expect(keys(streamed)).toEqual(keys(n3.getQuads(null, predicates[1]!, null, null)));
    const view = compact.match(null, predicates[1]!, null, null);
    expect(view.size).toBe(n3.countQuads(null, predicates[1]!, null, null));
    expect(keys(view.match(subjects[1]!))).toEqual(keys(n3.getQuads(subjects[1]!, predicates[1]!, null, null)));
  });

  it('gives id triples of chosen graphs, deduplicated, and adds id triples', () => {
    const quads = randomQuads(11, 400);
    const compact = new CompactStore(quads);
    const triples = compact.tripleIds([graphs[1]!, graphs[2]!]);
    const expected = new Set(quads.filter((q) => !q.graph.equals(defaultGraph())).map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`));
    const got: string[] = [];
    for (let i = 0; i < triples.length; i += 3) got.push(`${termKey(compact.termOf(triples[i]!))} ${termKey(compact.termOf(triples[i + 1]!))} ${termKey(compact.termOf(triples[i + 2]!))}`);
    expect(got.sort()).toEqual([...expected].sort());
    const target = namedNode('http://example.org/entailments');
    compact.addTripleIds(triples, target);
    expect(compact.countQuads(null, null, null, target)).toBe(expected.size);
    compact.clearGraph(target.value);
    expect(compact.countQuads(null, null, null, target)).toBe(0);
    expect(compact.size).toBe(new Store(quads).size);
  });

  it('views a dataset: chosen graphs merged into the default graph, others named', () => {
    const quads = randomQuads(13, 300);
    const compact = new CompactStore(quads);
    const view = compact.graphView([graphs[1]!, graphs[2]!], [graphs[1]!]);
    const merged = new Set(quads.filter((q) => !q.graph.equals(defaultGraph())).map((q) => key(quad(q.subject, q.predicate, q.object) as Quad)));
    expect(keys(view.getQuads(null, null, null, defaultGraph()))).toEqual([...merged].sort());
    expect(view.countQuads(null, null, null, graphs[1]!)).toBe(compact.countQuads(null, null, null, graphs[1]!));
    expect(view.countQuads(null, null, null, graphs[2]!)).toBe(0);
  });
});

describe('CompactStore.getMergedTriples', () => {
  it('gives each triple of the chosen graphs once, in the default graph, for every pattern', () => {
    const quads = randomQuads(17, 800);
    const compact = new CompactStore(quads);
    const chosen = [graphs[1]!, graphs[2]!];
    for (const [s, p, o] of patterns()) {
      const expected = new Set(
        quads
          .filter((q) => chosen.some((g) => g.equals(q.graph)))
          .filter((q) => (!s || s.equals(q.subject)) && (!p || p.equals(q.predicate)) && (!o || o.equals(q.object)))
          .map((q) => key(quad(q.subject, q.predicate, q.object) as Quad)),
      );
      expect(keys(compact.getMergedTriples(s, p, o, chosen))).toEqual([...expected].sort());
    }
  });
});
