// Stable counting sort of row numbers by one uint32 column. Sorting by
// several columns is one such pass per column, least significant first
// (LSD radix sort): linear in the rows, where a comparator sort of ~8 M
// quads takes many seconds.

/** Rows `order` re-ordered by `key[row]` (stable), written to `out` (which is returned). */
export function sortRowsByColumn(order: Uint32Array, key: Uint32Array, keyRange: number, out: Uint32Array): Uint32Array {
  const starts = new Uint32Array(keyRange + 1);
  const n = order.length;
  for (let i = 0; i < n; i++) starts[key[order[i]!]! + 1]!++;
  for (let k = 1; k <= keyRange; k++) starts[k]! += starts[k - 1]!;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    out[starts[key[row]!]!++] = row;
  }
  return out;
}

/** Rows 0..n-1 ordered by `columns` (first column most significant), stably. */
export function sortRows(n: number, columns: readonly Uint32Array[], keyRange: number): Uint32Array {
  let order: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare: Uint32Array = new Uint32Array(n);
  for (let c = columns.length - 1; c >= 0; c--) {
    const sorted = sortRowsByColumn(order, columns[c]!, keyRange, spare);
    spare = order;
    order = sorted;
  }
  return order;
}
