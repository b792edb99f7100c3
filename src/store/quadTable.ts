// Quads as four uint32 columns (subject, predicate, object, graph ids).
// Writes are appended unsorted; the first read after writes sorts the rows
// into SPOG order (radix sort), drops duplicates and removed rows, so the
// columns themselves are the SPOG index. The other orders (OSPG, POSG,
// GSPO) are permutations of row numbers, each made lazily by one more
// counting-sort pass from an order already there. All sealed arrays live in
// SharedArrayBuffers so that query workers can read them in place.
import { sortRows, sortRowsByColumn } from './radixSort.js';

/** A pattern position that matches anything. */
export const ANY = -1;
/** A pattern position whose term is not in the dictionary: matches nothing. */
export const ABSENT = -2;

/** Subject, predicate, object and graph ids, or ANY / ABSENT. */
export type IdPattern = readonly [number, number, number, number];

const S = 0;
const P = 1;
const O = 2;
const G = 3;

type IndexName = 'spog' | 'ospg' | 'posg' | 'gspo';
/** Column positions of each order, most significant first. */
const ORDERS: Record<IndexName, readonly number[]> = {
  spog: [S, P, O, G],
  posg: [P, O, S, G],
  ospg: [O, S, P, G],
  gspo: [G, S, P, O],
};
const INDEX_NAMES = Object.keys(ORDERS) as IndexName[];

export interface SharedTable {
  columns: SharedArrayBuffer[];
  indexes: Record<Exclude<IndexName, 'spog'>, SharedArrayBuffer>;
  size: number;
  keyRange: number;
}

export class ReadOnlyTableError extends Error {
  override name = 'ReadOnlyTableError';
}

interface ScanPlan {
  /** Row numbers in index order; null: the rows themselves (SPOG). */
  order: Uint32Array | null;
  lo: number;
  hi: number;
  /** Bound positions the index range does not already guarantee. */
  checks: number[];
}

function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(length * 4));
}

export class QuadTable {
  /** Sealed rows, sorted by subject, predicate, object, graph, without duplicates. */
  private columns: Uint32Array[];
  private sealedSize: number;
  /** One more than the largest id in the sealed rows (the counting sorts' key range). */
  private keyRange: number;
  private readonly indexes = new Map<Exclude<IndexName, 'spog'>, Uint32Array>();
  /** Rows added since the last seal: s, p, o, g per row. */
  private pending = new Uint32Array(4 * 1024);
  private pendingRows = 0;
  private pendingMaxId = -1;
  /** Sealed rows to drop at the next seal. */
  private removed: Uint8Array | null = null;
  private frozen = false;

  constructor(shared?: SharedTable) {
    if (shared) {
      this.columns = shared.columns.map((buffer) => new Uint32Array(buffer));
      this.sealedSize = shared.size;
      this.keyRange = shared.keyRange;
      for (const [name, buffer] of Object.entries(shared.indexes)) this.indexes.set(name as Exclude<IndexName, 'spog'>, new Uint32Array(buffer));
      this.frozen = true;
    } else {
      this.columns = [0, 1, 2, 3].map(() => sharedUint32(0));
      this.sealedSize = 0;
      this.keyRange = 0;
    }
  }

  get size(): number {
    this.seal();
    return this.sealedSize;
  }

  get readOnly(): boolean {
    return this.frozen;
  }

  add(s: number, p: number, o: number, g: number): void {
    this.assertWritable();
    if (this.pendingRows * 4 + 4 > this.pending.length) this.growPending(this.pendingRows + 1);
    const at = this.pendingRows * 4;
    this.pending[at] = s;
    this.pending[at + 1] = p;
    this.pending[at + 2] = o;
    this.pending[at + 3] = g;
    this.pendingRows++;
    this.pendingMaxId = Math.max(this.pendingMaxId, s, p, o, g);
  }

  /** Adds flat (s, p, o) id triples, all in graph `g`. */
  addTriples(triples: Uint32Array, g: number): void {
    this.assertWritable();
    const rows = Math.floor(triples.length / 3);
    this.growPending(this.pendingRows + rows);
    let at = this.pendingRows * 4;
    let max = Math.max(this.pendingMaxId, g);
    for (let i = 0; i < rows * 3; i += 3) {
      const s = triples[i]!;
      const p = triples[i + 1]!;
      const o = triples[i + 2]!;
      this.pending[at++] = s;
      this.pending[at++] = p;
      this.pending[at++] = o;
      this.pending[at++] = g;
      if (s > max) max = s;
      if (p > max) max = p;
      if (o > max) max = o;
    }
    this.pendingRows += rows;
    this.pendingMaxId = max;
  }

  /** Marks the quad with these ids as removed; false when it is not there. */
  remove(s: number, p: number, o: number, g: number): boolean {
    return this.removeMatching([s, p, o, g]) > 0;
  }

  /** Marks every quad matching `pattern` as removed; returns how many. */
  removeMatching(pattern: IdPattern): number {
    this.assertWritable();
    // Rows marked earlier stay in place (and keep their numbers) until the next read compacts them.
    if (this.pendingRows > 0) this.sortIn();
    const plan = this.planSealed(pattern);
    if (!plan) return 0;
    const removed = (this.removed ??= new Uint8Array(this.sealedSize));
    let count = 0;
    this.scanPlan(plan, pattern, (row) => {
      if (removed[row] === 0) {
        removed[row] = 1;
        count++;
      }
    });
    return count;
  }

  /** Sorts, deduplicates and compacts pending writes; a no-op when there are none. */
  seal(): void {
    if (this.pendingRows > 0) this.sortIn();
    else if (this.removed) this.compact();
  }

  /** Calls `visit` with each row matching `pattern`, in index order, until it returns false. */
  scan(pattern: IdPattern, visit: (row: number) => boolean | void): void {
    const plan = this.plan(pattern);
    if (plan) this.scanPlan(plan, pattern, visit);
  }

  private scanPlan(plan: ScanPlan, pattern: IdPattern, visit: (row: number) => boolean | void): void {
    const { order, lo, hi, checks } = plan;
    const cols = this.columns;
    for (let i = lo; i < hi; i++) {
      const row = order ? order[i]! : i;
      let ok = true;
      for (const c of checks) {
        if (cols[c]![row] !== pattern[c]) {
          ok = false;
          break;
        }
      }
      if (ok && visit(row) === false) return;
    }
  }

  /** The rows matching `pattern`, lazily. */
  *rows(pattern: IdPattern): Generator<number, void, undefined> {
    const plan = this.plan(pattern);
    if (!plan) return;
    const { order, lo, hi, checks } = plan;
    const cols = this.columns;
    rows: for (let i = lo; i < hi; i++) {
      const row = order ? order[i]! : i;
      for (const c of checks) if (cols[c]![row] !== pattern[c]) continue rows;
      yield row;
    }
  }

  count(pattern: IdPattern): number {
    const plan = this.plan(pattern);
    if (!plan) return 0;
    if (plan.checks.length === 0) return plan.hi - plan.lo;
    let n = 0;
    this.scan(pattern, () => {
      n++;
    });
    return n;
  }

  /** The id at `position` (0 subject, 1 predicate, 2 object, 3 graph) of a sealed row. */
  id(row: number, position: number): number {
    return this.columns[position]![row]!;
  }

  /**
   * The distinct (s, p, o) triples of the rows in `graphs` (all graphs when
   * null), flat, sorted by subject, predicate, object.
   */
  triples(graphs: ReadonlySet<number> | null): Uint32Array {
    this.seal();
    const [s, p, o, g] = this.columns as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    // Rows are in SPOG order: copies of a triple in several graphs are adjacent.
    const keep = (row: number, last: number): boolean =>
      (graphs === null || graphs.has(g[row]!)) && (last < 0 || s[row] !== s[last] || p[row] !== p[last] || o[row] !== o[last]);
    let count = 0;
    let last = -1;
    for (let row = 0; row < this.sealedSize; row++) {
      if (keep(row, last)) {
        count++;
        last = row;
      }
    }
    const out = new Uint32Array(count * 3);
    last = -1;
    let at = 0;
    for (let row = 0; row < this.sealedSize; row++) {
      if (keep(row, last)) {
        out[at++] = s[row]!;
        out[at++] = p[row]!;
        out[at++] = o[row]!;
        last = row;
      }
    }
    return out;
  }

  /** Seals, builds every index and makes the table read-only, so other threads can read its buffers. */
  freeze(): SharedTable {
    const shared = this.snapshot();
    this.frozen = true;
    return shared;
  }

  /**
   * Seals and builds every index, for other threads to read while this one
   * may still write: sealed arrays are never changed in place (writes are
   * sealed into new ones), so a snapshot stays as it was.
   */
  snapshot(): SharedTable {
    this.seal();
    for (const name of INDEX_NAMES) if (name !== 'spog') this.index(name);
    return {
      columns: this.columns.map((c) => c.buffer as SharedArrayBuffer),
      indexes: {
        ospg: this.index('ospg').buffer as SharedArrayBuffer,
        posg: this.index('posg').buffer as SharedArrayBuffer,
        gspo: this.index('gspo').buffer as SharedArrayBuffer,
      },
      size: this.sealedSize,
      keyRange: this.keyRange,
    };
  }

  /** Bytes held by the sealed rows and the indexes built so far. */
  get byteLength(): number {
    let bytes = this.pending.byteLength;
    for (const c of this.columns) bytes += c.byteLength;
    for (const index of this.indexes.values()) bytes += index.byteLength;
    return bytes;
  }

  private assertWritable(): void {
    if (this.frozen) throw new ReadOnlyTableError('The store is shared with the query workers and read-only.');
  }

  private growPending(rows: number): void {
    if (rows * 4 <= this.pending.length) return;
    let length = this.pending.length * 2;
    while (length < rows * 4) length *= 2;
    const pending = new Uint32Array(length);
    pending.set(this.pending.subarray(0, this.pendingRows * 4));
    this.pending = pending;
  }

  /** Merges the pending rows with the sealed ones: radix sort, then one copy without duplicates and removed rows. */
  private sortIn(): void {
    const sealed = this.sealedSize;
    const n = sealed + this.pendingRows;
    const all = [0, 1, 2, 3].map((c) => {
      const column = new Uint32Array(n);
      column.set(this.columns[c]!.subarray(0, sealed));
      for (let r = 0, at = c; r < this.pendingRows; r++, at += 4) column[sealed + r] = this.pending[at]!;
      return column;
    });
    const keyRange = Math.max(this.keyRange, this.pendingMaxId + 1);
    const order = sortRows(n, all, keyRange);
    const removed = this.removed;
    const [s, p, o, g] = all as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    // Duplicates are adjacent once sorted: a row is kept unless removed or equal to the last row kept.
    const keep = new Uint8Array(n);
    let unique = 0;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const row = order[i]!;
      if (removed !== null && row < sealed && removed[row] === 1) continue;
      if (last >= 0 && s[row] === s[last] && p[row] === p[last] && o[row] === o[last] && g[row] === g[last]) continue;
      keep[i] = 1;
      unique++;
      last = row;
    }
    const columns = [0, 1, 2, 3].map(() => sharedUint32(unique));
    for (let c = 0; c < 4; c++) {
      const from = all[c]!;
      const to = columns[c]!;
      for (let i = 0, at = 0; i < n; i++) if (keep[i]) to[at++] = from[order[i]!]!;
    }
    this.install(columns, unique, keyRange);
    this.pending = new Uint32Array(4 * 1024);
    this.pendingRows = 0;
    this.pendingMaxId = -1;
  }

  /** Drops removed rows; the others keep their (sorted) order. */
  private compact(): void {
    const removed = this.removed!;
    let unique = 0;
    for (let row = 0; row < this.sealedSize; row++) if (!removed[row]) unique++;
    const columns = this.columns.map((from) => {
      const to = sharedUint32(unique);
      for (let row = 0, at = 0; row < this.sealedSize; row++) if (!removed[row]) to[at++] = from[row]!;
      return to;
    });
    this.install(columns, unique, this.keyRange);
  }

  private install(columns: Uint32Array[], size: number, keyRange: number): void {
    this.columns = columns;
    this.sealedSize = size;
    this.keyRange = keyRange;
    this.removed = null;
    this.indexes.clear();
  }

  /** The permutation of rows in order `name`, made from the nearest order already there. */
  private index(name: Exclude<IndexName, 'spog'>): Uint32Array {
    let index = this.indexes.get(name);
    if (index) return index;
    const out = sharedUint32(this.sealedSize);
    // A stable sort of SPOG rows by O gives O,S,P,G; of that by P, P,O,S,G; of SPOG by G, G,S,P,O.
    if (name === 'posg') index = sortRowsByColumn(this.index('ospg'), this.columns[P]!, this.keyRange, out);
    else index = sortRowsByColumn(this.identity(), this.columns[name === 'ospg' ? O : G]!, this.keyRange, out);
    this.indexes.set(name, index);
    return index;
  }

  private identity(): Uint32Array {
    const rows = new Uint32Array(this.sealedSize);
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    return rows;
  }

  /** Picks the index whose sorted prefix binds the most positions of `pattern`, and the smallest range among those. */
  private plan(pattern: IdPattern): ScanPlan | null {
    this.seal();
    return this.planSealed(pattern);
  }

  private planSealed(pattern: IdPattern): ScanPlan | null {
    if (pattern[S] === ABSENT || pattern[P] === ABSENT || pattern[O] === ABSENT || pattern[G] === ABSENT) return null;
    let best: ScanPlan | null = null;
    let bestPrefix = 0;
    for (const name of INDEX_NAMES) {
      const positions = ORDERS[name];
      let prefix = 0;
      while (prefix < 4 && pattern[positions[prefix]!] !== ANY) prefix++;
      if (prefix === 0 || prefix < bestPrefix) continue;
      const order = name === 'spog' ? null : this.index(name);
      const lo = this.bound(order, positions, pattern, prefix, false);
      const hi = this.bound(order, positions, pattern, prefix, true);
      if (best === null || prefix > bestPrefix || hi - lo < best.hi - best.lo) {
        const checks: number[] = [];
        for (let j = prefix; j < 4; j++) if (pattern[positions[j]!] !== ANY) checks.push(positions[j]!);
        best = { order, lo, hi, checks };
        bestPrefix = prefix;
      }
    }
    return best ?? { order: null, lo: 0, hi: this.sealedSize, checks: [] };
  }

  /**
   * The first position in `order` whose row, read in `positions` order,
   * compares greater than or equal to (or with `after`, greater than) the
   * pattern's first `prefix` values. (Hot: no closures or arrays made here.)
   */
  private bound(order: Uint32Array | null, positions: readonly number[], pattern: IdPattern, prefix: number, after: boolean): number {
    let lo = 0;
    let hi = this.sealedSize;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const cmp = this.compareRow(order ? order[mid]! : mid, positions, pattern, prefix);
      if (cmp < 0 || (after && cmp === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compareRow(row: number, positions: readonly number[], pattern: IdPattern, prefix: number): number {
    for (let j = 0; j < prefix; j++) {
      const c = positions[j]!;
      const a = this.columns[c]![row]!;
      const b = pattern[c]!;
      if (a !== b) return a < b ? -1 : 1;
    }
    return 0;
  }
}
