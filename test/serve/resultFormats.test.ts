// Every result format of /sparql, read back by parsers that share no code
// with ours: python rdflib (SPARQL results JSON/XML/CSV/TSV; Turtle,
// N-Triples, JSON-LD, RDF/XML, TriG, N-Quads) and raptor's `rapper` for
// RDF/XML. Each must give the same answer as the in-process engine
// (SparqlEngine) over the same store. Then content negotiation: q-values pick
// the format, and a request for nothing we can produce is answered 406.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writer } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type TestApp } from '../helpers/app.js';
import { GRAPH } from '../../src/namespaces.js';
import { SparqlEngine } from '../../src/query/sparqlEngine.js';

const PYTHON = '/usr/bin/python3';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

const PREFIXES = `PREFIX iot:  <https://w3id.org/iot-setup/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
`;

/** IRIs, language-tagged, integer and plain literals, an unbound OPTIONAL, and a string full of CSV/TSV specials. */
const SELECT_QUERY = `${PREFIXES}
SELECT ?process ?label ?position ?definition ?tricky WHERE {
  <https://w3id.org/iot-setup/protocol/brski> iot:hasProcess ?process .
  ?process rdfs:label ?label ; iot:position ?position .
  OPTIONAL { ?process skos:definition ?definition }
  BIND(IF(?position = 1, "comma, \\"quote\\"\\ttab\\nnew line; back\\\\slash é ∀", ?unbound) AS ?tricky)
}
ORDER BY ?position`;

/** Blank nodes (the owl:Axiom annotations of the data graph). */
const BLANK_SELECT_QUERY = `${PREFIXES}
SELECT ?axiom ?source ?target WHERE {
  GRAPH <${GRAPH.data}> { ?axiom a owl:Axiom ; owl:annotatedSource ?source ; owl:annotatedTarget ?target }
}`;

/** A graph with blank nodes, language tags, datatypes and long texts. */
const CONSTRUCT_QUERY = `${PREFIXES}
CONSTRUCT { ?s ?p ?o } WHERE {
  SELECT DISTINCT ?s ?p ?o WHERE {
    { ?s iot:protocol <https://w3id.org/iot-setup/protocol/brski> ; ?p ?o }
    UNION
    { GRAPH <${GRAPH.data}> { ?s a owl:Axiom ; owl:annotatedSource <https://w3id.org/iot-setup/protocol/brski/role/pledge> ; ?p ?o } }
  }
}`;

const DESCRIBE_QUERY = 'DESCRIBE <https://w3id.org/iot-setup/protocol/brski/role/pledge>';

// ------------------------------------------------------------ python side

const PY_RESULTS = String.raw`
import io, json, sys
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result
XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string'
def term(t):
    if t is None:
        return None
    if isinstance(t, URIRef):
        return {'type': 'uri', 'value': str(t)}
    if isinstance(t, BNode):
        return {'type': 'bnode', 'value': str(t)}
    d = {'type': 'literal', 'value': str(t)}
    if t.language:
        d['lang'] = t.language.lower()
    elif t.datatype and str(t.datatype) != XSD_STRING:
        d['datatype'] = str(t.datatype)
    return d
r = Result.parse(io.BytesIO(sys.stdin.buffer.read()), format=sys.argv[1])
if r.type == 'ASK':
    print(json.dumps({'boolean': bool(r.askAnswer)}))
else:
    rows = [{str(k): term(v) for k, v in b.items() if v is not None} for b in r.bindings]
    print(json.dumps({'vars': [str(v) for v in r.vars], 'rows': rows}))
`;

const PY_GRAPH = String.raw`
import json, sys
from rdflib import ConjunctiveGraph, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
fmt, body_path, expected_path = sys.argv[1:4]
if fmt in ('trig', 'nquads'):
    dataset = ConjunctiveGraph()
    dataset.parse(body_path, format=fmt)
    got = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        got.add((s, p, o))
else:
    got = Graph()
    got.parse(body_path, format=fmt)
expected = Graph()
expected.parse(expected_path, format='nt')
same = isomorphic(got, expected)
out = {'triples': len(got), 'expected': len(expected), 'isomorphic': same}
if not same:
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    out['onlyInResponse'] = sorted(only_got.serialize(format='nt').splitlines())[:10]
    out['onlyExpected'] = sorted(only_expected.serialize(format='nt').splitlines())[:10]
print(json.dumps(out))
`;

const RDFLIB_FORMAT: Record<string, string> = {
  'text/turtle': 'turtle',
  'application/n-triples': 'nt',
  'application/ld+json': 'json-ld',
  'application/rdf+xml': 'xml',
  'application/trig': 'trig',
  'application/n-quads': 'nquads',
};

interface PlainTerm {
  type: 'uri' | 'bnode' | 'literal';
  value: string;
  lang?: string;
  datatype?: string;
}
type PlainRow = Record<string, PlainTerm>;

function parseResultsWithRdflib(body: string, format: 'json' | 'xml' | 'csv' | 'tsv'): { vars?: string[]; rows?: PlainRow[]; boolean?: boolean } {
  return JSON.parse(execFileSync(PYTHON, ['-c', PY_RESULTS, format], { input: body, encoding: 'utf8' })) as never;
}

let workDir: string;

function compareGraphWithRdflib(body: string, mediaType: string, expected: Quad[]) {
  const bodyPath = join(workDir, `body-${Math.random().toString(36).slice(2)}`);
  const expectedPath = `${bodyPath}.expected.nt`;
  writeFileSync(bodyPath, body);
  writeFileSync(expectedPath, new Writer({ format: 'N-Triples' }).quadsToString(expected));
  return JSON.parse(execFileSync(PYTHON, ['-c', PY_GRAPH, RDFLIB_FORMAT[mediaType]!, bodyPath, expectedPath], { encoding: 'utf8' })) as {
    triples: number;
    expected: number;
    isomorphic: boolean;
    onlyInResponse?: string[];
    onlyExpected?: string[];
  };
}

// ------------------------------------------------------------ our side

function plain(term: Term): PlainTerm {
  if (term.termType === 'NamedNode') return { type: 'uri', value: term.value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value: term.value };
  if (term.termType !== 'Literal') throw new Error(`Unexpected ${term.termType}`);
  if (term.language) return { type: 'literal', value: term.value, lang: term.language.toLowerCase() };
  if (term.datatype.value !== XSD_STRING) return { type: 'literal', value: term.value, datatype: term.datatype.value };
  return { type: 'literal', value: term.value };
}

function plainRows(rows: ReadonlyArray<Record<string, Term>>): PlainRow[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
}

/** What survives CSV (SPARQL 1.1 CSV drops datatypes and language tags; rdflib reads http(s) values as IRIs). */
function asCsv(rows: PlainRow[]): PlainRow[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        v.type === 'bnode' ? { type: 'bnode', value: '' } : /^https?:\/\//.test(v.value) ? { type: 'uri', value: v.value } : { type: 'literal', value: v.value },
      ]),
    ),
  );
}

/** Rows with blank node labels replaced by first-appearance numbering, sorted: compares results up to blank node renaming. */
function normalizeBlankNodes(rows: PlainRow[]): string[] {
  return rows
    .map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.type === 'bnode' ? 'bnode' : v])))
    .sort();
}

function distinctBlankNodes(rows: PlainRow[]): number {
  return new Set(rows.flatMap((row) => Object.values(row).filter((v) => v.type === 'bnode').map((v) => v.value))).size;
}

// ------------------------------------------------------------ tests

let t: TestApp;
/** The in-process engine over the same store: the reference the endpoint's answers are compared with. */
let reference: SparqlEngine;

beforeAll(async () => {
  t = await testApp();
  reference = new SparqlEngine(t.deps.kg.store);
  workDir = mkdtempSync(join(tmpdir(), 'result-formats-'));
});
afterAll(async () => {
  await t?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const mediaType = (res: LightMyRequestResponse): string => String(res.headers['content-type'] ?? '').split(';')[0]!.trim();

async function query(text: string, accept?: string, format?: string): Promise<LightMyRequestResponse> {
  const url = `/sparql?query=${encodeURIComponent(text)}${format ? `&format=${format}` : ''}`;
  const res = await t.app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers.vary).toMatch(/Accept/);
  return res;
}

describe('SELECT results, read back by rdflib', () => {
  let expected: PlainRow[];

  beforeAll(async () => {
    expected = plainRows(await reference.select(SELECT_QUERY));
    // The query exercises what it is meant to: several rows, an unbound value, the special string.
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(expected.some((r) => r.tricky)).toBe(true);
    expect(expected.some((r) => !r.tricky)).toBe(true);
    expect(expected.every((r) => r.label?.lang === 'en' && r.position?.datatype?.endsWith('#integer'))).toBe(true);
  });

  const cases = [
    ['application/sparql-results+json', 'json'],
    ['application/sparql-results+xml', 'xml'],
    ['text/tab-separated-values', 'tsv'],
  ] as const;
  for (const [type, format] of cases) {
    it(`${format}: same rows, in order, terms exact`, async () => {
      const res = await query(SELECT_QUERY, type);
      expect(mediaType(res)).toBe(type);
      const parsed = parseResultsWithRdflib(res.body, format);
      expect(parsed.vars).toEqual(['process', 'label', 'position', 'definition', 'tricky']);
      expect(parsed.rows).toEqual(expected);
    });
  }

  it('csv: same rows, in order (values only, as the CSV format defines)', async () => {
    const res = await query(SELECT_QUERY, 'text/csv');
    expect(mediaType(res)).toBe('text/csv');
    const parsed = parseResultsWithRdflib(res.body, 'csv');
    expect(parsed.vars).toEqual(['process', 'label', 'position', 'definition', 'tricky']);
    expect(parsed.rows).toEqual(asCsv(expected));
  });

  for (const [type, format] of [...cases, ['text/csv', 'csv'] as const]) {
    it(`${format}: blank nodes keep their identity within one result`, async () => {
      const engineRows = plainRows(await reference.select(BLANK_SELECT_QUERY));
      expect(engineRows.length).toBeGreaterThan(3);
      const parsed = parseResultsWithRdflib((await query(BLANK_SELECT_QUERY, type)).body, format);
      const rows = parsed.rows!;
      if (format === 'csv') {
        expect(rows.map((r) => r.axiom!.value.startsWith('_:') || r.axiom!.type === 'bnode')).not.toContain(false);
        expect(normalizeBlankNodes(rows.map((r) => ({ ...r, axiom: { type: 'bnode', value: '' } })))).toEqual(normalizeBlankNodes(asCsv(engineRows)));
      } else {
        expect(normalizeBlankNodes(rows)).toEqual(normalizeBlankNodes(engineRows));
      }
      expect(distinctBlankNodes(rows.map((r) => ({ axiom: { type: 'bnode', value: r.axiom!.value } })))).toBe(distinctBlankNodes(engineRows));
    });
  }
});

describe('ASK results, read back by rdflib', () => {
  const yes = 'ASK { <https://w3id.org/iot-setup/protocol/brski/role/pledge> <http://www.w3.org/2002/07/owl#equivalentClass> <https://w3id.org/iot-setup/protocol/thread/role/joiner> }';
  const no = 'ASK { <https://w3id.org/iot-setup/protocol/brski/role/pledge> <http://www.w3.org/2002/07/owl#equivalentClass> <https://w3id.org/iot-setup/protocol/dpp/role/configurator> }';

  for (const [type, format] of [
    ['application/sparql-results+json', 'json'],
    ['application/sparql-results+xml', 'xml'],
  ] as const) {
    it(`${format}: true and false as the engine says`, async () => {
      for (const q of [yes, no]) {
        const res = await query(q, type);
        expect(mediaType(res)).toBe(type);
        expect(parseResultsWithRdflib(res.body, format).boolean).toBe(await reference.ask(q));
      }
      expect(await reference.ask(yes)).toBe(true);
      expect(await reference.ask(no)).toBe(false);
    });
  }

  it('csv and tsv carry no boolean: 406', async () => {
    for (const accept of ['text/csv', 'text/tab-separated-values']) {
      const res = await t.app.inject({ method: 'GET', url: `/sparql?query=${encodeURIComponent(yes)}`, headers: { accept } });
      expect(res.statusCode).toBe(406);
    }
  });
});

describe('CONSTRUCT and DESCRIBE graphs, read back by rdflib (and rapper for RDF/XML)', () => {
  const graphTypes = Object.keys(RDFLIB_FORMAT);
  for (const [name, text] of [
    ['CONSTRUCT', CONSTRUCT_QUERY],
    ['DESCRIBE', DESCRIBE_QUERY],
  ] as const) {
    describe(name, () => {
      let expected: Quad[];
      beforeAll(async () => {
        expected = await reference.construct(text);
        expect(expected.length).toBeGreaterThan(10);
      });

      for (const type of graphTypes) {
        it(`${name} in ${type}: isomorphic to the engine's graph`, async () => {
          const res = await query(text, type);
          expect(mediaType(res)).toBe(type);
          const report = compareGraphWithRdflib(res.body, type, expected);
          expect(report, JSON.stringify(report, null, 2)).toMatchObject({ isomorphic: true });
          expect(report.triples).toBe(report.expected);
        });
      }

      it(`${name} in RDF/XML: rapper -c parses it and counts the same triples`, async () => {
        const res = await query(text, 'application/rdf+xml');
        const path = join(workDir, `${name}.rdf`);
        writeFileSync(path, res.body);
        const counted = spawnSync('rapper', ['-i', 'rdfxml', '-c', path], { encoding: 'utf8' });
        expect(counted.status, counted.stderr).toBe(0);
        const want = new Set(new Writer({ format: 'N-Triples' }).quadsToString(expected).split('\n').filter(Boolean));
        expect(Number(/returned (\d+) triples?/.exec(counted.stderr)?.[1])).toBe(want.size);
        // Without blank nodes the triples themselves can be compared line by line.
        if (!expected.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')) {
          const lines = execFileSync('rapper', ['-q', '-i', 'rdfxml', '-o', 'ntriples', path], { encoding: 'utf8' });
          expect([...new Set(lines.split('\n').filter(Boolean))].sort()).toEqual([...want].sort());
        }
      });
    });
  }
});

describe('content negotiation on /sparql', () => {
  const select = 'SELECT ?s WHERE { ?s a <https://w3id.org/iot-setup/ontology#Protocol> }';
  const construct = 'CONSTRUCT WHERE { <https://w3id.org/iot-setup/protocol/brski> ?p ?o }';
  const askQuery = 'ASK {}';

  const cases: Array<[string, string, string]> = [
    [select, 'application/sparql-results+xml;q=0.9, application/sparql-results+json;q=0.5', 'application/sparql-results+xml'],
    [select, 'text/csv;q=0.1, text/tab-separated-values', 'text/tab-separated-values'],
    [select, 'text/csv, */*;q=0.1', 'text/csv'],
    [select, 'application/json', 'application/sparql-results+json'],
    [select, '*/*', 'application/sparql-results+json'],
    [select, 'text/html;q=0.9, application/sparql-results+xml;q=0.2', 'application/sparql-results+xml'],
    [askQuery, 'text/csv;q=1, application/sparql-results+xml;q=0.5', 'application/sparql-results+xml'],
    [construct, 'text/turtle;q=0.5, application/n-triples', 'application/n-triples'],
    [construct, '*/*;q=0.1, application/ld+json', 'application/ld+json'],
    [construct, 'text/turtle;q=0, */*', 'application/ld+json'],
    [construct, 'application/rdf+xml;q=0.8, application/trig;q=0.9, application/n-quads;q=0.7', 'application/trig'],
    [construct, 'text/*;q=0.5, application/n-quads;q=0.4', 'text/turtle'],
  ];
  for (const [q, accept, want] of cases) {
    it(`${q.split(' ')[0]} with Accept: ${accept} → ${want}`, async () => {
      const res = await query(q, accept);
      expect(mediaType(res)).toBe(want);
    });
  }

  it('format= overrides Accept', async () => {
    expect(mediaType(await query(select, 'application/sparql-results+json', 'csv'))).toBe('text/csv');
    expect(mediaType(await query(construct, 'text/turtle', 'nt'))).toBe('application/n-triples');
    expect(mediaType(await query(construct, undefined, 'jsonld'))).toBe('application/ld+json');
  });

  const refused: Array<[string, string]> = [
    [select, 'text/turtle'],
    [select, 'image/png'],
    [select, 'application/sparql-results+json;q=0, application/sparql-results+xml;q=0, text/csv;q=0, text/tab-separated-values;q=0, application/json;q=0'],
    [construct, 'application/sparql-results+json'],
    [construct, 'text/csv'],
    [askQuery, 'text/tab-separated-values'],
  ];
  for (const [q, accept] of refused) {
    it(`${q.split(' ')[0]} with Accept: ${accept} → 406 naming what is available`, async () => {
      const res = await t.app.inject({ method: 'GET', url: `/sparql?query=${encodeURIComponent(q)}`, headers: { accept } });
      expect(res.statusCode).toBe(406);
      expect(res.body).toMatch(/Available: /);
      expect(res.body).not.toMatch(/\n\s+at /);
    });
  }

  it('an unknown format= is 406 as well', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/sparql?query=${encodeURIComponent(select)}&format=png` });
    expect(res.statusCode).toBe(406);
  });
});
