// npm run soak: a bounded soak test against a server it starts itself on
// 127.0.0.1. Mixed traffic at 64 connections for 60 s (dereferencing,
// SPARQL queries, stored queries), with pathological queries (catastrophic
// REGEX, cartesian products) and malformed requests mixed in. Checks:
//   - no 5xx other than 504 (timeout) and 503 with Retry-After (overload)
//   - no connection errors and the server is alive at the end (no crash)
//   - every query answers within QUERY_TIMEOUT_MS + 2 s of being sent
//   - memory flat: server RSS after the run ≤ 1.3 × RSS after warm-up + 64 MB
// Prints a table and exits non-zero if a check fails.
//
//   npm run soak -- [--duration 60] [--connections 64] [--timeout-ms 3000] [--max-requests 400000]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildKnowledgeGraph } from '../src/knowledgeGraph.js';
import { BASE, GRAPH } from '../src/namespaces.js';
import { loadStoredQueries } from '../src/query/storedQueries.js';
import { queryMix } from './lib/mix.js';
import { BIN, ROOT, SERVER_ENTRY, freePort, sleep, startProcess, treeRss, until } from './lib/proc.js';
import { percentile, round } from './lib/stats.js';
import { Prng } from './lib/prng.js';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '64' },
    'timeout-ms': { type: 'string', default: '3000' },
    'max-requests': { type: 'string', default: '400000' },
    'warmup': { type: 'string', default: '5' },
  },
});
const durationMs = Number(opts.duration) * 1000;
const connections = Number(opts.connections);
const timeoutMs = Number(opts['timeout-ms']);
const maxRequests = Number(opts['max-requests']);
const GRACE_MS = 2000;

type Category = 'dereferencing' | 'sparql' | 'stored query' | 'pathological' | 'malformed';
interface Sample {
  category: Category;
  status: number | 'error';
  ms: number;
  retryAfter: boolean;
  detail: string;
}

// --- What to send -------------------------------------------------------------
const kg = await buildKnowledgeGraph({ ontologyDir: join(ROOT, 'ontology'), dataDir: join(ROOT, 'data'), userData: [] });
const resources = [...new Set(kg.store.getSubjects(null, null, GRAPH.data).map((t) => t.value))]
  .filter((v) => v.startsWith(BASE) && !v.includes('#') && !v.endsWith('/'))
  .map((v) => `/${v.slice(BASE.length)}`)
  .sort();
const ACCEPTS = ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml', 'text/html', '*/*'];
const mix = queryMix();
const stored = loadStoredQueries(join(ROOT, 'queries'));
const PATHOLOGICAL = [
  // Catastrophic backtracking on long strings.
  'SELECT ?s WHERE { ?s ?p ?l . ?s2 ?p2 ?l2 FILTER(REGEX(CONCAT(STR(?l), STR(?l2), STR(?l), STR(?l2)), "^(([a-z ])+.)+[A-Z]([a-z])+$")) }',
  // Cartesian products.
  'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }',
  'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) < STR(?f)) } ORDER BY ?c ?f',
];
const MALFORMED: Array<{ method: string; path: string; headers?: Record<string, string>; body?: string }> = [
  { method: 'POST', path: '/sparql', headers: { 'content-type': 'application/sparql-query' }, body: 'SELECT * WHERE { ?s ?p ' },
  { method: 'POST', path: '/sparql', headers: { 'content-type': 'application/sparql-query' }, body: '# only a comment' },
  { method: 'POST', path: '/sparql', headers: { 'content-type': 'text/plain' }, body: 'SELECT * WHERE { ?s ?p ?o }' },
  { method: 'POST', path: '/sparql', headers: { 'content-type': 'application/sparql-update' }, body: 'CLEAR ALL' },
  { method: 'POST', path: '/sparql', headers: { 'content-type': 'application/sparql-query; charset=latin1' }, body: 'ASK {}' },
  { method: 'POST', path: '/sparql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%E0%A4%A&x' },
  { method: 'POST', path: '/sparql', headers: { 'content-type': 'application/sparql-query' }, body: `SELECT * WHERE { ?s ?p "${'x'.repeat(1_200_000)}" }` },
  { method: 'GET', path: `/sparql?query=${encodeURIComponent('SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }')}` },
  { method: 'GET', path: `/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}`, headers: { accept: 'image/png' } },
  { method: 'GET', path: '/sparql?query=&query=' },
  { method: 'GET', path: '/queries/no-such-query' },
  { method: 'GET', path: '/queries/protocol-roles?protocol=%3Chttp%3A%2F%2Fx%3E%20%7D' },
  { method: 'GET', path: '/queries/roles-by-name?name=%22)%20%7D%20DROP%20ALL%20%23' },
  { method: 'GET', path: `/protocol/${'x'.repeat(3000)}` },
  { method: 'GET', path: '/protocol/brski.xyz' },
  { method: 'GET', path: '/%E0%A4%A' },
  { method: 'DELETE', path: '/sparql' },
  { method: 'PUT', path: '/protocol/brski', body: 'x' },
];

// --- The server -----------------------------------------------------------------
const port = await freePort();
const server = await startProcess(process.execPath, [SERVER_ENTRY, 'serve'], {
  port,
  env: { PORT: String(port), HOST: '127.0.0.1', QUERY_TIMEOUT_MS: String(timeoutMs), LOG_LEVEL: 'warn' },
});
let exitedEarly = false;
server.child.once('exit', () => {
  exitedEarly = true;
});
try {
  await until(async () => (await fetch(`${server.url}/health`)).ok, performance.now(), 120_000, server.child);
} catch (error) {
  process.stderr.write(`the server did not start: ${String(error)}\n${server.output()}\n`);
  await server.stop();
  process.exit(1);
}

async function send(category: Category, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Sample> {
  const started = performance.now();
  const controller = new AbortController();
  const abort = setTimeout(() => controller.abort(), timeoutMs + 15_000);
  try {
    const response = await fetch(`${server.url}${path}`, { method, headers, signal: controller.signal, ...(body !== undefined ? { body } : {}) });
    await response.arrayBuffer();
    return { category, status: response.status, ms: performance.now() - started, retryAfter: response.headers.has('retry-after'), detail: `${method} ${path.slice(0, 100)}` };
  } catch (error) {
    return { category, status: 'error', ms: performance.now() - started, retryAfter: false, detail: `${method} ${path.slice(0, 100)}: ${String((error as Error).cause ?? error).slice(0, 120)}` };
  } finally {
    clearTimeout(abort);
  }
}

let nonce = 0;
function nextRequest(rng: Prng): Promise<Sample> {
  const r = rng.next();
  if (r < 0.4) {
    return send('dereferencing', 'GET', rng.pick(resources), { accept: rng.pick(ACCEPTS) });
  }
  if (r < 0.65) {
    const q = rng.pick(mix);
    // Half as served (often cached), half unique (evaluated).
    const body = rng.chance(0.5) ? q.text : `${q.text}\n# soak ${++nonce}\n`;
    return send('sparql', 'POST', '/sparql', { 'content-type': 'application/sparql-query', accept: rng.pick(['application/sparql-results+json', 'text/csv', 'application/sparql-results+xml']) }, body);
  }
  if (r < 0.85) {
    const q = rng.pick(stored);
    const params = q.parameters.filter((p) => p.default !== null && rng.chance(0.5)).map((p) => `${p.name}=${encodeURIComponent(p.default!)}`);
    return send('stored query', 'GET', `/queries/${q.name}${params.length ? `?${params.join('&')}` : ''}`, { accept: rng.pick(['application/sparql-results+json', 'text/csv', 'text/tab-separated-values']) });
  }
  const m = rng.pick(MALFORMED);
  return send('malformed', m.method, m.path, m.headers ?? {}, m.body);
}

// --- Warm-up, then the soak -----------------------------------------------------
const rng = new Prng(4242);
const warmupEnd = performance.now() + Number(opts.warmup) * 1000;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (performance.now() < warmupEnd) await nextRequest(rng);
}));
const rssStart = treeRss(server.child.pid!);
process.stderr.write(`[soak] ${connections} connections for ${durationMs / 1000} s, query timeout ${timeoutMs} ms; server RSS after warm-up ${round(rssStart / 2 ** 20)} MB\n`);

const samples: Sample[] = [];
const end = performance.now() + durationMs;
let sent = 0;
const loops = Array.from({ length: connections }, async (_, i) => {
  const own = new Prng(1000 + i);
  while (performance.now() < end && sent < maxRequests && !exitedEarly) {
    sent++;
    if (i === 0) {
      // One connection sends the pathological queries, one at a time with a pause.
      samples.push(await send('pathological', 'POST', '/sparql', { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' }, `${own.pick(PATHOLOGICAL)}\n# ${++nonce}\n`));
      await sleep(1000);
    } else {
      samples.push(await nextRequest(own));
    }
  }
});
await Promise.all(loops);
await sleep(500);
const alive = !exitedEarly && server.child.exitCode === null;
const health = alive ? await send('dereferencing', 'GET', '/health') : null;
const rssEnd = alive ? treeRss(server.child.pid!) : Number.NaN;
await server.stop();

// --- Report -----------------------------------------------------------------------
const categories: Category[] = ['dereferencing', 'sparql', 'stored query', 'pathological', 'malformed'];
const lines: string[] = [];
lines.push('| traffic | requests | 2xx | 3xx | 4xx | 503 | 504 | other 5xx | conn. errors | p50 ms | p99 ms | max ms |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const c of [...categories, 'all' as const]) {
  const s = c === 'all' ? samples : samples.filter((x) => x.category === c);
  const count = (f: (x: Sample) => boolean): number => s.filter(f).length;
  const ms = s.map((x) => x.ms);
  const st = (x: Sample): number => (typeof x.status === 'number' ? x.status : 0);
  lines.push(
    `| ${c} | ${s.length} | ${count((x) => st(x) >= 200 && st(x) < 300)} | ${count((x) => st(x) >= 300 && st(x) < 400)} | ${count((x) => st(x) >= 400 && st(x) < 500)} | ${count((x) => x.status === 503)} | ${count((x) => x.status === 504)} | ${count((x) => st(x) >= 500 && x.status !== 503 && x.status !== 504)} | ${count((x) => x.status === 'error')} | ${round(percentile(ms, 50))} | ${round(percentile(ms, 99))} | ${round(Math.max(0, ...ms))} |`,
  );
}
const isQuery = (x: Sample): boolean => x.category === 'sparql' || x.category === 'stored query' || x.category === 'pathological';
const bad5xx = samples.filter((x) => typeof x.status === 'number' && x.status >= 500 && x.status !== 503 && x.status !== 504);
const busyWithoutRetry = samples.filter((x) => x.status === 503 && !x.retryAfter);
const errors = samples.filter((x) => x.status === 'error');
const late = samples.filter((x) => isQuery(x) && x.ms > timeoutMs + GRACE_MS);
const timedOut = samples.filter((x) => x.status === 504);
const rssLimit = rssStart * 1.3 + 64 * 2 ** 20;
const checks: Array<[string, boolean, string]> = [
  ['no 5xx other than 503 / 504', bad5xx.length === 0, bad5xx.length ? `${bad5xx.length}, e.g. ${bad5xx[0]!.status} ${bad5xx[0]!.detail}` : '0'],
  ['every 503 has Retry-After', busyWithoutRetry.length === 0, `${busyWithoutRetry.length} without`],
  ['no connection errors', errors.length === 0, errors.length ? `${errors.length}, e.g. ${errors[0]!.detail}` : '0'],
  ['server alive, /health answers at the end', alive && health?.status === 200, alive ? `health ${String(health?.status)}` : 'the server exited'],
  [`every query answers within timeout + 2 s (${timeoutMs + GRACE_MS} ms)`, late.length === 0, `${timedOut.length} timed out (504); slowest query ${round(Math.max(0, ...samples.filter(isQuery).map((x) => x.ms)))} ms${late.length ? `; ${late.length} late, e.g. ${late[0]!.detail}` : ''}`],
  ['pathological queries were stopped (504)', samples.some((x) => x.category === 'pathological' && x.status === 504), `${samples.filter((x) => x.category === 'pathological' && x.status === 504).length} of ${samples.filter((x) => x.category === 'pathological').length}`],
  ['memory flat: RSS end ≤ 1.3 × start + 64 MB', rssEnd <= rssLimit, `${round(rssStart / 2 ** 20)} MB → ${round(rssEnd / 2 ** 20)} MB (limit ${round(rssLimit / 2 ** 20)} MB)`],
];
lines.push('', '| check | result | detail |', '|---|---|---|');
for (const [name, pass, detail] of checks) lines.push(`| ${name} | ${pass ? 'PASS' : '**FAIL**'} | ${detail} |`);
process.stdout.write(`\nSoak: ${samples.length} requests in ${durationMs / 1000} s at ${connections} connections (query timeout ${timeoutMs} ms)\n\n${lines.join('\n')}\n`);
if (!alive) process.stderr.write(`server output:\n${server.output()}\n`);
process.exit(checks.every(([, pass]) => pass) ? 0 : 1);
