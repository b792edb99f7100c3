// Flat arrays of id triples, three uint32 per triple, with the positions
// (subject 0, predicate 1, object 2) in a key order: the sort, merge and
// search primitives that the forward chainer's indexes are made of. Typed
// arrays keep a triple at 12 bytes per index, where N3.Store's nested
// objects need hundreds, and sorting them with a radix sort is linear.

export type KeyOrderName = 'spo' | 'pso' | 'pos' | 'osp';

/** For each key order, the triple position of its first, second and third column. */
export const KEY_ORDERS: Readonly<Record<KeyOrderName, readonly [number, number, number]>> = {
  spo: [0, 1, 2],
  pso: [1, 0, 2],
  pos: [1, 2, 0],
  osp: [2, 0, 1],
};

/** The same triples with their columns rearranged from one key order into another (not sorted). */
export function reorder(keys: Uint32Array, from: KeyOrderName, to: KeyOrderName): Uint32Array {
  const source = KEY_ORDERS[from];
  const target = KEY_ORDERS[to];
  // column j of the result is column pick[j] of the input
  const pick = target.map((position) => source.indexOf(position));
  const [a, b, c] = [pick[0], pick[1], pick[2]];
  const out = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i += 3) {
    out[i] = keys[i + a];
    out[i + 1] = keys[i + b];
    out[i + 2] = keys[i + c];
  }
  return out;
}

const MAX_DIGIT_BITS = 16;

/**
 * Sorts key triples by their first `columns` columns (3: fully), stably, so
 * that triples equal there keep their order: an LSD radix sort, least
 * significant column first, each column in as few passes of at most 16 bits
 * as its largest value needs, passes where every triple has the same digit
 * skipped. Sorting by fewer columns is for triples already ordered by the
 * others, as when one key order is made from another. Returns the sorted
 * triples, in `keys` or in a new array of the same length (the other one
 * is then scratch).
 */
export function sortKeys(keys: Uint32Array, columns = 3): Uint32Array {
  const count = keys.length / 3;
  if (count < 2) return keys;
  const largest = [0, 0, 0];
  for (let c = 0; c < columns; c++) {
    let max = 0;
    for (let i = c; i < keys.length; i += 3) if (keys[i] > max) max = keys[i];
    largest[c] = max;
  }
  let source = keys;
  let target: Uint32Array | null = null;
  for (let column = columns - 1; column >= 0; column--) {
    const bits = 32 - Math.clz32(largest[column]!);
    const passes = Math.ceil(bits / MAX_DIGIT_BITS);
    const digitBits = Math.ceil(bits / Math.max(passes, 1));
    const offsets = new Uint32Array(1 << digitBits);
    const mask = (1 << digitBits) - 1;
    for (let pass = 0, shift = 0; pass < passes; pass++, shift += digitBits) {
      offsets.fill(0);
      for (let i = column; i < source.length; i += 3) offsets[(source[i] >>> shift) & mask]++;
      if (offsets[(source[column] >>> shift) & mask] === count) continue;
      let start = 0;
      for (let d = 0; d < offsets.length; d++) {
        const size = offsets[d];
        offsets[d] = start;
        start += size;
      }
      target ??= new Uint32Array(keys.length);
      for (let i = 0; i < source.length; i += 3) {
        const at = offsets[(source[i + column] >>> shift) & mask]++ * 3;
        target[at] = source[i];
        target[at + 1] = source[i + 1];
        target[at + 2] = source[i + 2];
      }
      [source, target] = [target, source];
    }
  }
  return source;
}

/** Whether the triples are in ascending order (repeats allowed). */
export function isSorted(keys: Uint32Array): boolean {
  for (let i = 3; i < keys.length; i += 3) {
    const a = keys[i - 3];
    const b = keys[i];
    if (a < b) continue;
    if (a > b) return false;
    if (keys[i - 2] < keys[i + 1]) continue;
    if (keys[i - 2] > keys[i + 1] || keys[i - 1] > keys[i + 2]) return false;
  }
  return true;
}

/** Sorted triples without repeats: a prefix view of `sorted` (compacted in place). */
export function uniqueSorted(sorted: Uint32Array): Uint32Array {
  if (sorted.length === 0) return sorted;
  let written = 3;
  for (let i = 3; i < sorted.length; i += 3) {
    if (sorted[i] === sorted[written - 3] && sorted[i + 1] === sorted[written - 2] && sorted[i + 2] === sorted[written - 1]) continue;
    if (i !== written) {
      sorted[written] = sorted[i];
      sorted[written + 1] = sorted[i + 1];
      sorted[written + 2] = sorted[i + 2];
    }
    written += 3;
  }
  return sorted.subarray(0, written);
}

/** Sorted, duplicate-free triples. */
export function sortUnique(keys: Uint32Array): Uint32Array {
  return uniqueSorted(sortKeys(keys));
}

/**
 * Merges sorted, duplicate-free triples `small` into `large` (no triple in
 * both). Each triple of `small` finds its place in `large` by galloping
 * from the previous one's, and the run of `large` before it is copied
 * without comparisons: cheaper than a comparison per triple when, as with
 * a round's new triples, `small` is the smaller part.
 */
export function mergeDisjoint(large: Uint32Array, small: Uint32Array): Uint32Array {
  const out = new Uint32Array(large.length + small.length);
  const largeCount = large.length / 3;
  let from = 0; // triple index in large
  let at = 0; // value index in out
  for (let j = 0; j < small.length; j += 3) {
    const k0 = small[j];
    const k1 = small[j + 1];
    const k2 = small[j + 2];
    // Gallop: double the step until past the place, then binary search the last step.
    let lo = from;
    let hi = from;
    let step = 1;
    while (hi < largeCount && lessThan(large, hi, k0, k1, k2)) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    const until = lowerBoundTriple(large, lo, Math.min(hi, largeCount), k0, k1, k2);
    const end = until * 3;
    if (end - from * 3 > 48) {
      out.set(large.subarray(from * 3, end), at);
      at += end - from * 3;
    } else {
      for (let i = from * 3; i < end; i++) out[at++] = large[i];
    }
    out[at++] = k0;
    out[at++] = k1;
    out[at++] = k2;
    from = until;
  }
  out.set(large.subarray(from * 3), at);
  return out;
}

/** Whether triple `index` of `keys` sorts before (k0, k1, k2). */
function lessThan(keys: Uint32Array, index: number, k0: number, k1: number, k2: number): boolean {
  const at = index * 3;
  const a = keys[at];
  return a < k0 || (a === k0 && (keys[at + 1] < k1 || (keys[at + 1] === k1 && keys[at + 2] < k2)));
}

/** The first triple index in [lo, hi) not less than (k0, k1, k2). */
export function lowerBoundTriple(keys: Uint32Array, lo: number, hi: number, k0: number, k1: number, k2: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lessThan(keys, mid, k0, k1, k2)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first triple index in [lo, hi) whose `column` is not less than
 * `value` (`orAbove`: greater than it), where the triples of [lo, hi) agree
 * on every column before `column`, so that column is sorted there.
 */
export function columnBound(keys: Uint32Array, lo: number, hi: number, column: number, value: number, orAbove: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = keys[mid * 3 + column];
    if (v < value || (orAbove && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
