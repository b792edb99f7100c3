// Cases the fuzzers found, kept as regression tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { prepareQuery, QueryRejection } from '../../src/query/queryRequest.js';
import { STACK } from './harness.js';

// sparqljs parses a text of comments or PREFIX / BASE declarations only into
// an object without a query form; the worker then answered `undefined`, and
// reading it threw on the server's main thread (an uncaught exception).
const NO_QUERY = [
  '# @title Roles that serve a player category\n# @description',
  'PREFIX iot: <https://w3id.org/iot-setup/ontology#>',
  'BASE <https://w3id.org/iot-setup/>\n# nothing else',
  '#',
];

describe('a text with no query in it (comments, PREFIX, BASE only)', () => {
  it.each(NO_QUERY)('is refused by prepareQuery with 400: %j', (text) => {
    expect(() => prepareQuery({ query: text, defaultGraphs: [], namedGraphs: [] }, 100_000)).toThrow(QueryRejection);
    try {
      prepareQuery({ query: text, defaultGraphs: [], namedGraphs: [] }, 100_000);
    } catch (error) {
      expect((error as QueryRejection).statusCode).toBe(400);
    }
  });

  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ limits: { timeoutMs: 1500, workers: 1 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(NO_QUERY)('gets 400 over the protocol, and the server keeps answering: %j', async (text) => {
    for (const accept of ['application/rdf+xml', 'application/sparql-results+json', 'text/turtle']) {
      const post = await t.app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query', accept }, payload: text });
      expect(post.statusCode).toBe(400);
      expect(post.body).not.toMatch(STACK);
      const get = await t.app.inject({ method: 'GET', url: `/sparql?query=${encodeURIComponent(text)}`, headers: { accept } });
      expect(get.statusCode).toBe(400);
    }
    const ok = await t.app.inject({ method: 'GET', url: `/sparql?query=${encodeURIComponent('ASK { ?s ?p ?o }')}` });
    expect(ok.statusCode).toBe(200);
  });
});
