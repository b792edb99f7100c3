// Runs SPARQL over the store with Comunica. The default graph a query sees
// is the union of all graphs (asserted + entailments); FROM / FROM NAMED in
// the query restrict it (DESIGN §3).
//
// Comunica is loaded on first use, not at import: the server's main thread
// only needs it for a few HTML pages, and loading it takes a good part of a
// cold start (the query workers load their own copy in parallel).
import type { QueryEngine } from '@comunica/query-sparql';
import type { BindingsFactory } from '@comunica/utils-bindings-factory';
import { DataFactory } from 'rdf-data-factory';
import type { QuadStore } from '../store/index.js';
import type { ComunicaDataFactory, QueryStringContext } from '@comunica/types';
import type { Quad, Term, Variable } from '@rdfjs/types';

export type Row = Record<string, Term>;
export type ParameterBindings = Record<string, Term>;

/** What the HTML pages query: SELECT rows, parameters bound as terms (SparqlEngine in process, WorkerRows on the query workers). */
export interface RowSource {
  select(query: string, parameters?: ParameterBindings): Promise<Row[]>;
}

const dataFactory: ComunicaDataFactory = new DataFactory() as ComunicaDataFactory;

interface Loaded {
  engine: QueryEngine;
  bindingsFactory: BindingsFactory;
}

export class SparqlEngine implements RowSource {
  private loaded: Promise<Loaded> | null = null;

  constructor(private readonly store: QuadStore) {}

  private load(): Promise<Loaded> {
    this.loaded ??= Promise.all([import('@comunica/query-sparql'), import('@comunica/utils-bindings-factory'), import('./stableOrderBy.js')]).then(
      ([{ QueryEngine: Engine }, { BindingsFactory: Factory }]) => ({ engine: new Engine(), bindingsFactory: new Factory(dataFactory) }),
    );
    return this.loaded;
  }

  /** SELECT: every solution as a map from variable name to term. */
  async select(query: string, parameters: ParameterBindings = {}): Promise<Row[]> {
    const { engine, bindingsFactory } = await this.load();
    const stream = await engine.queryBindings(query, this.context(parameters, bindingsFactory));
    const rows: Row[] = [];
    for (const bindings of await stream.toArray()) {
      const row: Row = {};
      for (const [variable, term] of bindings) row[variable.value] = term;
      rows.push(row);
    }
    return rows;
  }

  async ask(query: string, parameters: ParameterBindings = {}): Promise<boolean> {
    const { engine, bindingsFactory } = await this.load();
    return engine.queryBoolean(query, this.context(parameters, bindingsFactory));
  }

  async construct(query: string, parameters: ParameterBindings = {}): Promise<Quad[]> {
    const { engine, bindingsFactory } = await this.load();
    const stream = await engine.queryQuads(query, this.context(parameters, bindingsFactory));
    return stream.toArray();
  }

  private context(parameters: ParameterBindings, bindingsFactory: BindingsFactory): QueryStringContext {
    const entries = Object.entries(parameters).map(
      ([name, term]): [Variable, Term] => [dataFactory.variable(name), term],
    );
    return {
      sources: [this.store],
      unionDefaultGraph: true,
      // Parameters are bound as RDF terms, never spliced into the query text.
      ...(entries.length > 0 ? { initialBindings: bindingsFactory.bindings(entries) } : {}),
    };
  }
}
