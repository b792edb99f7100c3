// The site pages' queries (the comparison tables), run on the query workers
// like the endpoint's: off the main thread and under the time limit. In
// process, a page's query over a large user graph could hold the main
// thread for minutes; here it costs a worker and at worst answers 504.
// Results come back as SPARQL JSON and are read into rows of RDF/JS terms.
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';
import { QueryExecutionError, type QueryService } from './queryService.js';
import type { ParameterBindings, Row, RowSource } from './sparqlEngine.js';

interface JsonTerm {
  type: 'uri' | 'literal' | 'typed-literal' | 'bnode';
  value: string;
  'xml:lang'?: string;
  datatype?: string;
}

export class WorkerRows implements RowSource {
  constructor(private readonly queries: QueryService) {}

  async select(query: string, parameters: ParameterBindings = {}): Promise<Row[]> {
    const prepared = this.queries.prepare({ query, defaultGraphs: [], namedGraphs: [] });
    const output = await this.queries.run(prepared, 'sparql-json', parameters);
    // A page built from a cut result would silently leave rows out.
    if (output.truncated) {
      throw new QueryExecutionError(500, `This page needs more than ${this.queries.limits.maxRows} result rows (QUERY_MAX_ROWS); query /sparql for the full table.`);
    }
    const json = JSON.parse(output.body) as { results: { bindings: Array<Record<string, JsonTerm>> } };
    return json.results.bindings.map((binding) => Object.fromEntries(Object.entries(binding).map(([name, term]) => [name, toTerm(term)])));
  }
}

function toTerm(term: JsonTerm): Term {
  switch (term.type) {
    case 'uri':
      return DataFactory.namedNode(term.value);
    case 'bnode':
      return DataFactory.blankNode(term.value);
    default:
      return term['xml:lang'] ? DataFactory.literal(term.value, term['xml:lang']) : DataFactory.literal(term.value, term.datatype ? DataFactory.namedNode(term.datatype) : undefined);
  }
}
