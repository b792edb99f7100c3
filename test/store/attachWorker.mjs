// Worker for sharedStore.test.ts: attaches to a store shared by the test's
// thread and answers patterns from it (plain JavaScript so that it can
// register tsx before loading the TypeScript store).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { CompactStore, termKey } = await import('../../src/store/index.ts');
const started = performance.now();
const store = CompactStore.attach(workerData);
const attachMs = performance.now() - started;
parentPort.on('message', (pattern) => {
  const quads = store.getQuads(...pattern).map((q) => [q.subject, q.predicate, q.object, q.graph].map(termKey).join(' '));
  parentPort.postMessage({ attachMs, size: store.size, count: store.countQuads(...pattern), quads });
});
parentPort.postMessage({ ready: true });
