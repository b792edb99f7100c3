// Dumps of a large dataset: above PublicationOptions.maxInMemoryDumpQuads they
// are streamed from the store instead of built in memory, only in the formats
// that can be streamed, and the VoID lists exactly those, without byte sizes.
// A limit of 100 quads makes the embedded data "large" here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DataFactory, Parser } from 'n3';
import { CompactStore, type QuadStore } from '../../src/store/index.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { expectSameDataset } from '../serialize/parsers.js';
import { OWL, ONTOLOGY_IRI } from '../../src/namespaces.js';

const DCAT = 'http://www.w3.org/ns/dcat#';
const VOID = 'http://rdfs.org/ns/void#';

let t: TestApp;
let store: QuadStore;
let version: string;

beforeAll(async () => {
  t = await testApp({ maxInMemoryDumpQuads: 100 });
  store = t.deps.kg.store;
  version = store.getObjects(DataFactory.namedNode(ONTOLOGY_IRI), DataFactory.namedNode(`${OWL}versionInfo`), null)[0]!.value;
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers });
const dump = (extension: string): string => `/dumps/iot-setup-${version}.${extension}`;

describe('streamed dumps', () => {
  it('the N-Quads dump is the store, graph names included', async () => {
    const res = await get(dump('nq'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/n-quads');
    await expectSameDataset(new Parser({ format: 'N-Quads' }).parse(res.body), store.getQuads(null, null, null, null));
  });

  it('the TriG dump is the store, graph names included', async () => {
    const res = await get(dump('trig'));
    await expectSameDataset(new Parser({ format: 'TriG' }).parse(res.body), store.getQuads(null, null, null, null));
  });

  it.each([
    ['nt', 'N-Triples'],
    ['ttl', 'Turtle'],
  ])('the .%s dump holds the distinct triples of the union of the graphs', async (extension, format) => {
    const res = await get(dump(extension));
    expect(res.statusCode).toBe(200);
    const parsed = new CompactStore(new Parser({ format }).parse(res.body));
    expect(parsed.size).toBe(store.tripleIds().length / 3);
    const union = store.getQuads(null, null, null, null).map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
    await expectSameDataset(parsed.getQuads(null, null, null, null), [...new CompactStore(union).getQuads(null, null, null, null)]);
  });

  it('carries a weak ETag and Last-Modified, and answers If-None-Match with 304', async () => {
    const first = await get(dump('nq'));
    expect(first.headers.etag).toMatch(/^W\/"[^"]+"$/);
    expect(first.headers['last-modified']).toBeDefined();
    const again = await get(dump('nq'), { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('HEAD gives the headers without a body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: dump('nq') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/n-quads');
    expect(res.body).toBe('');
  });

  it.each(['jsonld', 'rdf'])('.%s, which cannot be streamed, is 404 and says why', async (extension) => {
    for (const url of [dump(extension), `/dumps/latest.${extension}`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('only the dumps that can be streamed are offered');
      expect(res.body).toContain(dump('nq'));
    }
  });

  it('the VoID lists exactly the streamed dumps, without byte sizes', async () => {
    const res = await get('/void', { accept: 'application/n-triples' });
    expect(res.statusCode).toBe(200);
    const voidStore = new CompactStore(new Parser({ format: 'N-Triples' }).parse(res.body));
    const downloads = voidStore.getObjects(null, DataFactory.namedNode(`${DCAT}downloadURL`), null).map((o) => o.value.split('.').pop()).sort();
    expect(downloads).toEqual(['nq', 'nt', 'trig', 'ttl']);
    expect(voidStore.countQuads(null, DataFactory.namedNode(`${DCAT}byteSize`), null, null)).toBe(0);
    expect(voidStore.countQuads(null, DataFactory.namedNode(`${VOID}dataDump`), null, null)).toBe(4);
  });
});
