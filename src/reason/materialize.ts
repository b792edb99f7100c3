// Runs the rule set once over the union of the asserted graphs and stores
// what it adds in the entailments graph (DESIGN §3).
import { performance } from 'node:perf_hooks';
import { DataFactory, Reasoner, Store } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { GRAPH } from '../namespaces.js';
import type { RuleSet } from './ruleSet.js';

export interface ReasoningLimits {
  /** Fails the load when reasoning would derive more triples than this. */
  maxDerivations: number;
}

export const DEFAULT_LIMITS: ReasoningLimits = { maxDerivations: 2_000_000 };

export interface ReasoningResult {
  inferred: number;
  milliseconds: number;
}

export class ReasoningLimitError extends Error {
  override name = 'ReasoningLimitError';
}

/** Adds the entailments of every graph in `store` (except old entailments) to graph/entailments. */
export function materialize(store: Store, rules: RuleSet, limits: ReasoningLimits = DEFAULT_LIMITS): ReasoningResult {
  const started = performance.now();
  const entailmentGraph = DataFactory.namedNode(GRAPH.entailments);
  // Synchronous removal: N3's removeMatches works through a stream and would
  // race with the additions below.
  store.removeQuads(store.getQuads(null, null, null, entailmentGraph));

  // The reasoner works graph by graph, so the asserted graphs are merged
  // into one default graph of a scratch store first.
  const internals = storeInternals(store);
  const StoreWithOptions = Store as unknown as new (quads: undefined, options: { entityIndex: unknown }) => Store;
  const working = internals ? new StoreWithOptions(undefined, { entityIndex: internals._entityIndex }) : new Store();
  if (internals) mergeByIds(internals, storeInternals(working)!);
  else for (const q of store) working.addQuad(q.subject, q.predicate, q.object);
  try {
    // @types/n3 predates the reasoner's options argument.
    const ReasonerWithOptions = Reasoner as unknown as new (store: Store, options: { maxDerivations: number }) => Reasoner;
    new ReasonerWithOptions(working, { maxDerivations: limits.maxDerivations }).reason(rules.dataset);
  } catch (error) {
    throw new ReasoningLimitError(
      `Reasoning stopped: ${error instanceof Error ? error.message : String(error)} (limit maxDerivations=${limits.maxDerivations}).`,
    );
  }

  const inferred: Quad[] = [];
  const keep = (q: Quad): void => {
    if (isReflexive(q, rules.dropReflexive)) return;
    // Symmetric or inverse rules over a literal object would yield a literal
    // subject, which RDF does not allow.
    if ((q.subject as Term).termType === 'Literal') return;
    inferred.push(DataFactory.quad(q.subject, q.predicate, q.object, entailmentGraph));
  };
  if (internals) {
    // Same ids in both stores: only the triples no asserted graph has become terms.
    for (const [s, p, o] of newTriples(storeInternals(working)!, internals)) {
      const term = (id: number): Term => internals._termFromId(internals._entities[id]!);
      keep(DataFactory.quad(term(s) as Quad['subject'], term(p) as Quad['predicate'], term(o) as Quad['object']) as Quad);
    }
  } else {
    for (const q of working) if (store.countQuads(q.subject, q.predicate, q.object, null) === 0) keep(q);
  }
  store.addQuads(inferred);
  return { inferred: inferred.length, milliseconds: performance.now() - started };
}

// --- Merging by ids ----------------------------------------------------------
// At scale, copying the asserted graphs term by term (a Quad and three terms
// made, then looked up again, per triple) and comparing the result with the
// store term by term took a fifth of the reasoning time. The scratch store
// shares the store's entity index instead, so triples are copied and compared
// as numeric ids through N3.Store's indexes, as N3's own reasoner reads them.
// These are N3.js internals (n3 is pinned): when they are not there, the code
// above falls back to the public API.

type Index = Record<string, Record<string, Record<string, null>>>;
interface StoreInternals {
  _entityIndex: unknown;
  _entities: Record<number, string>;
  _graphs: Record<string, { subjects: Index }>;
  _termFromId(id: string): Term;
  _termToNumericId(term: Term): number | undefined;
  _addQuad(subject: number, predicate: number, object: number, graph: number): boolean;
}

function storeInternals(store: Store): StoreInternals | null {
  const s = store as unknown as Partial<StoreInternals>;
  const ok =
    typeof s._graphs === 'object' && s._entityIndex !== undefined && typeof s._entities === 'object' &&
    typeof s._addQuad === 'function' && typeof s._termFromId === 'function' && typeof s._termToNumericId === 'function';
  return ok ? (s as StoreInternals) : null;
}

/** Copies every triple of every graph of `from` into the default graph (id 1) of `to`. */
function mergeByIds(from: StoreInternals, to: StoreInternals): void {
  for (const graph in from._graphs) {
    const subjects = from._graphs[graph]!.subjects;
    for (const s in subjects) {
      const predicates = subjects[s]!;
      for (const p in predicates) {
        const objects = predicates[p]!;
        for (const o in objects) to._addQuad(Number(s), Number(p), Number(o), 1);
      }
    }
  }
}

/** The triples of `working`'s default graph that no graph of `store` holds. */
function* newTriples(working: StoreInternals, store: StoreInternals): Generator<[number, number, number]> {
  const graphs = Object.values(store._graphs).map((g) => g.subjects);
  const subjects = working._graphs[1]?.subjects ?? {};
  for (const s in subjects) {
    const predicates = subjects[s]!;
    for (const p in predicates) {
      const objects = predicates[p]!;
      for (const o in objects) {
        if (!graphs.some((g) => g[s]?.[p] !== undefined && o in g[s]![p]!)) yield [Number(s), Number(p), Number(o)];
      }
    }
  }
}

function isReflexive(q: Quad, predicates: Set<string>): boolean {
  return q.subject.equals(q.object) && predicates.has(q.predicate.value);
}
