// SPARQL results in JSON, XML, CSV and TSV: exact output for the W3C
// examples, and hostile strings parsed back by Python rdflib's result parsers.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { DataFactory, Parser } from 'n3';
import type { Term } from '@rdfjs/types';
import {
  serializeAskResult,
  serializeSelectResult,
  supportsAsk,
  supportsSelect,
  type SelectResults,
} from '../../src/serialize/sparqlResults.js';
import { UnrepresentableError, UnsupportedFormatError } from '../../src/serialize/errors.js';
import { formatsOfKind } from '../../src/serialize/formats.js';
import { PYTHON, type PythonTerm } from './parsers.js';

const { namedNode, blankNode, literal, quad, variable, defaultGraph } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';

const PARSE_RESULTS = `
import sys, json, io
import rdflib
rdflib.NORMALIZE_LITERALS = False
from rdflib import URIRef, BNode, Literal
from rdflib.query import Result
r = Result.parse(io.BytesIO(sys.stdin.buffer.read()), format=sys.argv[1])
def term(t):
    if isinstance(t, URIRef): return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode): return {"type": "bnode", "value": str(t)}
    if isinstance(t, Literal):
        out = {"type": "literal", "value": str(t)}
        if t.language is not None: out["lang"] = t.language
        elif t.datatype is not None: out["datatype"] = str(t.datatype)
        return out
    raise TypeError(repr(t))
if r.type == "ASK":
    json.dump({"boolean": r.askAnswer}, sys.stdout)
else:
    json.dump({"vars": [str(v) for v in r.vars],
               "rows": [{str(k): term(v) for k, v in b.items() if v is not None} for b in r.bindings]}, sys.stdout)
`;

type PythonResult = { vars: string[]; rows: Record<string, PythonTerm>[] } | { boolean: boolean };

const PYTHON_FORMAT = { 'sparql-json': 'json', 'sparql-xml': 'xml', csv: 'csv', tsv: 'tsv' } as const;

function parseWithPython(text: string, formatId: keyof typeof PYTHON_FORMAT): PythonResult {
  const out = execFileSync(PYTHON, ['-c', PARSE_RESULTS, PYTHON_FORMAT[formatId]], { input: text });
  return JSON.parse(out.toString('utf8')) as PythonResult;
}

/** What a full-fidelity format must give back for a term; blank nodes compare through a bijection. */
function expectedTerm(term: Term): PythonTerm {
  if (term.termType === 'NamedNode') return { type: 'uri', value: term.value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value: term.value };
  if (term.termType === 'Literal') {
    if (term.language) return { type: 'literal', value: term.value, lang: term.language };
    if (term.datatype.value === `${XSD}string`) return { type: 'literal', value: term.value };
    return { type: 'literal', value: term.value, datatype: term.datatype.value };
  }
  throw new Error(`unexpected ${term.termType}`);
}

/** CSV keeps only strings: IRIs, lexical forms, and _:labels. */
function csvString(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function expectSameRows(results: SelectResults, parsed: PythonResult, lossy: boolean): void {
  if (!('vars' in parsed)) throw new Error('expected SELECT results');
  expect(parsed.vars).toEqual(results.variables);
  expect(parsed.rows).toHaveLength(results.rows.length);
  const blanks = new Map<string, string>();
  results.rows.forEach((row, i) => {
    const got = parsed.rows[i]!;
    const want: Record<string, PythonTerm | string> = {};
    for (const name of results.variables) {
      const term = row[name];
      if (term && !(lossy && term.termType === 'Literal' && term.value === '')) want[name] = lossy ? csvString(term) : expectedTerm(term);
    }
    const gotComparable: Record<string, PythonTerm | string> = {};
    for (const [name, value] of Object.entries(got)) {
      if (lossy) gotComparable[name] = value.value;
      else if (value.type === 'bnode') {
        const original = Object.entries(row).find(([n]) => n === name)![1]!.value;
        if (!blanks.has(original)) blanks.set(original, value.value);
        expect(value.value, 'blank node labels stay consistent').toBe(blanks.get(original));
        gotComparable[name] = { type: 'bnode', value: original };
      } else gotComparable[name] = value;
    }
    if (lossy) {
      // CSV's labels are the serializer's own; compare them by position of first use.
      for (const [name, value] of Object.entries(want)) {
        if (typeof value === 'string' && value.startsWith('_:')) {
          const term = row[name]!;
          if (!blanks.has(term.value)) blanks.set(term.value, gotComparable[name] as string);
          want[name] = blanks.get(term.value)!;
        }
      }
    }
    expect(gotComparable, `row ${i}`).toEqual(want);
  });
}

// The example of "SPARQL 1.1 Query Results CSV and TSV Formats", section 1.1.
const SPEC_EXAMPLE: SelectResults = {
  variables: ['x', 'literal'],
  rows: [
    { x: namedNode('http://example/x'), literal: literal('String') },
    { x: namedNode('http://example/x'), literal: literal('String-with-dquote"') },
    { x: blankNode('blank0'), literal: literal('Blank node') },
    { literal: literal("Missing 'x'") },
    {},
    { x: namedNode('http://example/x') },
    { x: blankNode('blank1'), literal: literal('String-with-lang', 'en') },
    { x: blankNode('blank1'), literal: literal('123', namedNode(`${XSD}integer`)) },
  ],
};

const HOSTILE_STRINGS = [
  'plain',
  '',
  'comma, separated',
  'double "quoted" text',
  "single 'quoted'",
  'line one\nline two',
  'windows\r\nline',
  'lone\rcarriage',
  'tab\tseparated',
  '<tag attr="v">&amp; & ]]> </tag>',
  'back\\slash \\n not a newline',
  'Ünïcödé – 日本語 – 😀',
  '  leading and trailing spaces  ',
  '"',
  ',',
  '_:not a blank node',
  'http://looks.like/an/iri',
];

const HOSTILE: SelectResults = {
  variables: ['s', 'text', 'lang', 'typed'],
  rows: HOSTILE_STRINGS.map((text, i) => ({
    s: i % 3 === 0 ? blankNode(`node${i % 2}`) : namedNode(`http://example.org/r?a=${i}&b=%22x%22&c=é#frag`),
    text: literal(text),
    lang: literal(text, i % 2 ? 'en' : 'de-ch'),
    ...(i % 4 === 3 ? {} : { typed: literal(text, namedNode(`http://example.org/dt#t${i}`)) }),
  })),
};

const NUMBERS: SelectResults = {
  variables: ['n'],
  rows: [
    ['42', 'integer'],
    ['-7', 'integer'],
    ['+3', 'integer'],
    ['007', 'integer'],
    ['3.25', 'decimal'],
    ['.5', 'decimal'],
    ['1.0E3', 'double'],
    ['4e-2', 'double'],
    ['1', 'decimal'],
    ['NaN', 'double'],
    ['true', 'boolean'],
    ['2026-11-26', 'date'],
  ].map(([value, type]) => ({ n: literal(value!, namedNode(`${XSD}${type}`)) })),
};

describe('the W3C example', () => {
  it('CSV is exactly as in the specification', () => {
    expect(serializeSelectResult(SPEC_EXAMPLE, 'csv')).toBe(
      [
        'x,literal',
        'http://example/x,String',
        'http://example/x,"String-with-dquote"""',
        '_:b0,Blank node',
        ",Missing 'x'",
        ',',
        'http://example/x,',
        '_:b1,String-with-lang',
        '_:b1,123',
        '',
      ].join('\r\n'),
    );
  });

  it('TSV is exactly as in the specification', () => {
    expect(serializeSelectResult(SPEC_EXAMPLE, 'tsv')).toBe(
      [
        '?x\t?literal',
        '<http://example/x>\t"String"',
        '<http://example/x>\t"String-with-dquote\\""',
        '_:b0\t"Blank node"',
        '\t"Missing \'x\'"',
        '\t',
        '<http://example/x>\t',
        '_:b1\t"String-with-lang"@en',
        '_:b1\t123',
        '',
      ].join('\n'),
    );
  });

  it('JSON has head.vars and results.bindings with typed terms, unbound variables left out', () => {
    const json = JSON.parse(serializeSelectResult(SPEC_EXAMPLE, 'sparql-json')) as {
      head: { vars: string[] };
      results: { bindings: Record<string, unknown>[] };
    };
    expect(json.head).toEqual({ vars: ['x', 'literal'] });
    expect(json.results.bindings[3]).toEqual({ literal: { type: 'literal', value: "Missing 'x'" } });
    expect(json.results.bindings[4]).toEqual({});
    expect(json.results.bindings[6]).toEqual({ x: { type: 'bnode', value: 'b1' }, literal: { type: 'literal', value: 'String-with-lang', 'xml:lang': 'en' } });
    expect(json.results.bindings[7]).toEqual({ x: { type: 'bnode', value: 'b1' }, literal: { type: 'literal', value: '123', datatype: `${XSD}integer` } });
  });

  it('XML uses the results namespace, variables in the head and one binding per bound variable', () => {
    const xml = serializeSelectResult(SPEC_EXAMPLE, 'sparql-xml');
    expect(xml).toContain('<sparql xmlns="http://www.w3.org/2005/sparql-results#">');
    expect(xml).toContain('<variable name="x"/>');
    expect(xml).toContain('<binding name="literal"><literal xml:lang="en">String-with-lang</literal></binding>');
    expect(xml).toContain(`<binding name="literal"><literal datatype="${XSD}integer">123</literal></binding>`);
    expect(xml).toContain('<binding name="x"><bnode>b0</bnode></binding>');
    expect(xml.match(/<result>/g)).toHaveLength(8);
  });

  it.each(['sparql-json', 'sparql-xml', 'tsv'] as const)('%s parses back in Python rdflib', (formatId) => {
    expectSameRows(SPEC_EXAMPLE, parseWithPython(serializeSelectResult(SPEC_EXAMPLE, formatId), formatId), false);
  });

  it('csv parses back in Python rdflib', () => {
    expectSameRows(SPEC_EXAMPLE, parseWithPython(serializeSelectResult(SPEC_EXAMPLE, 'csv'), 'csv'), true);
  });
});

describe('hostile strings', () => {
  it.each(['sparql-json', 'sparql-xml'] as const)('%s round-trips every term through Python rdflib', (formatId) => {
    expectSameRows(HOSTILE, parseWithPython(serializeSelectResult(HOSTILE, formatId), formatId), false);
  });

  it('tsv round-trips every term through Python rdflib (but backslashes)', () => {
    // rdflib 6.1's TSV parser unescapes "\\n" (backslash, n) as backslash + newline; N3.js checks those below.
    const withoutBackslash: SelectResults = { ...HOSTILE, rows: HOSTILE.rows.filter((row) => !row.text!.value.includes('\\')) };
    expect(withoutBackslash.rows.length).toBe(HOSTILE.rows.length - 1);
    expectSameRows(withoutBackslash, parseWithPython(serializeSelectResult(withoutBackslash, 'tsv'), 'tsv'), false);
  });

  it('tsv writes every term in Turtle syntax that N3.js reads back exactly', () => {
    const lines = serializeSelectResult(HOSTILE, 'tsv').split('\n').slice(1, -1);
    lines.forEach((line, i) => {
      const row = HOSTILE.rows[i]!;
      line.split('\t').forEach((field, j) => {
        const expected = row[HOSTILE.variables[j]!];
        if (!expected) return expect(field).toBe('');
        const [parsed] = new Parser().parse(`<http://example.org/s> <http://example.org/p> ${field} .`);
        if (expected.termType === 'BlankNode') return expect(parsed!.object.termType).toBe('BlankNode');
        expect(parsed!.object.equals(expected), `${field} → ${expected.value}`).toBe(true);
      });
    });
  });

  it('csv round-trips every value through Python rdflib', () => {
    expectSameRows(HOSTILE, parseWithPython(serializeSelectResult(HOSTILE, 'csv'), 'csv'), true);
  });

  it('TSV keeps one line per row: tabs and line breaks are escaped', () => {
    const lines = serializeSelectResult(HOSTILE, 'tsv').split('\n');
    expect(lines).toHaveLength(HOSTILE.rows.length + 2);
    for (const line of lines.slice(0, -1)) expect(line.split('\t')).toHaveLength(4);
  });

  it('CSV ends every line with CRLF and quotes only where RFC 4180 requires', () => {
    const csv = serializeSelectResult({ variables: ['a', 'b'], rows: [{ a: literal('x y'), b: literal('p,q') }] }, 'csv');
    expect(csv).toBe('a,b\r\nx y,"p,q"\r\n');
  });

  it('XML escapes markup and carriage returns', () => {
    const xml = serializeSelectResult({ variables: ['a'], rows: [{ a: literal('<&>\r]]>"') }] }, 'sparql-xml');
    expect(xml).toContain('<literal>&lt;&amp;&gt;&#13;]]&gt;"</literal>');
  });

  it('XML refuses characters XML 1.0 cannot carry; JSON and TSV escape them', () => {
    const bell: SelectResults = { variables: ['a'], rows: [{ a: literal('bell \u0007') }] };
    expect(() => serializeSelectResult(bell, 'sparql-xml')).toThrow(UnrepresentableError);
    expect(JSON.parse(serializeSelectResult(bell, 'sparql-json'))).toMatchObject({ results: { bindings: [{ a: { value: 'bell \u0007' } }] } });
    expect(serializeSelectResult(bell, 'tsv')).toContain('"bell \\u0007"');
  });
});

describe('numbers in TSV', () => {
  it('are abbreviated where the lexical form is Turtle number syntax of the same datatype', () => {
    const lines = serializeSelectResult(NUMBERS, 'tsv').trim().split('\n').slice(1);
    expect(lines).toEqual([
      '42',
      '-7',
      '+3',
      '007',
      '3.25',
      '.5',
      '1.0E3',
      '4e-2',
      `"1"^^<${XSD}decimal>`,
      `"NaN"^^<${XSD}double>`,
      `"true"^^<${XSD}boolean>`,
      `"2026-11-26"^^<${XSD}date>`,
    ]);
  });

  it.each(['sparql-json', 'sparql-xml', 'tsv'] as const)('keep their lexical forms and datatypes in %s', (formatId) => {
    expectSameRows(NUMBERS, parseWithPython(serializeSelectResult(NUMBERS, formatId), formatId), false);
  });
});

describe('edge cases', () => {
  it('writes an empty result in every format', () => {
    const empty: SelectResults = { variables: ['a', 'b'], rows: [] };
    for (const formatId of ['sparql-json', 'sparql-xml', 'csv', 'tsv'] as const) {
      expectSameRows(empty, parseWithPython(serializeSelectResult(empty, formatId), formatId), formatId === 'csv');
    }
  });

  it('strips a leading ? or $ from variable names', () => {
    const json = JSON.parse(serializeSelectResult({ variables: ['?a', '$b'], rows: [] }, 'sparql-json')) as { head: { vars: string[] } };
    expect(json.head.vars).toEqual(['a', 'b']);
  });

  it('writes quoted triples as the SPARQL 1.2 drafts do', () => {
    const triple = quad(namedNode('http://example.org/s'), namedNode('http://example.org/p'), literal('o', 'en'), defaultGraph());
    const results: SelectResults = { variables: ['t'], rows: [{ t: triple }] };
    expect(JSON.parse(serializeSelectResult(results, 'sparql-json'))).toMatchObject({
      results: {
        bindings: [
          {
            t: {
              type: 'triple',
              value: {
                subject: { type: 'uri', value: 'http://example.org/s' },
                predicate: { type: 'uri', value: 'http://example.org/p' },
                object: { type: 'literal', value: 'o', 'xml:lang': 'en' },
              },
            },
          },
        ],
      },
    });
    expect(serializeSelectResult(results, 'tsv')).toBe('?t\n<< <http://example.org/s> <http://example.org/p> "o"@en >>\n');
    expect(serializeSelectResult(results, 'sparql-xml')).toContain(
      '<triple><subject><uri>http://example.org/s</uri></subject><predicate><uri>http://example.org/p</uri></predicate><object><literal xml:lang="en">o</literal></object></triple>',
    );
  });

  it('refuses a variable as a bound value', () => {
    expect(() => serializeSelectResult({ variables: ['a'], rows: [{ a: variable('x') }] }, 'sparql-json')).toThrow(TypeError);
  });

  it('refuses formats that carry no SELECT result', () => {
    expect(() => serializeSelectResult(SPEC_EXAMPLE, 'turtle')).toThrow(UnsupportedFormatError);
    expect(supportsSelect('html')).toBe(false);
  });
});

describe('ASK', () => {
  it.each([true, false])('JSON and XML carry %s, as Python rdflib reads it', (answer) => {
    expect(JSON.parse(serializeAskResult(answer, 'sparql-json'))).toEqual({ head: {}, boolean: answer });
    expect(parseWithPython(serializeAskResult(answer, 'sparql-json'), 'sparql-json')).toEqual({ boolean: answer });
    expect(parseWithPython(serializeAskResult(answer, 'sparql-xml'), 'sparql-xml')).toEqual({ boolean: answer });
  });

  it('is supported by the JSON and XML formats only, so the server can answer 406 for the rest', () => {
    const support = Object.fromEntries(formatsOfKind('results').map((f) => [f.id, supportsAsk(f.id)]));
    expect(support).toEqual({ 'sparql-json': true, 'sparql-xml': true, csv: false, tsv: false });
    expect(() => serializeAskResult(true, 'csv')).toThrow(UnsupportedFormatError);
    expect(() => serializeAskResult(true, 'tsv')).toThrow(UnsupportedFormatError);
    expect(supportsAsk('turtle')).toBe(false);
  });
});
