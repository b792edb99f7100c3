// Runs SPARQL over the store with Comunica. The default graph a query sees
// is the union of all graphs (asserted + entailments); FROM / FROM NAMED in
// the query restrict it (DESIGN §3).
import { QueryEngine } from '@comunica/query-sparql';
import { BindingsFactory } from '@comunica/utils-bindings-factory';
import { DataFactory } from 'rdf-data-factory';
import type { Store } from 'n3';
import type { ComunicaDataFactory, QueryStringContext } from '@comunica/types';
import type { Quad, Term, Variable } from '@rdfjs/types';

export type Row = Record<string, Term>;
export type ParameterBindings = Record<string, Term>;

const dataFactory: ComunicaDataFactory = new DataFactory() as ComunicaDataFactory;
const bindingsFactory = new BindingsFactory(dataFactory);

export class SparqlEngine {
  private readonly engine = new QueryEngine();

  constructor(private readonly store: Store) {}

  /** SELECT: every solution as a map from variable name to term. */
  async select(query: string, parameters: ParameterBindings = {}): Promise<Row[]> {
    const stream = await this.engine.queryBindings(query, this.context(parameters));
    const rows: Row[] = [];
    for (const bindings of await stream.toArray()) {
      const row: Row = {};
      for (const [variable, term] of bindings) row[variable.value] = term;
      rows.push(row);
    }
    return rows;
  }

  async ask(query: string, parameters: ParameterBindings = {}): Promise<boolean> {
    return this.engine.queryBoolean(query, this.context(parameters));
  }

  async construct(query: string, parameters: ParameterBindings = {}): Promise<Quad[]> {
    const stream = await this.engine.queryQuads(query, this.context(parameters));
    return stream.toArray();
  }

  private context(parameters: ParameterBindings): QueryStringContext {
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
