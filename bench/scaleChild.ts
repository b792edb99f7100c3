// One point of the scale curve, in a process of its own so that its peak
// memory (maxRSS) is its own: load + SHACL + reasoning of a generated data
// folder with the project's pipeline, then the query mix run in-process with
// the query worker's own code (runQuery), uncached.
//
//   npx tsx bench/scaleChild.ts --data-dir /tmp/kg-100 [--runs 3]
// Prints one JSON line.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { QueryEngine } from '@comunica/query-sparql';
import { buildKnowledgeGraph } from '../src/knowledgeGraph.js';
import { PROJECT_ROOT } from '../src/config.js';
import { GRAPH } from '../src/namespaces.js';
import { runQuery } from '../src/query/queryWorker.js';
import { queryMix } from './lib/mix.js';
import { percentile } from './lib/stats.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, runs: { type: 'string', default: '3' }, 'query-timeout': { type: 'string', default: '30000' } } });
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir is required');
const runs = Number(values.runs);

const started = performance.now();
const kg = await buildKnowledgeGraph({ ontologyDir: join(PROJECT_ROOT, 'ontology'), dataDir, userData: [] });
const loadMs = performance.now() - started;
const count = (graph: string): number => kg.store.countQuads(null, null, null, graph);
const rssAfterLoad = process.memoryUsage().rss;
const maxRssAfterLoad = process.resourceUsage().maxRSS * 1024;

const engine = new QueryEngine();
const queries: Array<{ name: string; rows: number; ms: number[]; medianMs: number; truncated: boolean; error?: string }> = [];
for (const q of queryMix()) {
  const ms: number[] = [];
  let rows = 0;
  let truncated = false;
  let error: string | undefined;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const result = await runQuery(engine, kg.store, { query: q.text, form: 'SELECT', formatId: 'sparql-json', maxRows: 10_000, bindings: {}, dataset: null });
    const elapsed = performance.now() - t0;
    if (!result.ok) {
      error = result.message;
      break;
    }
    rows = (JSON.parse(result.body) as { results: { bindings: unknown[] } }).results.bindings.length;
    truncated = result.truncated;
    if (i > 0) ms.push(elapsed); // the first run warms the engine up
    if (elapsed > Number(values['query-timeout'])) break;
  }
  queries.push({ name: q.name, rows, ms, medianMs: percentile(ms, 50), truncated, ...(error ? { error } : {}) });
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
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    mix: { medianMs: percentile(all, 50), p99Ms: percentile(all, 99), totalMs: queries.reduce((n, q) => n + q.medianMs, 0) },
    queries,
  })}\n`,
);
process.exit(0);
