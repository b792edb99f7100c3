// The server front door: load → reason → start the query workers → listen,
// with structured logs and a graceful shutdown on SIGINT/SIGTERM.
//
// Start-up order (see the phasesMs of the "serving at" log line): the query
// workers are started first and load their code while this thread loads,
// validates and reasons; the app (Fastify, routes, pages: imported only now,
// so that the workers start earlier) is built while the first worker reads
// the data; the server listens once that worker can answer.
import pino from 'pino';
import { buildKnowledgeGraph } from '../knowledgeGraph.js';
import type { AppConfig } from '../config.js';
import { QueryService } from '../query/queryService.js';
import { loadStoredQueries } from '../query/storedQueries.js';
import { WorkerRows } from '../query/workerRows.js';

export async function serve(config: AppConfig): Promise<void> {
  const started = performance.now();
  // The query workers load their code while the main thread loads and reasons.
  const launcher = QueryService.launch(config.query);
  let kg;
  try {
    kg = await buildKnowledgeGraph(config);
  } catch (error) {
    await launcher.abort();
    throw error;
  }
  const loaded = performance.now();
  const workersStarting = launcher.start(kg.store);
  workersStarting.catch(() => undefined); // awaited below
  const queries = launcher.service;
  const storedQueries = loadStoredQueries(config.queriesDir);
  const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const sparql = new WorkerRows(queries);
  const { buildApp } = await import('./app.js');
  // Asynchronous log writes: under load, lines written while a write is in
  // flight go out together instead of one write(2) per access-log line.
  const logStream = pino.destination({ dest: 1, sync: false });
  process.once('exit', () => logStream.flushSync());
  const app = await buildApp({ kg, queries, storedQueries, sparql, publicUrl }, { logger: { level: config.logLevel, stream: logStream } });
  app.addHook('onClose', async () => queries.close());
  const appBuilt = performance.now();
  try {
    await workersStarting;
  } catch (error) {
    await app.close();
    throw error;
  }
  const workersReady = performance.now();
  const log = app.log;
  log.info(
    {
      files: kg.files.length,
      triples: kg.store.size,
      inferred: kg.reasoning.inferred,
      reasoningMs: Math.round(kg.reasoning.milliseconds),
      rules: kg.reasoning.rules,
    },
    `loaded ${kg.files.length} files; reasoning inferred ${kg.reasoning.inferred} triples in ${Math.round(kg.reasoning.milliseconds)} ms`,
  );
  for (const c of kg.uncovered) log.warn({ construct: c.iri, uses: c.uses }, 'construct not covered by the entailment rules');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const address = await app.listen({ host: config.host, port: config.port });
  log.info(
    {
      address,
      // performance.now() counts from the start of the process: module loading is part of the start-up.
      startupMs: Math.round(performance.now()),
      phasesMs: {
        modules: Math.round(started),
        ...Object.fromEntries(Object.entries(kg.timings).map(([phase, ms]) => [phase, Math.round(ms)])),
        loadTotal: Math.round(loaded - started),
        app: Math.round(appBuilt - loaded),
        waitForWorker: Math.round(workersReady - appBuilt),
        listen: Math.round(performance.now() - workersReady),
      },
    },
    `serving at ${address}`,
  );
}
