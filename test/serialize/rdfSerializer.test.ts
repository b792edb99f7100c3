// Round trips: serialize, parse back with an independent parser (Python
// rdflib, rapper, N3.js, jsonld.js) and compare with the input by canonical
// isomorphism. Triple formats are compared with the union of all graphs.
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFactory, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { serializeRdf } from '../../src/serialize/rdfSerializer.js';
import { UnsupportedFormatError } from '../../src/serialize/errors.js';
import { FORMATS, type RdfFormatId } from '../../src/serialize/formats.js';
import {
  expectSameDataset,
  loadProjectData,
  parseWithJsonLdJs,
  parseWithN3,
  parseWithPython,
  parseWithRapper,
  triplesOf,
  type ProjectData,
} from './parsers.js';

const PYTHON_TIMEOUT = 120_000;

// Literals with language tags and datatypes, hostile strings, blank nodes
// (shared, nested, cyclic, self-referencing, in two graphs, naming a graph),
// IRIs with '#', '/', query strings and non-ASCII characters, and named
// graphs. Doubles are left to the lexical-forms test below: Python rdflib's
// Turtle parser and jsonld.js's toRDF each rewrite a double's lexical form.
const FIXTURE = `
@prefix ex: <http://example.org/ns#> .
@prefix exs: <http://example.org/slash/> .
@prefix iot: <https://w3id.org/iot-setup/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<https://w3id.org/iot-setup/protocol/brski> a iot:Protocol, <https://w3id.org/iot-setup/protocol/brski/role/pledge> ;
    rdfs:label "BRSKI"@en, "BRSKI (de)"@de, "plain string", "typed string"^^xsd:string ;
    skos:definition "Quotes \\" ' and <tags> & ampersands, ]]> too"@en ;
    rdfs:comment "line one\\nline two\\r\\nline three\\ttabbed"@en, "Ünïcödé – ✓ – 日本語 – 😀"@ja ;
    iot:position 1, -7, 3.25, true, "2026-11-26"^^xsd:date, "x"^^ex:custom ;
    dcterms:source <https://datatracker.ietf.org/doc/html/draft-irtf-t2trg-security-setup-iot-devices-01#section-2.8> ;
    rdfs:seeAlso <http://example.org/path/with?query=1&b=2#frag>, <http://example.org/caf%C3%A9>, <http://example.org/café> ;
    ex:blank [ ex:nested [ rdfs:label "deep"@en ] ], _:shared ;
    exs:other _:shared .
_:shared rdfs:label "shared"@en .
_:cycleA ex:next _:cycleB .
_:cycleB ex:next _:cycleA .
_:self ex:next _:self .
[] a ex:Axiom ; ex:annotatedSource ex:a ; rdfs:label ""@en, "" .
ex:a ex:empty "" .

<https://w3id.org/iot-setup/graph/data> {
    ex:a ex:inGraph "one" ; ex:blank _:shared .
    <https://w3id.org/iot-setup/protocol/brski> rdfs:label "BRSKI"@en .
}
_:graphName {
    ex:b ex:inBlankGraph ex:c .
}
`;

const fixture: Quad[] = new Parser({ format: 'TriG' }).parse(FIXTURE);

type Check = (text: string) => Quad[] | Promise<Quad[]>;

/** Independent parsers per format, and whether the format keeps graph names. */
const CHECKS: Record<RdfFormatId, { quads: boolean; parsers: Record<string, Check> }> = {
  turtle: {
    quads: false,
    parsers: { 'python rdflib': (t) => parseWithPython(t, 'turtle'), 'N3.js': (t) => parseWithN3(t, 'Turtle') },
  },
  ntriples: {
    quads: false,
    parsers: { 'python rdflib': (t) => parseWithPython(t, 'nt'), 'N3.js': (t) => parseWithN3(t, 'N-Triples') },
  },
  rdfxml: {
    quads: false,
    parsers: { 'python rdflib': (t) => parseWithPython(t, 'xml'), rapper: parseWithRapper },
  },
  trig: {
    quads: true,
    parsers: { 'python rdflib': (t) => parseWithPython(t, 'trig'), 'N3.js': (t) => parseWithN3(t, 'TriG') },
  },
  nquads: {
    quads: true,
    parsers: { 'python rdflib': (t) => parseWithPython(t, 'nquads'), 'N3.js': (t) => parseWithN3(t, 'N-Quads') },
  },
  jsonld: {
    quads: true,
    parsers: { 'python rdflib': (t) => parseWithPython(t, 'json-ld'), 'jsonld.js': parseWithJsonLdJs },
  },
};

const RDF_FORMAT_IDS = FORMATS.filter((f) => f.kind === 'rdf-triples' || f.kind === 'rdf-quads').map((f) => f.id as RdfFormatId);

it('checks every RDF format of the table', () => {
  expect(Object.keys(CHECKS).sort()).toEqual([...RDF_FORMAT_IDS].sort());
});

describe.each(RDF_FORMAT_IDS)('%s', (formatId) => {
  const { quads: keepsGraphs, parsers } = CHECKS[formatId];
  const expected = (input: Quad[]): Quad[] => (keepsGraphs ? input : triplesOf(input));

  describe('fixture round trip', () => {
    let text: string;
    beforeAll(async () => {
      text = await serializeRdf(fixture, formatId);
    });
    it.each(Object.keys(parsers))('parsed back by %s', async (parser) => {
      await expectSameDataset(await parsers[parser]!(text), expected(fixture));
    }, PYTHON_TIMEOUT);
  });

  describe('all of data/*.ttl and the ontology', () => {
    let data: ProjectData;
    let text: string;
    beforeAll(async () => {
      data = loadProjectData();
      text = await serializeRdf(data.quads, formatId);
    }, PYTHON_TIMEOUT);
    it('reads real files', () => {
      expect(data.files.length).toBeGreaterThanOrEqual(10);
      expect(data.quads.length).toBeGreaterThan(1000);
    });
    it.each(Object.keys(parsers))('parsed back by %s', async (parser) => {
      await expectSameDataset(await parsers[parser]!(text), expected(data.quads));
    }, PYTHON_TIMEOUT);
  });
});

describe('lexical forms', () => {
  // Python rdflib's Turtle parser rewrites bare numbers to canonical form, so
  // N3.js, jsonld.js and rapper check that non-canonical lexical forms survive.
  const input = new Parser().parse(`
    @prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ex:s ex:p "05"^^xsd:integer, "+5"^^xsd:integer, "1.50"^^xsd:decimal, "1"^^xsd:boolean, "0"^^xsd:boolean,
      "1.5E0"^^xsd:double, "12345678901234567890"^^xsd:integer, "-0"^^xsd:integer, "abc"^^xsd:integer .`);
  const checks: [RdfFormatId, Check][] = [
    ['turtle', (t) => parseWithN3(t, 'Turtle')],
    ['trig', (t) => parseWithN3(t, 'TriG')],
    ['ntriples', (t) => parseWithN3(t, 'N-Triples')],
    ['nquads', (t) => parseWithN3(t, 'N-Quads')],
    ['jsonld', parseWithJsonLdJs],
    ['rdfxml', parseWithRapper],
  ];
  it.each(checks)('%s keeps them', async (formatId, parse) => {
    await expectSameDataset(await parse(await serializeRdf(input, formatId)), input);
  });
});

describe('serializeRdf', () => {
  const quads = new Parser().parse('<http://example.org/s> <http://example.org/p> "o" .');

  it('refuses formats that are not RDF', async () => {
    await expect(serializeRdf(quads, 'html')).rejects.toBeInstanceOf(UnsupportedFormatError);
    await expect(serializeRdf(quads, 'csv')).rejects.toBeInstanceOf(UnsupportedFormatError);
    await expect(serializeRdf(quads, 'nonsense')).rejects.toThrow(/not a known format/);
  });

  it('writes triple formats without duplicates when graphs repeat a triple', async () => {
    const [t] = quads;
    const repeated = [t!, DataFactory.quad(t!.subject, t!.predicate, t!.object, DataFactory.namedNode('http://example.org/g'))];
    expect((await serializeRdf(repeated, 'ntriples')).trim().split('\n')).toHaveLength(1);
    expect((await serializeRdf(repeated, 'nquads')).trim().split('\n')).toHaveLength(2);
  });

  it('uses the given prefixes in Turtle', async () => {
    const text = await serializeRdf(quads, 'turtle', { prefixes: { ex: 'http://example.org/' } });
    expect(text).toContain('@prefix ex: <http://example.org/>');
    expect(text).toContain('ex:s ex:p "o"');
  });

  it('relabels blank nodes that no syntax would accept', async () => {
    const odd = [DataFactory.quad(DataFactory.blankNode('a b.c:d'), DataFactory.namedNode('http://example.org/p'), DataFactory.blankNode('é/1'))];
    for (const id of ['turtle', 'ntriples', 'rdfxml', 'jsonld'] as const) {
      const text = await serializeRdf(odd, id);
      expect(text).not.toContain('a b.c:d');
    }
  });

  it('accepts an empty graph in every format', async () => {
    for (const id of RDF_FORMAT_IDS) {
      const text = await serializeRdf([], id);
      expect(typeof text).toBe('string');
    }
    await expectSameDataset(parseWithRapper(await serializeRdf([], 'rdfxml')), []);
    await expectSameDataset(await parseWithJsonLdJs(await serializeRdf([], 'jsonld')), []);
  });
});
