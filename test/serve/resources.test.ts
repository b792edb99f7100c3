// Dereferencing every IRI under https://w3id.org/iot-setup/ at the same path:
// a content-negotiation table (every kind of resource × every format),
// q-values, ?format= and extension overrides, errors, conditional requests,
// HEAD, Vary and Link, and round trips through independent parsers (Python
// rdflib, rapper) that must give back exactly the description built from
// the store.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DataFactory, Parser } from 'n3';
import { CompactStore, type QuadStore } from '../../src/store/index.js';
import type { Quad } from '@rdfjs/types';
import { testApp, TEST_PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { expectIsomorphic } from '../helpers/rdf.js';
import { expectSameDataset, parseWithJsonLdJs, parseWithPython, parseWithRapper, type PythonRdfFormat } from '../serialize/parsers.js';
import { describeResource, descriptionQuads } from '../../src/describe/resourceDescription.js';
import { BASE, GRAPH, ONTOLOGY_IRI, OWL, RDFS } from '../../src/namespaces.js';
import { Publication, publicationFor } from '../../src/serve/routes/resources.js';
import { FORMATS } from '../../src/serialize/formats.js';

const { namedNode, quad } = DataFactory;
const PYTHON_TIMEOUT = 120_000;

/** One resource of every kind, by the path it is served at. */
const KINDS: ReadonlyArray<[kind: string, path: string, subject: string]> = [
  ['protocol', '/protocol/brski', `${BASE}protocol/brski`],
  ['role', '/protocol/brski/role/pledge', `${BASE}protocol/brski/role/pledge`],
  ['term', '/term/enrollment', `${BASE}term/enrollment`],
  ['term sense', '/protocol/brski/term/enrollment', `${BASE}protocol/brski/term/enrollment`],
  ['category', '/category/joining-device', `${BASE}category/joining-device`],
  ['concept scheme (IRI ending in /)', '/category/', `${BASE}category/`],
  ['credential', '/credential/device-identifier', `${BASE}credential/device-identifier`],
  ['protocol credential', '/protocol/brski/credential/voucher', `${BASE}protocol/brski/credential/voucher`],
  ['specification', '/spec/rfc8995', `${BASE}spec/rfc8995`],
  ['organization', '/org/ietf', `${BASE}org/ietf`],
  ['process step', '/protocol/brski/process/enroll', `${BASE}protocol/brski/process/enroll`],
  ['belief', '/protocol/brski/initial-belief', `${BASE}protocol/brski/initial-belief`],
  ['ontology', '/ontology', ONTOLOGY_IRI],
  ['ontology class (…/ontology#Protocol, a fragment of /ontology)', '/ontology', `${BASE}ontology#Protocol`],
  ['versionIRI', '/ontology/0.1.0', ONTOLOGY_IRI],
];

/** The media types and extensions of the formats a resource is offered in. */
const TYPES: ReadonlyArray<[id: string, mediaType: string, extension: string]> = [
  ['turtle', 'text/turtle', 'ttl'],
  ['jsonld', 'application/ld+json', 'jsonld'],
  ['ntriples', 'application/n-triples', 'nt'],
  ['rdfxml', 'application/rdf+xml', 'rdf'],
  ['trig', 'application/trig', 'trig'],
  ['nquads', 'application/n-quads', 'nq'],
  ['html', 'text/html', 'html'],
];

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8';

let t: TestApp;
let store: QuadStore;

beforeAll(async () => {
  t = await testApp();
  store = t.deps.kg.store;
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers });
const mediaType = (res: LightMyRequestResponse): string => String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
const server = (url: string): string => (url.startsWith(TEST_PUBLIC_URL) ? url.slice(TEST_PUBLIC_URL.length) : url);

/** What a document says, straight from the store: the description, or for the ontology documents the ontology graph. */
function expectedQuads(path: string): Quad[] {
  if (path === '/ontology' || path === '/ontology/0.1.0') return store.getQuads(null, null, null, namedNode(GRAPH.ontology));
  const description = describeResource(store, BASE + path.slice(1));
  expect(description, path).not.toBeNull();
  return descriptionQuads(description!);
}

function distinctTriples(quads: readonly Quad[]): number {
  const key = (t: Quad['object']): string => (t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `${t.termType}:${t.value}`);
  return new Set(quads.map((q) => `${key(q.subject as Quad['object'])} ${q.predicate.value} ${key(q.object)}`)).size;
}

/** The subjects of a representation (N3.js, rapper, jsonld.js), for the table; round trips use Python rdflib below. */
async function subjectsIn(res: LightMyRequestResponse): Promise<Set<string>> {
  const type = mediaType(res);
  const n3Format = { 'text/turtle': 'Turtle', 'application/n-triples': 'N-Triples', 'application/trig': 'TriG', 'application/n-quads': 'N-Quads' }[type];
  if (n3Format) return new Set(new Parser({ format: n3Format }).parse(res.body).map((q) => q.subject.value));
  if (type === 'application/rdf+xml') return new Set(parseWithRapper(res.body).map((q) => q.subject.value));
  if (type === 'application/ld+json') return new Set((await parseWithJsonLdJs(res.body)).map((q) => q.subject.value));
  throw new Error(`not RDF: ${type}`);
}

describe('content negotiation: every kind of resource × every format', () => {
  describe.each(KINDS)('%s (%s)', (_kind, path, subject) => {
    it.each(TYPES)('%s', async (_id, type, extension) => {
      const res = await get(path, { accept: type });
      expect(res.statusCode, res.body).toBe(200);
      expect(mediaType(res)).toBe(type);
      expect(res.headers.vary).toMatch(/\bAccept\b/);
      expect(res.headers.etag).toMatch(/^"[^"]+"$/);
      expect(res.headers['last-modified']).toBeTruthy();
      const canonical = path === '/ontology/0.1.0' ? `${BASE}ontology/0.1.0` : BASE + path.slice(1);
      expect(res.headers.link).toContain(`<${canonical}>; rel="canonical"`);
      const stem = path.endsWith('/') ? `${path}index` : path;
      expect(res.headers['content-location']).toBe(`${TEST_PUBLIC_URL}${stem}.${extension}`);
      if (type === 'text/html') {
        expect(res.body).toMatch(/^<!doctype html>/i);
      } else {
        expect(await subjectsIn(res)).toContain(subject);
      }
      // The extension URL and ?format= give the very same bytes.
      const byExtension = await get(`${stem}.${extension}`);
      const byParameter = await get(`${path}?format=${extension}`, { accept: 'image/png' });
      for (const other of [byExtension, byParameter]) {
        expect(other.statusCode).toBe(200);
        expect(other.rawPayload.equals(res.rawPayload)).toBe(true);
        expect(other.headers.etag).toBe(res.headers.etag);
        expect(other.headers.vary).toMatch(/\bAccept\b/);
      }
    });
  });
});

describe('q-values and defaults', () => {
  const cases: ReadonlyArray<[accept: string | undefined, expected: string]> = [
    ['text/turtle;q=0.5, application/ld+json', 'application/ld+json'],
    [BROWSER_ACCEPT, 'text/html'],
    ['*/*', 'text/turtle'],
    [undefined, 'text/turtle'],
    ['', 'text/turtle'],
    ['application/n-triples, text/turtle;q=0', 'application/n-triples'],
    ['text/turtle;q=0, */*', 'application/ld+json'],
    ['application/rdf+xml;q=0.9, text/turtle;q=0.8', 'application/rdf+xml'],
    ['text/*', 'text/turtle'],
    ['text/html;q=0.1, application/trig;q=0.2', 'application/trig'],
    ['application/x-turtle', 'text/turtle'],
    ['text/x-nquads', 'application/n-quads'],
    ['application/json;q=1, application/ld+json;q=0.5', 'application/ld+json'],
    // What Python rdflib 6 sends for format='nt' (text/plain, the old N-Triples type), 'turtle', 'json-ld' and 'xml'.
    ['text/plain, */*;q=0.1', 'application/n-triples'],
    ['text/turtle,application/x-turtle, */*;q=0.1', 'text/turtle'],
    ['application/ld+json, application/json;q=0.9, */*;q=0.1', 'application/ld+json'],
    ['application/rdf+xml,text/rdf+n3;q=0.9,application/xhtml+xml;q=0.5, */*;q=0.1', 'application/rdf+xml'],
  ];
  it.each(cases)('Accept: %s → %s', async (accept, expected) => {
    const res = await get('/protocol/brski/role/pledge', accept === undefined ? {} : { accept });
    expect(res.statusCode).toBe(200);
    expect(mediaType(res)).toBe(expected);
    expect(res.headers.vary).toMatch(/\bAccept\b/);
  });

  it('?format= wins over Accept and over the extension, and takes ids and media types too', async () => {
    expect(mediaType(await get('/term/enrollment?format=nt', { accept: 'text/html' }))).toBe('application/n-triples');
    expect(mediaType(await get('/term/enrollment.ttl?format=rdf'))).toBe('application/rdf+xml');
    expect(mediaType(await get('/term/enrollment?format=turtle'))).toBe('text/turtle');
    expect(mediaType(await get(`/term/enrollment?format=${encodeURIComponent('application/trig')}`))).toBe('application/trig');
  });

  it('an unknown ?format= is 406 with the list of formats', async () => {
    const res = await get('/term/enrollment?format=xyz');
    expect(res.statusCode).toBe(406);
    expect(res.body).toContain('text/turtle');
  });
});

describe('errors', () => {
  it('an unknown IRI is 404 with a useful body, in the format the client reads', async () => {
    const text = await get('/protocol/no-such-protocol', { accept: 'text/turtle' });
    expect(text.statusCode).toBe(404);
    expect(text.headers.vary).toMatch(/\bAccept\b/);
    expect(text.body).toContain(`${BASE}protocol/no-such-protocol`);
    const json = await get('/protocol/no-such-protocol', { accept: 'application/json' });
    expect(json.statusCode).toBe(404);
    expect(JSON.parse(json.body)).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const html = await get('/protocol/no-such-protocol', { accept: 'text/html' });
    expect(html.statusCode).toBe(404);
    expect(mediaType(html)).toBe('text/html');
    for (const res of [text, json, html]) expect(res.body).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('Accept: image/png is 406, listing the available types', async () => {
    const res = await get('/protocol/brski', { accept: 'image/png' });
    expect(res.statusCode).toBe(406);
    expect(res.headers.vary).toMatch(/\bAccept\b/);
    for (const [, type] of TYPES) expect(res.body).toContain(type);
    // The alternates are still advertised.
    expect(res.headers.link).toContain('rel="alternate"');
  });

  it('an unknown extension on an existing resource is 404 (it names no file), listing the extensions that exist', async () => {
    const res = await get('/protocol/brski.xyz');
    expect(res.statusCode).toBe(404);
    for (const [, , extension] of TYPES) expect(res.body).toContain(`.${extension}`);
    expect(res.body).toContain(`${BASE}protocol/brski`);
  });

  it('an extension on an unknown resource is 404', async () => {
    expect((await get('/protocol/nothing.ttl')).statusCode).toBe(404);
  });

  it('RDF only documents refuse HTML with 406', async () => {
    const res = await get('/void?format=html');
    expect(res.statusCode).toBe(406);
  });
});

describe('conditional requests', () => {
  let first: LightMyRequestResponse;
  beforeAll(async () => {
    first = await get('/protocol/brski', { accept: 'text/turtle' });
  });

  it('Last-Modified is the newest modification time of the loaded files', () => {
    const newest = Math.max(...t.deps.kg.files.map((f) => statSync(f.path).mtimeMs));
    expect(first.headers['last-modified']).toBe(new Date(Math.floor(newest / 1000) * 1000).toUTCString());
  });

  it('If-None-Match with the ETag gives 304 with no body and the same validators', async () => {
    const res = await get('/protocol/brski', { accept: 'text/turtle', 'if-none-match': String(first.headers.etag) });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(first.headers.etag);
    expect(res.headers.vary).toMatch(/\bAccept\b/);
    const weak = await get('/protocol/brski', { accept: 'text/turtle', 'if-none-match': `"nope", W/${String(first.headers.etag)}` });
    expect(weak.statusCode).toBe(304);
    expect((await get('/protocol/brski', { accept: 'text/turtle', 'if-none-match': '*' })).statusCode).toBe(304);
  });

  it('another representation has another ETag, so If-None-Match does not match it', async () => {
    const res = await get('/protocol/brski', { accept: 'application/n-triples', 'if-none-match': String(first.headers.etag) });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).not.toBe(first.headers.etag);
  });

  it('If-Modified-Since at or after Last-Modified gives 304, before it 200', async () => {
    const lastModified = String(first.headers['last-modified']);
    expect((await get('/protocol/brski', { accept: 'text/turtle', 'if-modified-since': lastModified })).statusCode).toBe(304);
    const later = new Date(Date.parse(lastModified) + 60_000).toUTCString();
    expect((await get('/protocol/brski', { accept: 'text/turtle', 'if-modified-since': later })).statusCode).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await get('/protocol/brski', { accept: 'text/turtle', 'if-modified-since': earlier })).statusCode).toBe(200);
    expect((await get('/protocol/brski', { accept: 'text/turtle', 'if-modified-since': 'not a date' })).statusCode).toBe(200);
  });

  it('If-None-Match takes precedence over If-Modified-Since', async () => {
    const res = await get('/protocol/brski', {
      accept: 'text/turtle',
      'if-none-match': '"something-else"',
      'if-modified-since': String(first.headers['last-modified']),
    });
    expect(res.statusCode).toBe(200);
  });

  it('the ETag is a hash of the bytes: a repeated request gives the same tag and bytes', async () => {
    const again = await get('/protocol/brski', { accept: 'text/turtle' });
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
  });
});

describe('Vary, Link and HEAD', () => {
  it.each(['/protocol/brski', '/category/', '/ontology', '/'])('Link lists every other format of %s, and each answers with its type', async (path) => {
    const res = await get(path, { accept: 'text/turtle' });
    const links = String(res.headers.link).split(/,\s*(?=<)/);
    const alternates = links.filter((l) => l.includes('rel="alternate"'));
    expect(alternates).toHaveLength(TYPES.length - 1);
    expect(alternates.some((l) => l.includes('type="text/turtle"'))).toBe(false);
    for (const link of alternates) {
      const [, url, type] = /^<([^>]+)>; rel="alternate"; type="([^"]+)"$/.exec(link)!;
      const alternate = await get(server(url!));
      expect(alternate.statusCode, url).toBe(200);
      expect(mediaType(alternate)).toBe(type);
    }
  });

  it.each([
    ['/protocol/brski', 'text/turtle'],
    ['/protocol/brski', 'application/ld+json'],
    ['/protocol/brski', 'text/html'],
    ['/ontology', 'application/rdf+xml'],
    ['/term/enrollment.nq', '*/*'],
    ['/void', 'application/trig'],
    ['/dumps/iot-setup-0.1.0.nt', '*/*'],
  ])('HEAD %s (%s) has the headers of GET and no body', async (path, accept) => {
    const [getRes, headRes] = await Promise.all([get(path, { accept }), t.app.inject({ method: 'HEAD', url: path, headers: { accept } })]);
    expect(headRes.statusCode).toBe(getRes.statusCode);
    expect(headRes.body).toBe('');
    const { date: _getDate, ...getHeaders } = getRes.headers;
    const { date: _headDate, ...headHeaders } = headRes.headers;
    expect(headHeaders).toEqual(getHeaders);
  });

  it('Vary: Accept is sent on 200, 304, 404 and 406 alike', async () => {
    const ok = await get('/org/ietf');
    const responses = [
      ok,
      await get('/org/ietf', { 'if-none-match': String(ok.headers.etag) }),
      await get('/org/nobody'),
      await get('/org/ietf', { accept: 'image/png' }),
      await get('/org/ietf.ttl'),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 304, 404, 406, 200]);
    for (const res of responses) expect(res.headers.vary).toMatch(/\bAccept\b/);
  });
});

describe('what the documents contain', () => {
  it('/ontology and /ontology/0.1.0 are the ontology graph, with the same bytes', async () => {
    for (const [, type] of TYPES.filter(([id]) => id !== 'html')) {
      const [a, b] = await Promise.all([get('/ontology', { accept: type }), get('/ontology/0.1.0', { accept: type })]);
      expect(b.rawPayload.equals(a.rawPayload), type).toBe(true);
    }
    const turtle = await get('/ontology', { accept: 'application/n-triples' });
    await expectIsomorphic(new Parser({ format: 'N-Triples' }).parse(turtle.body), store.getQuads(null, null, null, namedNode(GRAPH.ontology)));
  });

  it('the version IRIs come from owl:versionIRI, not from a constant', () => {
    const copy = new CompactStore(store.getQuads(null, null, null, null));
    copy.addQuad(quad(namedNode(ONTOLOGY_IRI), namedNode(`${OWL}versionIRI`), namedNode(`${BASE}ontology/0.2.0`), namedNode(GRAPH.ontology)));
    const publication = new Publication({ ...t.deps, kg: { ...t.deps.kg, store: copy } });
    expect(publication.resolve('/ontology/0.2.0')?.document).toMatchObject({ kind: 'ontology', iri: `${BASE}ontology/0.2.0` });
    expect(publication.resolve('/ontology/0.1.0')?.document.kind).toBe('ontology');
    expect(publication.resolve('/ontology/0.3.0')).toBeNull();
  });

  it('the Thread joiner has the inferred owl:equivalentClass to the BRSKI pledge in graph/entailments (TriG)', async () => {
    const res = await get('/protocol/thread/role/joiner', { accept: 'application/trig' });
    const quads = new Parser({ format: 'TriG' }).parse(res.body);
    const equivalence = quads.filter(
      (q) => q.subject.value === `${BASE}protocol/thread/role/joiner` && q.predicate.value === `${OWL}equivalentClass` && q.object.value === `${BASE}protocol/brski/role/pledge`,
    );
    expect(equivalence.map((q) => q.graph.value)).toEqual([GRAPH.entailments]);
    // The inferred category membership sits there too; the asserted statements in graph/data.
    expect(quads.some((q) => q.predicate.value === `${RDFS}subClassOf` && q.object.value === `${BASE}category/joining-device` && q.graph.value === GRAPH.entailments)).toBe(true);
    expect(quads.some((q) => q.predicate.value === `${RDFS}label` && q.subject.value === `${BASE}protocol/thread/role/joiner` && q.graph.value === GRAPH.data)).toBe(true);
  });

  it('triple formats carry the inferred statements without graph names and without new IRIs', async () => {
    const res = await get('/protocol/thread/role/joiner', { accept: 'application/n-triples' });
    expect(res.body).toContain(`<${BASE}protocol/thread/role/joiner> <${OWL}equivalentClass> <${BASE}protocol/brski/role/pledge> .`);
    expect(res.body).not.toContain(GRAPH.entailments);
    expect(res.body).not.toContain(TEST_PUBLIC_URL);
  });

  it('JSON-LD uses the compact names of the context, which it embeds', async () => {
    const res = await get('/protocol/brski/role/pledge', { accept: 'application/ld+json' });
    const { '@context': context, ...body } = JSON.parse(res.body) as Record<string, unknown>;
    expect(typeof context).toBe('object');
    const text = JSON.stringify(body);
    expect(text).toContain('"label":');
    expect(text).toContain('"equivalentClass":');
    expect(text).not.toContain(`"${RDFS}label"`);
    expect(text).not.toContain('"rdfs:label"');
  });

  it('descriptions include incoming links and the labels of linked resources', async () => {
    const res = await get('/protocol/brski/role/pledge', { accept: 'application/n-triples' });
    // Incoming: the protocol has the pledge as a player.
    expect(res.body).toMatch(new RegExp(`^<${BASE}protocol/brski> <[^>]+> <${BASE}protocol/brski/role/pledge> \\.$`, 'm'));
    // The protocol's label comes along.
    expect(res.body).toMatch(new RegExp(`^<${BASE}protocol/brski> <${RDFS}label> "`, 'm'));
  });

  it('the base IRI is the dataset: VoID in RDF, the home page in HTML', async () => {
    const turtle = await get('/', { accept: 'text/turtle' });
    expect(turtle.statusCode).toBe(200);
    expect(turtle.body).toContain('void:Dataset');
    const html = await get('/', { accept: BROWSER_ACCEPT });
    expect(mediaType(html)).toBe('text/html');
  });

  it('named graph IRIs dereference to their VoID description', async () => {
    const res = await get('/graph/entailments', { accept: 'application/n-triples' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<${GRAPH.entailments}> <http://rdfs.org/ns/void#triples> "${store.countQuads(null, null, null, namedNode(GRAPH.entailments))}"`);
  });

  it('the JSON-LD context is published at /context.jsonld', async () => {
    const res = await get('/context.jsonld');
    expect(res.statusCode).toBe(200);
    expect(mediaType(res)).toBe('application/ld+json');
    expect(JSON.parse(res.body)['@context'].label).toBeDefined();
  });

  it('every IRI subject under the base dereferences (200 in Turtle)', async () => {
    const paths = new Set<string>();
    for (const s of store.getSubjects(null, null, null)) if (s.termType === 'NamedNode' && s.value.startsWith(BASE)) paths.add(`/${s.value.slice(BASE.length).split('#')[0]}`);
    expect(paths.size).toBeGreaterThan(300);
    for (const path of paths) {
      const res = await get(path, { accept: 'text/turtle' });
      expect(res.statusCode, path).toBe(200);
    }
  });
});

// Independent parsers: every RDF format of several resources parsed back and
// compared with the description from the store (triples for the triple
// formats, the dataset with graph names for the quad formats).
const ROUND_TRIP = ['/protocol/thread/role/joiner', '/protocol/brski', '/term/enrollment', '/category/joining-device', '/ontology'];
const PYTHON_FORMATS: ReadonlyArray<[type: string, python: PythonRdfFormat, keepsGraphs: boolean]> = [
  ['text/turtle', 'turtle', false],
  ['application/n-triples', 'nt', false],
  ['application/rdf+xml', 'xml', false],
  // JSON-LD of a document is the merged graph (node objects, no named graphs): rdflib's Graph() reads it all.
  ['application/ld+json', 'json-ld', false],
  ['application/trig', 'trig', true],
  ['application/n-quads', 'nquads', true],
];

describe.each(ROUND_TRIP)('round trip of %s', (path) => {
  it.each(PYTHON_FORMATS)('%s parsed by Python rdflib', async (type, python, keepsGraphs) => {
    const res = await get(path, { accept: type });
    expect(res.statusCode).toBe(200);
    const parsed = parseWithPython(res.body, python);
    const expected = expectedQuads(path);
    await expectIsomorphic(parsed, expected);
    if (keepsGraphs) await expectSameDataset(parsed, expected);
    else expect(parsed.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
  }, PYTHON_TIMEOUT);

  it('RDF/XML parsed by rapper (and counted with rapper -c)', async () => {
    const res = await get(path, { accept: 'application/rdf+xml' });
    const expected = expectedQuads(path);
    await expectIsomorphic(parseWithRapper(res.body), expected);
    // rapper -c reports the count on stderr: "rapper: Parsing returned N triples".
    const report = execFileSync('sh', ['-c', 'rapper -c -i rdfxml - http://relative-iri.invalid/ 2>&1'], { input: res.body }).toString();
    expect(report).toMatch(new RegExp(`returned ${distinctTriples(expected)} triples`));
  });
});

it('the format table offers what the tests cover', () => {
  const rdfAndHtml = FORMATS.filter((f) => f.kind !== 'results').map((f) => f.mediaType).sort();
  expect(TYPES.map(([, type]) => type).sort()).toEqual(rdfAndHtml);
});

describe('negotiated answers are worked out once and stay the same', () => {
  it.each([
    ['text/turtle', 'text/turtle'],
    [BROWSER_ACCEPT, 'text/html'],
    ['application/rdf+xml;q=0.5, application/ld+json', 'application/ld+json'],
  ])('Accept %s: the repeated request gets the same status, headers and bytes', async (accept, type) => {
    const first = await get('/protocol/thread/role/joiner', { accept });
    const again = await get('/protocol/thread/role/joiner', { accept });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain(type);
    for (const header of ['content-type', 'etag', 'link', 'vary', 'content-location', 'last-modified']) {
      expect(again.headers[header], header).toBe(first.headers[header]);
    }
    expect(again.body).toBe(first.body);
  });

  it('a repeated request is answered from the prepared answers; a new Accept adds one', async () => {
    const answers = publicationFor(t.deps).answers;
    const accept = 'application/n-quads;q=0.9, text/turtle;q=0.2';
    await get('/protocol/eap-noob', { accept });
    const size = answers.size;
    await get('/protocol/eap-noob', { accept });
    expect(answers.size).toBe(size);
    await get('/protocol/eap-noob', { accept: `${accept}, application/trig;q=0.1` });
    expect(answers.size).toBe(size + 1);
  });

  it('the same Accept on another path is negotiated for that path', async () => {
    const role = await get('/protocol/thread/role/joiner', { accept: 'application/n-triples' });
    const term = await get('/term/enrollment', { accept: 'application/n-triples' });
    expect(term.headers['content-location']).toBe(`${TEST_PUBLIC_URL}/term/enrollment.nt`);
    expect(role.headers['content-location']).toBe(`${TEST_PUBLIC_URL}/protocol/thread/role/joiner.nt`);
  });

  it('an unacceptable Accept is refused with 406 every time, and a later acceptable one still works', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/protocol/thread/role/joiner', { accept: 'image/png' });
      expect(res.statusCode).toBe(406);
      expect(res.body).toContain('Available: text/turtle');
    }
    expect((await get('/protocol/thread/role/joiner', { accept: 'text/turtle' })).statusCode).toBe(200);
  });

  it('?format= and the extension are part of what is remembered', async () => {
    const byParameter = await get('/protocol/thread/role/joiner?format=nt', { accept: 'text/turtle' });
    const byAccept = await get('/protocol/thread/role/joiner', { accept: 'text/turtle' });
    const byExtension = await get('/protocol/thread/role/joiner.rdf', { accept: 'text/turtle' });
    expect(byParameter.headers['content-type']).toContain('application/n-triples');
    expect(byAccept.headers['content-type']).toContain('text/turtle');
    expect(byExtension.headers['content-type']).toContain('application/rdf+xml');
    expect(byParameter.headers['content-location']).toBeUndefined();
  });
});
