// Checks a SPARQL request before any engine sees it: syntax (with the
// parser's message), read-only (no Update), no SERVICE (the engine never
// makes outbound requests), length, and the protocol's dataset, which
// overrides FROM / FROM NAMED in the query text (SPARQL 1.1 Protocol §2.1.4).
import sparqljs from 'sparqljs';
import type { SparqlQuery, Query } from 'sparqljs';
import { DataFactory } from 'n3';

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

export interface QueryRequest {
  query: string;
  defaultGraphs: readonly string[];
  namedGraphs: readonly string[];
}

export interface PreparedQuery {
  /** The query to execute, with the protocol dataset applied. */
  text: string;
  form: QueryForm;
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
    parsed = new sparqljs.Parser().parse(request.query);
  } catch (error) {
    throw new QueryRejection(400, `Syntax error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed.type === 'update') {
    throw new QueryRejection(403, 'SPARQL Update is not supported: this endpoint is read-only.');
  }
  if (usesService(parsed)) {
    throw new QueryRejection(400, 'SERVICE is not supported: this endpoint never makes outbound requests.');
  }
  const form = parsed.queryType as QueryForm;
  if (request.defaultGraphs.length === 0 && request.namedGraphs.length === 0) {
    return { text: request.query, form };
  }
  for (const iri of [...request.defaultGraphs, ...request.namedGraphs]) {
    if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(iri)) throw new QueryRejection(400, `Not a graph IRI: ${JSON.stringify(iri)}`);
  }
  const withDataset: Query = {
    ...parsed,
    from: {
      default: request.defaultGraphs.map((iri) => DataFactory.namedNode(iri)),
      named: request.namedGraphs.map((iri) => DataFactory.namedNode(iri)),
    },
  };
  return { text: new sparqljs.Generator().stringify(withDataset), form };
}

function usesService(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesService);
  if (node === null || typeof node !== 'object') return false;
  if ((node as { type?: unknown }).type === 'service') return true;
  return Object.values(node as Record<string, unknown>).some(usesService);
}
