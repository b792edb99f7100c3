// Runs a planned join: nested range lookups in the sorted key arrays, with
// the rule's variable bindings in one typed array, calling `onMatch` once per
// way the whole body matches.
import type { IndexedTriples } from './indexedTriples.js';
import type { Column, JoinStep } from './joinPlan.js';
import { columnBound } from './tripleKeys.js';

export function evaluateJoin(
  steps: JoinStep[],
  sources: { all: IndexedTriples; delta: IndexedTriples | null },
  bindings: Uint32Array,
  onMatch: () => void,
): void {
  // Fetched once per join: the arrays are replaced only between rounds.
  const keysOf = steps.map((step) => (step.fromDelta ? sources.delta! : sources.all).keys(step.order));
  // The leading constant columns of a step select the same range every time: found once.
  const constantRanges = steps.map((step, i) => {
    const keys = keysOf[i]!;
    let lo = 0;
    let hi = keys.length / 3;
    let column = 0;
    for (; column < step.prefixLength && step.columns[column].kind === 'constant'; column++) {
      const value = (step.columns[column] as { value: number }).value;
      lo = columnBound(keys, lo, hi, column, value, false);
      hi = columnBound(keys, lo, hi, column, value, true);
    }
    return { lo, hi, firstBound: column };
  });

  const visit = (depth: number): void => {
    if (depth === steps.length) {
      onMatch();
      return;
    }
    const step = steps[depth]!;
    const keys = keysOf[depth]!;
    const columns = step.columns;
    let { lo, hi } = constantRanges[depth]!;
    for (let c = constantRanges[depth]!.firstBound; c < step.prefixLength && lo < hi; c++) {
      const column = columns[c] as Extract<Column, { kind: 'constant' | 'bound' }>;
      const value = column.kind === 'constant' ? column.value : bindings[column.variable];
      lo = columnBound(keys, lo, hi, c, value, false);
      // The last column of a fully bound pattern: present or not, one search told.
      hi = c === 2 ? (lo < hi && keys[lo * 3 + 2] === value ? lo + 1 : lo) : columnBound(keys, lo, hi, c, value, true);
    }
    next: for (let i = lo; i < hi; i++) {
      for (let c = step.prefixLength; c < 3; c++) {
        const column = columns[c] as Extract<Column, { kind: 'bind' | 'check' }>;
        const value = keys[i * 3 + c];
        if (column.kind === 'bind') bindings[column.variable] = value;
        else if (bindings[column.variable] !== value) continue next;
      }
      visit(depth + 1);
    }
  };
  visit(0);
}
