// The JSON-LD context (ontology/context.jsonld) and the compacted output.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import jsonld from 'jsonld';
import type { Quad } from '@rdfjs/types';
import { serializeRdf } from '../../src/serialize/rdfSerializer.js';
import {
  JSONLD_CONTEXT_URL,
  RemoteContextRefused,
  loadJsonLdContext,
  localDocumentLoader,
  pruneContext,
  type JsonLdContextDocument,
} from '../../src/serialize/jsonLd.js';
import { GRAPH, IOT, PREFIXES } from '../../src/namespaces.js';
import { expectSameDataset, loadProjectData, parseWithJsonLdJs, parseWithPython, triplesOf } from './parsers.js';

const OWL = 'http://www.w3.org/2002/07/owl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

type TermDefinition = string | { '@id'?: string; '@type'?: string; '@language'?: string };

let context: JsonLdContextDocument;
let terms: Record<string, TermDefinition>;
let ontology: Quad[];

/** The IRI a term or compact IRI stands for under the context. */
function expandIri(value: string): string {
  const colon = value.indexOf(':');
  const prefix = colon > 0 ? terms[value.slice(0, colon)] : undefined;
  return typeof prefix === 'string' ? prefix + value.slice(colon + 1) : value;
}

function termFor(iri: string): [string, TermDefinition] | undefined {
  return Object.entries(terms).find(([, def]) => typeof def === 'object' && def['@id'] !== undefined && expandIri(def['@id']) === iri);
}

beforeAll(async () => {
  context = await loadJsonLdContext();
  terms = context['@context'] as unknown as Record<string, TermDefinition>;
  ontology = new Parser().parse(readFileSync(new URL('../../ontology/iot-setup.ttl', import.meta.url), 'utf8'));
});

describe('ontology/context.jsonld', () => {
  it('is a JSON-LD 1.1 context that jsonld.js accepts', async () => {
    expect(terms['@version']).toBe(1.1);
    const expanded = await jsonld.expand({ '@context': context['@context'], '@id': 'iot:x', label: 'x', source: 'src:section-1' }, {
      documentLoader: localDocumentLoader,
    });
    expect(expanded).toEqual([
      {
        '@id': `${IOT}x`,
        'http://www.w3.org/2000/01/rdf-schema#label': [{ '@value': 'x', '@language': 'en' }],
        'http://purl.org/dc/terms/source': [{ '@id': `${PREFIXES.src}section-1` }],
      },
    ]);
  });

  it('declares the project prefixes with the namespaces of namespaces.ts', () => {
    for (const [prefix, iri] of Object.entries(PREFIXES)) expect(terms[prefix]).toBe(iri);
  });

  it('has a term for every property of the iot: namespace, object properties typed @id', () => {
    const kinds = new Map<string, string>();
    for (const q of ontology) {
      if (q.predicate.value === RDF_TYPE && q.subject.value.startsWith(IOT) && q.object.value.startsWith(OWL) && q.object.value.endsWith('Property')) {
        const kind = q.object.value.slice(OWL.length);
        if (['ObjectProperty', 'DatatypeProperty', 'AnnotationProperty'].includes(kind)) kinds.set(q.subject.value, kind);
      }
    }
    expect(kinds.size).toBeGreaterThan(20);
    for (const [iri, kind] of kinds) {
      const found = termFor(iri);
      expect(found, `no term for <${iri}>`).toBeDefined();
      const [name, def] = found!;
      expect(name).toBe(iri.slice(IOT.length));
      const coercion = typeof def === 'object' ? def['@type'] : undefined;
      if (kind === 'ObjectProperty') expect(coercion, name).toBe('@id');
      else expect(coercion, name).not.toBe('@id');
    }
  });

  it('has a term for every predicate used in data/ and the ontology', () => {
    const { quads } = loadProjectData();
    const predicates = new Set(quads.map((q) => q.predicate.value));
    predicates.delete(RDF_TYPE); // written as "type" (@type)
    const missing = [...predicates].filter((p) => !termFor(p));
    expect(missing).toEqual([]);
  });
});

describe('document loader', () => {
  it('serves the local context under its published IRI', async () => {
    const remote = await localDocumentLoader(JSONLD_CONTEXT_URL);
    expect(remote.document).toEqual(context);
    const doc = { '@context': JSONLD_CONTEXT_URL, '@id': 'iot:x', label: 'x' };
    const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader: localDocumentLoader });
    expect(nquads).toBe(`<${IOT}x> <http://www.w3.org/2000/01/rdf-schema#label> "x"@en .\n`);
  });

  it('refuses every other IRI with a clear error, without touching the network', async () => {
    await expect(localDocumentLoader('https://schema.org/')).rejects.toBeInstanceOf(RemoteContextRefused);
    await expect(localDocumentLoader('https://schema.org/')).rejects.toThrow(/Refusing to load .*https:\/\/schema\.org\/.*no network access/);
    const doc = { '@context': 'https://schema.org/', '@id': 'http://example.org/x', name: 'x' };
    await expect(jsonld.toRDF(doc, { documentLoader: localDocumentLoader })).rejects.toThrow();
  });
});

describe('compacted output', () => {
  let data: Quad[];
  let document: Record<string, unknown>;
  beforeAll(async () => {
    data = loadProjectData().quads;
    document = JSON.parse(await serializeRdf(data, 'jsonld')) as Record<string, unknown>;
  });

  it('embeds the context, reduced to what the document uses', () => {
    const embedded = document['@context'] as Record<string, unknown>;
    expect(typeof embedded).toBe('object');
    for (const [name, def] of Object.entries(embedded)) expect(terms[name]).toEqual(def);
    const small = JSON.parse(
      JSON.stringify(pruneContext(terms, { '@graph': [{ id: 'iot:x', label: 'x', 'owl:foo': 1 }] })),
    ) as Record<string, unknown>;
    expect(Object.keys(small).sort()).toEqual(['@version', 'id', 'iot', 'label', 'owl', 'rdfs'].sort());
  });

  it('keeps the named graphs as @graph entries', () => {
    const graphs = (document['@graph'] as Record<string, unknown>[]).filter((node) => '@graph' in node).map((node) => node.id);
    expect(graphs.sort()).toEqual([GRAPH.data, GRAPH.ontology].sort());
  });

  it('is readable: terms, compact IRIs, plain strings and numbers', async () => {
    const text = await serializeRdf(
      triplesOf(data.filter((q) => q.subject.value === 'https://w3id.org/iot-setup/protocol/brski/process/discover')),
      'jsonld',
    );
    const node = JSON.parse(text) as Record<string, unknown>;
    expect(node).toMatchObject({
      id: 'https://w3id.org/iot-setup/protocol/brski/process/discover',
      type: 'iot:Step',
      label: 'Discover',
      position: 1,
      protocol: 'https://w3id.org/iot-setup/protocol/brski',
      nextStep: 'https://w3id.org/iot-setup/protocol/brski/process/self-identify',
      source: expect.arrayContaining(['src:section-2.8', 'src:section-3.1']) as unknown,
    });
    expect(text).not.toContain('"@value"');
  });

  it('never expands: no full IRI of a known vocabulary as a key', () => {
    const keys = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, child] of Object.entries(node)) {
          if (key !== '@context') {
            keys.add(key);
            walk(child);
          }
        }
      }
    };
    walk(document);
    expect([...keys].filter((key) => /^https?:/.test(key))).toEqual([]);
  });

  it('falls back to explicit values where a term does not fit, without losing triples', async () => {
    const input = new Parser().parse(`
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
      @prefix iot: <https://w3id.org/iot-setup/ontology#> . @prefix dcterms: <http://purl.org/dc/terms/> .
      <http://example.org/x> rdfs:label "english"@en, "deutsch"@de, "plain", "EN-GB"@en-gb ;
        iot:position 3, "three" ; dcterms:source "a literal source", <http://example.org/src> ;
        skos:broader [ rdfs:label "anon"@en ] ; dcterms:created "2026-01-01"^^<http://www.w3.org/2001/XMLSchema#date>, "not a date" .`);
    const text = await serializeRdf(input, 'jsonld');
    await expectSameDataset(await parseWithJsonLdJs(text), input);
    await expectSameDataset(parseWithPython(text, 'json-ld'), input);
  });
});
