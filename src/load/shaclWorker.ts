// Worker thread validating one partition (shaclPartition.ts) of a store
// shared by the main thread: it attaches to the store's buffers, so
// nothing is copied.
import { parentPort, workerData } from 'node:worker_threads';
import { DataFactory, termFromId } from 'n3';
import type { Quad } from '@rdfjs/types';
import { CompactStore, type SharedStoreHandle } from '../store/index.js';
import type { Partition } from './shaclPartition.js';
import { validatePartition, type ShapeViolation } from './shaclValidator.js';

export interface ShaclWorkerTask {
  store: SharedStoreHandle;
  /** The shapes, each quad as the keys (N3 id strings) of its terms, so blank nodes keep their labels. */
  shapes: string[][];
  graphs: string[];
  partition: Partition;
}

export type ShaclWorkerResult = { ok: true; violations: ShapeViolation[] } | { ok: false; message: string };

if (parentPort) {
  const port = parentPort;
  const task = workerData as ShaclWorkerTask;
  const shapes = task.shapes.map((keys) => {
    const [subject, predicate, object, graph] = keys.map((key) => termFromId(key, DataFactory));
    return DataFactory.quad(subject as Quad['subject'], predicate as Quad['predicate'], object as Quad['object'], graph as Quad['graph']) as Quad;
  });
  validatePartition(shapes, CompactStore.attach(task.store), task.graphs, task.partition).then(
    (violations) => port.postMessage({ ok: true, violations } satisfies ShaclWorkerResult),
    (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ShaclWorkerResult),
  );
}
