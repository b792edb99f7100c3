// What the server says about one resource, read straight from the store
// (no SPARQL string building): its own statements (asserted and inferred,
// kept in their graphs), the blank nodes they lead to, the axiom
// annotations that justify them, its incoming links, and the labels of
// everything it links to.
import { DataFactory } from 'n3';
import type { QuadStore } from '../store/index.js';
import type { Quad, Term } from '@rdfjs/types';
import { GRAPH, OWL, RDFS, SKOS } from '../namespaces.js';

const { namedNode } = DataFactory;
const LABEL = namedNode(`${RDFS}label`);
const PREF_LABEL = namedNode(`${SKOS}prefLabel`);

export interface ResourceDescription {
  iri: string;
  /** Statements about the resource, with blank-node closure; graph = where each holds. */
  own: Quad[];
  /** owl:Axiom annotations of statements about the resource (with closure). */
  annotations: Quad[];
  /** Statements from other resources pointing at this one. */
  incoming: Quad[];
  /** rdfs:label statements of linked resources, so a client can show names. */
  linkedLabels: Quad[];
}

/** null when the store says nothing about `iri` (as subject). */
export function describeResource(store: QuadStore, iri: string): ResourceDescription | null {
  const subject = namedNode(iri);
  const direct = store.getQuads(subject, null, null, null);
  if (direct.length === 0) return null;
  const own = withBlankNodeClosure(store, direct);
  const annotations = withBlankNodeClosure(
    store,
    store
      .getSubjects(namedNode(`${OWL}annotatedSource`), subject, null)
      .flatMap((axiom) => store.getQuads(axiom, null, null, null)),
  );
  const incoming = store.getQuads(null, null, subject, null).filter((q) => q.subject.termType === 'NamedNode');
  const linked = new Set<string>();
  for (const q of [...own, ...annotations, ...incoming]) {
    for (const t of [q.subject, q.object]) if (t.termType === 'NamedNode' && t.value !== iri) linked.add(t.value);
  }
  const linkedLabels = [...linked].flatMap((other) => labelQuads(store, namedNode(other)));
  return { iri, own, annotations, incoming, linkedLabels };
}

/** Every quad of a description, deduplicated, for RDF serialization. */
export function descriptionQuads(d: ResourceDescription): Quad[] {
  const seen = new Set<string>();
  const out: Quad[] = [];
  for (const q of [...d.own, ...d.annotations, ...d.incoming, ...d.linkedLabels]) {
    const key = `${q.subject.value} ${q.predicate.value} ${termKey(q.object)} ${q.graph.value}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(q);
    }
  }
  return out;
}

export function isInferred(q: Quad): boolean {
  return q.graph.value === GRAPH.entailments;
}

/** The best human label of a resource: rdfs:label, then skos:prefLabel, English first. */
export function labelOf(store: QuadStore, term: Term): string | null {
  const candidates = [...store.getObjects(term, LABEL, null), ...store.getObjects(term, PREF_LABEL, null)];
  const english = candidates.find((t) => t.termType === 'Literal' && (t as { language?: string }).language === 'en');
  return (english ?? candidates[0])?.value ?? null;
}

function labelQuads(store: QuadStore, term: Term): Quad[] {
  const labels = store.getQuads(term, LABEL, null, null);
  return labels.length > 0 ? labels.slice(0, 1) : store.getQuads(term, PREF_LABEL, null, null).slice(0, 1);
}

function withBlankNodeClosure(store: QuadStore, start: Quad[]): Quad[] {
  const out = [...start];
  const visited = new Set<string>();
  const queue = start.map((q) => q.object).filter((t) => t.termType === 'BlankNode');
  for (const q of start) if (q.subject.termType === 'BlankNode') visited.add(q.subject.value);
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (visited.has(node.value)) continue;
    visited.add(node.value);
    for (const q of store.getQuads(node, null, null, null)) {
      out.push(q);
      if (q.object.termType === 'BlankNode') queue.push(q.object);
    }
  }
  return out;
}

function termKey(term: Term): string {
  return term.termType === 'Literal'
    ? `"${term.value}"@${term.language}^^${term.datatype.value}`
    : `${term.termType}:${term.value}`;
}
