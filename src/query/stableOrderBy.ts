// Comunica 4.5 evaluates ORDER BY k1, k2 … by sorting on the last key, then
// re-sorting on each earlier key, which is only right if every sort is
// stable. Its SortIterator is not: an item that compares equal to items
// already read is inserted at whichever of them the binary search lands on,
// so `ORDER BY ?x DESC(?y)` could give a7 a3 a1 a2. This makes the insertion
// stable (an item goes after its equals in output order), which makes
// multi-key ORDER BY correct. Imported for its effect by every module that
// runs Comunica; @comunica/actor-query-operation-orderby is pinned with it.
import { SortIterator } from '@comunica/actor-query-operation-orderby/lib/SortIterator.js';

interface SortIteratorState<T> {
  source: { read(): T | null };
  sort: (left: T, right: T) => number;
  sorted: T[];
  windowLength: number;
  _push(item: T): void;
}

const prototype = SortIterator.prototype as unknown as { _read(count: number, done: () => void): void; stableInsertion?: true };

if (!prototype.stableInsertion) {
  // `sorted` holds the items in reverse output order (the first to go out is
  // at the end, taken by pop()). An item equal to some already there must go
  // out after them, so it is inserted before all of them: the leftmost
  // position whose item does not come before it.
  prototype._read = function stableRead<T>(this: SortIteratorState<T>, _count: number, done: () => void): void {
    let length = this.sorted.length;
    while (length !== this.windowLength) {
      const item = this.source.read();
      if (item === null) break;
      let left = 0;
      let right = length - 1;
      while (left <= right) {
        const mid = (left + right) >>> 1;
        if (this.sort(item, this.sorted[mid]!) < 0) left = mid + 1;
        else right = mid - 1;
      }
      this.sorted.splice(left, 0, item);
      length++;
    }
    if (length === this.windowLength) this._push(this.sorted.pop()!);
    done();
  };
  prototype.stableInsertion = true;
}
