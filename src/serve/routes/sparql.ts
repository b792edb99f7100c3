// /sparql: the query side of the SPARQL 1.1 Protocol (GET, POST form,
// POST application/sparql-query), read-only. Without a query it returns
// the service description (RDF) or, to a browser, the query page.
import { parse as parseQueryString } from 'node:querystring';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDependencies } from '../app.js';
import { HttpError, notAcceptable } from '../httpError.js';
import { negotiate } from '../../serialize/negotiate.js';
import { formatById, formatByMediaType, formatByExtension } from '../../serialize/formats.js';
import { serializeRdf } from '../../serialize/rdfSerializer.js';
import { supportsAsk } from '../../serialize/sparqlResults.js';
import { QueryRejection, type QueryForm, type QueryRequest } from '../../query/queryRequest.js';
import { serviceDescription, SERVICE_DESCRIPTION_PREFIXES } from '../../describe/serviceDescription.js';
import { renderQueryPage } from '../queryPage.js';

const SELECT_TYPES = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values', 'application/json'];
const GRAPH_TYPES = ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml', 'application/trig', 'application/n-quads'];
// RDF first: a plain GET (no Accept, or */*) gets the service description; browsers ask for text/html by name.
const DESCRIPTION_TYPES = [...GRAPH_TYPES, 'text/html'];

type Params = Record<string, string | string[] | undefined>;

const querySchema = {
  type: 'object',
  properties: {
    query: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    'default-graph-uri': { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    'named-graph-uri': { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    format: { type: 'string', maxLength: 100 },
  },
} as const;

export const sparqlRoutes: FastifyPluginAsync<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.addContentTypeParser('application/sparql-query', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/sparql-update', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseQueryString(String(body)));
  });

  const baseIri = `${deps.publicUrl}/sparql`;

  app.get('/sparql', { schema: { querystring: querySchema } }, async (request, reply) => {
    const params = request.query as Params;
    if (params.query === undefined) {
      // SPARQL 1.1 Protocol §2.2: an update is never sent with GET.
      if (params.update !== undefined) throw new HttpError(400, 'SPARQL Update cannot be sent with GET (and this endpoint is read-only).');
      return describeService(request, reply);
    }
    return answer(request, reply, toQueryRequest(params, params, baseIri));
  });

  app.post('/sparql', async (request, reply) => {
    const urlParams = request.query as Params;
    const [rawType = '', ...typeParameters] = String(request.headers['content-type'] ?? '').split(';');
    const type = rawType.trim().toLowerCase();
    const charset = typeParameters.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p)?.[1]?.toLowerCase()).find(Boolean);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw new HttpError(415, `POST /sparql takes UTF-8 only, not ${charset}.`);
    }
    if (type === 'application/sparql-update') throw readOnly();
    if (type === 'application/sparql-query') {
      if (urlParams.query !== undefined) throw new HttpError(400, 'A query in the body must not also be given as a URL parameter.');
      return answer(request, reply, toQueryRequest({ ...urlParams, query: String(request.body ?? '') }, urlParams, baseIri));
    }
    if (type === 'application/x-www-form-urlencoded') {
      const form = (request.body ?? {}) as Params;
      if (form.update !== undefined) throw readOnly();
      if (form.query === undefined) throw new HttpError(400, 'Missing the query parameter.');
      // Dataset parameters count in the body or in the URL (the W3C protocol tests send them in the URL).
      const graphs: Params = {
        'default-graph-uri': [...list(urlParams['default-graph-uri']), ...list(form['default-graph-uri'])],
        'named-graph-uri': [...list(urlParams['named-graph-uri']), ...list(form['named-graph-uri'])],
      };
      return answer(request, reply, toQueryRequest(form, graphs, baseIri));
    }
    throw new HttpError(415, `POST /sparql takes application/sparql-query or application/x-www-form-urlencoded, not ${type || 'no content type'}.`);
  });

  app.route({
    method: ['PUT', 'DELETE', 'PATCH'],
    url: '/sparql',
    handler: async (request) => {
      throw new HttpError(405, `${request.method} is not allowed on /sparql; use GET or POST.`, { Allow: 'GET, HEAD, POST, OPTIONS' });
    },
  });

  // The same for every request (the stored queries are read once): rendered on first use.
  let queryPageHtml: string | undefined;
  const queryPage = (): string => (queryPageHtml ??= renderQueryPage(deps));
  app.get('/query', async (_request, reply) => reply.type('text/html; charset=utf-8').send(queryPage()));

  async function describeService(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const mediaType = negotiate(request.headers.accept, DESCRIPTION_TYPES);
    reply.header('Vary', 'Accept');
    if (!mediaType) throw notAcceptable(DESCRIPTION_TYPES);
    if (mediaType === 'text/html') return reply.type('text/html; charset=utf-8').send(queryPage());
    const format = formatByMediaType(mediaType)!;
    const body = await serializeRdf(serviceDescription(deps.kg.store, `${deps.publicUrl}/sparql`), format.id, {
      prefixes: SERVICE_DESCRIPTION_PREFIXES,
    });
    return reply.type(`${format.mediaType}; charset=utf-8`).send(body);
  }

  async function answer(request: FastifyRequest, reply: FastifyReply, queryRequest: QueryRequest): Promise<FastifyReply> {
    let prepared;
    try {
      prepared = deps.queries.prepare(queryRequest);
    } catch (error) {
      if (error instanceof QueryRejection) throw new HttpError(error.statusCode, error.message);
      throw error;
    }
    const formatOverride = (request.query as Params).format;
    const formatId = chooseResultFormat(prepared.form, request.headers.accept, typeof formatOverride === 'string' ? formatOverride : undefined);
    reply.header('Vary', 'Accept');
    // Timeouts, overload and failures of the query service are mapped in the error handler.
    const output = await deps.queries.run(prepared, formatId);
    if (output.truncated) reply.header('X-Result-Truncated', String(deps.queries.limits.maxRows));
    return reply.type(output.contentType).send(output.body);
  }
};

const SHORT_FORMAT_NAMES: Record<string, [results: string, graph: string]> = {
  json: ['sparql-json', 'jsonld'],
  xml: ['sparql-xml', 'rdfxml'],
};

export function chooseResultFormat(form: QueryForm, accept: string | undefined, override: string | undefined): string {
  const offered = form === 'SELECT' ? SELECT_TYPES : form === 'ASK' ? SELECT_TYPES.filter((t) => supportsAsk(formatByMediaType(t)!.id)) : GRAPH_TYPES;
  if (override) {
    // The short names the API documents (format=json / xml): the results format for SELECT / ASK, the RDF one otherwise.
    const shortName = SHORT_FORMAT_NAMES[override.trim().toLowerCase()];
    const alias = shortName ? (form === 'SELECT' || form === 'ASK' ? shortName[0] : shortName[1]) : override;
    const format = formatById(alias) ?? formatByExtension(alias) ?? formatByMediaType(alias);
    if (!format || !offered.includes(format.mediaType)) throw notAcceptable(offered);
    return format.id;
  }
  const mediaType = negotiate(accept, offered);
  if (!mediaType) throw notAcceptable(offered);
  return formatByMediaType(mediaType)!.id;
}

function toQueryRequest(params: Params, graphParams: Params, baseIri: string): QueryRequest {
  const query = params.query;
  if (Array.isArray(query)) throw new HttpError(400, 'Exactly one query parameter is allowed.');
  if (typeof query !== 'string' || query.trim() === '') throw new HttpError(400, 'The query parameter is empty.');
  return {
    query,
    defaultGraphs: list(graphParams['default-graph-uri']),
    namedGraphs: list(graphParams['named-graph-uri']),
    baseIri,
  };
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function readOnly(): HttpError {
  return new HttpError(403, 'SPARQL Update is not supported: this endpoint is read-only.');
}
