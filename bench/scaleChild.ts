// One point of the scale curve, in a process of its own so that its peak
// memory (maxRSS) is its own: load + SHACL + reasoning of a generated data
// folder with the project's pipeline (buildKnowledgeGraph), then the query
// mix through the server's own query service (a worker thread with the
// time limit), every run uncached.
//
//   npx tsx bench/scaleChild.ts --data-dir /tmp/kg-100 [--runs 3] [--query-timeout 20000]
// Progress goes to stderr; the result is one JSON line on stdout.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildKnowledgeGraph } from '../src/knowledgeGraph.js';
import { PROJECT_ROOT } from '../src/config.js';
import { BASE, GRAPH, IOT, OWL, RDF } from '../src/namespaces.js';
import { DEFAULT_QUERY_LIMITS, QueryService } from '../src/query/queryService.js';
import { queryMix } from './lib/mix.js';
import { percentile } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    runs: { type: 'string', default: '3' },
    'query-timeout': { type: 'string', default: '20000' },
    'skip-queries': { type: 'boolean', default: false },
  },
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir is required');
const runs = Number(values.runs);
const progress = (message: string): void => {
  process.stderr.write(`[scale ${Math.round(performance.now())} ms, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB] ${message}\n`);
};

const started = performance.now();
progress(`loading ${dataDir}`);
const kg = await buildKnowledgeGraph({ ontologyDir: join(PROJECT_ROOT, 'ontology'), dataDir, userData: [] });
const loadMs = performance.now() - started;
const count = (graph: string): number => kg.store.countQuads(null, null, null, graph);
const rssAfterLoad = process.memoryUsage().rss;
const maxRssAfterLoad = process.resourceUsage().maxRSS * 1024;
progress(`loaded in ${Math.round(loadMs)} ms: ${JSON.stringify(Object.fromEntries(Object.entries(kg.timings).map(([k, v]) => [k, Math.round(v)])))}`);

// Parameters: the real data's defaults (brski, pledge…) do not exist in generated graphs; use
// the first generated protocol and a role of it that has an equivalent.
const generated = kg.store.countQuads(`${BASE}protocol/g1`, null, null, null) > 0;
const role = generated
  ? kg.store.getQuads(null, `${OWL}equivalentClass`, null, GRAPH.data).map((q) => q.subject.value).find((r) => kg.store.countQuads(r, `${RDF}type`, `${IOT}PlayerRole`, null) > 0)
  : undefined;
const overrides: Record<string, string> = generated ? { protocol: `${BASE}protocol/g1`, ...(role ? { role } : {}) } : {};
const mix = queryMix(undefined, overrides);

const queries: Array<{ name: string; rows: number; ms: number[]; medianMs: number; status: string }> = [];
let maxRssWithQueries = maxRssAfterLoad;
if (!values['skip-queries']) {
  const timeoutMs = Number(values['query-timeout']);
  const service = await QueryService.start(kg.store, { ...DEFAULT_QUERY_LIMITS, workers: 1, timeoutMs, maxRows: 10_000 });
  progress('query worker ready');
  let nonce = 0;
  for (const q of mix) {
    const ms: number[] = [];
    let rows = 0;
    let status = 'ok';
    for (let i = 0; i <= runs; i++) {
      // A worker stopped by a timeout is replaced and reloads the data: wait for it, so that
      // the reload is not counted against the next query.
      await service.ready();
      const t0 = performance.now();
      try {
        // A unique comment: every run is evaluated, none comes from the result cache.
        const prepared = service.prepare({ query: `${q.text}\n# run ${++nonce}\n`, defaultGraphs: [], namedGraphs: [] });
        const output = await service.run(prepared, 'sparql-json');
        rows = (JSON.parse(output.body) as { results: { bindings: unknown[] } }).results.bindings.length;
        if (output.truncated) status = 'truncated';
      } catch (error) {
        status = `${(error as Error).name}: ${(error as Error).message}`.slice(0, 120);
        ms.push(performance.now() - t0);
        break;
      }
      const elapsed = performance.now() - t0;
      if (i > 0 || runs === 0) ms.push(elapsed); // the first run warms the engine up
      if (elapsed > timeoutMs / 4) {
        if (ms.length === 0) ms.push(elapsed);
        break; // slow: one measurement is enough
      }
    }
    queries.push({ name: q.name, rows, ms, medianMs: percentile(ms, 50), status });
    progress(`${q.name}: ${Math.round(percentile(ms, 50))} ms, ${rows} rows, ${status}`);
  }
  maxRssWithQueries = process.resourceUsage().maxRSS * 1024;
  await service.close();
}
const all = queries.flatMap((q) => q.ms);
process.stdout.write(
  `${JSON.stringify({
    dataDir,
    triples: { data: count(GRAPH.data), ontology: count(GRAPH.ontology), entailments: count(GRAPH.entailments), total: kg.store.size },
    loadMs,
    timings: kg.timings,
    inferred: kg.reasoning.inferred,
    rssAfterLoadBytes: rssAfterLoad,
    maxRssAfterLoadBytes: maxRssAfterLoad,
    maxRssBytes: maxRssWithQueries,
    mix: { medianMs: percentile(all, 50), p99Ms: percentile(all, 99), totalMs: queries.reduce((n, q) => n + q.medianMs, 0), timeouts: queries.filter((q) => q.status.startsWith('TaskTimeout')).length },
    queries,
  })}\n`,
);
process.exit(0);
