// The query side of the server: prepares requests (queryRequest.ts) and runs
// them on the worker pool with the configured limits. The store is shared
// with the workers once, at start-up: it is sealed (read-only from then on)
// and the workers read its buffers in place.
import type { QuadStore } from '../store/index.js';
import { prepareQuery, QueryRejection, type PreparedQuery, type QueryRequest } from './queryRequest.js';
import { WorkerPool } from './workerPool.js';
import type { WorkerInit, WorkerResult, WorkerTask } from './queryWorker.js';
import { toPlainTerm } from './plainTerm.js';
import { LruCache } from '../lruCache.js';
import type { ParameterBindings } from './sparqlEngine.js';

export interface QueryLimits {
  /** Wall-clock limit per query; the worker is stopped when it is reached. */
  timeoutMs: number;
  /** Rows (or triples) returned at most; more are cut and the cut is signalled. */
  maxRows: number;
  maxQueryLength: number;
  /** Worker threads running queries in parallel. */
  workers: number;
  /** Queries waiting for a worker; beyond that the service answers 503. */
  maxQueue: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  timeoutMs: 10_000,
  maxRows: 10_000,
  maxQueryLength: 100_000,
  workers: 2,
  maxQueue: 32,
};

export interface QueryOutput {
  contentType: string;
  body: string;
  /** Set when the result was cut at `maxRows`. */
  truncated: boolean;
}

/**
 * Compiled (dist/*.js), the worker is plain JavaScript; run from source
 * (tsx, vitest), a shim registers tsx in the worker first.
 */
const WORKER_URL = import.meta.url.endsWith('.js')
  ? new URL('./queryWorker.js', import.meta.url)
  : new URL('./queryWorkerEntry.mjs', import.meta.url);

/** Prepared queries kept (texts longer than PREPARED_CACHE_MAX_TEXT are prepared every time). */
const PREPARED_CACHE_ENTRIES = 1000;
const PREPARED_CACHE_MAX_TEXT = 20_000;

export interface QueryServiceLauncher {
  /** The service, usable at once: queries wait for a worker (their time limit running) until `start` has given the workers the data. */
  readonly service: QueryService;
  /**
   * Shares the store with the workers (it is read-only from then on); resolves once the first worker has
   * loaded it (the service answers from then on), or every worker with `allWorkers`.
   */
  start(store: QuadStore, options?: { allWorkers?: boolean }): Promise<QueryService>;
  /** Stops the workers without starting the service (the load failed). */
  abort(): Promise<void>;
}

export class QueryExecutionError extends Error {
  override name = 'QueryExecutionError';
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export class QueryService {
  /** Serialized results by request, bounded by count and bytes. */
  private readonly cache = new LruCache<QueryOutput>({ maxEntries: 1000, maxSize: 64 * 1024 * 1024 }, (output) => output.body.length);
  /** Prepared queries (or refusals) by request. */
  private readonly prepared = new LruCache<PreparedQuery | QueryRejection>({ maxEntries: PREPARED_CACHE_ENTRIES, maxSize: Infinity });

  private constructor(
    private readonly pool: WorkerPool<WorkerTask, WorkerResult, WorkerInit>,
    readonly limits: QueryLimits,
  ) {}

  /** Starts the workers with `store`; resolves once every worker has loaded it. */
  static async start(store: QuadStore, limits: QueryLimits = DEFAULT_QUERY_LIMITS): Promise<QueryService> {
    return QueryService.launch(limits).start(store, { allWorkers: true });
  }

  /**
   * Starts the worker threads at once, before the store exists: loading
   * their code (Comunica, the serializers) then overlaps with the load and
   * reasoning on the main thread. `start` hands them the store.
   */
  static launch(limits: QueryLimits = DEFAULT_QUERY_LIMITS): QueryServiceLauncher {
    let provide!: (init: WorkerInit) => void;
    let fail!: (error: Error) => void;
    const data = new Promise<WorkerInit>((resolve, reject) => {
      provide = resolve;
      fail = reject;
    });
    data.catch(() => undefined);
    const pool = new WorkerPool<WorkerTask, WorkerResult, WorkerInit>({
      workerUrl: WORKER_URL,
      size: limits.workers,
      maxQueue: limits.maxQueue,
      workerData: data,
    });
    const service = new QueryService(pool, limits);
    return {
      service,
      async start(store: QuadStore, options: { allWorkers?: boolean } = {}): Promise<QueryService> {
        provide({ store: store.share() });
        await (options.allWorkers ? pool.allReady() : pool.ready());
        return service;
      },
      async abort(): Promise<void> {
        fail(new Error('The query service was not started.'));
        await pool.close();
      },
    };
  }

  /**
   * Checks and prepares a request. Parsing is a good part of the cost of a
   * cached answer, so the outcome (prepared query or refusal) is kept per
   * request text: the same text always prepares the same way.
   */
  prepare(request: QueryRequest): PreparedQuery {
    if (request.query.length > PREPARED_CACHE_MAX_TEXT) return prepareQuery(request, this.limits.maxQueryLength);
    const key = JSON.stringify([request.query, request.defaultGraphs, request.namedGraphs, request.baseIri ?? null]);
    let outcome = this.prepared.get(key);
    if (outcome === undefined) {
      try {
        outcome = prepareQuery(request, this.limits.maxQueryLength);
      } catch (error) {
        if (!(error instanceof QueryRejection)) throw error;
        outcome = error;
      }
      this.prepared.set(key, outcome);
    }
    if (outcome instanceof QueryRejection) throw outcome;
    return outcome;
  }

  async run(prepared: PreparedQuery, formatId: string, parameters: ParameterBindings = {}): Promise<QueryOutput> {
    const bindings = Object.fromEntries(Object.entries(parameters).map(([name, term]) => [name, toPlainTerm(term)]));
    // The dataset and base are not in the text (queryRequest.ts), so they are part of the key.
    const key = JSON.stringify([prepared.text, prepared.dataset, prepared.baseIri ?? null, formatId, bindings]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = await this.pool.run(
      {
        query: prepared.text,
        form: prepared.form,
        formatId,
        maxRows: this.limits.maxRows,
        bindings,
        dataset: prepared.dataset,
        ...(prepared.baseIri === undefined ? {} : { baseIri: prepared.baseIri }),
      },
      this.limits.timeoutMs,
    );
    if (!result.ok) throw new QueryExecutionError(result.statusCode, result.message);
    const output = { contentType: result.contentType, body: result.body, truncated: result.truncated };
    this.cache.set(key, output);
    return output;
  }

  get load(): number {
    return this.pool.pending;
  }

  /** Resolves once every worker is ready (a worker replaced after a timeout reloads the data first). */
  ready(): Promise<void> {
    return this.pool.allReady();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
