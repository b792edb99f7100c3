// GET /sparql without a query: the SPARQL 1.1 Service Description (with a
// VoID description of the graphs) in RDF, or the query page for browsers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, Store } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { GRAPH } from '../../src/namespaces.js';

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const VOID = 'http://rdfs.org/ns/void#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const ENDPOINT = `${TEST_PUBLIC_URL}/sparql`;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let t: TestApp;
let workDir: string;
beforeAll(async () => {
  t = await testApp();
  workDir = mkdtempSync(join(tmpdir(), 'service-description-'));
});
afterAll(async () => {
  await t?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const get = (accept?: string) => t.app.inject({ method: 'GET', url: '/sparql', headers: accept ? { accept } : {} });

async function description(): Promise<Store> {
  const res = await get('text/turtle');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/turtle/);
  return new Store(new Parser({ format: 'text/turtle' }).parse(res.body));
}

const one = (store: Store, s: string | null, p: string, o: string | null) => store.getQuads(s, p, o, null);
const integer = (store: Store, s: import('@rdfjs/types').Term, p: string): number => {
  const [q] = store.getQuads(s, p, null, null);
  expect(q?.object.termType).toBe('Literal');
  expect((q!.object as import('@rdfjs/types').Literal).datatype.value).toBe('http://www.w3.org/2001/XMLSchema#integer');
  return Number(q!.object.value);
};

describe('the service description in Turtle', () => {
  it('parses, and describes one sd:Service at this endpoint', async () => {
    const sd = await description();
    const services = one(sd, null, RDF_TYPE, `${SD}Service`).map((q) => q.subject.value);
    expect(services).toEqual([ENDPOINT]);
    expect(one(sd, ENDPOINT, `${SD}endpoint`, ENDPOINT)).toHaveLength(1);
    expect(one(sd, ENDPOINT, `${SD}supportedLanguage`, `${SD}SPARQL11Query`)).toHaveLength(1);
    expect(one(sd, ENDPOINT, `${SD}supportedLanguage`, `${SD}SPARQL11Update`)).toHaveLength(0);
    expect(one(sd, ENDPOINT, `${SD}feature`, `${SD}UnionDefaultGraph`)).toHaveLength(1);
    const formats = one(sd, ENDPOINT, `${SD}resultFormat`, null).map((q) => q.object.value);
    expect(formats).toEqual(expect.arrayContaining(['http://www.w3.org/ns/formats/SPARQL_Results_JSON', 'http://www.w3.org/ns/formats/Turtle']));
  });

  it('gives void:triples per named graph equal to the store counts', async () => {
    const sd = await description();
    const store = t.deps.kg.store;
    const [dataset] = one(sd, ENDPOINT, `${SD}defaultDataset`, null).map((q) => q.object);
    expect(dataset).toBeDefined();
    const named = sd.getQuads(dataset!, `${SD}namedGraph`, null, null);
    const counts: Record<string, number> = {};
    for (const { object: entry } of named) {
      const [name] = sd.getQuads(entry, `${SD}name`, null, null);
      const [graph] = sd.getQuads(entry, `${SD}graph`, null, null);
      counts[name!.object.value] = integer(sd, graph!.object, `${VOID}triples`);
    }
    const expected = Object.fromEntries(
      store
        .getGraphs(null, null, null)
        .filter((g) => g.termType === 'NamedNode')
        .map((g) => [g.value, store.countQuads(null, null, null, g)]),
    );
    expect(counts).toEqual(expected);
    expect(Object.keys(counts)).toEqual(expect.arrayContaining([GRAPH.data, GRAPH.ontology, GRAPH.entailments]));
    expect(counts[GRAPH.data]).toBeGreaterThan(1000);
    expect(counts[GRAPH.entailments]).toBeGreaterThan(0);

    // The dataset counts every statement; the union default graph counts a triple once.
    expect(integer(sd, dataset!, `${VOID}triples`)).toBe(store.size);
    const [defaultGraph] = sd.getQuads(dataset!, `${SD}defaultGraph`, null, null);
    const distinct = new Set(store.getQuads(null, null, null, null).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType} ${q.object.value} ${'language' in q.object ? q.object.language : ''} ${'datatype' in q.object ? q.object.datatype.value : ''}`)).size;
    expect(integer(sd, defaultGraph!.object, `${VOID}triples`)).toBe(distinct);
  });

  it('matches what the endpoint itself counts', async () => {
    const sd = await description();
    const res = await t.app.inject({
      method: 'GET',
      url: `/sparql?query=${encodeURIComponent('SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g')}`,
      headers: { accept: 'application/sparql-results+json' },
    });
    const rows = (JSON.parse(res.body) as { results: { bindings: Array<{ g: { value: string }; n: { value: string } }> } }).results.bindings;
    for (const row of rows) {
      const [entry] = sd.getQuads(null, `${SD}name`, row.g.value, null);
      const [graph] = sd.getQuads(entry!.subject, `${SD}graph`, null, null);
      expect(integer(sd, graph!.object, `${VOID}triples`), row.g.value).toBe(Number(row.n.value));
    }
  });
});

describe('negotiation on GET /sparql without a query', () => {
  for (const [accept, type] of [
    ['application/ld+json', 'json-ld'],
    ['application/n-triples', 'nt'],
    ['application/rdf+xml', 'xml'],
    ['application/trig', 'trig'],
  ] as const) {
    it(`${accept}: the same description (isomorphic, read by rdflib)`, async () => {
      const res = await get(accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(new RegExp(`^${accept.replace('+', '\\+')}`));
      const turtle = await get('text/turtle');
      const a = join(workDir, `sd.${type}`);
      const b = join(workDir, 'sd.ttl');
      writeFileSync(a, res.body);
      writeFileSync(b, turtle.body);
      const script = `
import sys
from rdflib import ConjunctiveGraph, Graph
from rdflib.compare import isomorphic
def load(path, fmt):
    g = ConjunctiveGraph() if fmt == 'trig' else Graph()
    g.parse(path, format=fmt)
    out = Graph()
    for t in g.triples((None, None, None)):
        out.add(t)
    return out
print(isomorphic(load(sys.argv[1], sys.argv[2]), load(sys.argv[3], 'turtle')))
`;
      expect(execFileSync('/usr/bin/python3', ['-c', script, a, type, b], { encoding: 'utf8' }).trim()).toBe('True');
    });
  }

  it('without Accept, or with */*: RDF (Turtle), as the Service Description spec expects of a plain GET', async () => {
    for (const accept of [undefined, '*/*']) {
      const res = await get(accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type'], String(accept)).toMatch(/^text\/turtle/);
      expect(res.headers.vary).toMatch(/Accept/);
    }
  });

  it('Accept text/html, or what a browser sends: the query page', async () => {
    for (const accept of ['text/html', BROWSER_ACCEPT]) {
      const res = await get(accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers.vary).toMatch(/Accept/);
      expect(res.body).toContain('<div id="yasgui">');
      expect(res.body).toContain('/assets/yasgui/yasgui.min.js');
      expect(res.body).toContain('/assets/query-page.js');
    }
    // The same page as /query.
    const page = await t.app.inject({ method: 'GET', url: '/query' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe((await get('text/html')).body);
  });

  it('an Accept it cannot serve: 406', async () => {
    const res = await get('application/sparql-results+json');
    expect(res.statusCode).toBe(406);
  });
});
