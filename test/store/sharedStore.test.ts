// A store shared with a real worker thread: the worker attaches to the
// same memory and answers as the store itself does; the shared store is
// read-only afterwards.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { CompactStore, termKey } from '../../src/store/index.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const ex = (name: string) => namedNode(`http://example.org/${name}`);

interface Answer {
  attachMs: number;
  size: number;
  count: number;
  quads: string[];
}

const quads: Quad[] = [];
for (let i = 0; i < 20_000; i++) {
  const graph = i % 3 === 0 ? DataFactory.defaultGraph() : ex(`g${i % 2}`);
  quads.push(quad(ex(`s${i % 500}`), ex(`p${i % 7}`), i % 4 === 0 ? literal(`v${i} ✓`, 'en') : i % 5 === 0 ? blankNode(`b${i % 50}`) : ex(`o${i % 300}`), graph) as Quad);
}

let store: CompactStore;
let worker: Worker;

function ask(pattern: Array<string | null>): Promise<Answer> {
  const answer = once(worker, 'message').then(([message]) => message as Answer);
  worker.postMessage(pattern);
  return answer;
}

beforeAll(async () => {
  store = new CompactStore(quads);
  worker = new Worker(new URL('./attachWorker.mjs', import.meta.url), { workerData: store.share() });
  await once(worker, 'message');
});
afterAll(() => worker.terminate());

describe('a shared store', () => {
  it.each([
    [[null, null, null, null]],
    [['http://example.org/s7', null, null, null]],
    [[null, 'http://example.org/p3', null, 'http://example.org/g1']],
    [[null, null, '"v8 ✓"@en', null]],
    [[null, null, '_:b10', '']],
    [['http://example.org/unknown', null, null, null]],
  ])('answers %j in the worker as in the main thread', async (pattern) => {
    const answer = await ask(pattern);
    const own = store.getQuads(...pattern).map((q) => [q.subject, q.predicate, q.object, q.graph].map(termKey).join(' '));
    expect(answer.size).toBe(store.size);
    expect(answer.count).toBe(store.countQuads(...pattern));
    expect(answer.quads).toEqual(own);
  });

  it('attaches without copying (well under a millisecond per thousand quads)', async () => {
    const answer = await ask([null, null, null, null]);
    expect(answer.attachMs).toBeLessThan(20);
  });

  it('is read-only once shared', () => {
    expect(() => store.addQuad(ex('s'), ex('p'), ex('o'))).toThrow(/read-only/);
    expect(() => store.removeQuads(store.getQuads(null, null, null, null).slice(0, 1))).toThrow(/read-only/);
  });
});
