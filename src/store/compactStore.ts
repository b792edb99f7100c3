// A dictionary-encoded quad store with the part of N3.Store's API the app
// uses, with N3's semantics: terms are RDF/JS terms, N3-style id strings or
// null (anything); a null graph means every graph, the DefaultGraph term
// only the default graph. Terms are interned as uint32 ids
// (termDictionary.ts), quads are four id columns (quadTable.ts): ~50 bytes
// a quad with the dictionary, where N3.Store takes ~2.5 kB.
//
// The id-level methods (idOf, termOf, isLiteral, tripleIds, addTripleIds,
// clearGraph) are for the reasoner, which works on id triples; share() / attach() let query workers
// read a store built on the main thread in place.
import { DataFactory, termFromId } from 'n3';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { TermDictionary, type SharedDictionary } from './termDictionary.js';
import { ABSENT, ANY, QuadTable, type IdPattern, type SharedTable } from './quadTable.js';
import { QuadStream } from './quadStream.js';
import { termKey } from './termKey.js';

/** A pattern term as N3.Store takes it: an RDF/JS term, an N3 id string, or null / undefined for anything. */
export type TermPattern = Term | string | null | undefined;

/** The buffers a worker needs to attach to a shared store. */
export interface SharedStoreHandle {
  dictionary: SharedDictionary;
  table: SharedTable;
}

const DEFAULT_GRAPH_KEY = '';
/** Slots of the decoded-term cache (a power of two). */
const DECODED_CACHE_SLOTS = 1 << 16;
const QUOTE = 0x22;

export class CompactStore implements DatasetCore {
  private readonly dictionary: TermDictionary;
  private readonly table: QuadTable;
  /**
   * Recently decoded terms, direct-mapped by id: reading a quad decodes
   * three or four terms from UTF-8, and queries and SHACL read the same
   * terms over and over. Bounded, so it never holds the dictionary twice.
   */
  private readonly decodedIds = new Int32Array(DECODED_CACHE_SLOTS).fill(-1);
  private readonly decodedTerms: Term[] = new Array<Term>(DECODED_CACHE_SLOTS);
  /** Last term object seen at each position when adding: parsers repeat the same subject and predicate objects. */
  private readonly lastTerms: Array<Term | null> = [null, null, null, null];
  private readonly lastIds = [0, 0, 0, 0];

  constructor(quads?: Iterable<Quad>, parts?: { dictionary: TermDictionary; table: QuadTable }) {
    this.dictionary = parts?.dictionary ?? new TermDictionary();
    this.table = parts?.table ?? new QuadTable();
    if (!this.dictionary.readOnly) this.dictionary.intern(DEFAULT_GRAPH_KEY);
    if (quads) this.addQuads(quads);
  }

  /** A read-only store over buffers shared by another thread (share()). */
  static attach(handle: SharedStoreHandle): CompactStore {
    return new CompactStore(undefined, { dictionary: new TermDictionary(handle.dictionary), table: new QuadTable(handle.table) });
  }

  /** Seals the store, builds its indexes and makes it read-only, so other threads can attach() to it. */
  share(): SharedStoreHandle {
    return { table: this.table.freeze(), dictionary: this.dictionary.freeze() };
  }

  get size(): number {
    return this.table.size;
  }

  // --- Writing ---------------------------------------------------------------

  addQuad(subject: Quad | Term, predicate?: Term, object?: Term, graph?: Term): void {
    if (subject.termType === 'Quad' && predicate === undefined) {
      const quad = subject as Quad;
      this.table.add(this.internAt(0, quad.subject), this.internAt(1, quad.predicate), this.internAt(2, quad.object), this.internAt(3, quad.graph));
      return;
    }
    if (!predicate || !object) throw new TypeError('addQuad needs a quad or a subject, predicate and object');
    this.table.add(this.internAt(0, subject), this.internAt(1, predicate), this.internAt(2, object), graph ? this.internAt(3, graph) : 0);
  }

  addQuads(quads: Iterable<Quad>): void {
    for (const quad of quads) this.addQuad(quad);
  }

  add(quad: Quad): this {
    this.addQuad(quad);
    return this;
  }

  removeQuad(quad: Quad): boolean {
    const ids = this.pattern(quad.subject, quad.predicate, quad.object, quad.graph);
    if (ids.includes(ABSENT)) return false;
    return this.table.remove(ids[0], ids[1], ids[2], ids[3]);
  }

  removeQuads(quads: Iterable<Quad>): void {
    // Read first: removing while the quads are still being read from this store.
    for (const quad of [...quads]) this.removeQuad(quad);
  }

  delete(quad: Quad): this {
    this.removeQuad(quad);
    return this;
  }

  // --- Reading ---------------------------------------------------------------

  getQuads(subject?: TermPattern, predicate?: TermPattern, object?: TermPattern, graph?: TermPattern): Quad[] {
    const quads: Quad[] = [];
    this.table.scan(this.pattern(subject, predicate, object, graph), (row) => {
      quads.push(this.quadAt(row));
    });
    return quads;
  }

  countQuads(subject?: TermPattern, predicate?: TermPattern, object?: TermPattern, graph?: TermPattern): number {
    return this.table.count(this.pattern(subject, predicate, object, graph));
  }

  has(quad: Quad): boolean {
    return this.countQuads(quad.subject, quad.predicate, quad.object, quad.graph) > 0;
  }

  /** The matches as a lazily read stream, which is also a DatasetCore (as N3.Store's match). */
  match(subject?: TermPattern, predicate?: TermPattern, object?: TermPattern, graph?: TermPattern): QuadStream {
    const ids = this.pattern(subject, predicate, object, graph);
    const store = this;
    return new QuadStream({
      *quads() {
        for (const row of store.table.rows(ids)) yield store.quadAt(row);
      },
      count: () => this.table.count(ids),
      match: (s, p, o, g) => {
        const narrower = this.pattern(s, p, o, g).map((id, i) => {
          if (id === ANY) return ids[i]!;
          return ids[i] === ANY || ids[i] === id ? id : ABSENT;
        });
        return this.matchIds(narrower as unknown as IdPattern);
      },
    });
  }

  forEach(callback: (quad: Quad) => void, subject?: TermPattern, predicate?: TermPattern, object?: TermPattern, graph?: TermPattern): void {
    this.table.scan(this.pattern(subject, predicate, object, graph), (row) => {
      callback(this.quadAt(row));
    });
  }

  some(callback: (quad: Quad) => boolean, subject?: TermPattern, predicate?: TermPattern, object?: TermPattern, graph?: TermPattern): boolean {
    let found = false;
    this.table.scan(this.pattern(subject, predicate, object, graph), (row) => {
      found = callback(this.quadAt(row));
      return !found;
    });
    return found;
  }

  every(callback: (quad: Quad) => boolean, subject?: TermPattern, predicate?: TermPattern, object?: TermPattern, graph?: TermPattern): boolean {
    return !this.some((quad) => !callback(quad), subject, predicate, object, graph);
  }

  getSubjects(predicate?: TermPattern, object?: TermPattern, graph?: TermPattern): Term[] {
    return this.distinct(0, this.pattern(null, predicate, object, graph));
  }

  getPredicates(subject?: TermPattern, object?: TermPattern, graph?: TermPattern): Term[] {
    return this.distinct(1, this.pattern(subject, null, object, graph));
  }

  getObjects(subject?: TermPattern, predicate?: TermPattern, graph?: TermPattern): Term[] {
    return this.distinct(2, this.pattern(subject, predicate, null, graph));
  }

  getGraphs(subject?: TermPattern, predicate?: TermPattern, object?: TermPattern): Term[] {
    return this.distinct(3, this.pattern(subject, predicate, object, null));
  }

  *[Symbol.iterator](): Iterator<Quad> {
    for (const row of this.table.rows([ANY, ANY, ANY, ANY])) yield this.quadAt(row);
  }

  // --- Ids, for the reasoner ---------------------------------------------------

  /** The id of `term`, added to the dictionary when new. */
  idOf(term: Term | string): number {
    return this.dictionary.intern(termKey(term));
  }

  /** The id of `term`, or undefined when no quad ever used it. */
  findId(term: Term | string): number | undefined {
    const id = this.dictionary.find(termKey(term));
    return id < 0 ? undefined : id;
  }

  termOf(id: number): Term {
    const slot = id & (DECODED_CACHE_SLOTS - 1);
    if (this.decodedIds[slot] === id) return this.decodedTerms[slot]!;
    const term = termFromId(this.dictionary.key(id), DataFactory) as Term;
    this.decodedIds[slot] = id;
    this.decodedTerms[slot] = term;
    return term;
  }

  /** Whether term `id` is a literal, without decoding it. */
  isLiteral(id: number): boolean {
    return this.dictionary.firstByte(id) === QUOTE;
  }

  /**
   * The distinct (s, p, o) id triples in `graphs` (every graph when
   * omitted), flat and sorted by subject, predicate, object.
   */
  tripleIds(graphs?: Iterable<TermPattern>): Uint32Array {
    if (graphs === undefined) return this.table.triples(null);
    const ids = new Set<number>();
    for (const graph of graphs) {
      const id = this.lookup(graph ?? DataFactory.defaultGraph());
      if (id >= 0) ids.add(id);
    }
    return this.table.triples(ids);
  }

  /** Adds flat (s, p, o) id triples, all to `graph` (a term or an IRI). */
  addTripleIds(triples: Uint32Array, graph: Term | string): void {
    this.table.addTriples(triples, this.idOf(graph));
  }

  /** Removes every quad of `graph` (a term or an IRI). */
  clearGraph(graph: Term | string): void {
    const id = this.lookup(graph);
    if (id >= 0) this.table.removeMatching([ANY, ANY, ANY, id]);
  }

  /**
   * A store with the same dictionary whose default graph is the merge of
   * `defaultGraphs` and whose named graphs are `namedGraphs`; made at the id
   * level, so it works on a shared (read-only) dictionary.
   */
  graphView(defaultGraphs: Iterable<TermPattern>, namedGraphs: Iterable<TermPattern>): CompactStore {
    const table = new QuadTable();
    for (const graph of new Set(defaultGraphs)) {
      const id = this.lookup(graph ?? DataFactory.defaultGraph());
      if (id >= 0) table.addTriples(this.table.triples(new Set([id])), 0);
    }
    for (const graph of new Set(namedGraphs)) {
      const id = this.lookup(graph ?? DataFactory.defaultGraph());
      if (id >= 0) table.addTriples(this.table.triples(new Set([id])), id);
    }
    return new CompactStore(undefined, { dictionary: this.dictionary, table });
  }

  /**
   * The distinct triples matching (subject, predicate, object) in any of
   * `graphs`, as default-graph quads: the merge of those graphs, read in
   * place. The scan never uses the graph-first index, so the copies of a
   * triple in several graphs come one after the other and are skipped.
   */
  getMergedTriples(subject: TermPattern, predicate: TermPattern, object: TermPattern, graphs: Iterable<TermPattern>): Quad[] {
    const wanted = new Set<number>();
    for (const graph of graphs) {
      const id = this.lookup(graph ?? DataFactory.defaultGraph());
      if (id >= 0) wanted.add(id);
    }
    const quads: Quad[] = [];
    const t = this.table;
    let last = -1;
    const defaultGraph = DataFactory.defaultGraph();
    this.table.scan(this.pattern(subject, predicate, object, null), (row) => {
      if (!wanted.has(t.id(row, 3))) return;
      if (last >= 0 && t.id(row, 0) === t.id(last, 0) && t.id(row, 1) === t.id(last, 1) && t.id(row, 2) === t.id(last, 2)) return;
      last = row;
      quads.push(DataFactory.quad(this.termOf(t.id(row, 0)) as Quad['subject'], this.termOf(t.id(row, 1)) as Quad['predicate'], this.termOf(t.id(row, 2)) as Quad['object'], defaultGraph) as Quad);
    });
    return quads;
  }

  /** Bytes held by the dictionary and the quads (for the measurements). */
  get byteLength(): { dictionary: number; quads: number } {
    return { dictionary: this.dictionary.byteLength, quads: this.table.byteLength };
  }

  get termCount(): number {
    return this.dictionary.size;
  }

  // --- Encoding and decoding ---------------------------------------------------

  private internAt(position: number, term: Term): number {
    if (this.lastTerms[position] === term) return this.lastIds[position]!;
    const id = this.dictionary.intern(termKey(term));
    this.lastTerms[position] = term;
    this.lastIds[position] = id;
    return id;
  }

  /** ANY for null / undefined, ABSENT for a term the dictionary does not hold, else its id. */
  private lookup(term: TermPattern): number {
    if (term === null || term === undefined) return ANY;
    const id = this.dictionary.find(termKey(term));
    return id < 0 ? ABSENT : id;
  }

  private pattern(subject: TermPattern, predicate: TermPattern, object: TermPattern, graph: TermPattern): IdPattern {
    return [this.lookup(subject), this.lookup(predicate), this.lookup(object), this.lookup(graph)];
  }

  private matchIds(ids: IdPattern): DatasetCore {
    const quads: Quad[] = [];
    this.table.scan(ids, (row) => {
      quads.push(this.quadAt(row));
    });
    return new CompactStore(quads);
  }

  private distinct(position: number, ids: IdPattern): Term[] {
    const seen = new Set<number>();
    this.table.scan(ids, (row) => {
      seen.add(this.table.id(row, position));
    });
    return [...seen].map((id) => this.termOf(id));
  }

  private quadAt(row: number): Quad {
    const t = this.table;
    return DataFactory.quad(
      this.termOf(t.id(row, 0)) as Quad['subject'],
      this.termOf(t.id(row, 1)) as Quad['predicate'],
      this.termOf(t.id(row, 2)) as Quad['object'],
      this.termOf(t.id(row, 3)) as Quad['graph'],
    ) as Quad;
  }
}
