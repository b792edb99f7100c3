// What keeps the endpoint safe to expose: no outbound requests, queries
// stopped at their time limit without stalling other queries, overload
// refused with 503, size limits, read-only, no stack traces in errors, and
// stored-query parameters that can never change the query.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { listen, testApp, type TestApp } from '../helpers/app.js';
import { buildApp } from '../../src/serve/app.js';

/** Any line that looks like a stack frame, or a path into the code. */
const STACK = /\n\s+at\s|\bat\s+\S+\s+\(|node_modules|\.ts:\d+|\.js:\d+/;

/** Responses with an error status seen anywhere in this file, by status; checked for stack traces at the end. */
const errorBodies = new Map<number, string[]>();

function record(status: number, body: string): void {
  if (status < 400) return;
  errorBodies.set(status, [...(errorBodies.get(status) ?? []), body]);
  expect(body, `status ${status}`).not.toMatch(STACK);
}

async function inject(app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  const res = await app.inject(options);
  record(res.statusCode, res.body);
  return res;
}

const get = (app: FastifyInstance, query: string, extra = '', headers: Record<string, string> = {}) =>
  inject(app, { method: 'GET', url: `/sparql?query=${encodeURIComponent(query)}${extra}`, headers });

interface Bindings {
  head: { vars?: string[] };
  results: { bindings: Array<Record<string, { value: string }>> };
}
const rowsOf = (res: LightMyRequestResponse) => (JSON.parse(res.body) as Bindings).results.bindings;

/** The number of triples in the default graph and in every named graph, as the endpoint sees them. */
async function tripleCount(app: FastifyInstance): Promise<string> {
  const res = await get(app, 'SELECT ?g (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?g ORDER BY ?g');
  expect(res.statusCode).toBe(200);
  return JSON.stringify(rowsOf(res));
}

/** Waits until no worker is busy or starting (a worker stopped by an earlier test takes a moment to come back). */
async function idle(t: TestApp): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (t.deps.queries.load > 0) {
    if (Date.now() > deadline) throw new Error('the query workers did not become idle');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let nonce = 0;
/** Distinct query texts, so that the result cache never answers for the engine. */
const fresh = (query: string): string => `${query}\n# ${Date.now()}-${++nonce}`;

/** Never finishes: a cartesian product of all triples, three times, with a FILTER. */
const CARTESIAN = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) < STR(?f) && STR(?f) < STR(?i)) }';
/** Never finishes either, and blocks the worker's event loop: catastrophic backtracking on long strings of a's built with CONCAT. */
const REGEX = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s WHERE {
  ?s rdfs:label ?label .
  BIND(REPLACE(STR(?label), ".", "a") AS ?as)
  BIND(CONCAT(?as, ?as, ?as, ?as, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "!") AS ?long)
  FILTER(REGEX(?long, "(a+)+$"))
}`;

describe('(a) no outbound requests', () => {
  let t: TestApp;
  let listener: Server;
  let hits: string[];
  let target: string;
  let baseUrl: string;

  beforeAll(async () => {
    hits = [];
    listener = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/n-triples');
      res.end('<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    t = await testApp();
    baseUrl = await listen(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => listener?.close(resolve));
  });

  const cases = () => [
    { name: 'SERVICE', query: `SELECT * WHERE { SERVICE <${target}/sparql> { ?s ?p ?o } }`, extra: '', status: 400 },
    { name: 'SERVICE SILENT', query: `SELECT * WHERE { SERVICE SILENT <${target}/sparql> { ?s ?p ?o } }`, extra: '', status: 400 },
    { name: 'SERVICE in a subquery', query: `ASK { { SELECT ?s WHERE { SERVICE <${target}/sparql> { ?s ?p ?o } } } }`, extra: '', status: 400 },
    { name: 'FROM', query: `SELECT * FROM <${target}/x> WHERE { ?s ?p ?o }`, extra: '', status: 200 },
    { name: 'FROM NAMED', query: `SELECT * FROM NAMED <${target}/x> WHERE { GRAPH ?g { ?s ?p ?o } }`, extra: '', status: 200 },
    { name: 'GRAPH <remote>', query: `SELECT * WHERE { GRAPH <${target}/x> { ?s ?p ?o } }`, extra: '', status: 200 },
    { name: 'default-graph-uri', query: 'SELECT * WHERE { ?s ?p ?o }', extra: `&default-graph-uri=${encodeURIComponent(`${target}/y`)}`, status: 200 },
    {
      name: 'named-graph-uri',
      query: 'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }',
      extra: `&named-graph-uri=${encodeURIComponent(`${target}/y`)}`,
      status: 200,
    },
    { name: 'DESCRIBE <remote>', query: `DESCRIBE <${target}/z>`, extra: '', status: 200 },
    { name: 'LOAD', query: `LOAD <${target}/data.nt>`, extra: '', status: 403 },
  ];

  it('through app.inject: SERVICE → 400, FROM / graphs → 200 with empty results, the listener sees nothing', async () => {
    for (const c of cases()) {
      const res = await get(t.app, c.query, c.extra, { accept: c.query.startsWith('DESCRIBE') ? 'application/n-triples' : 'application/sparql-results+json' });
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(c.status);
      if (c.status === 200 && !c.query.startsWith('DESCRIBE')) expect(rowsOf(res), c.name).toEqual([]);
      if (c.status === 200 && c.query.startsWith('DESCRIBE')) expect(res.body.trim(), c.name).toBe('');
      if (c.status === 400) expect(res.body).toMatch(/SERVICE/);
    }
    // A stored-query IRI parameter pointing at the listener is only a value.
    const stored = await inject(t.app, { method: 'GET', url: `/queries/protocol-processes?protocol=${encodeURIComponent(`${target}/p`)}` });
    expect(stored.statusCode).toBe(200);
    expect(rowsOf(stored)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hits).toEqual([]);
  });

  it('through real HTTP to a listening server: the same, and the listener sees nothing', async () => {
    for (const c of cases()) {
      for (const method of ['GET', 'POST'] as const) {
        const res =
          method === 'GET'
            ? await fetch(`${baseUrl}/sparql?query=${encodeURIComponent(c.query)}${c.extra}`, { headers: { accept: 'application/sparql-results+json, application/n-triples;q=0.9' } })
            : await fetch(`${baseUrl}/sparql?${c.extra.slice(1)}`, {
                method: 'POST',
                headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json, application/n-triples;q=0.9' },
                body: c.query,
              });
        const body = await res.text();
        record(res.status, body);
        expect(res.status, `${method} ${c.name}: ${body}`).toBe(c.status);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hits).toEqual([]);
  });

  it('the listener does count requests (the assertion above can fail)', async () => {
    const res = await fetch(`${target}/probe`);
    expect(res.status).toBe(200);
    expect(hits).toEqual(['GET /probe']);
    hits.length = 0;
  });
});

describe('(b) query timeout', () => {
  let t: TestApp;
  const timeoutMs = 2000;
  beforeAll(async () => {
    t = await testApp({ limits: { timeoutMs, workers: 2 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  for (const [name, pathological] of [
    ['a cartesian product over all triples ×3 with a FILTER', CARTESIAN],
    ['a catastrophic REGEX on long CONCAT strings', REGEX],
  ] as const) {
    it(`${name}: 504 near the limit, while a concurrent simple query answers at once`, async () => {
      await idle(t);
      const started = performance.now();
      const slow = get(t.app, fresh(pathological), '', { accept: 'application/json' }).then((res) => ({ res, ms: performance.now() - started }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const simpleStarted = performance.now();
      const simple = await get(t.app, fresh('ASK { ?s ?p ?o }'));
      const simpleEnded = performance.now();
      const { res, ms } = await slow;

      expect(simple.statusCode).toBe(200);
      expect(JSON.parse(simple.body)).toMatchObject({ boolean: true });
      expect(simpleEnded, 'the simple query must not wait for the pathological one').toBeLessThan(started + ms);
      expect(simpleEnded - simpleStarted).toBeLessThan(5000);

      expect(res.statusCode, res.body).toBe(504);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 504, message: expect.stringMatching(/stopped after 2 s/) });
      expect(ms).toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(ms).toBeLessThan(timeoutMs + 5000);
    });
  }

  it('after the timeouts the endpoint still works on every worker (the stopped ones were replaced)', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => get(t.app, fresh('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'))));
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      expect(Number(rowsOf(res)[0]!.n!.value)).toBeGreaterThan(1000);
    }
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
  });
});

describe('(c) overload', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ limits: { workers: 1, maxQueue: 1, timeoutMs: 1500 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('three slow queries at once on one worker with a queue of one: at least one 503 with Retry-After', async () => {
    const responses = await Promise.all([1, 2, 3].map(() => get(t.app, fresh(CARTESIAN), '', { accept: 'application/json' })));
    const statuses = responses.map((r) => r.statusCode).sort();
    const busy = responses.filter((r) => r.statusCode === 503);
    expect(busy.length, `statuses: ${statuses.join(', ')}`).toBeGreaterThanOrEqual(1);
    for (const res of busy) {
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 503, message: expect.stringMatching(/Too many/) });
    }
    for (const res of responses.filter((r) => r.statusCode !== 503)) expect(res.statusCode).toBe(504);
    // And it recovers.
    expect((await get(t.app, fresh('ASK {}'))).statusCode).toBe(200);
  });
});

describe('(d) size and row limits', () => {
  let t: TestApp;
  let small: FastifyInstance;
  beforeAll(async () => {
    t = await testApp({ limits: { maxQueryLength: 300, maxRows: 5 } });
    small = await buildApp(t.deps, { bodyLimit: 1024 });
  });
  afterAll(async () => {
    await small?.close();
    await t?.close();
  });

  it('a query longer than maxQueryLength: 413 (GET, POST form, POST direct)', async () => {
    const long = `SELECT * WHERE { ?s ?p ?o } ${'#'.repeat(400)}\n`;
    const viaGet = await get(t.app, long);
    expect(viaGet.statusCode).toBe(413);
    expect(viaGet.body).toMatch(/limit is 300/);
    const viaForm = await inject(t.app, {
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `query=${encodeURIComponent(long)}`,
    });
    expect(viaForm.statusCode).toBe(413);
    const direct = await inject(t.app, { method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: long });
    expect(direct.statusCode).toBe(413);
  });

  it('a body larger than the bodyLimit: 413', async () => {
    const res = await small.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: `ASK {} ${'#'.repeat(2048)}` });
    record(res.statusCode, res.body);
    expect(res.statusCode).toBe(413);
    const form = await small.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      payload: `query=${encodeURIComponent(`ASK {} ${'#'.repeat(2048)}`)}`,
    });
    record(form.statusCode, form.body);
    expect(form.statusCode).toBe(413);
    expect(JSON.parse(form.body)).toMatchObject({ statusCode: 413 });
    // Under the limit the same app answers.
    const ok = await small.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: 'ASK {}' });
    expect(ok.statusCode).toBe(200);
  });

  it('maxRows 5: a SELECT of 10 rows returns 5 and X-Result-Truncated', async () => {
    const ten = 'SELECT ?n WHERE { VALUES ?n { 1 2 3 4 5 6 7 8 9 10 } }';
    const res = await get(t.app, ten, '', { accept: 'application/sparql-results+json' });
    expect(res.statusCode).toBe(200);
    expect(rowsOf(res)).toHaveLength(5);
    expect(res.headers['x-result-truncated']).toBe('5');
    for (const accept of ['text/csv', 'text/tab-separated-values', 'application/sparql-results+xml']) {
      const other = await get(t.app, ten, '', { accept });
      expect(other.headers['x-result-truncated']).toBe('5');
    }
    const five = await get(t.app, 'SELECT ?n WHERE { VALUES ?n { 1 2 3 4 5 } }');
    expect(rowsOf(five)).toHaveLength(5);
    expect(five.headers['x-result-truncated']).toBeUndefined();
  });

  it('maxRows 5: a CONSTRUCT of more triples returns 5 and X-Result-Truncated', async () => {
    const res = await get(t.app, 'CONSTRUCT WHERE { <https://w3id.org/iot-setup/protocol/brski> ?p ?o }', '', { accept: 'application/n-triples' });
    expect(res.statusCode).toBe(200);
    expect(res.body.trim().split('\n')).toHaveLength(5);
    expect(res.headers['x-result-truncated']).toBe('5');
  });

  it('the truncation header is readable by browser scripts (CORS)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/sparql?query=${encodeURIComponent('ASK {}')}`, headers: { origin: 'http://example.org' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-expose-headers'])).toMatch(/X-Result-Truncated/);
  });
});

describe('(e) read-only', () => {
  let t: TestApp;
  let before: string;
  beforeAll(async () => {
    t = await testApp();
    before = await tripleCount(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  const updates = [
    'INSERT DATA { <http://example.org/s> <http://example.org/p> "o" }',
    'INSERT DATA { GRAPH <https://w3id.org/iot-setup/graph/data> { <http://example.org/s> <http://example.org/p> "o" } }',
    'DELETE WHERE { ?s ?p ?o }',
    'DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }',
    'LOAD <http://127.0.0.1:9/data.ttl>',
    'CLEAR ALL',
    'DROP GRAPH <https://w3id.org/iot-setup/graph/data>',
  ];

  for (const update of updates) {
    it(`${update.split(' ').slice(0, 2).join(' ')}…: 403 by every route, data unchanged`, async () => {
      const requests: InjectOptions[] = [
        { method: 'GET', url: `/sparql?query=${encodeURIComponent(update)}` },
        { method: 'POST', url: '/sparql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `update=${encodeURIComponent(update)}` },
        { method: 'POST', url: '/sparql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `query=${encodeURIComponent(update)}` },
        { method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-update' }, payload: update },
        { method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: update },
      ];
      for (const request of requests) {
        const res = await inject(t.app, { ...request, headers: { ...request.headers, accept: 'application/json' } });
        expect(res.statusCode, `${request.method} ${String(request.headers?.['content-type'] ?? '')}`).toBe(403);
        expect(JSON.parse(res.body)).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringMatching(/read-only/) });
      }
      expect(await tripleCount(t.app)).toBe(before);
      expect(await get(t.app, 'ASK { <http://example.org/s> ?p ?o }').then((r) => JSON.parse(r.body).boolean)).toBe(false);
    });
  }

  it('the store itself is untouched', async () => {
    expect(JSON.parse(before)).toContainEqual(expect.objectContaining({ n: expect.objectContaining({ value: String(t.deps.kg.store.countQuads(null, null, null, 'https://w3id.org/iot-setup/graph/data')) }) }));
  });
});

describe('(g) stored-query parameters are values, never SPARQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  const hostile = ['> } ; DROP ALL #', 'x> . ?s ?p ?o . <y', 'brski> } UNION { ?protocol ?p ?o } #', '"; DROP ALL; "'];

  it('as an IRI parameter: 400 invalid IRI', async () => {
    for (const value of hostile) {
      const res = await inject(t.app, { method: 'GET', url: `/queries/protocol-processes?protocol=${encodeURIComponent(value)}`, headers: { accept: 'application/json' } });
      expect(res.statusCode, value).toBe(400);
      expect(JSON.parse(res.body).message).toMatch(/not a valid IRI/);
    }
  });

  it('as a literal parameter: the same answer as a harmless value that matches nothing', async () => {
    const run = (name: string) => inject(t.app, { method: 'GET', url: `/queries/roles-by-name?name=${encodeURIComponent(name)}`, headers: { accept: 'application/sparql-results+json' } });
    const harmless = await run('no-such-role-name');
    expect(harmless.statusCode).toBe(200);
    expect(rowsOf(harmless)).toEqual([]);
    for (const value of hostile) {
      const res = await run(value);
      expect(res.statusCode, value).toBe(200);
      expect(JSON.parse(res.body), value).toEqual(JSON.parse(harmless.body));
    }
    // The query itself does work: a real name finds roles.
    expect(rowsOf(await run('Server')).length).toBeGreaterThan(0);
  });
});

describe('(f) no error body carries a stack trace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('400, 403, 404, 406, 413, 415 in plain text, JSON and HTML', async () => {
    const requests: InjectOptions[] = [
      { method: 'GET', url: `/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p }')}` },
      { method: 'GET', url: `/sparql?query=${encodeURIComponent('CLEAR ALL')}` },
      { method: 'GET', url: '/no/such/path' },
      { method: 'GET', url: '/queries/no-such-query' },
      { method: 'GET', url: `/sparql?query=${encodeURIComponent('ASK {}')}&format=png` },
      { method: 'GET', url: `/sparql?query=${encodeURIComponent(`ASK {} ${'#'.repeat(100_001)}`)}` },
      { method: 'POST', url: '/sparql', headers: { 'content-type': 'text/plain' }, payload: 'ASK {}' },
      { method: 'POST', url: '/sparql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'query=%' },
      { method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: '' },
    ];
    for (const accept of ['text/plain', 'application/json', 'text/html', '*/*']) {
      for (const request of requests) {
        const res = await inject(t.app, { ...request, headers: { ...request.headers, accept } });
        expect(res.statusCode, `${request.url} (${accept})`).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it('every status seen in this file, 503 and 504 included, came without a stack trace', () => {
    expect([...errorBodies.keys()].sort()).toEqual(expect.arrayContaining([400, 403, 404, 406, 413, 415, 503, 504]));
    for (const [status, bodies] of errorBodies) {
      for (const body of bodies) {
        expect(body, `status ${status}`).not.toMatch(STACK);
        expect(body.length, `status ${status}`).toBeGreaterThan(0);
      }
    }
  });
});
