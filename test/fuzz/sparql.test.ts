// Fuzzing the SPARQL endpoint with mutated competency queries (queries/*.rq)
// and random text: deleted, duplicated and swapped tokens, random bytes,
// unbalanced braces, huge literals, stray keywords (Update, SERVICE, FROM),
// sent by GET, POST form and POST application/sparql-query with random Accept
// headers. A fixed seed makes every run the same; a failure names its case.
// The server must answer each with 2xx/4xx (or 503/504), never another 5xx,
// never with a stack trace, and within a deadline.
import sparqljs from 'sparqljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { testApp, type TestApp } from '../helpers/app.js';
import { loadStoredQueries } from '../../src/query/storedQueries.js';
import { QUERIES_DIR } from '../helpers/knowledgeGraph.js';
import { Prng } from './prng.js';
import { checkAll, encode } from './harness.js';

const SEED = 20260417;
const CASES = Number(process.env.FUZZ_CASES ?? 2500);
/** Mutants that parse as queries run on the workers; at most this many are sent (the rest are cheap rejections). */
const MAX_EXECUTED = 120;
const TIMEOUT_MS = 1500;
const DEADLINE_MS = 20_000;

const EXTRA_SEEDS = [
  'ASK { ?s ?p ?o }',
  'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5',
  'DESCRIBE <https://w3id.org/iot-setup/protocol/brski>',
  'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g',
  'SELECT * FROM NAMED <https://w3id.org/iot-setup/graph/data> WHERE { GRAPH ?g { ?s a ?c } } LIMIT 3',
  'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(REGEX(?l, "^B")) }',
];
const KEYWORDS = [
  'SELECT', 'WHERE', 'FILTER', 'OPTIONAL', 'UNION', 'MINUS', 'GRAPH', 'SERVICE <http://127.0.0.1:9/sparql>', 'FROM <x:y>',
  'FROM NAMED <urn:g>', 'VALUES ?x { 1 }', 'BIND(1 AS ?x)', 'INSERT DATA { <a:b> <a:c> <a:d> }', 'LOAD <http://127.0.0.1:9/x>',
  'CLEAR ALL', 'DESCRIBE *', 'LIMIT 0', 'OFFSET 99999999999999999999', '?x', '<http://example.org/x>', '"a"@en', '1e999',
  '(', ')', '{', '}', '.', ';', ',', '*', 'a', 'ORDER BY', 'GROUP BY', 'HAVING', 'COUNT(*)', 'REGEX(?x, "(a+)+$")',
  'STRLEN(', 'xsd:integer("x")', 'PREFIX x: <urn:x>', 'BASE <relative>', 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }',
  '<<', '>>', '@', '^^', '#', '\\u0000', '"""', "'", 'NOT EXISTS {', 'EXISTS', 'SAMPLE(', 'IRI("")', 'BNODE()',
];
const ACCEPTS = [
  'application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values',
  'text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml', 'text/html', '*/*', '',
  'image/png', 'application/sparql-results+json;q=abc', 'text/*;q=0', '*/*;q=0', 'application/json', ';;;,,,',
];

const parser = new sparqljs.Parser();
function executes(text: string): boolean {
  try {
    return parser.parse(text).type === 'query' && !/\bSERVICE\b/i.test(text) && text.length <= 100_000;
  } catch {
    return false;
  }
}

function tokenize(text: string): string[] {
  return text.split(/(\s+|[{}().;,])/).filter((t) => t !== '');
}

function mutate(rng: Prng, text: string): string {
  let tokens = tokenize(text);
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    const at = rng.int(0, Math.max(0, tokens.length - 1));
    switch (rng.int(0, 9)) {
      case 0:
        tokens.splice(at, 1);
        break;
      case 1:
        tokens.splice(at, 0, tokens[at] ?? '');
        break;
      case 2: {
        const other = rng.int(0, Math.max(0, tokens.length - 1));
        [tokens[at], tokens[other]] = [tokens[other] ?? '', tokens[at] ?? ''];
        break;
      }
      case 3:
        tokens.splice(at, 0, rng.bytes(rng.int(1, 40)));
        break;
      case 4:
        tokens.splice(at, 0, rng.pick(['{', '}', '{{', '}}', '(', ')', '[', ']']));
        break;
      case 5:
        tokens.splice(at, 0, ` "${'x'.repeat(rng.chance(0.2) ? rng.int(100_000, 300_000) : rng.int(1, 5000))}" `);
        break;
      case 6:
        tokens.splice(at, 0, ` ${rng.pick(KEYWORDS)} `);
        break;
      case 7:
        tokens = tokens.slice(0, at);
        break;
      case 8:
        tokens = tokens.map((t) => (t.startsWith('?') && rng.chance(0.5) ? `?${rng.pick(['x', 'y', 'z', 'role', 'protocol'])}` : t));
        break;
      default:
        tokens = rng.chance(0.5) ? tokens.map((t) => t.toLowerCase()) : tokens.reverse();
    }
  }
  return tokens.join('');
}

function request(rng: Prng, query: string): InjectOptions {
  const accept = rng.pick(ACCEPTS);
  const headers: Record<string, string> = accept ? { accept } : {};
  switch (rng.int(0, 2)) {
    case 0:
      return { method: 'GET', url: `/sparql?query=${encode(query)}`, headers };
    case 1:
      return {
        method: 'POST',
        url: '/sparql',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `query=${encode(query)}`,
      };
    default:
      return {
        method: 'POST',
        url: '/sparql',
        headers: { ...headers, 'content-type': rng.pick(['application/sparql-query', 'application/sparql-query; charset=utf-8']) },
        payload: query,
      };
  }
}

describe('fuzzing /sparql with mutated competency queries (fixed seed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ limits: { timeoutMs: TIMEOUT_MS, maxRows: 200, workers: 2 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`answers ${CASES} cases with 2xx/4xx (or 503/504), no stack trace, within the deadline`, async () => {
    const rng = new Prng(SEED);
    const seeds = [...loadStoredQueries(QUERIES_DIR).map((q) => q.text), ...EXTRA_SEEDS];
    const cases: Array<{ label: string; options: InjectOptions }> = [];
    let executed = 0;
    while (cases.length < CASES) {
      const text = rng.chance(0.05) ? rng.bytes(rng.int(0, 200)) : mutate(rng, rng.pick(seeds));
      if (executes(text)) {
        if (executed >= MAX_EXECUTED) continue;
        executed++;
      }
      cases.push({ label: `case ${cases.length}: ${JSON.stringify(text.slice(0, 160))}`, options: request(rng, text) });
    }
    const { outcomes, failures } = await checkAll(t.app, cases, DEADLINE_MS);
    const statuses = new Map<number, number>();
    for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    // Most mutants are syntax errors; some must still reach the engine, or the
    // fuzzer tests nothing. Under load a valid mutant may end as a timeout
    // (504) or overload (503) instead of 200, so those count as executed too.
    const executedCount = [200, 503, 504].reduce((n, s) => n + (statuses.get(s) ?? 0), 0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(CASES / 4);
    expect(executedCount).toBeGreaterThan(20);
    expect(failures.map((f) => `${f.label} → ${f.problem}`)).toEqual([]);
  }, 120_000);
});
