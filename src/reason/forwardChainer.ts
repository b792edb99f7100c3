// A semi-naive forward chainer over numeric id triples. Round 0 matches
// every rule against the asserted triples; each later round matches only
// the derivations in which at least one body pattern is a triple the round
// before derived (the delta), the others reading all triples; it stops when
// a round derives nothing new. Triples live in typed arrays sorted in two
// key orders (IndexedTriples; others only if a rule needs them), 24 bytes a
// triple plus the round's buffer, where an N3.Store needs hundreds. A hash
// set to tell new triples from known ones was tried and was slower: its
// probes miss the cache every time, while the binary searches of
// consecutive derivations mostly walk the same, cached, path.
import { DerivationBuffer } from './derivationBuffer.js';
import type { IdRule } from './idRules.js';
import { IndexedTriples, orderForBound, positionsOf } from './indexedTriples.js';
import { evaluateJoin } from './joinEvaluation.js';
import { numberVariables, planJoin, type NumberedRule, type Slot } from './joinPlan.js';
import { derivationLimitError, type ReasoningLimits } from './limits.js';
import { columnBound, isSorted, reorder, sortKeys, uniqueSorted } from './tripleKeys.js';

export type { IdRule, RuleTerm } from './idRules.js';
export { compileRules } from './idRules.js';

export interface ChainingGuards {
  /**
   * Whether an id is a literal. A head triple that would have a literal
   * subject (a symmetric or inverse property over a literal object, the
   * range of a property used with a literal) is not derived: RDF has no
   * such triple, so it can neither be stored nor support other derivations.
   */
  isLiteral?: (id: number) => boolean;
}

/**
 * The closure of `asserted` (flat subject, predicate, object ids) under
 * `rules`: only the triples it adds, flat s,p,o, each once. Throws a
 * ReasoningLimitError when they would be more than `limits.maxDerivations`.
 */
export function forwardChain(asserted: Uint32Array, rules: IdRule[], limits: ReasoningLimits, guards: ChainingGuards = {}): Uint32Array {
  const isLiteral = guards.isLiteral ?? ((): boolean => false);
  const numbered = rules.map(numberVariables);
  const all = new IndexedTriples(assertedPso(asserted));
  let delta: IndexedTriples | null = null;
  const newTriples: Uint32Array[] = [];
  let derived = 0;
  const buffer = new DerivationBuffer((distinct) => {
    if (derived + distinct > limits.maxDerivations) throw derivationLimitError(limits);
  }, all.size / 4);

  for (;;) {
    const known = membershipTest(all.keys('pso'));
    const derive = (subject: number, predicate: number, object: number, checkLiteral: boolean): void => {
      if (checkLiteral && isLiteral(subject)) return;
      // Known triples are dropped here, so the buffer holds only new ones.
      if (!known(predicate, subject, object)) buffer.push(predicate, subject, object);
    };
    for (const rule of numbered) {
      const emit = headEmitter(rule, derive);
      for (const first of delta === null ? [null] : rule.body.map((_, i) => i)) {
        // Most rounds derive nothing that a given pattern matches: skip those joins at once.
        if (first !== null && matchCount(delta!, rule.body[first]!) === 0) continue;
        const steps = planJoin(rule, first, (pattern) => matchCount(pattern === first ? delta! : all, rule.body[pattern]!));
        evaluateJoin(steps, { all, delta }, emit.bindings, emit.onMatch);
      }
    }
    const fresh = buffer.drain();
    if (fresh.length === 0) break;
    derived += fresh.length / 3;
    delta = new IndexedTriples(fresh);
    all.addDisjoint(delta);
    newTriples.push(reorder(fresh, 'pso', 'spo'));
  }
  return concatenate(newTriples, derived * 3);
}

/**
 * The asserted triples in predicate-subject-object order, without repeats.
 * A store may give them sorted subject-predicate-object already; then only
 * the first two columns need sorting (the objects of a subject and
 * predicate stay in order).
 */
function assertedPso(spo: Uint32Array): Uint32Array {
  return uniqueSorted(sortKeys(reorder(spo, 'spo', 'pso'), isSorted(spo) ? 2 : 3));
}

/**
 * Whether sorted predicate-subject-object keys hold a triple. The ranges of
 * the last predicate and subject asked about are kept: consecutive
 * derivations of a join mostly share them, so most tests search only among
 * one subject's objects.
 */
function membershipTest(pso: Uint32Array): (predicate: number, subject: number, object: number) => boolean {
  const count = pso.length / 3;
  let predicate = -1;
  let predicateLo = 0;
  let predicateHi = 0;
  let subject = -1;
  let subjectLo = 0;
  let subjectHi = 0;
  return (p, s, o) => {
    if (p !== predicate) {
      predicateLo = columnBound(pso, 0, count, 0, p, false);
      predicateHi = columnBound(pso, predicateLo, count, 0, p, true);
      predicate = p;
      subject = -1;
    }
    if (s !== subject) {
      subjectLo = columnBound(pso, predicateLo, predicateHi, 1, s, false);
      subjectHi = columnBound(pso, subjectLo, predicateHi, 1, s, true);
      subject = s;
    }
    const at = columnBound(pso, subjectLo, subjectHi, 2, o, false);
    return at < subjectHi && pso[at * 3 + 2] === o;
  };
}

function concatenate(parts: Uint32Array[], length: number): Uint32Array {
  const out = new Uint32Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface HeadEmitter {
  bindings: Uint32Array;
  onMatch: () => void;
}

/**
 * The bindings array of a rule and the callback that derives its head
 * triples for them. Only a head subject variable that the body binds in
 * object positions alone can be a literal (RDF data has no literal
 * subjects or predicates, and none are derived); the others skip the test.
 */
function headEmitter(rule: NumberedRule, derive: (subject: number, predicate: number, object: number, checkLiteral: boolean) => void): HeadEmitter {
  const bindings = new Uint32Array(rule.variableCount);
  const value = (slot: Slot): number => ('constant' in slot ? slot.constant : bindings[slot.variable]);
  const head = rule.head.map(([s, p, o]) => ({ s, p, o, checkLiteral: mayBeLiteral(rule, s) }));
  const onMatch = (): void => {
    for (const { s, p, o, checkLiteral } of head) derive(value(s), value(p), value(o), checkLiteral);
  };
  return { bindings, onMatch };
}

function mayBeLiteral(rule: NumberedRule, slot: Slot): boolean {
  if ('constant' in slot) return true;
  return !rule.body.some(([s, p]) => ('variable' in s && s.variable === slot.variable) || ('variable' in p && p.variable === slot.variable));
}

/** How many triples of `triples` match a pattern's constants (its variables taken as wildcards). */
function matchCount(triples: IndexedTriples, pattern: [Slot, Slot, Slot]): number {
  const mask = pattern.reduce((m, slot, position) => ('constant' in slot ? m | (1 << position) : m), 0);
  const order = orderForBound(mask);
  const prefix = positionsOf(order)
    .map((position) => pattern[position]!)
    .filter((slot): slot is { constant: number } => 'constant' in slot)
    .map((slot) => slot.constant);
  const { lo, hi } = triples.range(order, prefix);
  return hi - lo;
}
