// What reasoning needs of a store: triples as numeric ids in and out
// (making a Quad and three terms per triple would cost more than the
// reasoning). The app's QuadStore (src/store) offers these methods.
import type { Term } from '@rdfjs/types';

export interface IdTripleStore {
  /** The id of a term, a new id if the store has not seen it. */
  idOf(term: Term): number;
  isLiteral(id: number): boolean;
  /** The distinct triples of every graph, as flat subject, predicate, object ids. */
  tripleIds(): Uint32Array;
  clearGraph(graph: string): void;
  /** Adds flat s,p,o id triples to `graph`. */
  addTripleIds(triples: Uint32Array, graph: string): void;
}
