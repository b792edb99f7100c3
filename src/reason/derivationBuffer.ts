// Collects the triples one round derives (in predicate-subject-object key
// order). The same triple is often derived many times in a round, so when
// the buffer is full it is first sorted and freed of repeats, and grows only
// when that does not make room: its size follows the distinct triples.
import { sortUnique } from './tripleKeys.js';

export class DerivationBuffer {
  private keys: Uint32Array;
  private length = 0;

  /**
   * `checkDistinct(n)` is told the number of distinct triples at every
   * compaction (and may throw). Starting near the size the first round
   * needs saves re-sorting its triples at every doubling.
   */
  constructor(private readonly checkDistinct: (distinct: number) => void, initialCapacity = 4096) {
    this.keys = new Uint32Array(3 * Math.max(4096, Math.ceil(initialCapacity)));
  }

  push(predicate: number, subject: number, object: number): void {
    if (this.length === this.keys.length) this.makeRoom();
    const keys = this.keys;
    keys[this.length] = predicate;
    keys[this.length + 1] = subject;
    keys[this.length + 2] = object;
    this.length += 3;
  }

  /** The distinct triples pushed since the last drain, sorted; the buffer is empty afterwards. */
  drain(): Uint32Array {
    const distinct = sortUnique(this.keys.subarray(0, this.length)).slice();
    this.checkDistinct(distinct.length / 3);
    this.length = 0;
    return distinct;
  }

  private makeRoom(): void {
    const distinct = sortUnique(this.keys.subarray(0, this.length));
    this.checkDistinct(distinct.length / 3);
    // Less than half full after compaction: reuse; else double.
    const keys = distinct.length * 2 <= this.keys.length ? this.keys : new Uint32Array(this.keys.length * 2);
    keys.set(distinct);
    this.keys = keys;
    this.length = distinct.length;
  }
}
