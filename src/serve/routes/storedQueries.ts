// The competency questions as an API: /queries lists them, /queries/{name}
// runs one with the parameters its header declares (bound as RDF terms,
// never spliced into the text), in every result format; /openapi.json
// describes it all.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDependencies } from '../app.js';
import { HttpError, notFound } from '../httpError.js';
import { bindParameters, QueryParameterError, type StoredQuery } from '../../query/storedQueries.js';
import { QueryRejection } from '../../query/queryRequest.js';
import { chooseResultFormat } from './sparql.js';
import { openApiDocument } from '../openApi.js';
import { negotiate } from '../../serialize/negotiate.js';
import { renderStoredQueryList } from '../storedQueryPage.js';

export const storedQueryRoutes: FastifyPluginAsync<{ deps: AppDependencies }> = async (app, { deps }) => {
  const byName = new Map(deps.storedQueries.map((q) => [q.name, q]));

  app.get('/queries', async (request, reply) => {
    reply.header('Vary', 'Accept');
    const type = negotiate(request.headers.accept, ['application/json', 'text/html']);
    if (type === 'text/html') return reply.type('text/html; charset=utf-8').send(renderStoredQueryList(deps));
    return reply.type('application/json; charset=utf-8').send({
      queries: deps.storedQueries.map((q) => summary(q, deps.publicUrl)),
    });
  });

  app.get('/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(openApiDocument(deps.storedQueries, deps.publicUrl)),
  );

  app.get<{ Params: { name: string } }>(
    '/queries/:name',
    { schema: { params: { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z0-9-]+(\\.[a-z]+)?$' } } } } },
    async (request, reply) => {
      const [name, extension] = request.params.name.split('.') as [string, string | undefined];
      const query = byName.get(name);
      if (!query) throw notFound(`/queries/${request.params.name}`);
      return runStoredQuery(request, reply, query, extension);
    },
  );

  async function runStoredQuery(request: FastifyRequest, reply: FastifyReply, query: StoredQuery, extension: string | undefined) {
    const { format, ...values } = request.query as Record<string, string | string[] | undefined>;
    const single: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      if (Array.isArray(value)) throw new HttpError(400, `Parameter ${key} is given more than once.`);
      if (value !== undefined) single[key] = value;
    }
    let parameters;
    let prepared;
    try {
      parameters = bindParameters(query, single);
      prepared = deps.queries.prepare({ query: query.text, defaultGraphs: [], namedGraphs: [] });
    } catch (error) {
      if (error instanceof QueryParameterError) throw new HttpError(400, error.message);
      if (error instanceof QueryRejection) throw new HttpError(error.statusCode, error.message);
      throw error;
    }
    const override = typeof format === 'string' ? format : extension;
    const formatId = chooseResultFormat(prepared.form, request.headers.accept, override);
    reply.header('Vary', 'Accept');
    const output = await deps.queries.run(prepared, formatId, parameters);
    if (output.truncated) reply.header('X-Result-Truncated', String(deps.queries.limits.maxRows));
    return reply.type(output.contentType).send(output.body);
  }
};

function summary(q: StoredQuery, publicUrl: string) {
  return {
    name: q.name,
    title: q.title,
    description: q.description,
    form: q.form,
    url: `${publicUrl}/queries/${q.name}`,
    parameters: q.parameters.map((p) => ({ name: p.name, kind: p.kind, base: p.base, default: p.default, description: p.description })),
    text: q.text,
  };
}
