// Explains an inferred equivalence, category membership or type: the
// shortest chain of asserted statements that yields it, each statement with
// its justification and draft source. Breadth-first search gives the
// shortest chain, so an explanation never takes a detour.
import { DataFactory } from 'n3';
import type { QuadStore } from '../store/index.js';
import type { Quad, Term } from '@rdfjs/types';
import { DCTERMS, GRAPH, IOT, OWL, RDF, RDFS, SKOS } from '../namespaces.js';

const { namedNode } = DataFactory;
const EQUIVALENT_CLASS = `${OWL}equivalentClass`;
const EXACT_MATCH = `${SKOS}exactMatch`;
const SUBCLASS_OF = `${RDFS}subClassOf`;
const BROAD_MATCH = `${SKOS}broadMatch`;
const TYPE = `${RDF}type`;

/** Predicates whose symmetric closure links equivalent resources. */
const EQUIVALENCE = [EQUIVALENT_CLASS, EXACT_MATCH];
/** Predicates that lead from a class (or role) up to a broader class. */
const UPWARD = [SUBCLASS_OF, BROAD_MATCH];

export const EXPLAINABLE_PREDICATES = [EQUIVALENT_CLASS, EXACT_MATCH, SUBCLASS_OF, TYPE] as const;

export interface ExplanationStep {
  subject: string;
  predicate: string;
  object: string;
  /** The named graph the statement is asserted in. */
  graph: string;
  /** True when the chain uses the statement from object to subject (equivalence is symmetric). */
  reversed: boolean;
  sources: string[];
  justification: string | null;
}

export interface Explanation {
  conclusion: { subject: string; predicate: string; object: string };
  /** True when the conclusion is itself an asserted statement. */
  asserted: boolean;
  steps: ExplanationStep[];
}

export class UnexplainableError extends Error {
  override name = 'UnexplainableError';
}

/**
 * Explains `subject predicate object` from the asserted graphs of `store`
 * (every graph except graph/entailments). Returns null when the statement
 * does not follow from them.
 */
export function explain(store: QuadStore, subject: string, predicate: string, object: string): Explanation | null {
  if (!(EXPLAINABLE_PREDICATES as readonly string[]).includes(predicate)) {
    throw new UnexplainableError(
      `Only ${EXPLAINABLE_PREDICATES.join(', ')} statements can be explained, not ${predicate}.`,
    );
  }
  const asserted = assertedQuads(store);
  const direct = asserted.find(
    (q) => q.subject.value === subject && q.predicate.value === predicate && q.object.value === object,
  );
  const conclusion = { subject, predicate, object };
  if (direct) return { conclusion, asserted: true, steps: [describeStep(store, direct, false)] };

  const allowUpward = predicate === SUBCLASS_OF || predicate === TYPE;
  const start: Array<{ node: string; via: Edge | null }> =
    predicate === TYPE
      ? asserted
          .filter((q) => q.subject.value === subject && q.predicate.value === TYPE)
          .map((q) => ({ node: q.object.value, via: { quad: q, reversed: false } }))
      : [{ node: subject, via: null }];
  const path = shortestPath(asserted, start, object, allowUpward);
  if (!path) return null;
  return { conclusion, asserted: false, steps: path.map((e) => describeStep(store, e.quad, e.reversed)) };
}

interface Edge {
  quad: Quad;
  reversed: boolean;
}

function shortestPath(
  asserted: Quad[],
  start: Array<{ node: string; via: Edge | null }>,
  goal: string,
  allowUpward: boolean,
): Edge[] | null {
  const neighbours = new Map<string, Edge[]>();
  const link = (from: string, edge: Edge): void => {
    const list = neighbours.get(from) ?? [];
    list.push(edge);
    neighbours.set(from, list);
  };
  for (const q of asserted) {
    if (EQUIVALENCE.includes(q.predicate.value)) {
      link(q.subject.value, { quad: q, reversed: false });
      link(q.object.value, { quad: q, reversed: true });
    } else if (allowUpward && UPWARD.includes(q.predicate.value)) {
      link(q.subject.value, { quad: q, reversed: false });
    }
  }
  const previous = new Map<string, { from: string | null; edge: Edge | null }>();
  const queue: string[] = [];
  for (const { node, via } of start) {
    if (!previous.has(node)) {
      previous.set(node, { from: null, edge: via });
      queue.push(node);
    }
  }
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === goal) return unwind(previous, node);
    for (const edge of neighbours.get(node) ?? []) {
      const next = edge.reversed ? edge.quad.subject.value : edge.quad.object.value;
      if (!previous.has(next)) {
        previous.set(next, { from: node, edge });
        queue.push(next);
      }
    }
  }
  return null;
}

function unwind(previous: Map<string, { from: string | null; edge: Edge | null }>, goal: string): Edge[] {
  const edges: Edge[] = [];
  let node: string | null = goal;
  while (node !== null) {
    const step: { from: string | null; edge: Edge | null } = previous.get(node)!;
    if (step.edge) edges.unshift(step.edge);
    node = step.from;
  }
  return edges;
}

function assertedQuads(store: QuadStore): Quad[] {
  return store.getQuads(null, null, null, null).filter((q) => q.graph.value !== GRAPH.entailments);
}

function describeStep(store: QuadStore, quad: Quad, reversed: boolean): ExplanationStep {
  const axiom = findAxiom(store, quad);
  const sources = axiom ? values(store, axiom, `${DCTERMS}source`) : values(store, quad.subject, `${DCTERMS}source`);
  const justification = axiom ? (values(store, axiom, `${IOT}justification`)[0] ?? null) : null;
  return {
    subject: quad.subject.value,
    predicate: quad.predicate.value,
    object: quad.object.value,
    graph: quad.graph.value,
    reversed,
    sources: sources.length > 0 ? sources : [quad.graph.value],
    justification,
  };
}

/** The owl:Axiom annotation of an asserted triple, if the data gives one. */
function findAxiom(store: QuadStore, quad: Quad): Term | null {
  const candidates = store.getSubjects(namedNode(`${OWL}annotatedSource`), quad.subject, null);
  return (
    candidates.find(
      (axiom) =>
        store.countQuads(axiom, namedNode(`${OWL}annotatedProperty`), quad.predicate, null) > 0 &&
        store.countQuads(axiom, namedNode(`${OWL}annotatedTarget`), quad.object, null) > 0,
    ) ?? null
  );
}

function values(store: QuadStore, subject: Term, predicate: string): string[] {
  return [...new Set(store.getObjects(subject, namedNode(predicate), null).map((t) => t.value))].sort();
}
