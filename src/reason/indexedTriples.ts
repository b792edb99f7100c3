// A set of id triples kept sorted in several key orders, so that a triple
// pattern with any bound positions is a binary-searched range. The
// predicate-first orders serve the usual patterns (a constant predicate);
// the others are built only when a rule needs them.
import { KEY_ORDERS, columnBound, mergeDisjoint, reorder, sortKeys, type KeyOrderName } from './tripleKeys.js';

/** A half-open range [lo, hi) of triple indexes in one key order. */
export interface TripleRange {
  lo: number;
  hi: number;
}

export class IndexedTriples {
  private readonly orders = new Map<KeyOrderName, Uint32Array>();

  /** `pso`: the triples sorted in predicate-subject-object order, without repeats. */
  constructor(pso: Uint32Array) {
    this.orders.set('pso', pso);
  }

  get size(): number {
    return this.keys('pso').length / 3;
  }

  /** The triples sorted in `order`, sorted now if no rule has asked for that order yet. */
  keys(order: KeyOrderName): Uint32Array {
    let keys = this.orders.get(order);
    if (!keys) {
      // Within equal first two columns of any other order, predicate-subject-object
      // order already sorts the third, so only two columns need sorting.
      keys = sortKeys(reorder(this.orders.get('pso')!, 'pso', order), 2);
      this.orders.set(order, keys);
    }
    return keys;
  }

  /** Adds `other`, which has none of these triples, to every order kept. */
  addDisjoint(other: IndexedTriples): void {
    for (const [order, keys] of this.orders) this.orders.set(order, mergeDisjoint(keys, other.keys(order)));
  }

  /** The triples of `order` whose first `prefix.length` columns equal `prefix`. */
  range(order: KeyOrderName, prefix: ArrayLike<number>, prefixLength = prefix.length): TripleRange {
    const keys = this.keys(order);
    let lo = 0;
    let hi = keys.length / 3;
    for (let column = 0; column < prefixLength && lo < hi; column++) {
      const value = prefix[column];
      const start = columnBound(keys, lo, hi, column, value, false);
      hi = columnBound(keys, start, hi, column, value, true);
      lo = start;
    }
    return { lo, hi };
  }
}

/** The key order whose leading columns are exactly the bound positions (bit 1 subject, 2 predicate, 4 object). */
export function orderForBound(boundMask: number): KeyOrderName {
  switch (boundMask) {
    case 0b001: return 'spo';
    case 0b100: return 'osp';
    case 0b101: return 'osp';
    case 0b110: return 'pos';
    default: return 'pso'; // none, predicate, predicate+subject, all three
  }
}

/** The triple positions of `order`'s columns. */
export function positionsOf(order: KeyOrderName): readonly [number, number, number] {
  return KEY_ORDERS[order];
}
