// The real server, as `npm start` runs it (built, then node dist/cli.js serve), in a child
// process on a free loopback port, driven the way clients drive it: fetch
// and curl for the SPARQL 1.1 Protocol, python rdflib's SPARQLStore (a
// real SPARQL client) for queries, and SIGTERM for a graceful shutdown.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { GRAPH } from '../../src/namespaces.js';

const run = promisify(execFile);
const PLEDGE = 'https://w3id.org/iot-setup/protocol/brski/role/pledge';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let child: ChildProcess;
let base: string;
let output = '';
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await run(join(PROJECT_ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT });
  child = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer /health within 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
});

describe('the CLI server over HTTP', () => {
  it('/health reports the loaded graph', async () => {
    const health = (await (await fetch(`${base}/health`)).json()) as { status: string; triples: number };
    expect(health.status).toBe('ok');
    expect(health.triples).toBeGreaterThan(5000);
  });

  it('GET /sparql?query=… answers SPARQL JSON', async () => {
    const query = `SELECT ?label WHERE { <${PLEDGE}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`;
    const res = await fetch(`${base}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/sparql-results+json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/sparql-results\+json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { results: { bindings: Array<{ label: { value: string; 'xml:lang': string } }> } };
    expect(body.results.bindings).toEqual([{ label: { type: 'literal', value: 'BRSKI Pledge', 'xml:lang': 'en' } }]);
  });

  it('POST application/sparql-query and POST form answer the same', async () => {
    const query = `ASK { <${PLEDGE}> <http://www.w3.org/2002/07/owl#equivalentClass> <https://w3id.org/iot-setup/protocol/thread/role/joiner> }`;
    const direct = await fetch(`${base}/sparql`, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: query });
    const form = await fetch(`${base}/sparql`, { method: 'POST', body: new URLSearchParams({ query }) });
    expect(direct.status).toBe(200);
    expect(form.status).toBe(200);
    expect(await direct.json()).toEqual({ head: {}, boolean: true });
    expect(await form.json()).toEqual({ head: {}, boolean: true });
  });

  it('curl: form POST with Accept text/csv, and an update refused with 403', async () => {
    const query = `SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g`;
    const { stdout } = await run('curl', ['-sS', '-H', 'Accept: text/csv', '--data-urlencode', `query=${query}`, `${base}/sparql`]);
    const lines = stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('g,n');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([GRAPH.data, GRAPH.entailments, GRAPH.ontology]);
    const refused = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'Content-Type: application/sparql-update', '--data', 'CLEAR ALL', `${base}/sparql`]);
    expect(refused.stdout).toBe('403');
  });

  it('CORS preflight for a POST from a browser page elsewhere', async () => {
    const res = await fetch(`${base}/sparql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it("python rdflib's SPARQLStore queries the endpoint (GET, POST, POST form; XML and JSON results; CONSTRUCT; a protocol dataset)", async () => {
    const script = String.raw`
import json, sys
from rdflib import ConjunctiveGraph, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
endpoint, pledge, data_graph = sys.argv[1:4]
out = {}
equivalents = 'SELECT ?other WHERE { <%s> <http://www.w3.org/2002/07/owl#equivalentClass> ?other } ORDER BY ?other' % pledge
entailed = 'ASK { <%s> a <http://www.w3.org/ns/prov#Role> }' % pledge
for method in ('GET', 'POST', 'POST_FORM'):
    for fmt in ('xml', 'json'):
        store = SPARQLStore(endpoint, method=method, returnFormat=fmt)
        union = ConjunctiveGraph(store=store)
        out['%s/%s' % (method, fmt)] = {
            'equivalents': [str(row.other) for row in union.query(equivalents)],
            'entailed': bool(union.query(entailed).askAnswer),
        }
store = SPARQLStore(endpoint)
union = ConjunctiveGraph(store=store)
constructed = union.query('CONSTRUCT { <%s> ?p ?o } WHERE { <%s> ?p ?o }' % (pledge, pledge)).graph
out['construct'] = len(constructed)
out['constructLabel'] = [str(o) for o in constructed.objects(URIRef(pledge), URIRef('http://www.w3.org/2000/01/rdf-schema#label'))]
# A Graph named after the data graph sends default-graph-uri: no entailments.
data = Graph(store=store, identifier=URIRef(data_graph))
out['dataEntailed'] = bool(data.query(entailed).askAnswer)
out['dataAsserted'] = bool(data.query('ASK { <%s> a <http://www.w3.org/2002/07/owl#Class> }' % pledge).askAnswer)
out['size'] = len(union)
print(json.dumps(out))
`;
    const { stdout } = await run('/usr/bin/python3', ['-c', script, `${base}/sparql`, PLEDGE, GRAPH.data], { timeout: 60_000 });
    const out = JSON.parse(stdout) as Record<string, unknown> & { construct: number; size: number };
    const expectedEquivalents = [
      'https://w3id.org/iot-setup/protocol/brski/role/pledge',
      'https://w3id.org/iot-setup/protocol/dpp/role/enrollee',
      'https://w3id.org/iot-setup/protocol/thread/role/joiner',
    ];
    for (const variant of ['GET/xml', 'GET/json', 'POST/xml', 'POST/json', 'POST_FORM/xml', 'POST_FORM/json']) {
      const answer = out[variant] as { equivalents: string[]; entailed: boolean };
      expect(answer.entailed, variant).toBe(true);
      expect(answer.equivalents, variant).toEqual(expect.arrayContaining(expectedEquivalents.filter((e) => e !== PLEDGE)));
      expect(answer.equivalents, variant).toEqual([...answer.equivalents].sort());
    }
    expect(out.construct).toBeGreaterThan(10);
    expect(out.constructLabel).toEqual(['BRSKI Pledge']);
    expect(out.dataEntailed).toBe(false);
    expect(out.dataAsserted).toBe(true);
    expect(out.size).toBeGreaterThan(5000);
  }, 90_000);

  it('SIGTERM: a graceful shutdown with exit code 0', async () => {
    child.kill('SIGTERM');
    const result = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
    expect(result, output.slice(-2000)).toEqual({ code: 0, signal: null });
    expect(output).toMatch(/shutting down/);
    // Nothing on the way (start, requests, shutdown) printed a deprecation or other warning.
    expect(output).not.toMatch(/Deprecation|FSTDEP|Warning:/);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  }, 30_000);
});
