// Compiles the N3 rules of a RuleSet (`{ body } => { head } .`) into rules
// over numeric term ids, for the forward chainer. The rules stay data: any
// Horn rule whose body and head are conjunctions of triple patterns works.
import { DataFactory } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import type { RuleSet } from './ruleSet.js';

const LOG_IMPLIES = 'http://www.w3.org/2000/10/swap/log#implies';

/** A rule position: a variable (by name) or a constant term (by id). */
export type RuleTerm = { variable: string } | { id: number };
export type RulePattern = [RuleTerm, RuleTerm, RuleTerm];

export interface IdRule {
  body: RulePattern[];
  head: RulePattern[];
}

/**
 * One IdRule per `log:implies` statement of the rule files. `idOf` must give
 * every constant an id, also one the data does not use yet (a head constant
 * becomes part of derived triples). Non-variable terms are constants, as in
 * N3.js's reasoner (a blank node in a formula is not a variable there either).
 */
export function compileRules(ruleSet: RuleSet, idOf: (term: Term) => number): IdRule[] {
  const formula = (graph: Term): Quad[] => ruleSet.dataset.getQuads(null, null, null, graph);
  return ruleSet.dataset
    .getQuads(null, DataFactory.namedNode(LOG_IMPLIES), null, DataFactory.defaultGraph())
    .map((implication) => {
      const toPattern = (q: Quad): RulePattern => [toRuleTerm(q.subject, idOf), toRuleTerm(q.predicate, idOf), toRuleTerm(q.object, idOf)];
      const rule = { body: formula(implication.subject).map(toPattern), head: formula(implication.object).map(toPattern) };
      checkHeadVariablesBound(rule);
      return rule;
    });
}

function toRuleTerm(term: Term, idOf: (term: Term) => number): RuleTerm {
  return term.termType === 'Variable' ? { variable: term.value } : { id: idOf(term) };
}

// A head variable that no body pattern binds would need an existential
// (a fresh blank node per match), which a Horn-rule chainer does not make.
function checkHeadVariablesBound(rule: IdRule): void {
  const bound = new Set(rule.body.flatMap((pattern) => pattern.flatMap((t) => ('variable' in t ? [t.variable] : []))));
  for (const pattern of rule.head) {
    for (const t of pattern) {
      if ('variable' in t && !bound.has(t.variable)) {
        throw new Error(`Rule head variable ?${t.variable} is not bound by the rule body.`);
      }
    }
  }
}
