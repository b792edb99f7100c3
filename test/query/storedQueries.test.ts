// Unit tests of the stored-query header format and of parameter binding:
// values become RDF terms (never query text), so hostile values either are
// refused (IRIs) or stay inert plain literals.
import { CompactStore } from '../../src/store/index.js';
import { describe, expect, it } from 'vitest';
import { SparqlEngine, type Row } from '../../src/query/sparqlEngine.js';
import {
  bindParameters,
  inlineParameters,
  parseStoredQuery,
  QueryParameterError,
  StoredQueryFormatError,
  type StoredQuery,
} from '../../src/query/storedQueries.js';
import { ttl } from '../helpers/rdf.js';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

const HOSTILE_VALUES = ['> } ; DROP ALL #', 'x> . ?s ?p ?o', '" } UNION { ?s ?p ?o } #', 'brski> . ?s ?p ?o . <x'];

const ROLES_QUERY = `# @title Roles of a protocol
# @description List every player role of a protocol
# @description with its categories.
# @param protocol iri https://w3id.org/iot-setup/protocol/ brski  The protocol (slug or IRI)
# @param name literal - -  A literal parameter without default
PREFIX iot: <https://w3id.org/iot-setup/ontology#>
SELECT ?role WHERE {
  ?protocol iot:involvesRole ?role .
  OPTIONAL { ?role iot:roleName ?name }
}
ORDER BY ?role
`;

function parsed(text = ROLES_QUERY): StoredQuery {
  return parseStoredQuery('protocol-roles', text, 'queries/protocol-roles.rq');
}

describe('parseStoredQuery', () => {
  it('reads the title, the (joined) description, the parameters and the query form', () => {
    const query = parsed();
    expect(query.name).toBe('protocol-roles');
    expect(query.title).toBe('Roles of a protocol');
    expect(query.description).toBe('List every player role of a protocol with its categories.');
    expect(query.form).toBe('SELECT');
    expect(query.text).toBe(ROLES_QUERY);
    expect(query.parameters).toEqual([
      {
        name: 'protocol',
        kind: 'iri',
        base: 'https://w3id.org/iot-setup/protocol/',
        default: 'brski',
        description: 'The protocol (slug or IRI)',
      },
      { name: 'name', kind: 'literal', base: null, default: null, description: 'A literal parameter without default' },
    ]);
  });

  it('recognises the other query forms, ignoring keywords inside comments', () => {
    const header = '# @title T\n# @description D\n# SELECT in a comment does not count\n';
    expect(parseStoredQuery('a', `${header}ASK { ?s ?p ?o }`).form).toBe('ASK');
    expect(parseStoredQuery('c', `${header}construct { ?s ?p ?o } WHERE { ?s ?p ?o }`).form).toBe('CONSTRUCT');
    expect(parseStoredQuery('d', `${header}DESCRIBE <https://w3id.org/iot-setup/protocol/brski>`).form).toBe('DESCRIBE');
  });

  it('refuses a file without a header', () => {
    expect(() => parseStoredQuery('bare', 'SELECT * WHERE { ?s ?p ?o }', 'queries/bare.rq')).toThrow(StoredQueryFormatError);
    expect(() => parseStoredQuery('bare', 'SELECT * WHERE { ?s ?p ?o }', 'queries/bare.rq')).toThrow(
      /queries\/bare\.rq: the header needs @title and @description/,
    );
  });

  it('refuses a header with a title but no description, or a description but no title', () => {
    expect(() => parseStoredQuery('t', '# @title Only a title\nSELECT * WHERE { ?s ?p ?o }')).toThrow(StoredQueryFormatError);
    expect(() => parseStoredQuery('d', '# @description Only a description\nSELECT * WHERE { ?s ?p ?o }')).toThrow(
      StoredQueryFormatError,
    );
  });

  it('refuses a malformed @param line, a parameter the query never uses, and a file with no query', () => {
    const header = '# @title T\n# @description D\n';
    expect(() => parseStoredQuery('p', `${header}# @param protocol uri - -  wrong kind\nSELECT ?protocol WHERE { ?protocol ?p ?o }`)).toThrow(
      /cannot read @param line/,
    );
    expect(() => parseStoredQuery('u', `${header}# @param unused literal - -  never used\nSELECT * WHERE { ?s ?p ?o }`)).toThrow(
      /parameter unused is not used as \?unused/,
    );
    expect(() => parseStoredQuery('n', `${header}# only comments`)).toThrow(/no SELECT, ASK, CONSTRUCT or DESCRIBE/);
  });
});

describe('bindParameters', () => {
  it('falls back to the declared default and leaves parameters without default unbound', () => {
    const bindings = bindParameters(parsed(), {});
    expect(Object.keys(bindings)).toEqual(['protocol']);
    expect(bindings.protocol?.termType).toBe('NamedNode');
    expect(bindings.protocol?.value).toBe('https://w3id.org/iot-setup/protocol/brski');
  });

  it('appends a slug to the base but takes a full IRI as it is', () => {
    const query = parsed();
    expect(bindParameters(query, { protocol: 'thread' }).protocol?.value).toBe('https://w3id.org/iot-setup/protocol/thread');
    expect(bindParameters(query, { protocol: 'brski/role/pledge' }).protocol?.value).toBe(
      'https://w3id.org/iot-setup/protocol/brski/role/pledge',
    );
    expect(bindParameters(query, { protocol: 'https://w3id.org/iot-setup/protocol/dpp' }).protocol?.value).toBe(
      'https://w3id.org/iot-setup/protocol/dpp',
    );
    // A full IRI outside the base is not rewritten either.
    expect(bindParameters(query, { protocol: 'https://example.org/other' }).protocol?.value).toBe('https://example.org/other');
    expect(bindParameters(query, { protocol: 'urn:example:protocol' }).protocol?.value).toBe('urn:example:protocol');
  });

  it('binds a literal parameter as a plain xsd:string literal', () => {
    const term = bindParameters(parsed(), { name: 'Pledge' }).name;
    expect(term?.termType).toBe('Literal');
    expect(term?.value).toBe('Pledge');
    expect(term?.termType === 'Literal' ? term.datatype.value : null).toBe(XSD_STRING);
  });

  it('refuses unknown parameters, naming the known ones', () => {
    expect(() => bindParameters(parsed(), { protocl: 'brski' })).toThrow(QueryParameterError);
    expect(() => bindParameters(parsed(), { protocl: 'brski' })).toThrow(/Unknown parameter\(s\) for protocol-roles: protocl\. Known: protocol, name/);
  });

  it.each(HOSTILE_VALUES)('refuses %j as an IRI parameter, as a slug or appended to a full IRI', (hostile) => {
    const query = parsed();
    expect(() => bindParameters(query, { protocol: hostile })).toThrow(QueryParameterError);
    expect(() => bindParameters(query, { protocol: `https://w3id.org/iot-setup/protocol/brski${hostile}` })).toThrow(
      QueryParameterError,
    );
  });

  it('refuses IRI values with spaces, quotes or braces', () => {
    for (const bad of ['two words', 'a"b', 'a{b}', 'a|b', 'a\\b', 'a^b', 'a`b', 'a<b']) {
      expect(() => bindParameters(parsed(), { protocol: bad }), bad).toThrow(QueryParameterError);
    }
  });
});

describe('hostile literal values change nothing in the query', () => {
  const store = new CompactStore(
    ttl`
      ex:alice ex:name "Server" ; ex:role ex:server .
      ex:bob   ex:name "Client" ; ex:role ex:client .
    `,
  );
  const engine = new SparqlEngine(store);
  const query = parseStoredQuery(
    'by-name',
    `# @title By name
# @description Things with a given name.
# @param name literal - Server  The name
PREFIX ex: <http://example.org/>
SELECT ?s ?n WHERE { ?s ex:name ?n . FILTER(STR(?n) = STR(?name)) } ORDER BY ?s
`,
  );
  const select = async (value: string): Promise<string[][]> => {
    const rows: Row[] = await engine.select(query.text, bindParameters(query, { name: value }));
    return rows.map((row) => [row.s?.value ?? '', row.n?.value ?? '']);
  };

  it('binds the default and finds the matching resource', async () => {
    expect(await select('Server')).toEqual([['http://example.org/alice', 'Server']]);
  });

  it.each(HOSTILE_VALUES)('%j is bound as a literal: same answer as a harmless value, query text and store untouched', async (hostile) => {
    const textBefore = query.text;
    const sizeBefore = store.size;
    const binding = bindParameters(query, { name: hostile }).name;
    expect(binding?.termType).toBe('Literal');
    expect(binding?.value).toBe(hostile);
    expect(await select(hostile)).toEqual(await select('a harmless name that matches nothing'));
    expect(query.text).toBe(textBefore);
    expect(store.size).toBe(sizeBefore);
  });

  it('compares the hostile text as data: a resource named with it is found, and only that one', async () => {
    const hostile = HOSTILE_VALUES[0]!;
    const withHostileName = new CompactStore([...store, ...ttl`ex:mallory ex:name "> } ; DROP ALL #" .`]);
    const rows = await new SparqlEngine(withHostileName).select(query.text, bindParameters(query, { name: hostile }));
    expect(rows.map((row) => row.s?.value)).toEqual(['http://example.org/mallory']);
  });
});

describe('inlineParameters', () => {
  it('writes the defaults in as a VALUES block at the start of the WHERE group', () => {
    const text = inlineParameters(parsed());
    expect(text).toContain('SELECT ?role WHERE {\n  VALUES ?protocol { <https://w3id.org/iot-setup/protocol/brski> }\n');
    expect(text).not.toContain('?name {');
  });

  it('writes given values, literals as strings, and gives the same rows as binding them', async () => {
    const query = parsed();
    const text = inlineParameters(query, { protocol: 'thread', name: 'Joiner "x"' });
    expect(text).toContain('VALUES ?protocol { <https://w3id.org/iot-setup/protocol/thread> }\n  VALUES ?name { "Joiner \\"x\\"" }');
    const store = new CompactStore(
      ttl`@prefix iot: <https://w3id.org/iot-setup/ontology#> .
        <https://w3id.org/iot-setup/protocol/thread> iot:involvesRole <https://w3id.org/iot-setup/protocol/thread/role/joiner> .
        <https://w3id.org/iot-setup/protocol/thread/role/joiner> iot:roleName "Joiner \\"x\\"" .
        <https://w3id.org/iot-setup/protocol/brski> iot:involvesRole <https://w3id.org/iot-setup/protocol/brski/role/pledge> .`,
    );
    const engine = new SparqlEngine(store);
    const inlined = await engine.select(text);
    const bound = await engine.select(query.text, bindParameters(query, { protocol: 'thread', name: 'Joiner "x"' }));
    expect(inlined.map((r) => r.role!.value)).toEqual(['https://w3id.org/iot-setup/protocol/thread/role/joiner']);
    expect(bound.map((r) => r.role!.value)).toEqual(inlined.map((r) => r.role!.value));
  });

  it('refuses what bindParameters refuses', () => {
    expect(() => inlineParameters(parsed(), { protocol: 'x> . ?s ?p ?o' })).toThrow(QueryParameterError);
  });
});
