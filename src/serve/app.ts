// The application factory: builds the Fastify app around a loaded knowledge
// graph and a running query service. It never listens; tests drive it with
// app.inject() and server.ts adds the socket.
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import type { KnowledgeGraph } from '../knowledgeGraph.js';
import type { QueryService } from '../query/queryService.js';
import type { StoredQuery } from '../query/storedQueries.js';
import type { RowSource } from '../query/sparqlEngine.js';
import { registerErrorHandling } from './errorHandler.js';
import { healthRoutes } from './routes/health.js';
import { sparqlRoutes } from './routes/sparql.js';
import { assetRoutes } from './routes/assets.js';
import { storedQueryRoutes } from './routes/storedQueries.js';
import { siteRoutes } from './routes/site.js';
import { resourceRoutes } from './routes/resources.js';
import { dumpRoutes } from './routes/dumps.js';

export interface AppDependencies {
  kg: KnowledgeGraph;
  queries: QueryService;
  storedQueries: readonly StoredQuery[];
  /** Runs the server-side pages' queries (the comparison tables); the server gives WorkerRows over `queries`. */
  sparql: RowSource;
  /** Public base URL of this server, used for links in HTML and the service description. */
  publicUrl: string;
}

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Largest request body accepted (bytes). */
  bodyLimit?: number;
  /** Above this many quads the dumps are streamed (see PublicationOptions). */
  maxInMemoryDumpQuads?: number;
}

export async function buildApp(deps: AppDependencies, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    routerOptions: { maxParamLength: 500 },
    return503OnClosing: true,
    // One access-log line per response (below) instead of Fastify's two per request.
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Callback style: an async hook would cost a promise per response.
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'response');
    done();
  });
  registerErrorHandling(app);
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    exposedHeaders: ['Link', 'Vary', 'ETag', 'Last-Modified', 'X-Result-Truncated', 'Retry-After'],
  });
  await app.register(healthRoutes, { deps });
  await app.register(sparqlRoutes, { deps });
  await app.register(storedQueryRoutes, { deps });
  await app.register(assetRoutes);
  await app.register(siteRoutes, { deps });
  const publication = options.maxInMemoryDumpQuads === undefined ? {} : { maxInMemoryDumpQuads: options.maxInMemoryDumpQuads };
  await app.register(dumpRoutes, { deps, ...publication });
  await app.register(resourceRoutes, { deps, ...publication });
  return app;
}
