// Runs the rule set once over the union of the asserted graphs and stores
// what it adds in the entailments graph (DESIGN §3). The rules are compiled
// to id rules and run by the semi-naive forward chainer over id triples.
import { performance } from 'node:perf_hooks';
import { DataFactory } from 'n3';
import { GRAPH } from '../namespaces.js';
import { compileRules, forwardChain } from './forwardChainer.js';
import { DEFAULT_LIMITS, type ReasoningLimits } from './limits.js';
import type { IdTripleStore } from './idTripleStore.js';
import type { RuleSet } from './ruleSet.js';

export { DEFAULT_LIMITS, ReasoningLimitError, type ReasoningLimits } from './limits.js';

export interface ReasoningResult {
  inferred: number;
  milliseconds: number;
}

/** Adds the entailments of every graph in `store` (except old entailments) to graph/entailments. */
export function materialize(ids: IdTripleStore, rules: RuleSet, limits: ReasoningLimits = DEFAULT_LIMITS): ReasoningResult {
  const started = performance.now();
  ids.clearGraph(GRAPH.entailments);
  const asserted = ids.tripleIds();
  // Compiled first: idOf gives head constants their ids before they are needed.
  const idRules = compileRules(rules, (term) => ids.idOf(term));
  const derived = forwardChain(asserted, idRules, limits, { isLiteral: (id) => ids.isLiteral(id) });
  const dropReflexive = new Set([...rules.dropReflexive].map((iri) => ids.idOf(DataFactory.namedNode(iri))));
  const kept = withoutReflexive(derived, dropReflexive);
  ids.addTripleIds(kept, GRAPH.entailments);
  return { inferred: kept.length / 3, milliseconds: performance.now() - started };
}

/**
 * `triples` without `x p x` for the given predicates: true but saying
 * nothing (x ≡ x). Compacts `triples` in place and returns the kept prefix.
 */
function withoutReflexive(triples: Uint32Array, predicates: Set<number>): Uint32Array {
  let at = 0;
  for (let i = 0; i < triples.length; i += 3) {
    if (triples[i] === triples[i + 2] && predicates.has(triples[i + 1])) continue;
    triples[at++] = triples[i];
    triples[at++] = triples[i + 1];
    triples[at++] = triples[i + 2];
  }
  return triples.subarray(0, at);
}
