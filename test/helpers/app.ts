// Builds the whole app for integration tests (driven with app.inject) and
// starts it on a free port for end-to-end tests. One query service per
// call: close() stops its worker threads.
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDependencies, type AppOptions } from '../../src/serve/app.js';
import { DEFAULT_QUERY_LIMITS, QueryService, type QueryLimits } from '../../src/query/queryService.js';
import { loadStoredQueries } from '../../src/query/storedQueries.js';
import { WorkerRows } from '../../src/query/workerRows.js';
import type { KnowledgeGraph } from '../../src/knowledgeGraph.js';
import { QUERIES_DIR, embeddedKnowledgeGraph } from './knowledgeGraph.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDependencies;
  close(): Promise<void>;
}

export const TEST_PUBLIC_URL = 'http://127.0.0.1:8080';

export async function testApp(options: { limits?: Partial<QueryLimits>; kg?: KnowledgeGraph; publicUrl?: string; logger?: AppOptions['logger']; maxInMemoryDumpQuads?: number } = {}): Promise<TestApp> {
  const kg = options.kg ?? (await embeddedKnowledgeGraph());
  const queries = await QueryService.start(kg.store, { ...DEFAULT_QUERY_LIMITS, ...options.limits });
  const deps: AppDependencies = {
    kg,
    queries,
    storedQueries: loadStoredQueries(QUERIES_DIR),
    sparql: new WorkerRows(queries),
    publicUrl: options.publicUrl ?? TEST_PUBLIC_URL,
  };
  const app = await buildApp(deps, {
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.maxInMemoryDumpQuads !== undefined ? { maxInMemoryDumpQuads: options.maxInMemoryDumpQuads } : {}),
  });
  return {
    app,
    deps,
    async close() {
      await app.close();
      await queries.close();
    },
  };
}

/** Starts the app on a free loopback port; returns its base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}
