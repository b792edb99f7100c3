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
  const working = new Store();
  for (const q of store) working.addQuad(q.subject, q.predicate, q.object);
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
  for (const q of working) {
    if (isReflexive(q, rules.dropReflexive)) continue;
    if (store.countQuads(q.subject, q.predicate, q.object, null) > 0) continue;
    // Symmetric or inverse rules over a literal object would yield a literal
    // subject, which RDF does not allow.
    if ((q.subject as Term).termType === 'Literal') continue;
    inferred.push(DataFactory.quad(q.subject, q.predicate, q.object, entailmentGraph));
  }
  store.addQuads(inferred);
  return { inferred: inferred.length, milliseconds: performance.now() - started };
}

function isReflexive(q: Quad, predicates: Set<string>): boolean {
  return q.subject.equals(q.object) && predicates.has(q.predicate.value);
}
