// Independent parsers for round-trip tests: Python rdflib (Debian's
// /usr/bin/python3), rapper (Raptor), N3.js and jsonld.js. Each returns
// RDF/JS quads so that graphs compare by canonical isomorphism, graph
// names included.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, Parser } from 'n3';
import jsonld from 'jsonld';
import type { Quad, Quad_Graph, Quad_Object, Quad_Predicate, Quad_Subject, Term } from '@rdfjs/types';
import canonize from 'rdf-canonize';
import { expect } from 'vitest';
import { localDocumentLoader } from '../../src/serialize/jsonLd.js';
import { GRAPH } from '../../src/namespaces.js';

export const PYTHON = '/usr/bin/python3';
const PROJECT_ROOT = new URL('../../', import.meta.url);

// Parses stdin with rdflib and prints the quads as JSON. Literal
// normalisation is switched off so lexical forms come back as written;
// documents are parsed with the dataset default graph as their own graph
// (rdflib 6 would otherwise put default-graph triples in a fresh graph).
const PARSE_RDF = `
import sys, json
import rdflib
rdflib.NORMALIZE_LITERALS = False
from rdflib import URIRef, BNode, Literal, Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

fmt = sys.argv[1]
data = sys.stdin.buffer.read()

def term(t):
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    if isinstance(t, Literal):
        out = {"type": "literal", "value": str(t)}
        if t.language is not None:
            out["lang"] = t.language
        elif t.datatype is not None:
            out["datatype"] = str(t.datatype)
        return out
    raise TypeError(repr(t))

quads = []
if fmt in ("trig", "nquads", "json-ld"):
    ds = Dataset()
    ds.parse(data=data, format=fmt, publicID=DATASET_DEFAULT_GRAPH_ID)
    for s, p, o, g in ds.quads((None, None, None, None)):
        gid = getattr(g, "identifier", g)
        quads.append([term(s), term(p), term(o), None if gid is None or gid == DATASET_DEFAULT_GRAPH_ID else term(gid)])
else:
    g = Graph()
    g.parse(data=data, format=fmt, publicID="http://relative-iri.invalid/")
    for s, p, o in g:
        quads.append([term(s), term(p), term(o), None])
json.dump(quads, sys.stdout)
`;

export interface PythonTerm {
  type: 'uri' | 'bnode' | 'literal';
  value: string;
  lang?: string;
  datatype?: string;
}

export function fromPythonTerm(t: PythonTerm): Term {
  switch (t.type) {
    case 'uri':
      return DataFactory.namedNode(t.value);
    case 'bnode':
      return DataFactory.blankNode(t.value);
    case 'literal':
      return DataFactory.literal(t.value, t.lang ?? (t.datatype ? DataFactory.namedNode(t.datatype) : undefined));
  }
}

export type PythonRdfFormat = 'turtle' | 'nt' | 'nquads' | 'trig' | 'json-ld' | 'xml';

/** Parses a document with Python rdflib. */
export function parseWithPython(text: string, format: PythonRdfFormat): Quad[] {
  const out = execFileSync(PYTHON, ['-c', PARSE_RDF, format], { input: text, maxBuffer: 256 * 1024 * 1024 });
  const rows = JSON.parse(out.toString('utf8')) as [PythonTerm, PythonTerm, PythonTerm, PythonTerm | null][];
  return rows.map(([s, p, o, g]) =>
    DataFactory.quad(
      fromPythonTerm(s) as Quad_Subject,
      fromPythonTerm(p) as Quad_Predicate,
      fromPythonTerm(o) as Quad_Object,
      g ? (fromPythonTerm(g) as Quad_Graph) : DataFactory.defaultGraph(),
    ),
  );
}

/** Parses RDF/XML with rapper (Raptor); relative IRIs would resolve against an .invalid base and show up. */
export function parseWithRapper(text: string): Quad[] {
  const out = execFileSync('rapper', ['-q', '-i', 'rdfxml', '-o', 'ntriples', '-', 'http://relative-iri.invalid/'], {
    input: text,
    maxBuffer: 256 * 1024 * 1024,
  });
  return new Parser({ format: 'N-Triples' }).parse(out.toString('utf8'));
}

/** Parses Turtle, TriG, N-Triples or N-Quads with N3.js. */
export function parseWithN3(text: string, format: 'Turtle' | 'TriG' | 'N-Triples' | 'N-Quads'): Quad[] {
  return new Parser({ format }).parse(text);
}

/** Parses JSON-LD with jsonld.js, through the local-only document loader. */
export async function parseWithJsonLdJs(text: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(text) as object, {
    format: 'application/n-quads',
    documentLoader: localDocumentLoader,
  })) as string;
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

/** Canonical N-Quads (RDFC-1.0), graph names kept. */
export async function canonicalDataset(quads: Iterable<Quad>): Promise<string[]> {
  // Blank node cycles need more than rdf-canonize's default work factor (poison-graph guard).
  const options = { algorithm: 'RDFC-1.0' as const, maxWorkFactor: 3 };
  const text = await canonize.canonize([...quads], options);
  // An RDF dataset is a set: the same statement asserted twice counts once.
  return [...new Set(text.split('\n').filter((line) => line !== ''))].sort();
}

/** Asserts two datasets are isomorphic (blank node labels aside), graph names included. */
export async function expectSameDataset(actual: Iterable<Quad>, expected: Iterable<Quad>): Promise<void> {
  const [a, e] = await Promise.all([canonicalDataset(actual), canonicalDataset(expected)]);
  expect(a).toEqual(e);
}

/** The union of all graphs as default-graph triples, duplicates removed. */
export function triplesOf(quads: Iterable<Quad>): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) {
    const t = DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.defaultGraph());
    seen.set(`${t.subject.termType}${t.subject.value} ${t.predicate.value} ${JSON.stringify(t.object)}`, t);
  }
  return [...seen.values()];
}

export interface ProjectData {
  files: string[];
  /** data/*.ttl in the data graph, ontology/iot-setup.ttl in the ontology graph. */
  quads: Quad[];
}

/** Every Turtle file of data/ plus the ontology, each with its own blank node scope. */
export function loadProjectData(): ProjectData {
  const dataDir = new URL('data/', PROJECT_ROOT);
  const files = readdirSync(dataDir)
    .filter((name) => name.endsWith('.ttl'))
    .sort()
    .map((name) => join(dataDir.pathname, name));
  const quads: Quad[] = [];
  const parseInto = (path: string, graph: string): void => {
    const prefix = path.replace(/\W/g, '_');
    for (const q of new Parser({ blankNodePrefix: `${prefix}_` }).parse(readFileSync(path, 'utf8'))) {
      quads.push(DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode(graph)));
    }
  };
  for (const file of files) parseInto(file, GRAPH.data);
  const ontology = new URL('ontology/iot-setup.ttl', PROJECT_ROOT).pathname;
  parseInto(ontology, GRAPH.ontology);
  return { files: [...files, ontology], quads };
}
