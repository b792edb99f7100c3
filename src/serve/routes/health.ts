// /health: liveness and a few numbers for operators.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDependencies } from '../app.js';

export const healthRoutes: FastifyPluginAsync<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get('/health', async () => ({
    status: 'ok',
    triples: deps.kg.store.size,
    inferred: deps.kg.reasoning.inferred,
    queriesInFlight: deps.queries.load,
  }));
};
