// The W3C SPARQL 1.1 Protocol tests (rdf-tests sparql/sparql11/protocol/
// manifest.ttl: 13 query, 7 bad-query, 7 update and 7 bad-update cases),
// rewritten against this endpoint and its graphs. The kasei.us datasets of
// the originals become our named graphs:
//   graph/data         asserted data   <…/brski/role/pledge> a owl:Class
//   graph/ontology     the ontology    iot:Protocol a owl:Class
//   graph/entailments  reasoning       <…/brski/role/pledge> a prov:Role
// so the expected answers follow from DESIGN §3 (the default graph is the
// union; a protocol dataset naming only asserted graphs sees no entailments).
// The endpoint is read-only: every update case must be refused with a 4xx
// and leave the data as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { testApp, TEST_PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { FIXTURES_DIR } from '../helpers/knowledgeGraph.js';
import { GRAPH } from '../../src/namespaces.js';

const IOT = 'https://w3id.org/iot-setup/';
const PLEDGE = `<${IOT}protocol/brski/role/pledge>`;
const PROTOCOL_CLASS = `<${IOT}ontology#Protocol>`;
const OWL_CLASS = '<http://www.w3.org/2002/07/owl#Class>';
const PROV_ROLE = '<http://www.w3.org/ns/prov#Role>';

const BOOLEAN_TYPES = ['application/sparql-results+json', 'application/sparql-results+xml'];
const TABULAR_TYPES = [...BOOLEAN_TYPES, 'text/csv', 'text/tab-separated-values'];
const RDF_TYPES = ['text/turtle', 'application/n-triples', 'application/rdf+xml', 'application/ld+json', 'application/trig', 'application/n-quads'];

const fixture = (name: string): string => readFileSync(join(FIXTURES_DIR, 'protocol', name), 'utf8');

/** A URL query string; repeated names stay repeated. */
function qs(params: ReadonlyArray<readonly [string, string]>): string {
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

const mediaType = (res: LightMyRequestResponse): string => String(res.headers['content-type'] ?? '').split(';')[0]!.trim();

/** The boolean of an ASK result in SPARQL JSON or XML. */
function booleanOf(res: LightMyRequestResponse): boolean {
  const type = mediaType(res);
  if (type === 'application/sparql-results+json') {
    const body = JSON.parse(res.body) as { boolean?: unknown };
    expect(typeof body.boolean).toBe('boolean');
    return body.boolean as boolean;
  }
  if (type === 'application/sparql-results+xml') {
    const match = /<boolean>\s*(true|false)\s*<\/boolean>/.exec(res.body);
    expect(match, res.body).not.toBeNull();
    return match![1] === 'true';
  }
  throw new Error(`Not a boolean results format: ${type}`);
}

interface JsonResults {
  head: { vars: string[] };
  results: { bindings: Array<Record<string, { type: string; value: string; datatype?: string }>> };
}

let t: TestApp;
const inject = (options: InjectOptions): Promise<LightMyRequestResponse> => t.app.inject(options);

/** The response of a case that must succeed (the manifest's StatusCode2xx / 3xx). */
function expectSuccess(res: LightMyRequestResponse): LightMyRequestResponse {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
  expect(res.statusCode, res.body).toBeLessThan(400);
  return res;
}

/** The response of a case that must fail with a client error (StatusCode4xx). */
function expectClientError(res: LightMyRequestResponse, status?: number): LightMyRequestResponse {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (status !== undefined) expect(res.statusCode, res.body).toBe(status);
  return res;
}

const getQuery = (params: ReadonlyArray<readonly [string, string]>, headers: Record<string, string> = {}) =>
  inject({ method: 'GET', url: `/sparql?${qs(params)}`, headers });

const postDirect = (query: string, urlParams: ReadonlyArray<readonly [string, string]> = [], headers: Record<string, string> = {}) =>
  inject({
    method: 'POST',
    url: urlParams.length > 0 ? `/sparql?${qs(urlParams)}` : '/sparql',
    headers: { 'content-type': 'application/sparql-query', ...headers },
    payload: query,
  });

const postForm = (body: ReadonlyArray<readonly [string, string]>, urlParams: ReadonlyArray<readonly [string, string]> = []) =>
  inject({
    method: 'POST',
    url: urlParams.length > 0 ? `/sparql?${qs(urlParams)}` : '/sparql',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: qs(body),
  });

async function ask(query: string, dataset: ReadonlyArray<readonly [string, string]> = []): Promise<boolean> {
  return booleanOf(expectSuccess(await getQuery([['query', query], ...dataset])));
}

/** Triples per named graph as the endpoint sees them, and the size of the default graph. */
async function fingerprint(): Promise<Record<string, number>> {
  const res = expectSuccess(
    await getQuery([['query', 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g']], { accept: 'application/sparql-results+json' }),
  );
  const counts: Record<string, number> = {};
  for (const row of (JSON.parse(res.body) as JsonResults).results.bindings) counts[row.g!.value] = Number(row.n!.value);
  const all = expectSuccess(await getQuery([['query', 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }']], { accept: 'application/sparql-results+json' }));
  counts.default = Number((JSON.parse(all.body) as JsonResults).results.bindings[0]!.n!.value);
  return counts;
}

let before: Record<string, number>;

beforeAll(async () => {
  t = await testApp();
  before = await fingerprint();
});
afterAll(async () => {
  await t?.close();
});

const DATA = ['default-graph-uri', GRAPH.data] as const;

describe('the fixtures the rewritten cases rely on', () => {
  it('every graph holds what the cases expect of it (computed from the store, not from the endpoint)', () => {
    const store = t.deps.kg.store;
    const has = (s: string, o: string, g: string) => store.countQuads(s.slice(1, -1), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', o.slice(1, -1), g) > 0;
    expect(has(PLEDGE, OWL_CLASS, GRAPH.data)).toBe(true);
    expect(has(PLEDGE, OWL_CLASS, GRAPH.ontology)).toBe(false);
    expect(has(PROTOCOL_CLASS, OWL_CLASS, GRAPH.ontology)).toBe(true);
    expect(has(PROTOCOL_CLASS, OWL_CLASS, GRAPH.data)).toBe(false);
    expect(has(PLEDGE, PROV_ROLE, GRAPH.entailments)).toBe(true);
    expect(has(PLEDGE, PROV_ROLE, GRAPH.data)).toBe(false);
    expect(before[GRAPH.data]).toBe(store.countQuads(null, null, null, GRAPH.data));
    expect(before[GRAPH.ontology]).toBe(store.countQuads(null, null, null, GRAPH.ontology));
    expect(before[GRAPH.entailments]).toBe(store.countQuads(null, null, null, GRAPH.entailments));
  });
});

describe('SPARQL 1.1 Protocol: query cases', () => {
  it('query_post_form: query via URL-encoded POST', async () => {
    const res = expectSuccess(await postForm([['query', 'ASK {}']], [DATA]));
    expect(BOOLEAN_TYPES).toContain(mediaType(res));
    expect(booleanOf(res)).toBe(true);
  });

  it('query_post_form: dataset parameters apply whether they are in the form body or in the URL', async () => {
    const entailed = `ASK { ${PLEDGE} a ${PROV_ROLE} }`;
    expect(booleanOf(expectSuccess(await postForm([['query', entailed]])))).toBe(true);
    expect(booleanOf(expectSuccess(await postForm([['query', entailed], DATA])))).toBe(false);
    expect(booleanOf(expectSuccess(await postForm([['query', entailed]], [DATA])))).toBe(false);
  });

  const twoDefaultGraphs = `ASK { ${PLEDGE} a ?type . ${PROTOCOL_CLASS} a ?type . }`;
  const defaultGraphs = [
    ['default-graph-uri', GRAPH.data],
    ['default-graph-uri', GRAPH.ontology],
  ] as const;

  it('query_dataset_default_graphs_get: GET query with protocol-specified default graphs', async () => {
    const res = expectSuccess(await getQuery([['query', twoDefaultGraphs], ...defaultGraphs]));
    expect(BOOLEAN_TYPES).toContain(mediaType(res));
    expect(booleanOf(res)).toBe(true);
    // One of the two graphs alone is not enough: the parameters really choose the default graph.
    expect(await ask(twoDefaultGraphs, [DATA])).toBe(false);
    expect(await ask(twoDefaultGraphs, [['default-graph-uri', GRAPH.ontology]])).toBe(false);
  });

  it('query_dataset_default_graphs_post: POST query with protocol-specified default graphs', async () => {
    const res = expectSuccess(await postDirect(twoDefaultGraphs, defaultGraphs));
    expect(booleanOf(res)).toBe(true);
    expect(booleanOf(expectSuccess(await postDirect(twoDefaultGraphs, [DATA])))).toBe(false);
  });

  const twoNamedGraphs = `ASK { GRAPH ?g1 { ${PLEDGE} a ?type } GRAPH ?g2 { ${PROTOCOL_CLASS} a ?type } }`;
  const namedGraphs = [
    ['named-graph-uri', GRAPH.data],
    ['named-graph-uri', GRAPH.ontology],
  ] as const;

  it('query_dataset_named_graphs_post: POST query with protocol-specified named graphs', async () => {
    const res = expectSuccess(await postDirect(twoNamedGraphs, namedGraphs));
    expect(booleanOf(res)).toBe(true);
    expect(booleanOf(expectSuccess(await postDirect(twoNamedGraphs, [['named-graph-uri', GRAPH.data]])))).toBe(false);
  });

  it('query_dataset_named_graphs_get: GET query with protocol-specified named graphs', async () => {
    const res = expectSuccess(await getQuery([['query', twoNamedGraphs], ...namedGraphs]));
    expect(booleanOf(res)).toBe(true);
    // GRAPH ?g ranges over exactly the named graphs given, and the default graph is then empty.
    const graphs = expectSuccess(await getQuery([['query', 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }'], ...namedGraphs]));
    const names = (JSON.parse(graphs.body) as JsonResults).results.bindings.map((b) => b.g!.value).sort();
    expect(names).toEqual([GRAPH.data, GRAPH.ontology].sort());
    expect(await ask('ASK { ?s ?p ?o }', namedGraphs)).toBe(false);
  });

  it('query_dataset_full: protocol-specified dataset with both default and named graphs', async () => {
    const query = `ASK {
  ${PLEDGE} a ${PROV_ROLE}
  GRAPH ?g1 { ${PLEDGE} a ?type }
  GRAPH ?g2 { ${PROTOCOL_CLASS} a ?type }
}`;
    const dataset = [['default-graph-uri', GRAPH.entailments], ...namedGraphs] as const;
    expect(booleanOf(expectSuccess(await postDirect(query, dataset)))).toBe(true);
    // The asserted class membership is in a named graph only, not in this default graph.
    expect(await ask(`ASK { ${PLEDGE} a ${OWL_CLASS} }`, dataset)).toBe(false);
    expect(await ask(`ASK { GRAPH <${GRAPH.entailments}> { ?s ?p ?o } }`, dataset)).toBe(false);
  });

  it('query_multiple_dataset: the protocol dataset replaces FROM / FROM NAMED in the query', async () => {
    // The manifest percent-encodes the second named-graph-uri into the first
    // value (a known erratum); sent here as the two parameters it intends.
    const query = `ASK FROM <${GRAPH.entailments}> { GRAPH ?g1 { ${PLEDGE} a ?type } GRAPH ?g2 { ${PROTOCOL_CLASS} a ?type } }`;
    expect(booleanOf(expectSuccess(await postDirect(query, namedGraphs)))).toBe(true);
    // FROM <entailments> is overridden, so the default graph is empty.
    expect(await ask(`ASK FROM <${GRAPH.entailments}> { ${PLEDGE} a ${PROV_ROLE} }`, namedGraphs)).toBe(false);
    expect(await ask(`ASK FROM <${GRAPH.entailments}> { ${PLEDGE} a ${PROV_ROLE} }`)).toBe(true);
    expect(await ask(`ASK FROM <${GRAPH.entailments}> { ${PLEDGE} a ${PROV_ROLE} }`, [DATA])).toBe(false);
    expect(await ask(`ASK FROM <${GRAPH.data}> { ${PLEDGE} a ${OWL_CLASS} }`, [['default-graph-uri', GRAPH.ontology]])).toBe(false);
  });

  it('query_get: query via GET', async () => {
    const res = expectSuccess(await getQuery([['query', 'ASK {}'], DATA]));
    expect(BOOLEAN_TYPES).toContain(mediaType(res));
    expect(booleanOf(res)).toBe(true);
  });

  it('query_content_type_select: a tabular results format (XML, JSON, CSV or TSV)', async () => {
    const res = expectSuccess(await postDirect('SELECT (1 AS ?value) {}', [DATA]));
    expect(TABULAR_TYPES).toContain(mediaType(res));
    const body = JSON.parse(res.body) as JsonResults;
    expect(body.head.vars).toEqual(['value']);
    expect(body.results.bindings).toEqual([{ value: { type: 'literal', value: '1', datatype: 'http://www.w3.org/2001/XMLSchema#integer' } }]);
    for (const accept of TABULAR_TYPES) {
      const negotiated = expectSuccess(await postDirect('SELECT (1 AS ?value) {}', [DATA], { accept }));
      expect(mediaType(negotiated)).toBe(accept);
    }
  });

  it('query_content_type_ask: a boolean results format (XML or JSON)', async () => {
    const res = expectSuccess(await postDirect('ASK {}', [DATA]));
    expect(BOOLEAN_TYPES).toContain(mediaType(res));
    for (const accept of BOOLEAN_TYPES) {
      const negotiated = expectSuccess(await postDirect('ASK {}', [DATA], { accept }));
      expect(mediaType(negotiated)).toBe(accept);
      expect(booleanOf(negotiated)).toBe(true);
    }
  });

  it('query_content_type_describe: an RDF format', async () => {
    const res = expectSuccess(await postDirect('DESCRIBE <http://example.org/>', [DATA]));
    expect(RDF_TYPES).toContain(mediaType(res));
    const rdfXml = expectSuccess(await postDirect('DESCRIBE <http://example.org/>', [DATA], { accept: 'application/rdf+xml' }));
    expect(mediaType(rdfXml)).toBe('application/rdf+xml');
    expect(rdfXml.body).toContain('rdf:RDF');
  });

  it('query_content_type_construct: an RDF format; relative IRIs resolve against the endpoint', async () => {
    const res = expectSuccess(await postDirect('CONSTRUCT { <s> <p> 1 } WHERE {}', [DATA]));
    expect(RDF_TYPES).toContain(mediaType(res));
    const nt = expectSuccess(await postDirect('CONSTRUCT { <s> <p> 1 } WHERE {}', [DATA], { accept: 'application/n-triples' }));
    expect(nt.body.trim()).toBe(`<${TEST_PUBLIC_URL}/s> <${TEST_PUBLIC_URL}/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`);
  });

  it('query_post_direct: query via POST directly', async () => {
    const res = expectSuccess(await postDirect('ASK {}'));
    expect(BOOLEAN_TYPES).toContain(mediaType(res));
    expect(booleanOf(res)).toBe(true);
  });
});

describe('protocol datasets and entailments (DESIGN §3)', () => {
  const entailed = `ASK { ${PLEDGE} a ${PROV_ROLE} }`;

  it('the default graph is the union of all graphs, entailments included', async () => {
    expect(await ask(entailed)).toBe(true);
    expect(before.default).toBe(
      new Set(t.deps.kg.store.getQuads(null, null, null, null).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}`)).size,
    );
  });

  it('query_dataset_default_graph: a default-graph-uri of the data graph sees no entailments', async () => {
    expect(await ask(entailed, [DATA])).toBe(false);
    expect(await ask(entailed, [['default-graph-uri', GRAPH.entailments]])).toBe(true);
    const res = expectSuccess(await getQuery([['query', 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'], DATA]));
    expect(Number((JSON.parse(res.body) as JsonResults).results.bindings[0]!.n!.value)).toBe(t.deps.kg.store.countQuads(null, null, null, GRAPH.data));
  });

  it('FROM in the query text does the same as default-graph-uri', async () => {
    expect(await ask(`ASK FROM <${GRAPH.data}> { ${PLEDGE} a ${PROV_ROLE} }`)).toBe(false);
    expect(await ask(`ASK FROM <${GRAPH.data}> FROM <${GRAPH.entailments}> { ${PLEDGE} a ${PROV_ROLE} }`)).toBe(true);
    expect(await ask(`ASK FROM NAMED <${GRAPH.data}> { GRAPH <${GRAPH.data}> { ${PLEDGE} a ${OWL_CLASS} } }`)).toBe(true);
    expect(await ask(`ASK FROM NAMED <${GRAPH.data}> { ${PLEDGE} a ${OWL_CLASS} }`)).toBe(false);
  });

  it('a graph IRI that is not in the store is an empty graph', async () => {
    expect(await ask('ASK { ?s ?p ?o }', [['default-graph-uri', 'http://example.org/no-such-graph']])).toBe(false);
  });

  it('a malformed graph IRI is a bad request', async () => {
    expectClientError(await getQuery([['query', 'ASK {}'], ['default-graph-uri', 'not an iri']]), 400);
  });
});

describe('SPARQL 1.1 Protocol: bad query cases', () => {
  it('bad_query_method: a method other than GET or POST', async () => {
    const res = expectClientError(
      await inject({
        method: 'PUT',
        url: `/sparql?${qs([['query', 'ASK {}'], DATA])}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: '',
      }),
    );
    expect(res.statusCode).toBe(405);
    expect(String(res.headers.allow)).toMatch(/GET/);
  });

  it('bad_multiple_queries: more than one query parameter', async () => {
    const res = expectClientError(await getQuery([['query', 'ASK {}'], ['query', 'SELECT * {}']]), 400);
    expect(res.body).toMatch(/one query/i);
    expectClientError(await postForm([['query', 'ASK {}'], ['query', 'SELECT * {}']]), 400);
  });

  it('bad_query_wrong_media_type: POST with a media type that is neither form nor sparql-query', async () => {
    const res = expectClientError(await inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'text/plain' }, payload: 'ASK {}' }), 415);
    expect(res.body).toMatch(/application\/sparql-query/);
  });

  it('bad_query_missing_form_type: URL-encoded body without its media type', async () => {
    const res = await inject({ method: 'POST', url: '/sparql', payload: 'query=ASK%20%7B%7D' });
    expectClientError(res, 415);
  });

  it('bad_query_missing_direct_type: SPARQL body without application/sparql-query', async () => {
    expectClientError(await inject({ method: 'POST', url: '/sparql', payload: 'ASK {}' }), 415);
  });

  it('bad_query_non_utf8: direct POST in UTF-16', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ASK {}', 'utf16le')]);
    const res = await inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query; charset=UTF-16' }, payload: body });
    expectClientError(res, 415);
    expect(res.body).toMatch(/UTF-8/);
  });

  it('bad_query_syntax: invalid syntax gives 400 with the parser message', async () => {
    const res = expectClientError(await getQuery([['query', 'ASK {']], { accept: 'application/json' }), 400);
    const body = JSON.parse(res.body) as { statusCode: number; message: string };
    expect(body.statusCode).toBe(400);
    expect(body.message).toMatch(/Parse error on line 1/);
    expect(body.message).toMatch(/Expecting/);
  });

  it('a GET with an update parameter and no query is refused, not answered with the service description', async () => {
    const res = expectClientError(await getQuery([['update', 'CLEAR ALL']]), 400);
    expect(res.body).toMatch(/update/i);
  });
});

describe('SPARQL 1.1 Protocol: update cases (read-only endpoint: all refused)', () => {
  interface UpdateCase {
    name: string;
    request: () => Promise<LightMyRequestResponse>;
    /** The manifest's follow-up query, which must find nothing written. */
    check?: { query: string; empty: (res: LightMyRequestResponse) => void };
  }
  const askFalse = (res: LightMyRequestResponse) => expect(booleanOf(res)).toBe(false);
  const postUpdate = (update: string, urlParams: ReadonlyArray<readonly [string, string]> = []) =>
    inject({
      method: 'POST',
      url: urlParams.length > 0 ? `/sparql?${qs(urlParams)}` : '/sparql',
      headers: { 'content-type': 'application/sparql-update' },
      payload: update,
    });
  const cases: UpdateCase[] = [
    {
      name: 'update_dataset_default_graph',
      request: () => postUpdate(fixture('update_dataset_default_graph.ru'), [['using-graph-uri', GRAPH.data]]),
      check: { query: fixture('update_dataset_default_graph.check.rq'), empty: askFalse },
    },
    {
      name: 'update_dataset_default_graphs',
      request: () => postUpdate(fixture('update_dataset_default_graphs.ru'), [['using-graph-uri', GRAPH.data], ['using-graph-uri', GRAPH.ontology]]),
      check: { query: fixture('update_dataset_default_graphs.check.rq'), empty: askFalse },
    },
    {
      name: 'update_dataset_named_graphs',
      request: () =>
        postUpdate(fixture('update_dataset_named_graphs.ru'), [['using-named-graph-uri', GRAPH.data], ['using-named-graph-uri', GRAPH.ontology]]),
      check: { query: fixture('update_dataset_named_graphs.check.rq'), empty: askFalse },
    },
    {
      name: 'update_dataset_full',
      request: () => postUpdate(fixture('update_dataset_full.ru'), [['using-graph-uri', GRAPH.data], ['using-named-graph-uri', GRAPH.ontology]]),
      check: { query: fixture('update_dataset_full.check.rq'), empty: askFalse },
    },
    { name: 'update_post_form', request: () => postForm([['update', 'CLEAR ALL']]) },
    { name: 'update_post_direct', request: () => postUpdate('CLEAR ALL') },
    {
      name: 'update_base_uri',
      request: () => postUpdate(fixture('update_base_uri.ru')),
      check: {
        query: fixture('update_base_uri.check.rq'),
        empty: (res) => expect((JSON.parse(res.body) as JsonResults).results.bindings).toEqual([]),
      },
    },
  ];

  for (const c of cases) {
    it(`${c.name}: refused with 403, nothing changes`, async () => {
      const res = expectClientError(await c.request(), 403);
      expect(res.body).toMatch(/read-only/);
      if (c.check) c.check.empty(expectSuccess(await postDirect(c.check.query, [], { accept: 'application/sparql-results+json' })));
      expect(await fingerprint()).toEqual(before);
    });
  }
});

describe('SPARQL 1.1 Protocol: bad update cases', () => {
  const cases: Array<{ name: string; request: () => Promise<LightMyRequestResponse>; status?: number }> = [
    { name: 'bad_update_get', request: () => getQuery([['update', 'CLEAR ALL']]), status: 400 },
    { name: 'bad_multiple_updates', request: () => postForm([['update', 'CLEAR NAMED'], ['update', 'CLEAR DEFAULT']]) },
    {
      name: 'bad_update_wrong_media_type',
      request: () => inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'text/plain' }, payload: 'CLEAR NAMED' }),
      status: 415,
    },
    { name: 'bad_update_missing_form_type', request: () => inject({ method: 'POST', url: '/sparql', payload: 'update=CLEAR%20NAMED' }), status: 415 },
    {
      name: 'bad_update_non_utf8',
      request: () =>
        inject({
          method: 'POST',
          url: '/sparql',
          headers: { 'content-type': 'application/sparql-update; charset=UTF-16' },
          payload: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('CLEAR NAMED', 'utf16le')]),
        }),
    },
    { name: 'bad_update_syntax', request: () => postForm([['update', 'CLEAR XYZ']]) },
    {
      name: 'bad_update_dataset_conflict',
      request: () =>
        inject({
          method: 'POST',
          url: `/sparql?${qs([['using-named-graph-uri', 'http://example/people']])}`,
          headers: { 'content-type': 'application/sparql-update' },
          payload: fixture('bad_update_dataset_conflict.ru'),
        }),
    },
  ];

  for (const c of cases) {
    it(`${c.name}: 4xx, nothing changes`, async () => {
      expectClientError(await c.request(), c.status);
      expect(await fingerprint()).toEqual(before);
    });
  }

  it('the label the dataset-conflict update would have renamed is still there', async () => {
    expect(await ask(`ASK { ${PLEDGE} <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(STR(?label) = "BRSKI Pledge") }`)).toBe(true);
  });
});
