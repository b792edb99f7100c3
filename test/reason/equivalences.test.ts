// Closure and soundness of the role equivalences on the real graph.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import type { QuadStore } from '../../src/store/index.js';
import type { Quad } from '@rdfjs/types';
import { buildKnowledgeGraph, type KnowledgeGraph } from '../../src/knowledgeGraph.js';
import { BASE, GRAPH, IOT, OWL, RDF, RDFS, SKOS } from '../../src/namespaces.js';
import { categoriesOf } from '../../src/reason/soundness.js';
import { SparqlEngine } from '../../src/query/sparqlEngine.js';
import { DATA_DIR, FIXTURES_DIR, ONTOLOGY_DIR, embeddedKnowledgeGraph } from '../helpers/knowledgeGraph.js';

const { namedNode } = DataFactory;
const role = (path: string) => `${BASE}protocol/${path.replace('/', '/role/')}`;
const EQUIVALENT = namedNode(`${OWL}equivalentClass`);
const ENTAILMENTS = namedNode(GRAPH.entailments);
const DATA = namedNode(GRAPH.data);

/** Connected components of the asserted owl:equivalentClass statements. */
function assertedEquivalenceSets(store: QuadStore): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x) ?? (parent.set(x, x), x);
    return x;
  };
  for (const q of store.getQuads(null, EQUIVALENT, null, DATA)) {
    for (const t of [q.subject.value, q.object.value]) if (!parent.has(t)) parent.set(t, t);
    parent.set(find(q.subject.value), find(q.object.value));
  }
  const sets = new Map<string, string[]>();
  for (const x of parent.keys()) sets.set(find(x), [...(sets.get(find(x)) ?? []), x]);
  return [...sets.values()].map((s) => s.sort());
}

describe('role equivalences', () => {
  let kg: KnowledgeGraph;
  beforeAll(async () => {
    kg = await embeddedKnowledgeGraph();
  });

  it('asserts exactly the five equivalence sets the data documents', () => {
    const sets = assertedEquivalenceSets(kg.store).map((s) => s.length).sort((a, b) => a - b);
    // joining device (3), administrators (5), owners (8), makers (9), human users (10)
    expect(sets).toEqual([3, 5, 8, 9, 10]);
  });

  it('reaches the DPP enrollee and Thread joiner from the BRSKI pledge, and back', () => {
    const trio = ['brski/pledge', 'dpp/enrollee', 'thread/joiner'].map(role);
    for (const a of trio) {
      for (const b of trio) {
        if (a === b) continue;
        expect(kg.store.has(DataFactory.quad(namedNode(a), EQUIVALENT, namedNode(b), ENTAILMENTS)) ||
          kg.store.has(DataFactory.quad(namedNode(a), EQUIVALENT, namedNode(b), DATA)), `${a} ≡ ${b}`).toBe(true);
        expect(kg.store.countQuads(a, `${SKOS}exactMatch`, b, null), `${a} skos:exactMatch ${b}`).toBe(1);
      }
    }
  });

  it('closes every asserted equivalence set in both directions, and links nothing outside it', () => {
    for (const set of assertedEquivalenceSets(kg.store)) {
      for (const a of set) {
        const equivalents = kg.store.getObjects(a, EQUIVALENT, null).map((t) => t.value).sort();
        expect(equivalents).toEqual(set.filter((x) => x !== a));
      }
    }
  });

  it('never makes two roles of different section 3.2 categories equivalent', () => {
    for (const q of kg.store.getQuads(null, EQUIVALENT, null, null)) {
      expect(categoriesOf(kg.store, q.subject.value), `${q.subject.value} vs ${q.object.value}`).toEqual(
        categoriesOf(kg.store, q.object.value),
      );
    }
  });

  it('gives each category exactly the intended members after reasoning', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected-categories.json'), 'utf8')) as Record<string, string[]>;
    delete expected._comment;
    expect(Object.keys(expected)).toHaveLength(9);
    for (const [category, members] of Object.entries(expected)) {
      const actual = kg.store
        .getSubjects(`${RDFS}subClassOf`, `${BASE}category/${category}`, null)
        .map((t) => t.value)
        .filter((v) => v.startsWith(`${BASE}protocol/`))
        .map((v) => v.slice(`${BASE}protocol/`.length).replace('/role/', '/'));
      expect([...new Set(actual)].sort(), category).toEqual([...members].sort());
    }
  });

  it('keeps the overlapping categories apart: Bootstrap Server is aiding and steering, yet not equivalent to the Join Proxy or a Configurator', () => {
    expect(categoriesOf(kg.store, role('sztp/bootstrap-server'))).toEqual([
      `${BASE}category/aiding-entity`,
      `${BASE}category/steering-entity`,
    ]);
    for (const other of ['brski/join-proxy', 'dpp/configurator', 'brski/jrc', 'brski/domain-registrar']) {
      expect(kg.store.countQuads(role('sztp/bootstrap-server'), EQUIVALENT, role(other), null)).toBe(0);
      expect(kg.store.countQuads(role('brski/join-proxy'), EQUIVALENT, role(other), null)).toBe(0);
    }
  });

  it('shows entailments in the default graph and hides them from a query over the asserted graphs', async () => {
    const engine = new SparqlEngine(kg.store);
    const query = (from: string) => `PREFIX owl: <${OWL}>
      SELECT ?x ${from} WHERE { <${role('thread/joiner')}> owl:equivalentClass ?x } ORDER BY ?x`;
    const all = await engine.select(query(''));
    expect(all.map((r) => r.x!.value)).toEqual([role('brski/pledge'), role('dpp/enrollee')]);
    const asserted = await engine.select(query(`FROM <${GRAPH.data}> FROM <${GRAPH.ontology}>`));
    expect(asserted.map((r) => r.x!.value)).toEqual([]);
  });
});

describe('removing one asserted equivalence', () => {
  it('removes exactly its consequences', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iot-data-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    const file = join(dir, 'equivalences.ttl');
    const text = readFileSync(file, 'utf8');
    // The enrollee ≡ joiner statement and its axiom annotation.
    const statement = /<protocol\/dpp\/role\/enrollee> owl:equivalentClass <protocol\/thread\/role\/joiner> \.\n\[\] a owl:Axiom ;[\s\S]*?\n\n/;
    expect(text).toMatch(statement);
    writeFileSync(file, text.replace(statement, ''));

    const before = await embeddedKnowledgeGraph();
    const after = await buildKnowledgeGraph({ ontologyDir: ONTOLOGY_DIR, dataDir: dir, userData: [] });
    const key = (q: Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`;
    // Blank nodes (axiom annotations) are relabelled on every parse, so only
    // statements between named resources are compared.
    const named = (q: Quad) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode';
    const entailed = (kg: KnowledgeGraph) =>
      new Set(kg.store.getQuads(null, null, null, ENTAILMENTS).filter(named).map(key));
    const [b, a] = [entailed(before), entailed(after)];
    const removed = [...b].filter((t) => !a.has(t));
    const added = [...a].filter((t) => !b.has(t));

    expect(added).toEqual([]);
    const joiner = role('thread/joiner');
    // Everything that disappeared is about the joiner's link to the other two.
    expect(removed.length).toBeGreaterThan(0);
    for (const t of removed) expect(t.includes(joiner), t).toBe(true);
    expect(removed).toContain(`${joiner} ${OWL}equivalentClass ${role('brski/pledge')}`);
    expect(removed).toContain(`${joiner} ${RDFS}subClassOf ${BASE}category/joining-device`);
    // … and the rest of the set still holds.
    expect(a.has(`${role('dpp/enrollee')} ${OWL}equivalentClass ${role('brski/pledge')}`)).toBe(true);
    expect(categoriesOf(after.store, joiner)).toEqual([]);
  });
});

describe('user data', () => {
  it('types a device declared as a BRSKI pledge as a DPP enrollee, a Thread joiner and a joining device', async () => {
    const kg = await buildKnowledgeGraph({
      ontologyDir: ONTOLOGY_DIR,
      dataDir: DATA_DIR,
      userData: [join(FIXTURES_DIR, 'user-data')],
    });
    const device = 'http://example.org/myDevice';
    const types = kg.store.getObjects(device, `${RDF}type`, ENTAILMENTS).map((t) => t.value).sort();
    expect(types).toEqual(
      [role('dpp/enrollee'), role('thread/joiner'), `${BASE}category/joining-device`, `${IOT}Player`,
        // the user's own role, mapped to the pledge in the same file
        'http://example.org/FactoryNewDevice'].sort(),
    );
    // The user's file has a graph of its own.
    expect(kg.store.countQuads(device, `${RDF}type`, role('brski/pledge'), `${GRAPH.userPrefix}my-device`)).toBe(1);
    // A user role mapped with skos:exactMatch becomes a class-level equivalent.
    const other = 'http://example.org/otherDevice';
    expect(kg.store.countQuads(other, `${RDF}type`, role('thread/joiner'), ENTAILMENTS)).toBe(1);
    expect(kg.store.countQuads('http://example.org/FactoryNewDevice', EQUIVALENT, role('dpp/enrollee'), ENTAILMENTS)).toBe(1);
  });
});
