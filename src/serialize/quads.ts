// Preparing quads for a writer: blank node labels that every syntax accepts,
// duplicates removed, triple formats given the union of all graphs, and
// statements grouped by graph, subject and predicate so writers can nest.
import { DataFactory } from 'n3';
import type { BlankNode, Quad, Quad_Graph, Quad_Subject, Term } from '@rdfjs/types';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** A string that identifies a term (N-Triples-like, unambiguous). */
export function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal':
      return `${JSON.stringify(term.value)}@${term.language}^^${term.datatype.value}`;
    case 'DefaultGraph':
      return '';
    case 'Variable':
      return `?${term.value}`;
    case 'Quad':
      return `<<${termKey(term.subject)} ${termKey(term.predicate)} ${termKey(term.object)} ${termKey(term.graph)}>>`;
  }
}

export function quadKey(quad: Quad): string {
  return `${termKey(quad.subject)} ${termKey(quad.predicate)} ${termKey(quad.object)} ${termKey(quad.graph)}`;
}

/**
 * Renames blank nodes to b0, b1, … in order of first appearance (one scope
 * for the whole dataset, as RDF 1.1 datasets share blank nodes across
 * graphs). The labels are valid in Turtle, N-Triples, XML (NCName) and JSON-LD.
 */
export function relabelBlankNodes(quads: Iterable<Quad>): Quad[] {
  const labels = new Map<string, BlankNode>();
  const rename = <T extends Term>(term: T): T => {
    if (term.termType === 'BlankNode') {
      let renamed = labels.get(term.value);
      if (!renamed) {
        renamed = DataFactory.blankNode(`b${labels.size}`);
        labels.set(term.value, renamed);
      }
      return renamed as Term as T;
    }
    if (term.termType === 'Quad') {
      const q = term as Term as Quad;
      return DataFactory.quad(rename(q.subject), rename(q.predicate), rename(q.object), rename(q.graph)) as Term as T;
    }
    return term;
  };
  const out: Quad[] = [];
  for (const q of quads) out.push(DataFactory.quad(rename(q.subject), rename(q.predicate), rename(q.object), rename(q.graph)));
  return out;
}

/** Quads without duplicates, first occurrence kept. */
export function dedupeQuads(quads: Iterable<Quad>): Quad[] {
  const seen = new Set<string>();
  const out: Quad[] = [];
  for (const q of quads) {
    const key = quadKey(q);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(q);
    }
  }
  return out;
}

/** The triples of all graphs, in the default graph, without duplicates. */
export function mergeGraphs(quads: Iterable<Quad>): Quad[] {
  const triples: Quad[] = [];
  for (const q of quads) {
    triples.push(q.graph.termType === 'DefaultGraph' ? q : DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.defaultGraph()));
  }
  return dedupeQuads(triples);
}

export function hasNamedGraphs(quads: Iterable<Quad>): boolean {
  for (const q of quads) if (q.graph.termType !== 'DefaultGraph') return true;
  return false;
}

/**
 * Orders quads by graph (the default graph first), then subject, then
 * predicate, each in order of first appearance, with rdf:type first among
 * a subject's predicates. Objects keep their order.
 */
export function groupQuads(quads: Iterable<Quad>): Quad[] {
  const graphs = new Map<string, { graph: Quad_Graph; subjects: Map<string, { subject: Quad_Subject; predicates: Map<string, Quad[]> }> }>();
  for (const q of quads) {
    const gk = termKey(q.graph);
    let g = graphs.get(gk);
    if (!g) graphs.set(gk, (g = { graph: q.graph, subjects: new Map() }));
    const sk = termKey(q.subject);
    let s = g.subjects.get(sk);
    if (!s) g.subjects.set(sk, (s = { subject: q.subject, predicates: new Map() }));
    const pk = q.predicate.value;
    let list = s.predicates.get(pk);
    if (!list) s.predicates.set(pk, (list = []));
    list.push(q);
  }
  const ordered = [...graphs.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));
  const out: Quad[] = [];
  for (const [, g] of ordered) {
    for (const s of g.subjects.values()) {
      const types = s.predicates.get(RDF_TYPE);
      if (types) out.push(...types);
      for (const [p, list] of s.predicates) if (p !== RDF_TYPE) out.push(...list);
    }
  }
  return out;
}
