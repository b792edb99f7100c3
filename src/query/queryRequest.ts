// Checks a SPARQL request before any engine sees it: syntax (with the
// parser's message), read-only (no Update), no SERVICE (the engine never
// makes outbound requests), length, and the protocol's dataset, which
// overrides FROM / FROM NAMED in the query text (SPARQL 1.1 Protocol §2.1.4).
//
// The dataset (from the protocol, else from FROM / FROM NAMED) is taken out
// of the query text and handed to the worker, which builds the RDF dataset
// itself: Comunica 4.5 gets FROM NAMED wrong (an empty default graph yields
// one empty solution; GRAPH ?g or DESCRIBE next to FROM / FROM NAMED fail
// with "none of the configured actors were able to handle the operation").
import sparqljs from 'sparqljs';
import type { SparqlQuery, Query } from 'sparqljs';

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

export interface QueryRequest {
  query: string;
  defaultGraphs: readonly string[];
  namedGraphs: readonly string[];
  /** Base IRI for relative IRIs in the query (the protocol lets it be the endpoint URL). */
  baseIri?: string;
}

/** The RDF dataset a query runs over: graph IRIs merged into its default graph, and its named graphs. */
export interface QueryDataset {
  defaultGraphs: string[];
  namedGraphs: string[];
}

export interface PreparedQuery {
  /** The query to execute, without FROM / FROM NAMED (see `dataset`). */
  text: string;
  form: QueryForm;
  /** The dataset to run over; null for the service's default dataset (the union of all graphs, every graph named). */
  dataset: QueryDataset | null;
  baseIri?: string;
}

export class QueryRejection extends Error {
  override name = 'QueryRejection';
  constructor(
    readonly statusCode: 400 | 403 | 413,
    message: string,
  ) {
    super(message);
  }
}

export function prepareQuery(request: QueryRequest, maxQueryLength: number): PreparedQuery {
  if (request.query.length > maxQueryLength) {
    throw new QueryRejection(413, `The query is ${request.query.length} characters long; the limit is ${maxQueryLength}.`);
  }
  let parsed: SparqlQuery;
  try {
    parsed = new sparqljs.Parser(request.baseIri === undefined ? {} : { baseIRI: request.baseIri }).parse(request.query);
  } catch (error) {
    throw new QueryRejection(400, `Syntax error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed.type === 'update') {
    throw new QueryRejection(403, 'SPARQL Update is not supported: this endpoint is read-only.');
  }
  // sparqljs accepts a text of comments and PREFIX / BASE declarations only, and returns no query for it.
  if (parsed.type !== 'query' || !['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE'].includes(parsed.queryType)) {
    throw new QueryRejection(400, 'Syntax error: the text holds no query (only comments or PREFIX / BASE declarations).');
  }
  if (usesService(parsed)) {
    throw new QueryRejection(400, 'SERVICE is not supported: this endpoint never makes outbound requests.');
  }
  const form = parsed.queryType as QueryForm;
  const base = request.baseIri === undefined ? {} : { baseIri: request.baseIri };
  let dataset: QueryDataset;
  if (request.defaultGraphs.length > 0 || request.namedGraphs.length > 0) {
    for (const iri of [...request.defaultGraphs, ...request.namedGraphs]) {
      if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(iri)) throw new QueryRejection(400, `Not a graph IRI: ${JSON.stringify(iri)}`);
    }
    dataset = { defaultGraphs: [...request.defaultGraphs], namedGraphs: [...request.namedGraphs] };
  } else if (parsed.from && (parsed.from.default.length > 0 || parsed.from.named.length > 0)) {
    dataset = { defaultGraphs: parsed.from.default.map((g) => g.value), namedGraphs: parsed.from.named.map((g) => g.value) };
  } else {
    return { text: request.query, form, dataset: null, ...base };
  }
  const { from: _from, ...withoutDataset } = parsed;
  return { text: new sparqljs.Generator().stringify(withoutDataset as Query), form, dataset, ...base };
}

function usesService(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesService);
  if (node === null || typeof node !== 'object') return false;
  if ((node as { type?: unknown }).type === 'service') return true;
  return Object.values(node as Record<string, unknown>).some(usesService);
}
