// What `match` returns: an RDF/JS Stream (a Readable in object mode, read
// lazily, which is how Comunica consumes an RDF/JS source) that is also a
// read-only DatasetCore that can be iterated synchronously, as N3.Store's
// match result is.
import { Readable } from 'node:stream';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';

export interface QuadSource {
  /** The matching quads, from the start, each time it is called. */
  quads(): Iterator<Quad>;
  count(): number;
  /** The matches of this result that also match the given pattern. */
  match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): DatasetCore;
}

export class QuadStream extends Readable implements DatasetCore {
  private reading: Iterator<Quad> | null = null;

  constructor(private readonly source: QuadSource) {
    super({ objectMode: true });
  }

  override _read(size: number): void {
    this.reading ??= this.source.quads();
    for (let i = 0; i < size; i++) {
      const next = this.reading.next();
      if (next.done) {
        this.push(null);
        return;
      }
      if (!this.push(next.value)) return;
    }
  }

  get size(): number {
    return this.source.count();
  }

  has(quad: Quad): boolean {
    return this.source.match(quad.subject, quad.predicate, quad.object, quad.graph).size > 0;
  }

  match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): DatasetCore {
    return this.source.match(subject, predicate, object, graph);
  }

  add(): this {
    throw new Error('A match result is read-only.');
  }

  delete(): this {
    throw new Error('A match result is read-only.');
  }

  [Symbol.iterator](): Iterator<Quad> {
    return this.source.quads();
  }
}
