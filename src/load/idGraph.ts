// The data graph SHACL validates (the merge of some named graphs of the
// store) as term-id triples, for the id-level validator (coreValidator.ts).
// The store hands the merge over once as flat (s, p, o) ids sorted by
// subject, predicate, object, each triple once however many graphs hold it;
// an offset per subject id then finds a node's values without a search, so
// no Quad object is made while validating.
import type { QuadStore } from '../store/index.js';

export class IdGraph {
  /** Flat (s, p, o) ids, sorted by subject, predicate, object, distinct. */
  readonly triples: Uint32Array;
  /** Triples of subject `s` are rows subjectStart[s] … subjectStart[s + 1] - 1. */
  private readonly subjectStart: Uint32Array;

  constructor(store: QuadStore, graphs: readonly string[]) {
    this.triples = store.tripleIds(graphs);
    const rows = this.triples.length / 3;
    let maxSubject = 0;
    for (let row = 0; row < rows; row++) maxSubject = Math.max(maxSubject, this.triples[row * 3]!);
    const start = new Uint32Array(maxSubject + 2);
    for (let row = 0; row < rows; row++) start[this.triples[row * 3]! + 1]!++;
    for (let s = 1; s < start.length; s++) start[s]! += start[s - 1]!;
    this.subjectStart = start;
  }

  get rowCount(): number {
    return this.triples.length / 3;
  }

  /**
   * The rows [lo, hi) of the triples (s, p, ·): the values of `p` on `s` are
   * their objects, each once. Empty for a node that is never a subject.
   */
  range(s: number, p: number): [number, number] {
    if (s < 0 || s + 1 >= this.subjectStart.length) return [0, 0];
    const t = this.triples;
    let lo = this.subjectStart[s]!;
    let hi = this.subjectStart[s + 1]!;
    // A subject's rows are sorted by predicate: binary search the first, then the end.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t[mid * 3 + 1]! < p) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    const last = this.subjectStart[s + 1]!;
    while (end < last && t[end * 3 + 1] === p) end++;
    return [lo, end];
  }

  object(row: number): number {
    return this.triples[row * 3 + 2]!;
  }

  /** Whether the triple (s, p, o) is in the graph. */
  has(s: number, p: number, o: number): boolean {
    const [lo, hi] = this.range(s, p);
    for (let row = lo; row < hi; row++) if (this.triples[row * 3 + 2] === o) return true;
    return false;
  }
}
