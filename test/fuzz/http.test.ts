// Fuzzing every route with random paths, methods, headers (Accept,
// Content-Type, conditional and odd headers) and bodies, with a fixed seed.
// The server must answer each with 2xx/3xx/4xx (or 503/504), never another
// 5xx, never with a stack trace, and within a deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { testApp, type TestApp } from '../helpers/app.js';
import { loadStoredQueries } from '../../src/query/storedQueries.js';
import { QUERIES_DIR } from '../helpers/knowledgeGraph.js';
import { Prng } from './prng.js';
import { checkAll, encode } from './harness.js';

const SEED = 7_041_977;
const CASES = Number(process.env.FUZZ_CASES ?? 2500);
const DEADLINE_MS = 20_000;

const STORED = loadStoredQueries(QUERIES_DIR).map((q) => q.name);
const PATHS = [
  '/', '/sparql', '/query', '/queries', '/openapi.json', '/health', '/ontology', '/ontology/0.1.0', '/void',
  '/protocol/brski', '/protocol/brski/role/pledge', '/term/enrollment', '/category/joining-device', '/category/',
  '/graph/data', '/spec/rfc8995', '/org/ietf', '/credential/pre-shared-key', '/protocol/', '/dumps', '/dumps/latest.nq',
  '/assets/site.css', '/assets/query-page.js', '/protocols', '/compare', '/index.html', '/favicon.ico',
  ...STORED.map((n) => `/queries/${n}`),
];
const EXTENSIONS = ['', '.ttl', '.jsonld', '.nt', '.rdf', '.html', '.nq', '.trig', '.json', '.csv', '.xyz', '.', '..', '.ttl.ttl'];
const MEDIA = [
  'text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml', 'text/html', 'application/json',
  'application/sparql-results+json', 'text/csv', 'application/n-quads', 'application/trig', 'text/plain', '*/*', 'text/*',
  'image/png', 'application/xhtml+xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
  'application/sparql-query', 'application/sparql-update',
];
const QUERY_KEYS = ['format', 'query', 'update', 'default-graph-uri', 'named-graph-uri', 'protocol', 'role', 'category', 'name', 'kind', 'credential', 'page', 'lang', '__proto__', 'constructor'];

function segment(rng: Prng): string {
  switch (rng.int(0, 7)) {
    case 0:
      return encode(rng.bytes(rng.int(1, 20)));
    case 1:
      return rng.pick(['..', '.', '%2e%2e', '%2F', '%00', '%', '%zz', '%C0%AF', '~', '*', '%20', '+']);
    case 2:
      return 'x'.repeat(rng.int(100, 3000));
    case 3:
      return rng.pick(['protocol', 'role', 'term', 'category', 'brski', 'pledge', 'queries', 'sparql', 'ontology', 'index']);
    default:
      return encode(rng.pick(['a', 'b-c', 'Z', '0', 'é', '😀', ' ', '\t', '<', '"', "'", '{', '}', '|', '\\', '^', '`']));
  }
}

function mediaRange(rng: Prng): string {
  const parts: string[] = [];
  for (let i = rng.int(1, 4); i > 0; i--) {
    let m = rng.chance(0.85) ? rng.pick(MEDIA) : rng.bytes(rng.int(0, 30)).replace(/[^\x20-\x7e]/g, '');
    if (rng.chance(0.3)) m += `;q=${rng.pick(['0', '0.5', '1', '1.5', '-1', 'abc', '', '0.0001', '1e3'])}`;
    if (rng.chance(0.1)) m += `;charset=${rng.pick(['utf-8', 'latin1', 'utf-16', '"utf-8"', ''])}`;
    parts.push(m);
  }
  return parts.join(rng.pick([',', ', ', ' , ', ';', ',,']));
}

function makeCase(rng: Prng): InjectOptions {
  let path = rng.pick(PATHS);
  if (rng.chance(0.3)) path += rng.pick(EXTENSIONS);
  if (rng.chance(0.3)) for (let i = rng.int(1, 3); i > 0; i--) path += `/${segment(rng)}`;
  if (rng.chance(0.05)) path = path.replace(/\//g, '//');
  if (rng.chance(0.4)) {
    const params: string[] = [];
    for (let i = rng.int(1, 4); i > 0; i--) {
      const key = rng.chance(0.8) ? rng.pick(QUERY_KEYS) : encode(rng.bytes(rng.int(1, 8)));
      const value = rng.chance(0.5) ? encode(rng.bytes(rng.int(0, 40))) : encode(rng.pick([...STORED, 'brski', 'pledge', 'ttl', 'json', 'xml', 'SELECT * WHERE { ?s ?p ?o } LIMIT 1', 'ASK {}', 'x:y', '']));
      params.push(rng.chance(0.1) ? key : `${key}=${value}`);
    }
    path += `?${params.join(rng.chance(0.9) ? '&' : ';')}`;
  }
  const method = rng.pick(['GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'OPTIONS', 'PUT', 'DELETE', 'PATCH'] as const);
  const headers: Record<string, string> = {};
  if (rng.chance(0.8)) headers.accept = mediaRange(rng);
  if (rng.chance(0.1)) headers['if-none-match'] = rng.pick(['*', '"x"', 'W/"y"', '', rng.bytes(10).replace(/[^\x20-\x7e]/g, '')]);
  if (rng.chance(0.1)) headers['if-modified-since'] = rng.pick(['Thu, 01 Jan 1970 00:00:00 GMT', 'yesterday', '', 'Sun, 06 Nov 2094 08:49:37 GMT']);
  if (rng.chance(0.05)) headers['accept-encoding'] = rng.pick(['gzip', 'br', 'identity;q=0', '*;q=0']);
  if (rng.chance(0.05)) headers['accept-language'] = rng.bytes(20).replace(/[^\x20-\x7e]/g, '');
  if (rng.chance(0.05)) headers.origin = 'http://127.0.0.1:1';
  if (rng.chance(0.05)) headers.range = 'bytes=0-10';
  const options: InjectOptions = { method, url: path, headers };
  if (method === 'POST' || method === 'PUT' || method === 'PATCH' || rng.chance(0.05)) {
    if (rng.chance(0.9)) headers['content-type'] = rng.chance(0.8) ? rng.pick(MEDIA) : mediaRange(rng);
    switch (rng.int(0, 4)) {
      case 0:
        options.payload = rng.bytes(rng.int(0, 2000));
        break;
      case 1:
        options.payload = `query=${encode(rng.pick(['SELECT * WHERE { ?s ?p ?o } LIMIT 2', rng.bytes(30), '']))}&${rng.pick(QUERY_KEYS)}=${encode(rng.bytes(10))}`;
        break;
      case 2:
        options.payload = JSON.stringify({ query: rng.bytes(20), nested: { a: [1, 2, { b: null }] } });
        break;
      case 3:
        options.payload = rng.chance(0.1) ? 'x'.repeat(1_100_000) : 'x'.repeat(rng.int(0, 200_000));
        break;
      default:
        options.payload = '';
    }
  }
  return options;
}

describe('fuzzing every route with random paths, headers and bodies (fixed seed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ limits: { timeoutMs: 1500, maxRows: 200, workers: 2 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`answers ${CASES} requests with 2xx/3xx/4xx (or 503/504), no stack trace, within the deadline`, async () => {
    const rng = new Prng(SEED);
    const cases = Array.from({ length: CASES }, (_, i) => {
      const options = makeCase(rng);
      return { label: `case ${i}: ${String(options.method)} ${String(options.url).slice(0, 200)} ${JSON.stringify(options.headers)}`, options };
    });
    const { outcomes, failures } = await checkAll(t.app, cases, DEADLINE_MS);
    const statuses = new Set(outcomes.map((o) => o.status));
    // The fuzzer must reach both successful answers and refusals, or it tests nothing.
    expect([...statuses].some((s) => s >= 200 && s < 300)).toBe(true);
    expect([...statuses].some((s) => s >= 400 && s < 500)).toBe(true);
    expect(outcomes.length).toBeGreaterThan(CASES * 0.9);
    expect(failures.map((f) => `${f.label} → ${f.problem}`)).toEqual([]);
  }, 120_000);
});
