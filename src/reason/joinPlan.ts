// Plans the evaluation of a rule body as nested index lookups: which body
// pattern to match first (in semi-naive rounds, the one read from the
// previous round's new triples), which next (the one with the most positions
// already bound, then the most selective), and through which key order, so
// that every lookup is a range whose bound columns come first.
import type { IdRule, RuleTerm } from './idRules.js';
import { orderForBound, positionsOf } from './indexedTriples.js';
import type { KeyOrderName } from './tripleKeys.js';

/** A rule position with variables numbered: a constant id or a variable slot. */
export type Slot = { constant: number } | { variable: number };

/** A rule with its variables numbered 0…variableCount-1. */
export interface NumberedRule {
  body: Array<[Slot, Slot, Slot]>;
  head: Array<[Slot, Slot, Slot]>;
  variableCount: number;
}

/**
 * How a step treats one column of its key order: `constant` and `bound`
 * columns form the lookup prefix; the rest `bind` a variable or `check` a
 * variable bound earlier in the same pattern (`?x :p ?x`).
 */
export type Column =
  | { kind: 'constant'; value: number }
  | { kind: 'bound'; variable: number }
  | { kind: 'bind'; variable: number }
  | { kind: 'check'; variable: number };

export interface JoinStep {
  /** Read from the previous round's new triples rather than from all triples. */
  fromDelta: boolean;
  order: KeyOrderName;
  /** In `order`'s column order; the first `prefixLength` are constant or bound. */
  columns: [Column, Column, Column];
  prefixLength: number;
}

export function numberVariables(rule: IdRule): NumberedRule {
  const numbers = new Map<string, number>();
  const slot = (term: RuleTerm): Slot => {
    if ('id' in term) return { constant: term.id };
    if (!numbers.has(term.variable)) numbers.set(term.variable, numbers.size);
    return { variable: numbers.get(term.variable)! };
  };
  const pattern = (p: [RuleTerm, RuleTerm, RuleTerm]): [Slot, Slot, Slot] => [slot(p[0]), slot(p[1]), slot(p[2])];
  const body = rule.body.map(pattern);
  const head = rule.head.map(pattern);
  return { body, head, variableCount: numbers.size };
}

/**
 * The steps that evaluate `rule`'s body. With `delta` set, that pattern reads
 * the previous round's new triples and the others all triples; without, all
 * read all triples. `estimate(pattern)` is the number of triples matching
 * the pattern's constants in the source it reads. The first step is the
 * pattern with the fewest such triples (a schema pattern such as
 * `?p a owl:TransitiveProperty` rather than a scan of every new triple).
 * Each next one shares a variable with the steps before if any does (else
 * it would multiply the matches, a cross product), then has the most
 * positions bound, then the fewest triples.
 */
export function planJoin(rule: NumberedRule, delta: number | null, estimate: (pattern: number) => number): JoinStep[] {
  const bound = new Set<number>();
  const remaining = rule.body.map((_, i) => i);
  const steps: JoinStep[] = [];
  const sharesVariable = (pattern: number): boolean => rule.body[pattern]!.some((s) => 'variable' in s && bound.has(s.variable));
  const boundMask = (pattern: number): number =>
    rule.body[pattern]!.reduce((mask, s, position) => ('constant' in s || bound.has(s.variable) ? mask | (1 << position) : mask), 0);
  const estimates = rule.body.map((_, i) => estimate(i));
  while (remaining.length > 0) {
    const next = remaining.reduce((best, candidate) => (better(candidate, best) ? candidate : best));
    remaining.splice(remaining.indexOf(next), 1);
    steps.push(stepFor(rule.body[next]!, boundMask(next), bound, next === delta));
  }
  return steps;

  function better(candidate: number, best: number): boolean {
    if (steps.length > 0) {
      const [joinsA, joinsB] = [sharesVariable(candidate), sharesVariable(best)];
      if (joinsA !== joinsB) return joinsA;
      const [a, b] = [bitCount(boundMask(candidate)), bitCount(boundMask(best))];
      if (a !== b) return a > b;
    }
    return estimates[candidate]! < estimates[best]!;
  }
}

/** The step that matches `pattern` given the variables bound so far (which it extends). */
function stepFor(pattern: [Slot, Slot, Slot], mask: number, bound: Set<number>, fromDelta: boolean): JoinStep {
  const order = orderForBound(mask);
  const bindsHere = new Set<number>();
  const columns = positionsOf(order).map((position): Column => {
    const s = pattern[position]!;
    if ('constant' in s) return { kind: 'constant', value: s.constant };
    if (bound.has(s.variable)) return { kind: 'bound', variable: s.variable };
    if (bindsHere.has(s.variable)) return { kind: 'check', variable: s.variable };
    bindsHere.add(s.variable);
    return { kind: 'bind', variable: s.variable };
  }) as [Column, Column, Column];
  for (const v of bindsHere) bound.add(v);
  return { fromDelta, order, columns, prefixLength: bitCount(mask) };
}

function bitCount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}
