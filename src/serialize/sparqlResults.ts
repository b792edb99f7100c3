// SELECT and ASK results in the four W3C result formats:
// - SPARQL 1.1 Query Results JSON Format (sparql-json)
// - SPARQL Query Results XML Format, 2nd ed. (sparql-xml)
// - SPARQL 1.1 Query Results CSV and TSV Formats (csv, tsv)
// CSV and TSV are defined for SELECT only, so ASK in them is refused with
// UnsupportedFormatError (the caller answers 406); see supportsAsk().
// Quoted triples (RDF-star) follow the SPARQL-star / SPARQL 1.2 drafts.
// Blank nodes are relabelled b0, b1, … consistently within one result.
import type { Literal, Term } from '@rdfjs/types';
import { UnrepresentableError, UnsupportedFormatError } from './errors.js';
import type { ResultsFormatId } from './formats.js';

export interface SelectResults {
  /** Variable names without the leading `?`. */
  variables: readonly string[];
  /** One record per solution; an unbound variable is absent (or undefined). */
  rows: ReadonlyArray<Readonly<Record<string, Term | undefined>>>;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_STRING = `${XSD}string`;
const RESULTS_NS = 'http://www.w3.org/2005/sparql-results#';

const ASK_FORMATS: ReadonlySet<string> = new Set<ResultsFormatId>(['sparql-json', 'sparql-xml']);
const SELECT_FORMATS: ReadonlySet<string> = new Set<ResultsFormatId>(['sparql-json', 'sparql-xml', 'csv', 'tsv']);

/** Whether the format can carry an ASK result (only JSON and XML define one). */
export function supportsAsk(formatId: string): boolean {
  return ASK_FORMATS.has(formatId);
}

/** Whether the format can carry a SELECT result. */
export function supportsSelect(formatId: string): boolean {
  return SELECT_FORMATS.has(formatId);
}

/** Consistent b0, b1, … labels for the blank nodes of one result. */
class BlankNodeLabels {
  private readonly labels = new Map<string, string>();
  label(value: string): string {
    let label = this.labels.get(value);
    if (label === undefined) {
      label = `b${this.labels.size}`;
      this.labels.set(value, label);
    }
    return label;
  }
}

function variableName(name: string): string {
  return name.replace(/^[?$]/, '');
}

function isSimpleString(literal: Literal): boolean {
  return !literal.language && (literal.datatype.value === XSD_STRING || literal.datatype.value === '');
}

function unbindable(term: Term): never {
  throw new TypeError(`A ${term.termType} cannot be the value of a result binding.`);
}

// ---------------------------------------------------------------- JSON

type JsonTerm =
  | { type: 'uri' | 'bnode'; value: string }
  | { type: 'literal'; value: string; 'xml:lang'?: string; datatype?: string }
  | { type: 'triple'; value: { subject: JsonTerm; predicate: JsonTerm; object: JsonTerm } };

function jsonTerm(term: Term, blanks: BlankNodeLabels): JsonTerm {
  switch (term.termType) {
    case 'NamedNode':
      return { type: 'uri', value: term.value };
    case 'BlankNode':
      return { type: 'bnode', value: blanks.label(term.value) };
    case 'Literal':
      if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
      if (isSimpleString(term)) return { type: 'literal', value: term.value };
      return { type: 'literal', value: term.value, datatype: term.datatype.value };
    case 'Quad':
      return {
        type: 'triple',
        value: { subject: jsonTerm(term.subject, blanks), predicate: jsonTerm(term.predicate, blanks), object: jsonTerm(term.object, blanks) },
      };
    default:
      return unbindable(term);
  }
}

function selectJson(results: SelectResults): string {
  const blanks = new BlankNodeLabels();
  const vars = results.variables.map(variableName);
  const rows = results.rows.map((row) => {
    const binding: Record<string, JsonTerm> = {};
    results.variables.forEach((name, i) => {
      const term = row[name];
      if (term) binding[vars[i]!] = jsonTerm(term, blanks);
    });
    return JSON.stringify(binding);
  });
  const head = JSON.stringify({ vars });
  return `{"head":${head},"results":{"bindings":[${rows.length ? `\n${rows.join(',\n')}\n` : ''}]}}\n`;
}

// ---------------------------------------------------------------- XML

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function xmlSafe(text: string): string {
  if (NOT_XML_CHAR.test(text)) {
    throw new UnrepresentableError('sparql-xml', `${JSON.stringify(text)} contains characters XML 1.0 cannot hold`);
  }
  return text;
}

function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c]!);
}

function xmlAttribute(text: string): string {
  return xmlSafe(text).replace(
    /[&<>"\t\n\r]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!,
  );
}

function xmlTerm(term: Term, blanks: BlankNodeLabels): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<uri>${xmlText(term.value)}</uri>`;
    case 'BlankNode':
      return `<bnode>${blanks.label(term.value)}</bnode>`;
    case 'Literal':
      if (term.language) return `<literal xml:lang="${xmlAttribute(term.language)}">${xmlText(term.value)}</literal>`;
      if (isSimpleString(term)) return `<literal>${xmlText(term.value)}</literal>`;
      return `<literal datatype="${xmlAttribute(term.datatype.value)}">${xmlText(term.value)}</literal>`;
    case 'Quad':
      return (
        `<triple><subject>${xmlTerm(term.subject, blanks)}</subject>` +
        `<predicate>${xmlTerm(term.predicate, blanks)}</predicate>` +
        `<object>${xmlTerm(term.object, blanks)}</object></triple>`
      );
    default:
      return unbindable(term);
  }
}

const XML_PROLOG = `<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="${RESULTS_NS}">\n`;

function selectXml(results: SelectResults): string {
  const blanks = new BlankNodeLabels();
  const lines = [XML_PROLOG, '  <head>\n'];
  for (const name of results.variables) lines.push(`    <variable name="${xmlAttribute(variableName(name))}"/>\n`);
  lines.push('  </head>\n  <results>\n');
  for (const row of results.rows) {
    lines.push('    <result>\n');
    for (const name of results.variables) {
      const term = row[name];
      if (term) lines.push(`      <binding name="${xmlAttribute(variableName(name))}">${xmlTerm(term, blanks)}</binding>\n`);
    }
    lines.push('    </result>\n');
  }
  lines.push('  </results>\n</sparql>\n');
  return lines.join('');
}

// ---------------------------------------------------------------- CSV

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvValue(term: Term, blanks: BlankNodeLabels): string {
  switch (term.termType) {
    case 'NamedNode':
    case 'Literal':
      return term.value;
    case 'BlankNode':
      return `_:${blanks.label(term.value)}`;
    case 'Quad':
      return tsvTerm(term, blanks);
    default:
      return unbindable(term);
  }
}

function selectCsv(results: SelectResults): string {
  const blanks = new BlankNodeLabels();
  const lines = [results.variables.map((name) => csvField(variableName(name))).join(',')];
  for (const row of results.rows) {
    lines.push(results.variables.map((name) => {
      const term = row[name];
      return term ? csvField(csvValue(term, blanks)) : '';
    }).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- TSV

const TURTLE_NUMBER: Readonly<Record<string, RegExp>> = {
  [`${XSD}integer`]: /^[+-]?[0-9]+$/,
  [`${XSD}decimal`]: /^[+-]?[0-9]*\.[0-9]+$/,
  [`${XSD}double`]: /^[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+$/,
};

function hex(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A single-quoted Turtle string body: tabs and line breaks escaped, as TSV requires. */
function turtleString(text: string): string {
  return text.replace(/[\\"\t\n\r\u0000-\u001F\u007F]/g, (c) =>
    c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : hex(c),
  );
}

function turtleIri(iri: string): string {
  return `<${iri.replace(/[\u0000-\u0020<>"{}|^`\\]/g, hex)}>`;
}

function tsvTerm(term: Term, blanks: BlankNodeLabels): string {
  switch (term.termType) {
    case 'NamedNode':
      return turtleIri(term.value);
    case 'BlankNode':
      return `_:${blanks.label(term.value)}`;
    case 'Literal': {
      if (term.language) return `"${turtleString(term.value)}"@${term.language}`;
      if (isSimpleString(term)) return `"${turtleString(term.value)}"`;
      const number = TURTLE_NUMBER[term.datatype.value];
      if (number?.test(term.value)) return term.value;
      return `"${turtleString(term.value)}"^^${turtleIri(term.datatype.value)}`;
    }
    case 'Quad':
      return `<< ${tsvTerm(term.subject, blanks)} ${tsvTerm(term.predicate, blanks)} ${tsvTerm(term.object, blanks)} >>`;
    default:
      return unbindable(term);
  }
}

function selectTsv(results: SelectResults): string {
  const blanks = new BlankNodeLabels();
  const lines = [results.variables.map((name) => `?${variableName(name)}`).join('\t')];
  for (const row of results.rows) {
    lines.push(results.variables.map((name) => {
      const term = row[name];
      return term ? tsvTerm(term, blanks) : '';
    }).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- entry points

export function serializeSelectResult(results: SelectResults, formatId: string): string {
  switch (formatId) {
    case 'sparql-json':
      return selectJson(results);
    case 'sparql-xml':
      return selectXml(results);
    case 'csv':
      return selectCsv(results);
    case 'tsv':
      return selectTsv(results);
    default:
      throw new UnsupportedFormatError(formatId, 'SELECT results');
  }
}

export function serializeAskResult(answer: boolean, formatId: string): string {
  switch (formatId) {
    case 'sparql-json':
      return `{"head":{},"boolean":${answer}}\n`;
    case 'sparql-xml':
      return `${XML_PROLOG}  <head/>\n  <boolean>${answer}</boolean>\n</sparql>\n`;
    default:
      throw new UnsupportedFormatError(formatId, 'an ASK result (only the JSON and XML result formats define one)');
  }
}
