// rdflib's RDF/XML writer and the guards around it (src/serialize/rdfXml.ts).
import { describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import * as rdflib from 'rdflib';
import { serializeRdf } from '../../src/serialize/rdfSerializer.js';
import { UnrepresentableError } from '../../src/serialize/errors.js';
import { expectSameDataset, loadProjectData, parseWithPython, parseWithRapper, triplesOf } from './parsers.js';

const PREFIXES = '@prefix ex: <http://example.org/ns#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n';
const parse = (turtle: string) => new Parser().parse(PREFIXES + turtle);

async function roundTrip(turtle: string): Promise<string> {
  const input = parse(turtle);
  const xml = await serializeRdf(input, 'rdfxml');
  await expectSameDataset(parseWithRapper(xml), input);
  await expectSameDataset(parseWithPython(xml, 'xml'), input);
  return xml;
}

/** The values of every attribute that holds an IRI, and of every namespace declaration. */
function iriAttributes(xml: string): string[] {
  return [...xml.matchAll(/(?:rdf:about|rdf:resource|rdf:datatype|xmlns(?::[\w-]+)?)="([^"]*)"/g)].map((m) => m[1]!);
}

describe('rdflib quirks this module works around', () => {
  it('rdflib alone nests a once-referenced blank node wrongly (canary: drop the workaround when this fails)', () => {
    const store = rdflib.graph();
    const b = rdflib.blankNode('n0');
    store.add(rdflib.sym('http://example.org/ns#s'), rdflib.sym('http://example.org/ns#p'), b);
    store.add(b, rdflib.sym('http://example.org/ns#q'), rdflib.literal('x'));
    const raw = rdflib.serialize(null, store, undefined, 'application/rdf+xml') ?? '';
    expect(raw).toMatch(/rdf:parseType="Resource">\s*<rdf:Description>/);
  });

  it('writes once-referenced and nested blank nodes flat with rdf:nodeID', async () => {
    const xml = await roundTrip('ex:s ex:p [ ex:q [ ex:r "deep" ] ] .');
    expect(xml).not.toContain('parseType');
    expect(xml).toContain('rdf:nodeID="b0"');
  });

  it('keeps a cycle of blank nodes each referenced once', async () => {
    await roundTrip('_:a ex:next _:b . _:b ex:next _:c . _:c ex:next _:a .');
  });

  it('keeps carriage returns, "]]>", markup characters and non-ASCII text', async () => {
    const xml = await roundTrip('ex:s ex:p "a\\r\\nb ]]> <c> & \\"d\\" \' \\t é 😀 日本"@en-gb, "x"^^ex:dt .');
    expect(xml).toContain('&#13;');
    expect(xml).toContain(']]&gt;');
  });

  it('puts a type usable as element name first', async () => {
    const xml = await roundTrip('ex:s a <http://example.org/types/1st>, ex:Good ; ex:p 1 .');
    expect(xml).toMatch(/<[a-z0-9]+:Good rdf:about="http:\/\/example.org\/ns#s">/);
  });

  it('keeps container members rdf:_1 … rdf:_3', async () => {
    await roundTrip('ex:bag a rdf:Bag ; rdf:_1 "one" ; rdf:_2 "two" ; rdf:_3 "three" .');
  });

  it('writes absolute IRIs only, with no base, whatever the data', async () => {
    const xml = await roundTrip('<https://w3id.org/iot-setup/a#b> ex:p <https://w3id.org/iot-setup/>, <https://w3id.org/iot-setup/protocol/brski>, <http://example.org/ns#> .');
    expect(xml).not.toContain('xml:base');
    for (const iri of iriAttributes(xml)) expect(iri).toMatch(/^[a-z][a-z0-9+.-]*:/i);
  });

  it('writes the whole knowledge graph with absolute IRIs and an XML declaration', async () => {
    const { quads } = loadProjectData();
    const xml = await serializeRdf(quads, 'rdfxml');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF')).toBe(true);
    const iris = iriAttributes(xml);
    expect(iris.length).toBeGreaterThan(1000);
    for (const iri of iris) expect(iri).toMatch(/^[a-z][a-z0-9+.-]*:/i);
    await expectSameDataset(parseWithRapper(xml), triplesOf(quads));
  });
});

describe('what RDF/XML (or rdflib) cannot write is refused, never written wrongly', () => {
  it.each([
    ['a predicate whose local name starts with a digit', 'ex:s <http://example.org/p/1st> "x" .'],
    ['a predicate ending in a slash', 'ex:s <http://example.org/p/> "x" .'],
    ['a predicate with no local name after #', 'ex:s <http://example.org/ns#> "x" .'],
    ['a predicate that is an RDF/XML syntax name', 'ex:s rdf:Description "x" .'],
    ['rdf:li as predicate', 'ex:s rdf:li "x" .'],
    ['a subject whose only type is no element name', 'ex:s a <http://example.org/types/1st> .'],
    ['rdf:Description as the only type', 'ex:s a rdf:Description .'],
    ['container members with a gap', 'ex:s rdf:_1 "a" ; rdf:_3 "c" .'],
    ['more than nine container members', `ex:s ${Array.from({ length: 10 }, (_, i) => `rdf:_${i + 1} "${i}"`).join(' ; ')} .`],
    ['a control character XML cannot carry', 'ex:s ex:p "bell \\u0007" .'],
  ])('%s', async (_name, turtle) => {
    await expect(serializeRdf(parse(turtle), 'rdfxml')).rejects.toBeInstanceOf(UnrepresentableError);
  });
});
