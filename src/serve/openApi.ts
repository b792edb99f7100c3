// An OpenAPI 3.1 description of the HTTP API, generated from the stored
// queries so that it can never drift from them.
import type { StoredQuery } from '../query/storedQueries.js';

const RESULT_TYPES = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'];
const GRAPH_TYPES = ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml', 'application/trig', 'application/n-quads'];

const errorResponses = {
  '400': { description: 'Bad request: a syntax error (with the parser message) or an invalid parameter.' },
  '403': { description: 'SPARQL Update refused: the endpoint is read-only.' },
  '406': { description: 'None of the accepted media types is available.' },
  '503': { description: 'Too many concurrent queries; retry after the Retry-After seconds.' },
  '504': { description: 'The query ran past the time limit and was stopped.' },
};

const content = (types: string[]) => Object.fromEntries(types.map((t) => [t, { schema: { type: 'string' } }]));

export function openApiDocument(queries: readonly StoredQuery[], publicUrl: string): object {
  const paths: Record<string, object> = {
    '/sparql': {
      get: {
        summary: 'SPARQL 1.1 Protocol query (GET); without query: the service description',
        parameters: [
          { name: 'query', in: 'query', schema: { type: 'string' } },
          { name: 'default-graph-uri', in: 'query', schema: { type: 'array', items: { type: 'string', format: 'iri' } } },
          { name: 'named-graph-uri', in: 'query', schema: { type: 'array', items: { type: 'string', format: 'iri' } } },
        ],
        responses: { '200': { description: 'Query results or service description', content: content([...RESULT_TYPES, ...GRAPH_TYPES]) }, ...errorResponses },
      },
      post: {
        summary: 'SPARQL 1.1 Protocol query (POST form or application/sparql-query)',
        requestBody: {
          content: {
            'application/sparql-query': { schema: { type: 'string' } },
            'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] } },
          },
        },
        responses: { '200': { description: 'Query results', content: content([...RESULT_TYPES, ...GRAPH_TYPES]) }, ...errorResponses, '415': { description: 'Unsupported request body type.' } },
      },
    },
    '/queries': { get: { summary: 'List of stored competency queries', responses: { '200': { description: 'The stored queries', content: content(['application/json', 'text/html']) } } } },
  };
  for (const q of queries) {
    paths[`/queries/${q.name}`] = {
      get: {
        operationId: q.name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()),
        summary: q.title,
        description: q.description,
        parameters: [
          ...q.parameters.map((p) => ({
            name: p.name,
            in: 'query',
            required: false,
            description: `${p.description}${p.kind === 'iri' && p.base ? ` (a slug is appended to ${p.base})` : ''}`,
            schema: { type: 'string', ...(p.default ? { default: p.default } : {}) },
          })),
          { name: 'format', in: 'query', required: false, description: 'Result format (overrides Accept): json, xml, csv, tsv, ttl, nt, jsonld, rdf, trig, nq', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'Query results', content: content(q.form === 'SELECT' || q.form === 'ASK' ? RESULT_TYPES : GRAPH_TYPES) }, ...errorResponses, '404': { description: 'No such stored query.' } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'IoT initial security setup — linked data API',
      version: '0.1.0',
      description: 'SPARQL endpoint and stored competency queries over the knowledge graph of draft-irtf-t2trg-security-setup-iot-devices-01.',
      license: { name: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    },
    servers: [{ url: publicUrl }],
    paths,
  };
}
