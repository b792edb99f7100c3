// The dumps (/dumps/iot-setup-<version>.<ext>, /dumps/latest.<ext>) and the
// VoID/DCAT description (/void, /.well-known/void): every dump parses with an
// independent parser and holds exactly the store (distinct triples for the
// triple formats, quads with their graphs for the quad formats); the VoID
// lists every distribution with its real URL, type and size.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DataFactory } from 'n3';
import { CompactStore, termKey, type QuadStore } from '../../src/store/index.js';
import type { Quad } from '@rdfjs/types';
import { testApp, TEST_PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { expectSameDataset, parseWithPython, type PythonRdfFormat } from '../serialize/parsers.js';
import { BASE, DCTERMS, GRAPH, ONTOLOGY_IRI, OWL, RDF, XSD } from '../../src/namespaces.js';

const { namedNode } = DataFactory;
const PYTHON_TIMEOUT = 180_000;
const VOID = 'http://rdfs.org/ns/void#';
const DCAT = 'http://www.w3.org/ns/dcat#';

const DUMPS: ReadonlyArray<[extension: string, mediaType: string, python: PythonRdfFormat, keepsGraphs: boolean]> = [
  ['ttl', 'text/turtle', 'turtle', false],
  ['nt', 'application/n-triples', 'nt', false],
  ['rdf', 'application/rdf+xml', 'xml', false],
  ['jsonld', 'application/ld+json', 'json-ld', true],
  ['trig', 'application/trig', 'trig', true],
  ['nq', 'application/n-quads', 'nquads', true],
];

let t: TestApp;
let store: QuadStore;
let version: string;

beforeAll(async () => {
  t = await testApp();
  store = t.deps.kg.store;
  // The version is the ontology's owl:versionInfo, read here independently.
  version = store.getObjects(namedNode(ONTOLOGY_IRI), namedNode(`${OWL}versionInfo`), null)[0]!.value;
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers });
const mediaType = (res: LightMyRequestResponse): string => String(res.headers['content-type'] ?? '').split(';')[0]!.trim();

function distinctTriples(s: QuadStore): number {
  return new Set(s.getQuads(null, null, null, null).map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`)).size;
}

const key = (t: Quad['subject'] | Quad['predicate'] | Quad['object'] | Quad['graph']): string =>
  t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `${t.termType}:${t.value}`;

function tripleKeys(quads: readonly Quad[]): number {
  return new Set(quads.map((q) => `${key(q.subject)} ${key(q.predicate)} ${key(q.object)}`)).size;
}

function quadKeys(quads: readonly Quad[]): number {
  return new Set(quads.map((q) => `${key(q.subject)} ${key(q.predicate)} ${key(q.object)} ${key(q.graph)}`)).size;
}

describe.each(DUMPS)('dump .%s', (extension, type, python, keepsGraphs) => {
  let res: LightMyRequestResponse;
  beforeAll(async () => {
    res = await get(`/dumps/iot-setup-${version}.${extension}`);
  }, PYTHON_TIMEOUT);

  it('is served at its versioned URL with its media type and validators', () => {
    expect(version).toBe('0.1.0');
    expect(res.statusCode).toBe(200);
    expect(mediaType(res)).toBe(type);
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.headers.link).toContain(`<${BASE}dumps/iot-setup-${version}.${extension}>; rel="canonical"`);
  });

  it(`parses with Python rdflib and holds every ${keepsGraphs ? 'quad of the store' : 'distinct triple of the store'}`, async () => {
    const parsed = parseWithPython(res.body, python);
    if (keepsGraphs) {
      expect(quadKeys(parsed)).toBe(store.size);
      expect(new Set(parsed.map((q) => q.graph.value))).toEqual(new Set(store.getGraphs(null, null, null).map((g) => g.value)));
    } else {
      expect(tripleKeys(parsed)).toBe(distinctTriples(store));
      expect(parsed.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
    }
  }, PYTHON_TIMEOUT);

  it('/dumps/latest redirects (302) to it', async () => {
    const latest = await get(`/dumps/latest.${extension}`);
    expect(latest.statusCode).toBe(302);
    expect(latest.headers.location).toBe(`/dumps/iot-setup-${version}.${extension}`);
  });

  it('answers If-None-Match with 304', async () => {
    const again = await get(`/dumps/iot-setup-${version}.${extension}`, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('dump contents', () => {
  it('the N-Quads dump is the store, graph names included (canonical comparison)', async () => {
    const res = await get(`/dumps/iot-setup-${version}.nq`);
    await expectSameDataset(parseWithPython(res.body, 'nquads'), store.getQuads(null, null, null, null));
  }, PYTHON_TIMEOUT);

  it('the RDF/XML dump counts the distinct triples with rapper -c', async () => {
    const res = await get(`/dumps/iot-setup-${version}.rdf`);
    const report = execFileSync('sh', ['-c', 'rapper -c -i rdfxml - http://relative-iri.invalid/ 2>&1'], { input: res.body, maxBuffer: 64 * 1024 * 1024 }).toString();
    expect(report).toContain(`returned ${distinctTriples(store)} triples`);
  }, PYTHON_TIMEOUT);

  it('unknown versions and extensions are 404, naming what exists', async () => {
    const old = await get('/dumps/iot-setup-0.0.1.ttl');
    expect(old.statusCode).toBe(404);
    expect(old.body).toContain(`/dumps/iot-setup-${version}.ttl`);
    expect((await get(`/dumps/iot-setup-${version}.xyz`)).statusCode).toBe(404);
    expect((await get('/dumps/latest.xyz')).statusCode).toBe(404);
    expect((await get('/dumps/latest.html')).statusCode).toBe(404);
  });
});

describe('VoID and DCAT', () => {
  let text: string;
  let voidStore: QuadStore;
  beforeAll(async () => {
    const res = await get('/void', { accept: 'text/turtle' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.vary).toMatch(/\bAccept\b/);
    text = res.body;
    voidStore = new CompactStore(parseWithPython(text, 'turtle'));
  }, PYTHON_TIMEOUT);

  const objects = (s: string, p: string): string[] => voidStore.getObjects(namedNode(s), namedNode(p), null).map((o) => o.value).sort();

  it('describes the dataset: types, version, license, endpoint, triples', () => {
    expect(objects(BASE, `${RDF}type`)).toEqual([`${DCAT}Dataset`, `${VOID}Dataset`].sort());
    expect(objects(BASE, `${OWL}versionInfo`)).toEqual([version]);
    expect(objects(BASE, `${DCTERMS}license`)).toEqual(store.getObjects(namedNode(ONTOLOGY_IRI), namedNode(`${DCTERMS}license`), null).map((o) => o.value));
    expect(objects(BASE, `${VOID}sparqlEndpoint`)).toEqual([`${TEST_PUBLIC_URL}/sparql`]);
    expect(objects(BASE, `${VOID}triples`)).toEqual([String(distinctTriples(store))]);
    expect(objects(BASE, `${VOID}uriSpace`)).toEqual([BASE]);
  });

  it('lists every distribution with download URL, media type, format and byte size', async () => {
    const distributions = objects(BASE, `${DCAT}distribution`);
    expect(distributions).toHaveLength(DUMPS.length);
    const downloads = new Set<string>();
    for (const distribution of distributions) {
      expect(objects(distribution, `${RDF}type`)).toContain(`${DCAT}Distribution`);
      const [url] = objects(distribution, `${DCAT}downloadURL`);
      expect(url).toBeDefined();
      downloads.add(url!);
      const [extension, type] = DUMPS.find(([ext]) => url === `${BASE}dumps/iot-setup-${version}.${ext}`) ?? [];
      expect(extension, url).toBeDefined();
      expect(objects(distribution, `${DCAT}mediaType`)).toEqual([`https://www.iana.org/assignments/media-types/${type}`]);
      expect(objects(distribution, `${DCTERMS}format`)).toHaveLength(1);
      const dump = await get(`/${url!.slice(BASE.length)}`);
      expect(dump.statusCode).toBe(200);
      expect(objects(distribution, `${DCAT}byteSize`)).toEqual([String(dump.rawPayload.length)]);
      expect(voidStore.getObjects(namedNode(distribution), namedNode(`${DCAT}byteSize`), null)[0]).toMatchObject({ datatype: { value: `${XSD}nonNegativeInteger` } });
    }
    expect(new Set(objects(BASE, `${VOID}dataDump`))).toEqual(downloads);
  });

  it('lists every named graph with its triple count', () => {
    const subsets = objects(BASE, `${VOID}subset`);
    const graphs = store.getGraphs(null, null, null).map((g) => g.value).sort();
    expect(subsets).toEqual(graphs);
    expect(graphs).toEqual(expect.arrayContaining([GRAPH.ontology, GRAPH.data, GRAPH.entailments]));
    for (const graph of graphs) expect(objects(graph, `${VOID}triples`)).toEqual([String(store.countQuads(null, null, null, namedNode(graph)))]);
  });

  it('is also at /.well-known/void, with the same bytes', async () => {
    const wellKnown = await get('/.well-known/void', { accept: 'text/turtle' });
    expect(wellKnown.statusCode).toBe(200);
    expect(wellKnown.body).toBe(text);
  });

  it.each([
    ['application/ld+json', 'json-ld'],
    ['application/rdf+xml', 'xml'],
    ['application/n-triples', 'nt'],
  ] as const)('negotiates %s, which parses to the same graph', async (type, python) => {
    const res = await get('/void', { accept: type });
    expect(mediaType(res)).toBe(type);
    expect(tripleKeys(parseWithPython(res.body, python))).toBe(voidStore.size);
  }, PYTHON_TIMEOUT);
});
