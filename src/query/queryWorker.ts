// Worker thread that runs one query at a time over the store, read in place
// through shared memory (src/store/compactStore.ts share / attach), and
// serializes the result, so neither evaluation nor serialization
// can block the server's event loop. The pool terminates it on timeout.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { QueryEngine } from '@comunica/query-sparql';
import './stableOrderBy.js';
import { CompactStore, type QuadStore, type SharedStoreHandle } from '../store/index.js';
import type { Quad, Term, Variable } from '@rdfjs/types';
import { BindingsFactory } from '@comunica/utils-bindings-factory';
import { DataFactory as RdfDataFactory } from 'rdf-data-factory';
import type { ComunicaDataFactory } from '@comunica/types';
import { PREFIXES } from '../namespaces.js';
import { serializeAskResult, serializeSelectResult } from '../serialize/sparqlResults.js';
import { formatById } from '../serialize/formats.js';
import type { QueryDataset, QueryForm } from './queryRequest.js';
import { fromPlainTerm, type PlainTerm } from './plainTerm.js';

export interface WorkerInit {
  /** The main thread's store, sealed and shared: the worker attaches to its buffers instead of copying them. */
  store: SharedStoreHandle;
}

export interface WorkerTask {
  query: string;
  form: QueryForm;
  formatId: string;
  maxRows: number;
  /** Stored-query parameters, bound as RDF terms (initialBindings). */
  bindings: Record<string, PlainTerm>;
  /** FROM / FROM NAMED or the protocol dataset, taken out of `query`; null: the union default graph. */
  dataset: QueryDataset | null;
  baseIri?: string;
}


export type WorkerResult =
  | { ok: true; contentType: string; body: string; truncated: boolean }
  | { ok: false; statusCode: number; message: string };

const dataFactory = new RdfDataFactory() as ComunicaDataFactory;
const bindingsFactory = new BindingsFactory(dataFactory);
/** Reads at most `max` items of a result stream; stops the stream when there are more. */
async function takeUpTo<T, R>(stream: AsyncIterable<T> & { destroy(): void }, max: number, map: (item: T) => R): Promise<{ items: R[]; truncated: boolean }> {
  const items: R[] = [];
  for await (const item of stream) {
    if (items.length === max) {
      stream.destroy();
      return { items, truncated: true };
    }
    items.push(map(item));
  }
  return { items, truncated: false };
}

/** Any attempt of the engine to fetch is refused: the endpoint never makes outbound requests. */
const refuseFetch: typeof fetch = (input) =>
  Promise.reject(new Error(`Outbound request refused: ${String(input instanceof Request ? input.url : input)}`));

/** A store whose default graph is the merge of `defaultGraphs` and whose named graphs are `namedGraphs`; graphs not in `store` are empty. */
export function datasetView(store: QuadStore, dataset: QueryDataset): QuadStore {
  // Made from id triples over the same (shared, read-only) dictionary.
  return store.graphView(dataset.defaultGraphs, dataset.namedGraphs);
}

/** The few datasets in use (typically the asserted graphs), built once per worker. */
const views = new Map<string, QuadStore>();
function cachedView(store: QuadStore, dataset: QueryDataset): QuadStore {
  const key = JSON.stringify([dataset.defaultGraphs, dataset.namedGraphs]);
  let view = views.get(key);
  if (!view) {
    if (views.size >= 16) views.delete(views.keys().next().value!);
    view = datasetView(store, dataset);
    views.set(key, view);
  }
  return view;
}

export async function runQuery(engine: QueryEngine, store: QuadStore, task: WorkerTask): Promise<WorkerResult> {
  const entries = Object.entries(task.bindings).map(([name, term]): [Variable, Term] => [dataFactory.variable(name), fromPlainTerm(term, dataFactory)]);
  const context = {
    // Without a dataset: the union of all graphs as default graph, every graph named (DESIGN §3).
    sources: [task.dataset ? cachedView(store, task.dataset) : store],
    unionDefaultGraph: task.dataset === null,
    fetch: refuseFetch,
    ...(task.baseIri === undefined ? {} : { baseIRI: task.baseIri }),
    ...(entries.length > 0 ? { initialBindings: bindingsFactory.bindings(entries) } : {}),
  };
  const format = formatById(task.formatId);
  if (!format) return { ok: false, statusCode: 406, message: `Unknown format ${task.formatId}` };
  const contentType = `${format.mediaType}; charset=utf-8`;
  try {
    switch (task.form) {
      case 'SELECT': {
        const result = await engine.query(task.query, context);
        if (result.resultType !== 'bindings') throw new Error('Expected bindings');
        const variables = (await result.metadata()).variables.map((v) => v.value);
        const { items: rows, truncated } = await takeUpTo(await result.execute(), task.maxRows, (bindings) => {
          const row: Record<string, Term> = {};
          for (const [variable, term] of bindings) row[variable.value] = term;
          return row;
        });
        return { ok: true, contentType, body: serializeSelectResult({ variables, rows }, format.id), truncated };
      }
      case 'ASK': {
        const answer = await engine.queryBoolean(task.query, context);
        return { ok: true, contentType, body: serializeAskResult(answer, format.id), truncated: false };
      }
      case 'CONSTRUCT':
      case 'DESCRIBE': {
        const stream = await engine.queryQuads(task.query, context);
        const { items: quads, truncated } = await takeUpTo(stream, task.maxRows, (quad: Quad) => quad);
        // The RDF serializers (jsonld, rdflib) are loaded on the first CONSTRUCT / DESCRIBE, not at start-up.
        const { serializeRdf } = await import('../serialize/rdfSerializer.js');
        return { ok: true, contentType, body: await serializeRdf(quads, format.id, { prefixes: PREFIXES }), truncated };
      }
      default:
        return { ok: false, statusCode: 400, message: `Not a query form: ${String(task.form)}` };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, statusCode: 400, message: `Query evaluation failed: ${message.split('\n')[0]}` };
  }
}

function serve(port: NonNullable<typeof parentPort>, init: WorkerInit): void {
  const store = CompactStore.attach(init.store);
  const engine = new QueryEngine();
  port.postMessage({ ready: true });
  port.on('message', (task: WorkerTask) => {
    runQuery(engine, store, task).then(
      (result) => port.postMessage(result),
      (error: unknown) => port.postMessage({ ok: false, statusCode: 500, message: String(error) }),
    );
  });
}

const init = workerData as (WorkerInit & { awaitInit?: undefined }) | { awaitInit: true } | null;
if (!isMainThread && parentPort) {
  const port = parentPort;
  if (init?.awaitInit) {
    // Started before the data was ready (workerPool.ts): the code is loaded, the data comes by message.
    port.once('message', (message: { init: WorkerInit }) => serve(port, message.init));
  } else if (init?.store) {
    serve(port, init);
  }
}
