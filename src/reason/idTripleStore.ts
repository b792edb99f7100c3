// The one place where reasoning touches the store: triples as numeric ids
// in and out. The app's QuadStore (src/store) offers these id-level methods
// itself. An N3.Store (still used by some tests and tools) is read and
// written through its entity index and graph indexes (N3.js internals; n3 is
// pinned), because making a Quad and three terms per triple would cost more
// than the reasoning.
import { DataFactory, type Store } from 'n3';
import type { Term } from '@rdfjs/types';

export interface IdTripleStore {
  /** The id of a term, a new id if the store has not seen it. */
  idOf(term: Term): number;
  isLiteral(id: number): boolean;
  /** Every triple of every graph, flat subject, predicate, object ids (repeated when in several graphs). */
  tripleIds(): Uint32Array;
  clearGraph(graph: string): void;
  /** Adds flat s,p,o id triples to `graph`. */
  addTripleIds(triples: Uint32Array, graph: string): void;
}

/** The store's own id-level access, or an adapter over an N3.Store's internals. */
export function idTripleStore(store: Store | IdTripleStore): IdTripleStore {
  return hasIdAccess(store) ? store : n3IdStore(store);
}

function hasIdAccess(store: Store | IdTripleStore): store is IdTripleStore {
  const s = store as Partial<IdTripleStore>;
  return typeof s.idOf === 'function' && typeof s.isLiteral === 'function' && typeof s.tripleIds === 'function' &&
    typeof s.clearGraph === 'function' && typeof s.addTripleIds === 'function';
}

type Index = Record<string, Record<string, Record<string, null>>>;
interface N3Internals {
  _entities: Record<number, string>;
  _graphs: Record<string, { subjects: Index }>;
  _termToNewNumericId(term: Term): number;
  _addQuad(subject: number, predicate: number, object: number, graph: number): boolean;
}

export function n3IdStore(store: Store | IdTripleStore): IdTripleStore {
  // A store that keeps id triples itself (src/store/compactStore.ts) is used as it is.
  if ('tripleIds' in store) return store;
  const internals = n3Internals(store);
  return {
    idOf: (term) => internals._termToNewNumericId(term),
    // Entity keys start with '"' for literals only (an IRI starting with '"' is kept as <…>).
    isLiteral: (id) => internals._entities[id]?.charCodeAt(0) === 0x22,
    tripleIds: () => tripleIds(internals, store.size),
    clearGraph: (graph) => {
      // Synchronous: removeMatches works through a stream.
      store.removeQuads(store.getQuads(null, null, null, DataFactory.namedNode(graph)));
    },
    addTripleIds: (triples, graph) => {
      const graphId = internals._termToNewNumericId(DataFactory.namedNode(graph));
      for (let i = 0; i < triples.length; i += 3) internals._addQuad(triples[i], triples[i + 1], triples[i + 2], graphId);
    },
  };
}

function n3Internals(store: Store): N3Internals {
  const s = store as unknown as Partial<N3Internals>;
  if (typeof s._graphs !== 'object' || typeof s._entities !== 'object' ||
      typeof s._termToNewNumericId !== 'function' || typeof s._addQuad !== 'function') {
    throw new Error('Reasoning needs the N3.Store internals of the pinned n3 version (_graphs, _entities, _termToNewNumericId, _addQuad).');
  }
  return s as N3Internals;
}

function tripleIds(internals: N3Internals, quadCount: number): Uint32Array {
  const out = new Uint32Array(quadCount * 3);
  let at = 0;
  for (const graph in internals._graphs) {
    const subjects = internals._graphs[graph]!.subjects;
    for (const s in subjects) {
      const predicates = subjects[s]!;
      const subject = Number(s);
      for (const p in predicates) {
        const objects = predicates[p]!;
        const predicate = Number(p);
        for (const o in objects) {
          out[at++] = subject;
          out[at++] = predicate;
          out[at++] = Number(o);
        }
      }
    }
  }
  // Writes past the end of a typed array are dropped silently: make a wrong size loud.
  if (at > out.length) throw new Error(`The store holds more triples (${at / 3}) than its size says (${quadCount}).`);
  return out.subarray(0, at);
}
