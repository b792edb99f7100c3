// npm run bench: starts everything itself and measures, side by side on this
// machine, our server against its baselines, then writes
// bench/results/<date>.json and bench/results/<date>.md (ratios first).
//
//   cold start      `node dist/cli.js serve` (built first) until a known query answers
//                   correctly, vs Comunica's endpoint (comunica-sparql-file-http)
//                   on the same triples (one N-Quads dump incl. entailments)
//   dereferencing   autocannon, 32 connections, resource URLs × Accept types,
//                   vs a bare Fastify route returning a constant (the ceiling)
//   SPARQL          the competency-query mix (POST application/sparql-query)
//                   as served (result cache on) and uncached (every body
//                   unique), vs Comunica's endpoint on the same dump
//   scale curve     generated graphs at 10×/100×/1,000× (bench/generate.ts),
//                   one child process each: load + SHACL + reasoning time,
//                   maxRSS, query-mix latency
//
// Options: --quick (5 s runs, scales 10 and 100), --duration S, --scales 10,100,1000,
// --connections N, --skip-scale, --skip-load, --repeat N (cold starts),
// --rounds N (interleaved dereferencing rounds), --cold-only, --deref-only
// (one measurement, for tuning), --log-level L.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Writer } from 'n3';
import { buildKnowledgeGraph, type KnowledgeGraph } from '../src/knowledgeGraph.js';
import { BASE, GRAPH, OWL } from '../src/namespaces.js';
import { generate } from './generate.js';
import { combineRounds, load, type LoadRequest, type LoadResult } from './lib/load.js';
import { queryMix, type MixQuery } from './lib/mix.js';
import { BIN, ROOT, SERVER_ENTRY, freePort, postSparql, startProcess, treeRss, until, type Started } from './lib/proc.js';
import { median, round } from './lib/stats.js';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    scales: { type: 'string' },
    connections: { type: 'string', default: '32' },
    repeat: { type: 'string' },
    rounds: { type: 'string', default: '4' },
    'skip-scale': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
    'cold-only': { type: 'boolean', default: false },
    'deref-only': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
    'log-level': { type: 'string' },
  },
});
const durationS = Number(opts.duration ?? (opts.quick ? 5 : 20));
const connections = Number(opts.connections);
const scales = (opts.scales ?? (opts.quick ? '10,100' : '10,100,1000')).split(',').filter(Boolean).map(Number);
const repeat = Number(opts.repeat ?? (opts.quick ? 1 : 3));
/** Interleaved rounds of the dereferencing comparison (the duration is split between them). */
const rounds = Math.max(1, Number(opts.rounds));
const COMUNICA_ENV = { NODE_OPTIONS: `--require=${join(ROOT, 'bench', 'lib', 'loopbackOnly.cjs')}` };

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

const work = mkdtempSync(join(tmpdir(), 'iot-bench-'));
const running = new Set<Started>();
async function started(promise: Promise<Started>): Promise<Started> {
  const s = await promise;
  running.add(s);
  return s;
}
async function stop(s: Started): Promise<void> {
  await s.stop();
  running.delete(s);
}
const cleanup = async (): Promise<void> => {
  await Promise.all([...running].map((s) => s.stop()));
  rmSync(work, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

// --- The real graph, its dump, and the known answer ------------------------
log('loading the knowledge graph in-process (for the dump and the expected answers)');
const kg = await buildKnowledgeGraph({ ontologyDir: join(ROOT, 'ontology'), dataDir: join(ROOT, 'data'), userData: [] });
const dumpPath = join(work, 'dataset.nq');
writeFileSync(dumpPath, new Writer({ format: 'N-Quads' }).quadsToString(kg.store.getQuads(null, null, null, null)));
const PLEDGE = `${BASE}protocol/brski/role/pledge`;
const KNOWN_QUERY = `SELECT ?x WHERE { <${PLEDGE}> <${OWL}equivalentClass> ?x }`;
const expected = kg.store.getObjects(PLEDGE, `${OWL}equivalentClass`, null).map((t) => t.value).filter((v) => v !== PLEDGE).sort();
if (expected.length < 2) throw new Error('the known answer is missing from the graph');

async function answersCorrectly(url: string): Promise<boolean> {
  const response = await postSparql(url, KNOWN_QUERY);
  if (!response.ok) return false;
  const json = (await response.json()) as { results: { bindings: Array<{ x: { value: string } }> } };
  const got = [...new Set(json.results.bindings.map((b) => b.x.value))].filter((v) => v !== PLEDGE).sort();
  return JSON.stringify(got) === JSON.stringify(expected);
}

function startOurs(port: number, env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const level = opts['log-level'] ? { LOG_LEVEL: opts['log-level'] } : {};
  return startProcess(process.execPath, [SERVER_ENTRY, 'serve'], { port, quiet: true, env: { PORT: String(port), HOST: '127.0.0.1', ...level, ...env } });
}
function startComunica(port: number): Promise<Started> {
  return startProcess(join(BIN, 'comunica-sparql-file-http'), [dumpPath, '--unionDefaultGraph', '-p', String(port), '-t', '60'], { port, quiet: true, env: COMUNICA_ENV });
}

interface ColdStart {
  runsMs: number[];
  medianMs: number;
}
async function coldStart(kind: 'ours' | 'comunica'): Promise<ColdStart> {
  const runsMs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const server = await started(kind === 'ours' ? startOurs(port) : startComunica(port));
    try {
      runsMs.push(await until(() => answersCorrectly(server.url), t0, 120_000, server.child));
    } catch (error) {
      log(`${kind} cold start failed: ${String(error)}\n${server.output()}`);
      throw error;
    } finally {
      await stop(server);
    }
  }
  return { runsMs: runsMs.map((n) => round(n)), medianMs: round(median(runsMs)) };
}

// --- Dereferencing --------------------------------------------------------
const ACCEPTS = ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml', 'text/html', '*/*'];
function resourcePaths(graph: KnowledgeGraph, n: number): string[] {
  const paths = new Set<string>();
  for (const s of graph.store.getSubjects(null, null, GRAPH.data)) {
    if (s.termType !== 'NamedNode' || !s.value.startsWith(BASE) || s.value.includes('#')) continue;
    const path = `/${s.value.slice(BASE.length)}`;
    if (path.endsWith('/')) continue;
    paths.add(path);
  }
  // Spread over the sorted list so every kind of resource is in the sample.
  const sorted = [...paths].sort();
  const step = Math.max(1, Math.floor(sorted.length / n));
  return sorted.filter((_, i) => i % step === 0).slice(0, n);
}

async function derefRequests(url: string): Promise<{ requests: LoadRequest[]; route: 'resources' | 'fallback'; warmupFailures: number; meanBytes: number }> {
  const probe = await fetch(`${url}/protocol/brski`, { headers: { accept: 'text/turtle' } });
  const body = await probe.text();
  if (probe.status !== 200 || !body.includes('protocol/brski')) {
    log(`dereferencing route not available (GET /protocol/brski → ${probe.status}); measuring /queries and /health instead`);
    return {
      route: 'fallback',
      warmupFailures: 0,
      meanBytes: 200,
      requests: [
        { path: '/queries', headers: { accept: 'application/json' } },
        { path: '/health', headers: { accept: 'application/json' } },
        { path: '/queries', headers: { accept: 'text/html' } },
      ],
    };
  }
  const requests: LoadRequest[] = [];
  const paths = resourcePaths(kg, 40);
  paths.forEach((path, i) => {
    for (let k = 0; k < 2; k++) requests.push({ path, headers: { accept: ACCEPTS[(i + k * 3) % ACCEPTS.length]! } });
  });
  // Warm-up: representations are built once per (document, format) and kept.
  let warmupFailures = 0;
  let bytes = 0;
  for (const r of requests) {
    const response = await fetch(`${url}${r.path}`, { headers: r.headers ?? {} });
    bytes += (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) warmupFailures++;
  }
  return { requests, route: 'resources', warmupFailures, meanBytes: Math.round(bytes / requests.length) };
}

// --- SPARQL -----------------------------------------------------------------
function normalizedRows(json: unknown): string[] {
  const bindings = (json as { results: { bindings: Array<Record<string, { type: string; value: string; datatype?: string; 'xml:lang'?: string }>> } }).results.bindings;
  return bindings
    .map((b) =>
      JSON.stringify(
        Object.keys(b)
          .sort()
          .map((k) => {
            const t = b[k]!;
            // Comunica writes "typed-literal" for some literals; compare by value, type and language.
            return [k, t.type === 'typed-literal' ? 'literal' : t.type, t.value, t.datatype ?? '', t['xml:lang'] ?? ''];
          }),
      ),
    )
    .sort();
}

async function compareMix(oursUrl: string, comunicaUrl: string, mix: MixQuery[]): Promise<{ same: MixQuery[]; different: Array<{ name: string; ours: number; comunica: number | string }> }> {
  const same: MixQuery[] = [];
  const different: Array<{ name: string; ours: number; comunica: number | string }> = [];
  for (const q of mix) {
    const ours = normalizedRows(await (await postSparql(oursUrl, q.text)).json());
    const response = await postSparql(comunicaUrl, q.text);
    let theirs: string[] | string;
    try {
      theirs = response.ok ? normalizedRows(await response.json()) : `HTTP ${response.status}`;
    } catch (error) {
      theirs = `unreadable: ${String(error).slice(0, 80)}`;
    }
    const normalizeDatatypes = (rows: string[]): string => rows.join('\n').replaceAll('"http://www.w3.org/2001/XMLSchema#string"', '""');
    if (Array.isArray(theirs) && normalizeDatatypes(theirs) === normalizeDatatypes(ours)) same.push(q);
    else different.push({ name: q.name, ours: ours.length, comunica: Array.isArray(theirs) ? theirs.length : theirs });
  }
  return { same, different };
}

function sparqlRequests(mix: MixQuery[]): LoadRequest[] {
  return mix.map((q) => ({
    method: 'POST',
    path: '/sparql',
    headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
    body: q.text,
  }));
}

// --- Scale curve ------------------------------------------------------------
interface ScalePoint {
  scale: number;
  generated?: { triples: number; protocols: number; files: number; ms: number };
  child?: Record<string, unknown>;
  error?: string;
  progress?: string[];
  wallMs: number;
}

async function scalePoint(scale: number): Promise<ScalePoint> {
  let dataDir = join(ROOT, 'data');
  let generated: ScalePoint['generated'];
  if (scale !== 1) {
    dataDir = join(tmpdir(), `iot-bench-kg-${scale}-seed42`);
    const marker = join(dataDir, 'generated.json');
    if (existsSync(marker)) {
      generated = JSON.parse(readFileSync(marker, 'utf8')) as ScalePoint['generated'];
    } else {
      log(`generating ${scale}× into ${dataDir}`);
      const t0 = performance.now();
      mkdirSync(dataDir, { recursive: true });
      const g = generate({ scale, out: dataDir, seed: 42 });
      generated = { triples: g.triples, protocols: g.protocols, files: g.files, ms: round(performance.now() - t0) };
      writeFileSync(marker, JSON.stringify(generated));
    }
  }
  log(`scale ${scale}×: load + reason + query mix in a child process`);
  const t0 = performance.now();
  // Node's default heap limit on this machine is about 4 GB: the "within 4 GB" of the target.
  const args = ['--import', 'tsx', join(ROOT, 'bench', 'scaleChild.ts'), '--data-dir', dataDir, '--runs', scale >= 100 ? '1' : '3', '--query-timeout', scale >= 100 ? '10000' : '20000'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add({ child, port: 0, url: '', output: () => '', stop: async () => void child.kill('SIGKILL') });
  let out = '';
  let err = '';
  const progressLines: string[] = [];
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    err = (err + c.toString()).slice(-4000);
    for (const line of c.toString().split('\n')) if (line.startsWith('[scale')) progressLines.push(line);
  });
  const limitMs = scale >= 1000 ? 600_000 : 900_000;
  let stopped = false;
  let fatal = '';
  child.stderr.on('data', (c: Buffer) => {
    fatal ||= /FATAL ERROR:[^\n]*/.exec(c.toString())?.[0] ?? '';
  });
  const killer = setTimeout(() => {
    stopped = true;
    child.kill('SIGKILL');
  }, limitMs);
  const code = await new Promise<string>((resolve) => child.once('exit', (c, signal) => resolve(signal ? `signal ${signal}` : `exit ${c}`)));
  clearTimeout(killer);
  const wallMs = round(performance.now() - t0);
  const line = out.trim().split('\n').pop() ?? '';
  if (code !== 'exit 0' || !line.startsWith('{')) {
    const why = stopped ? `stopped after ${limitMs / 1000} s` : fatal ? `${fatal} (${code})` : code;
    const lastProgress = progressLines.at(-1)?.replace(/^\[scale ([^\]]*)\]\s*/, 'last progress at $1: ') ?? '';
    const last = fatal ? lastProgress : `${lastProgress}; ${err.trim().split('\n').filter((l) => l.trim() !== '').slice(-2).join(' / ').slice(0, 300)}`;
    return { scale, ...(generated ? { generated } : {}), error: `${why}; ${last}`, progress: progressLines.slice(-6), wallMs };
  }
  return { scale, ...(generated ? { generated } : {}), child: JSON.parse(line) as Record<string, unknown>, progress: progressLines, wallMs };
}

// --- Run ----------------------------------------------------------------------
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, totalMemGiB: round(totalmem() / 2 ** 30), freeMemGiB: round(freemem() / 2 ** 30), node: process.version, loadAverageAtStart: (await import('node:os')).loadavg().map((n) => round(n, 2)) },
  options: { durationS, connections, scales, repeat, logLevel: opts['log-level'] ?? 'default' },
};
try {
  if (!opts['skip-load']) {
    if (!opts['deref-only']) {
      log(`cold start ×${repeat}: ours vs Comunica`);
      const coldOurs = await coldStart('ours');
      const coldComunica = await coldStart('comunica');
      results.coldStart = { ours: coldOurs, comunica: coldComunica, query: KNOWN_QUERY };
    }
    if (opts['cold-only']) {
      process.stdout.write(`${JSON.stringify(results.coldStart)}\n`);
      await cleanup();
      process.exit(0);
    }

    const port = await freePort();
    const ours = await started(startOurs(port));
    await until(() => answersCorrectly(ours.url), performance.now(), 120_000, ours.child);
    const rssStart = treeRss(ours.child.pid!);
    const deref = await derefRequests(ours.url);

    // Two ceilings: a tiny constant, and a constant as large as the mean
    // representation of the mix. All three run at once and are loaded in
    // turn, round after round, so that background load hits them alike.
    const ceilingServers: Started[] = [];
    for (const bytes of [50, deref.meanBytes]) {
      const ceilingPort = await freePort();
      const ceiling = await started(startProcess(process.execPath, [join(ROOT, 'bench', 'ceiling.mjs'), String(ceilingPort), String(bytes)], { port: ceilingPort }));
      await until(async () => (await fetch(`${ceiling.url}/x`)).ok, performance.now(), 10_000, ceiling.child);
      ceilingServers.push(ceiling);
    }
    const [tinyServer, sameServer] = ceilingServers as [Started, Started];
    const roundS = durationS / rounds;
    const tinyRounds: LoadResult[] = [];
    const sameRounds: LoadResult[] = [];
    const derefRounds: LoadResult[] = [];
    const ceilingRequest: LoadRequest[] = [{ path: '/x', headers: { accept: 'text/turtle' } }];
    log(`dereferencing (${deref.route}): ${deref.requests.length} URL × Accept combinations vs bare Fastify constants of 50 B and ${deref.meanBytes} B; ${rounds} interleaved rounds of ${round(roundS, 1)} s each, ${connections} connections`);
    for (let r = 0; r < rounds; r++) {
      tinyRounds.push(await load('bare Fastify constant 50 B', tinyServer.url, ceilingRequest, { connections, durationS: roundS }));
      sameRounds.push(await load(`bare Fastify constant ${deref.meanBytes} B`, sameServer.url, ceilingRequest, { connections, durationS: roundS }));
      derefRounds.push(await load('dereferencing', ours.url, deref.requests, { connections, durationS: roundS }));
    }
    for (const server of ceilingServers) await stop(server);
    const ceilingTiny = { ...combineRounds(tinyRounds), bytes: 50 };
    const ceilingResult = { ...combineRounds(sameRounds), bytes: deref.meanBytes };
    const derefResult = combineRounds(derefRounds);
    if (opts['deref-only']) {
      const share = (r: LoadResult): string => `${round((100 * derefResult.rps) / r.rps, 1)}%`;
      process.stdout.write(`dereferencing ${derefResult.rps} req/s, p50/p99 ${derefResult.latencyP50Ms}/${derefResult.latencyP99Ms} ms: ${share(ceilingResult)} of the same-size ceiling (${ceilingResult.rps} req/s), ${share(ceilingTiny)} of the tiny one (${ceilingTiny.rps} req/s)\n`);
      await stop(ours);
      await cleanup();
      process.exit(0);
    }

    const comunicaPort = await freePort();
    const comunica = await started(startComunica(comunicaPort));
    await until(() => answersCorrectly(comunica.url), performance.now(), 120_000, comunica.child);
    const { same, different } = await compareMix(ours.url, comunica.url, queryMix());
    if (different.length > 0) log(`left out of the comparison (answers differ): ${different.map((d) => d.name).join(', ')}`);
    const requests = sparqlRequests(same);
    log(`SPARQL mix of ${same.length} queries: ours (as served), ours (uncached), Comunica; ${connections} connections, ${durationS} s each`);
    // As served: the result cache is warm (one pass over the mix), as it is after the first requests.
    for (const q of same) await (await postSparql(ours.url, q.text)).arrayBuffer();
    const sparqlCached = await load('SPARQL mix, ours as served (result cache)', ours.url, requests, { connections, durationS });
    const sparqlUncached = await load('SPARQL mix, ours uncached (unique bodies)', ours.url, requests, { connections, durationS, uniqueBodies: true });
    const sparqlComunica = await load('SPARQL mix, Comunica endpoint', comunica.url, requests, { connections, durationS, timeoutS: 60 });
    const rssEnd = treeRss(ours.child.pid!);
    await stop(comunica);
    await stop(ours);
    results.load = {
      ceiling: ceilingResult,
      ceilingTiny,
      deref: { ...derefResult, route: deref.route, urls: deref.requests.length, warmupFailures: deref.warmupFailures, meanBytes: deref.meanBytes },
      sparql: { mix: same.map((q) => q.name), leftOut: different, cached: sparqlCached, uncached: sparqlUncached, comunica: sparqlComunica },
      serverRssBytes: { start: rssStart, end: rssEnd },
    };
  }
  if (!opts['skip-scale']) {
    const curve: ScalePoint[] = [];
    for (const scale of [1, ...scales]) {
      const point = await scalePoint(scale);
      curve.push(point);
      if (point.error) log(`scale ${scale}× failed: ${point.error}`);
    }
    results.scale = curve;
  }
} finally {
  await cleanup();
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
mkdirSync(opts.out, { recursive: true });
const markdown = report(results);
writeFileSync(join(opts.out, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(opts.out, `${stamp}.md`), markdown);
process.stdout.write(markdown);
log(`wrote bench/results/${stamp}.json and .md`);

// --- Report -------------------------------------------------------------------
function report(r: Record<string, unknown>): string {
  const lines: string[] = [];
  const m = r.machine as { cpus: number; node: string; loadAverageAtStart: number[] };
  lines.push(`# Benchmark ${String(r.date)}`, '');
  lines.push(`${m.cpus} cores, Node ${m.node}, load average at start ${m.loadAverageAtStart.join(' / ')}; ${connections} connections, ${durationS} s per load run (dereferencing and its ceilings: ${rounds} interleaved rounds, latency = median over rounds), cold starts ×${repeat} (median). Our server: compiled (node dist/cli.js serve), LOG_LEVEL ${opts['log-level'] ?? 'default (info: one access-log line per response)'}, stdout to /dev/null.`, '');
  const load_ = r.load as undefined | {
    ceiling: LoadResult & { bytes: number };
    ceilingTiny: LoadResult & { bytes: number };
    deref: LoadResult & { route: string; urls: number; meanBytes: number };
    sparql: { mix: string[]; leftOut: Array<{ name: string }>; cached: LoadResult; uncached: LoadResult; comunica: LoadResult };
    serverRssBytes: { start: number; end: number };
  };
  const cold = r.coldStart as undefined | { ours: ColdStart; comunica: ColdStart };
  if (load_ && cold) {
    const x = (a: number, b: number): string => `${round(a / b, 2)}×`;
    const ok = (pass: boolean): string => (pass ? 'yes' : '**no**');
    const { ceiling, ceilingTiny, deref, sparql } = load_;
    lines.push('| measure | ours | baseline | ratio | target | met |', '|---|---|---|---|---|---|');
    lines.push(`| cold start to first correct answer | ${cold.ours.medianMs} ms | Comunica endpoint ${cold.comunica.medianMs} ms | ours is ${x(cold.comunica.medianMs, cold.ours.medianMs)} faster | < 2,000 ms | ${ok(cold.ours.medianMs < 2000)} |`);
    lines.push(`| dereferencing throughput${deref.route === 'fallback' ? ' (route not merged: /queries, /health)' : ''} (${deref.urls} URL × Accept, mean ${deref.meanBytes} B) | ${round(deref.rps)} req/s | bare Fastify, constant of the same size (${ceiling.bytes} B): ${round(ceiling.rps)} req/s | ${round((100 * deref.rps) / ceiling.rps)}% of ceiling | ≥ 50% | ${ok(deref.rps >= 0.5 * ceiling.rps)} |`);
    lines.push(`| dereferencing throughput vs a tiny constant | ${round(deref.rps)} req/s | bare Fastify, constant ${ceilingTiny.bytes} B: ${round(ceilingTiny.rps)} req/s | ${round((100 * deref.rps) / ceilingTiny.rps)}% of ceiling | (≥ 50%) | ${ok(deref.rps >= 0.5 * ceilingTiny.rps)} |`);
    lines.push(`| dereferencing latency p50 / p99 | ${deref.latencyP50Ms} / ${deref.latencyP99Ms} ms | ${ceiling.latencyP50Ms} / ${ceiling.latencyP99Ms} ms (same size) | p99 ${x(deref.latencyP99Ms, Math.max(1, ceiling.latencyP99Ms))} | | |`);
    lines.push(`| SPARQL mix as served (result cache) | ${round(sparql.cached.rps)} req/s | Comunica ${round(sparql.comunica.rps)} req/s | ${x(sparql.cached.rps, sparql.comunica.rps)} | ≥ 10× | ${ok(sparql.cached.rps >= 10 * sparql.comunica.rps)} |`);
    lines.push(`| SPARQL mix as served, p50 / p99 | ${sparql.cached.latencyP50Ms} / ${sparql.cached.latencyP99Ms} ms | ${sparql.comunica.latencyP50Ms} / ${sparql.comunica.latencyP99Ms} ms | p99 ${x(sparql.comunica.latencyP99Ms, Math.max(1, sparql.cached.latencyP99Ms))} lower | p99 < 50 ms | ${ok(sparql.cached.latencyP99Ms < 50)} |`);
    lines.push(`| SPARQL mix uncached (every body unique) | ${round(sparql.uncached.rps)} req/s | Comunica ${round(sparql.comunica.rps)} req/s | ${x(sparql.uncached.rps, sparql.comunica.rps)} | ≥ 10× | ${ok(sparql.uncached.rps >= 10 * sparql.comunica.rps)} |`);
    lines.push(`| SPARQL mix uncached, p50 / p99 | ${sparql.uncached.latencyP50Ms} / ${sparql.uncached.latencyP99Ms} ms | ${sparql.comunica.latencyP50Ms} / ${sparql.comunica.latencyP99Ms} ms | p99 ${x(sparql.comunica.latencyP99Ms, Math.max(1, sparql.uncached.latencyP99Ms))} lower | p99 < 50 ms | ${ok(sparql.uncached.latencyP99Ms < 50)} |`);
    lines.push('');
    const codes = (l: LoadResult): string => `${Object.entries(l.statusCounts).map(([c, n]) => `${c}: ${n}`).join(', ') || 'none'}${l.errors ? `, errors ${l.errors}` : ''}${l.timeouts ? `, timeouts ${l.timeouts}` : ''}`;
    lines.push(`Status codes — ceilings: ${codes(ceilingTiny)} / ${codes(ceiling)}; dereferencing: ${codes(deref)}; SPARQL as served: ${codes(sparql.cached)}; uncached: ${codes(sparql.uncached)}; Comunica: ${codes(sparql.comunica)}.`, '');
    lines.push(`SPARQL mix (${sparql.mix.length} queries, default parameters as a VALUES block at the start of the WHERE group): ${sparql.mix.join(', ')}.${sparql.leftOut.length ? ` Left out because the two endpoints' answers differ: ${sparql.leftOut.map((d) => d.name).join(', ')}.` : ''}`, '');
    lines.push(`Server RSS (process tree): ${round(load_.serverRssBytes.start / 2 ** 20)} MB before the load runs, ${round(load_.serverRssBytes.end / 2 ** 20)} MB after.`, '');
  }
  const curve = r.scale as ScalePoint[] | undefined;
  if (curve) {
    lines.push('## Scale curve', '');
    lines.push('| scale | data triples | entailments | load total | parse | SHACL | reasoning | maxRSS | mix median / p99 | mix sum of medians | time growth ÷ size growth |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
    let previous: { data: number; loadMs: number } | null = null;
    for (const p of curve) {
      if (!p.child) {
        lines.push(`| ${p.scale}× | ${p.generated?.triples.toLocaleString('en') ?? '?'} | | **did not finish** after ${round(p.wallMs / 1000)} s: ${p.error?.replaceAll('|', '/')} | | | | | | | |`);
        continue;
      }
      const c = p.child as { triples: { data: number; entailments: number }; loadMs: number; timings: Record<string, number>; maxRssBytes: number; maxRssAfterLoadBytes: number; mix: { medianMs: number; p99Ms: number; totalMs: number; timeouts: number } };
      const s = (ms: number): string => `${round(ms / 1000, 2)} s`;
      const growth = previous ? `${round(c.loadMs / previous.loadMs / (c.triples.data / previous.data), 2)}` : '';
      lines.push(`| ${p.scale}× | ${c.triples.data.toLocaleString('en')} | ${c.triples.entailments.toLocaleString('en')} | ${s(c.loadMs)} | ${s(c.timings.parse!)} | ${s(c.timings.shacl!)} | ${s(c.timings.reason!)} | ${round(c.maxRssAfterLoadBytes / 2 ** 20)} MB (${round(c.maxRssBytes / 2 ** 20)} MB with queries) | ${Number.isNaN(c.mix.medianMs) ? 'not run' : `${round(c.mix.medianMs)} / ${round(c.mix.p99Ms)} ms${c.mix.timeouts ? ` (${c.mix.timeouts} timed out)` : ''}`} | ${Number.isNaN(c.mix.medianMs) ? '' : `${round(c.mix.totalMs)} ms`} | ${growth} |`);
      previous = { data: c.triples.data, loadMs: c.loadMs };
    }
    lines.push('', 'Time growth ÷ size growth ≈ 1 is linear; above 1 superlinear. Targets: 1,000× loads and reasons in < 60 s within 4 GB.', '');
  }
  return `${lines.join('\n')}\n`;
}

