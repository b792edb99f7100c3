// WorkerRows: the pages' queries on the query workers give the rows the
// in-process engine gives, and carry the workers' limits (time, rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparqlEngine } from '../../src/query/sparqlEngine.js';
import { WorkerRows } from '../../src/query/workerRows.js';
import { DEFAULT_QUERY_LIMITS, QueryExecutionError, QueryService } from '../../src/query/queryService.js';
import { TaskTimeoutError } from '../../src/query/workerPool.js';
import { bindParameters, loadStoredQueries } from '../../src/query/storedQueries.js';
import { embeddedKnowledgeGraph, QUERIES_DIR } from '../helpers/knowledgeGraph.js';
import type { KnowledgeGraph } from '../../src/knowledgeGraph.js';
import type { Row } from '../../src/query/sparqlEngine.js';

let kg: KnowledgeGraph;
let service: QueryService;
let rows: WorkerRows;
beforeAll(async () => {
  kg = await embeddedKnowledgeGraph();
  service = await QueryService.start(kg.store, { ...DEFAULT_QUERY_LIMITS, workers: 1, timeoutMs: 1500, maxRows: 500 });
  rows = new WorkerRows(service);
}, 60_000);
afterAll(async () => service?.close());

/** Rows as comparable text: every binding with its term type, language and datatype. */
const text = (result: Row[]): string[] =>
  result.map((row) =>
    Object.keys(row)
      .sort()
      .map((name) => {
        const term = row[name]!;
        const literal = term.termType === 'Literal' ? `@${term.language}^^${term.datatype.value}` : '';
        return `${name}=${term.termType}:${term.value}${literal}`;
      })
      .join(' '),
  );

describe('WorkerRows', () => {
  const stored = loadStoredQueries(QUERIES_DIR);
  it.each(['players-by-category', 'term-matrix', 'protocol-overview', 'trust-classification'])('%s: the same rows, in the same order, as the in-process engine', async (name) => {
    const query = stored.find((q) => q.name === name)!;
    const parameters = bindParameters(query, {});
    const expected = await new SparqlEngine(kg.store).select(query.text, parameters);
    expect(expected.length).toBeGreaterThan(0);
    expect(text(await rows.select(query.text, parameters))).toEqual(text(expected));
  });

  it('keeps language tags and datatypes', async () => {
    const [row] = await rows.select('SELECT ?l ?n WHERE { BIND("Pledge"@en AS ?l) BIND(42 AS ?n) }');
    expect(row!.l).toMatchObject({ termType: 'Literal', value: 'Pledge', language: 'en' });
    expect(row!.n!.termType === 'Literal' && row!.n!.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#integer');
  });

  it('a query past the time limit is stopped (TaskTimeoutError, answered 504)', async () => {
    await expect(rows.select('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }')).rejects.toBeInstanceOf(TaskTimeoutError);
  }, 20_000);

  it('a result cut at maxRows is refused rather than shown in part', async () => {
    const error = await rows.select('SELECT ?s WHERE { ?s ?p ?o }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryExecutionError);
    expect((error as QueryExecutionError).message).toContain('more than 500 result rows');
  });
});
