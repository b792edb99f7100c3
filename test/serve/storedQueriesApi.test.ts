// The stored-query API: /queries lists every queries/*.rq with what its
// header declares, /queries/{name} runs one with its parameters in every
// result format, and /openapi.json describes it all (one path per query).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, TEST_PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { SparqlEngine } from '../../src/query/sparqlEngine.js';
import { QUERIES_DIR } from '../helpers/knowledgeGraph.js';
import { bindParameters } from '../../src/query/storedQueries.js';

const BRSKI_PROCESSES = ['Discover', 'Self-identify', 'Joint registrar', 'Imprint registrar', 'Enroll'];

interface Header {
  name: string;
  title: string;
  description: string;
  parameters: Array<{ name: string; kind: string; base: string | null; default: string | null; description: string }>;
}

/** The header of every .rq file, read here independently of src/query/storedQueries.ts. */
function readHeaders(): Header[] {
  const files = readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.rq')).sort();
  expect(files.length).toBeGreaterThan(10);
  return files.map((file) => {
    const lines = readFileSync(join(QUERIES_DIR, file), 'utf8').split('\n');
    const tagged = (tag: string) => lines.filter((l) => l.startsWith(`# @${tag} `)).map((l) => l.slice(`# @${tag} `.length).trim());
    return {
      name: file.replace(/\.rq$/, ''),
      title: tagged('title')[0]!,
      description: tagged('description').join(' '),
      parameters: tagged('param').map((line) => {
        const [, name, kind, base, def, description] = /^(\w+)\s+(\w+)\s+(\S+)\s+(\S+)\s+(.+)$/.exec(line)!;
        return { name: name!, kind: kind!, base: base === '-' ? null : base!, default: def === '-' ? null : def!, description: description! };
      }),
    };
  });
}

/** The process labels, in order, from a result in any of the four formats. */
function labels(res: LightMyRequestResponse): string[] {
  const type = String(res.headers['content-type']).split(';')[0];
  switch (type) {
    case 'application/sparql-results+json':
      return (JSON.parse(res.body) as { results: { bindings: Array<{ processLabel: { value: string } }> } }).results.bindings.map((b) => b.processLabel.value);
    case 'application/sparql-results+xml':
      return [...res.body.matchAll(/<binding name="processLabel">\s*<literal[^>]*>([^<]*)<\/literal>/g)].map((m) => m[1]!);
    case 'text/csv': {
      const [head, ...rows] = res.body.trim().split(/\r?\n/);
      const column = head!.split(',').indexOf('processLabel');
      // The labels hold no comma or quote, so a plain split is enough for this column.
      return rows.map((row) => row.split(',')[column]!);
    }
    case 'text/tab-separated-values': {
      const [head, ...rows] = res.body.trim().split(/\r?\n/);
      const column = head!.split('\t').indexOf('?processLabel');
      return rows.map((row) => /^"(.*)"(@\w+)?$/.exec(row.split('\t')[column]!)![1]!);
    }
    default:
      throw new Error(`Unexpected content type ${type}`);
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, accept?: string) => t.app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });

describe('GET /queries', () => {
  it('lists every queries/*.rq with its title, description and parameters', async () => {
    const res = await get('/queries');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const listed = (JSON.parse(res.body) as { queries: Array<Header & { url: string; form: string; text: string }> }).queries;
    const headers = readHeaders();
    expect(listed.map((q) => q.name).sort()).toEqual(headers.map((h) => h.name));
    for (const header of headers) {
      const entry = listed.find((q) => q.name === header.name)!;
      expect(entry.title, header.name).toBe(header.title);
      expect(entry.description, header.name).toBe(header.description);
      expect(entry.parameters, header.name).toEqual(header.parameters);
      expect(entry.url).toBe(`${TEST_PUBLIC_URL}/queries/${header.name}`);
      expect(['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE']).toContain(entry.form);
      expect(entry.text).toBe(readFileSync(join(QUERIES_DIR, `${header.name}.rq`), 'utf8'));
    }
  });

  it('is a page for browsers', async () => {
    const res = await get('/queries', 'text/html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const header of readHeaders()) expect(res.body).toContain(`/queries/${header.name}`);
  });
});

describe('GET /queries/protocol-processes?protocol=brski', () => {
  const url = '/queries/protocol-processes?protocol=brski';

  for (const accept of ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values']) {
    it(`Accept ${accept}: the five BRSKI processes in order`, async () => {
      const res = await get(url, accept);
      expect(res.statusCode, res.body).toBe(200);
      expect(String(res.headers['content-type']).startsWith(accept)).toBe(true);
      expect(res.headers.vary).toMatch(/Accept/);
      expect(labels(res)).toEqual(BRSKI_PROCESSES);
    });
  }

  const overrides: Array<[string, string]> = [
    ['&format=json', 'application/sparql-results+json'],
    ['&format=xml', 'application/sparql-results+xml'],
    ['&format=csv', 'text/csv'],
    ['&format=tsv', 'text/tab-separated-values'],
    ['&format=srj', 'application/sparql-results+json'],
    ['&format=sparql-xml', 'application/sparql-results+xml'],
    ['&format=text/csv', 'text/csv'],
  ];
  for (const [suffix, type] of overrides) {
    it(`${suffix.slice(1)} overrides Accept → ${type}`, async () => {
      const res = await get(`${url}${suffix}`, 'application/sparql-results+json;q=0.1, text/html');
      expect(res.statusCode, res.body).toBe(200);
      expect(String(res.headers['content-type']).startsWith(type), String(res.headers['content-type'])).toBe(true);
      expect(labels(res)).toEqual(BRSKI_PROCESSES);
    });
  }

  for (const [extension, type] of [
    ['csv', 'text/csv'],
    ['tsv', 'text/tab-separated-values'],
    ['srj', 'application/sparql-results+json'],
    ['srx', 'application/sparql-results+xml'],
    ['json', 'application/sparql-results+json'],
  ] as const) {
    it(`the .${extension} extension → ${type}`, async () => {
      const res = await get(`/queries/protocol-processes.${extension}?protocol=brski`);
      expect(res.statusCode, res.body).toBe(200);
      expect(String(res.headers['content-type']).startsWith(type), String(res.headers['content-type'])).toBe(true);
      expect(labels(res)).toEqual(BRSKI_PROCESSES);
    });
  }

  it('brski is the declared default; a full IRI works like the slug; another protocol gives other processes', async () => {
    expect(labels(await get('/queries/protocol-processes'))).toEqual(BRSKI_PROCESSES);
    expect(labels(await get(`/queries/protocol-processes?protocol=${encodeURIComponent('https://w3id.org/iot-setup/protocol/brski')}`))).toEqual(BRSKI_PROCESSES);
    const other = labels(await get('/queries/protocol-processes?protocol=fido'));
    expect(other.length).toBeGreaterThan(0);
    expect(other).not.toEqual(BRSKI_PROCESSES);
  });

  it('answers the same as the in-process engine', async () => {
    const query = t.deps.storedQueries.find((q) => q.name === 'protocol-processes')!;
    const rows = await new SparqlEngine(t.deps.kg.store).select(query.text, bindParameters(query, { protocol: 'brski' }));
    expect(rows.map((r) => r.processLabel!.value)).toEqual(BRSKI_PROCESSES);
  });

  it('a format the results cannot take: 406', async () => {
    expect((await get(`${url}&format=ttl`)).statusCode).toBe(406);
    expect((await get('/queries/protocol-processes.ttl')).statusCode).toBe(406);
    expect((await get(url, 'text/turtle')).statusCode).toBe(406);
  });
});

describe('errors', () => {
  it('an unknown stored query: 404', async () => {
    const res = await get('/queries/no-such-query', 'application/json');
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 404, message: expect.stringMatching(/no-such-query/) });
  });

  it('a name that is no query name at all: 400 or 404, never 500', async () => {
    for (const name of ['..%2F..%2Fpackage.json', 'UPPER', 'a.b.c']) {
      const res = await get(`/queries/${name}`);
      expect([400, 404], name).toContain(res.statusCode);
    }
  });

  it('an unknown parameter: 400 naming the known ones', async () => {
    const res = await get('/queries/protocol-processes?protocl=brski', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).message).toMatch(/Unknown parameter.*protocl.*Known: protocol/);
  });

  it('a parameter given twice: 400', async () => {
    expect((await get('/queries/protocol-processes?protocol=brski&protocol=dpp')).statusCode).toBe(400);
  });
});

describe('GET /openapi.json', () => {
  type Operation = {
    operationId?: string;
    summary?: string;
    parameters?: Array<{ name: string; in: string; schema?: object; description?: string }>;
    requestBody?: object;
    responses: Record<string, { description: string; content?: Record<string, object> }>;
  };
  let doc: { openapi: string; info: { title: string; version: string }; servers?: Array<{ url: string }>; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    const res = await get('/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = JSON.parse(res.body) as typeof doc;
  });

  it('has the OpenAPI 3.1 shape: version, info, servers, paths with operations and responses', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    expect(doc.servers?.[0]?.url).toBe(TEST_PUBLIC_URL);
    const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
    const operationIds: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/'), path).toBe(true);
      for (const [method, operation] of Object.entries(item)) {
        expect(methods.has(method), `${path} ${method}`).toBe(true);
        expect(Object.keys(operation.responses).length, `${path} ${method}`).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(operation.responses)) {
          expect(status, path).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect(typeof response.description, `${path} ${status}`).toBe('string');
        }
        for (const parameter of operation.parameters ?? []) {
          expect(['query', 'header', 'path', 'cookie'], `${path} ${parameter.name}`).toContain(parameter.in);
          expect(parameter.schema, `${path} ${parameter.name}`).toBeDefined();
        }
        if (operation.operationId) operationIds.push(operation.operationId);
      }
    }
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('has one path per stored query, with its declared parameters and format', () => {
    const headers = readHeaders();
    const queryPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/queries/'));
    expect(queryPaths.sort()).toEqual(headers.map((h) => `/queries/${h.name}`).sort());
    for (const header of headers) {
      const operation = doc.paths[`/queries/${header.name}`]!.get!;
      expect(operation.summary).toBe(header.title);
      expect(operation.parameters!.map((p) => p.name).sort()).toEqual([...header.parameters.map((p) => p.name), 'format'].sort());
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '406']));
    }
    expect(doc.paths['/sparql']?.get).toBeDefined();
    expect(doc.paths['/sparql']?.post).toBeDefined();
    expect(doc.paths['/queries']?.get).toBeDefined();
  });

  it('every documented format value is accepted by the stored-query route', async () => {
    const format = doc.paths['/queries/protocol-processes']!.get!.parameters!.find((p) => p.name === 'format')!;
    const values = /:\s*(.+)$/.exec(format.description!)![1]!.split(',').map((v) => v.trim());
    expect(values).toEqual(expect.arrayContaining(['json', 'xml', 'csv', 'tsv']));
    for (const value of values.filter((v) => ['json', 'xml', 'csv', 'tsv'].includes(v))) {
      const res = await get(`/queries/protocol-processes?format=${value}`);
      expect(res.statusCode, value).toBe(200);
      expect(labels(res)).toEqual(BRSKI_PROCESSES);
    }
  });
});
