// Explanations: the shortest chain of asserted statements, each real and
// sourced in the draft.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { buildKnowledgeGraph, type KnowledgeGraph } from '../../src/knowledgeGraph.js';
import { explain, UnexplainableError, type Explanation } from '../../src/reason/explain.js';
import { BASE, DRAFT, GRAPH, OWL, RDF, RDFS, SKOS } from '../../src/namespaces.js';
import { DATA_DIR, FIXTURES_DIR, ONTOLOGY_DIR } from '../helpers/knowledgeGraph.js';

const role = (path: string) => `${BASE}protocol/${path.replace('/', '/role/')}`;
const category = (slug: string) => `${BASE}category/${slug}`;
const triples = (e: Explanation) => e.steps.map((s) => [s.subject, s.predicate, s.object]);

describe('explain', () => {
  let kg: KnowledgeGraph;
  beforeAll(async () => {
    kg = await buildKnowledgeGraph({ ontologyDir: ONTOLOGY_DIR, dataDir: DATA_DIR, userData: [join(FIXTURES_DIR, 'user-data')] });
  });

  const expectRealAndSourced = (e: Explanation) => {
    for (const s of e.steps) {
      const quad = DataFactory.quad(
        DataFactory.namedNode(s.subject),
        DataFactory.namedNode(s.predicate),
        s.object.startsWith('http') ? DataFactory.namedNode(s.object) : DataFactory.literal(s.object),
        DataFactory.namedNode(s.graph),
      );
      expect(kg.store.has(quad), `${s.subject} ${s.predicate} ${s.object} asserted in ${s.graph}`).toBe(true);
      expect(s.graph).not.toBe(GRAPH.entailments);
      expect(s.sources.length).toBeGreaterThan(0);
    }
  };

  it('explains the joiner ≡ pledge equivalence by the two asserted links, with justifications', () => {
    const e = explain(kg.store, role('thread/joiner'), `${OWL}equivalentClass`, role('brski/pledge'))!;
    expect(e.asserted).toBe(false);
    expect(triples(e)).toEqual([
      [role('dpp/enrollee'), `${OWL}equivalentClass`, role('thread/joiner')],
      [role('brski/pledge'), `${OWL}equivalentClass`, role('dpp/enrollee')],
    ]);
    expect(e.steps.map((s) => s.reversed)).toEqual([true, true]);
    for (const s of e.steps) {
      expect(s.justification).toMatch(/intends to securely join/);
      expect(s.sources).toContain(`${DRAFT}#section-3.2`);
    }
    expectRealAndSourced(e);
  });

  it('explains an inferred category membership: joiner → enrollee → joining device', () => {
    const e = explain(kg.store, role('thread/joiner'), `${RDFS}subClassOf`, category('joining-device'))!;
    expect(triples(e)).toEqual([
      [role('dpp/enrollee'), `${OWL}equivalentClass`, role('thread/joiner')],
      [role('dpp/enrollee'), `${RDFS}subClassOf`, category('joining-device')],
    ]);
    expect(e.steps[1]!.sources).toEqual([`${DRAFT}#section-3.2`]);
    expect(e.steps[1]!.justification).toBe("Section 3.2 lists 'enrollee' under 'Device that intends to securely join a network'.");
    expectRealAndSourced(e);
  });

  it('takes the shortest chain, never a detour through the rest of a large set', () => {
    // Ten users are chained in section order; bluetooth → thread is nine links,
    // and no statement may appear twice.
    const e = explain(kg.store, role('bluetooth/user'), `${OWL}equivalentClass`, role('thread/user'))!;
    expect(e.steps).toHaveLength(9);
    const nodes = e.steps.flatMap((s) => [s.subject, s.object]);
    expect(new Set(e.steps.map((s) => `${s.subject} ${s.object}`)).size).toBe(9);
    expect(new Set(nodes).size).toBe(10);
    // Neighbours in the chain are one link apart.
    expect(explain(kg.store, role('brski/user'), `${OWL}equivalentClass`, role('sztp/user'))!.steps).toHaveLength(1);
  });

  it('explains a user device typed through the equivalence, starting from the user graph', () => {
    const e = explain(kg.store, 'http://example.org/myDevice', `${RDF}type`, role('thread/joiner'))!;
    expect(e.steps[0]).toMatchObject({
      subject: 'http://example.org/myDevice',
      predicate: `${RDF}type`,
      object: role('brski/pledge'),
      graph: `${GRAPH.userPrefix}my-device`,
      sources: [`${GRAPH.userPrefix}my-device`],
    });
    expect(e.steps).toHaveLength(3);
    expectRealAndSourced(e);
  });

  it('reports an asserted statement as asserted, with its own source', () => {
    const e = explain(kg.store, role('brski/pledge'), `${RDFS}subClassOf`, category('joining-device'))!;
    expect(e.asserted).toBe(true);
    expect(e.steps).toHaveLength(1);
  });

  it('returns null for what does not follow, e.g. the Join Proxy and a Configurator', () => {
    expect(explain(kg.store, role('brski/join-proxy'), `${OWL}equivalentClass`, role('dpp/configurator'))).toBeNull();
    expect(explain(kg.store, role('brski/jrc'), `${OWL}equivalentClass`, role('brski/domain-registrar'))).toBeNull();
  });

  it('explains term-sense matches from section 3.1', () => {
    const e = explain(kg.store, `${BASE}protocol/est/term/enrollment`, `${SKOS}exactMatch`, `${BASE}protocol/brski/term/enrollment`)!;
    expect(e.steps).toHaveLength(1);
    expect(e.steps[0]!.reversed).toBe(true);
    expect(e.steps[0]!.sources).toEqual([`${DRAFT}#section-3.1`]);
  });

  it('refuses predicates it cannot explain', () => {
    expect(() => explain(kg.store, role('brski/pledge'), `${RDFS}label`, 'x')).toThrow(UnexplainableError);
  });
});
