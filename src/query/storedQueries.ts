// The competency questions under queries/: each .rq file starts with a
// header comment that names it, says what it answers and declares its
// parameters:
//
//   # @title Roles of a protocol
//   # @description List every player role of a protocol with its categories.
//   # @param protocol iri https://w3id.org/iot-setup/protocol/ brski  The protocol (slug or IRI)
//   # @param name literal - -  A literal parameter without default
//
// An `iri` parameter takes a full IRI or a slug appended to its base; a
// `literal` parameter takes a plain string. Values are bound as RDF terms
// (Comunica initialBindings), never spliced into the query text.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';
import { listTurtleFiles } from '../load/turtleFiles.js';
import type { ParameterBindings } from './sparqlEngine.js';

export interface QueryParameter {
  name: string;
  kind: 'iri' | 'literal';
  /** For `iri` parameters: the namespace a bare slug is appended to. */
  base: string | null;
  default: string | null;
  description: string;
}

export interface StoredQuery {
  name: string;
  title: string;
  description: string;
  parameters: QueryParameter[];
  text: string;
  form: 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';
}

export class QueryParameterError extends Error {
  override name = 'QueryParameterError';
}

export class StoredQueryFormatError extends Error {
  override name = 'StoredQueryFormatError';
}

export function loadStoredQueries(dir: string): StoredQuery[] {
  return listTurtleFiles(dir, '.rq').map((path) => parseStoredQuery(basename(path, '.rq'), readFileSync(path, 'utf8'), path));
}

export function parseStoredQuery(name: string, text: string, file = name): StoredQuery {
  const header = text.split('\n').filter((line) => line.startsWith('#')).map((line) => line.replace(/^#\s?/, ''));
  const tag = (key: string): string[] =>
    header.filter((line) => line.startsWith(`@${key} `)).map((line) => line.slice(key.length + 2).trim());
  const [title] = tag('title');
  const description = tag('description').join(' ');
  if (!title || !description) throw new StoredQueryFormatError(`${file}: the header needs @title and @description lines`);
  const parameters = tag('param').map((line) => parseParameter(line, file));
  const form = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(text.replace(/^#.*$/gm, ''))?.[1]?.toUpperCase();
  if (!form) throw new StoredQueryFormatError(`${file}: no SELECT, ASK, CONSTRUCT or DESCRIBE found`);
  for (const p of parameters) {
    if (!new RegExp(`\\?${p.name}\\b`).test(text)) throw new StoredQueryFormatError(`${file}: parameter ${p.name} is not used as ?${p.name}`);
  }
  return { name, title, description, parameters, text, form: form as StoredQuery['form'] };
}

function parseParameter(line: string, file: string): QueryParameter {
  const match = /^(\w+)\s+(iri|literal)\s+(\S+)\s+(\S+)\s+(.+)$/.exec(line);
  if (!match) throw new StoredQueryFormatError(`${file}: cannot read @param line: ${line}`);
  const [, name, kind, base, def, description] = match as unknown as [string, string, 'iri' | 'literal', string, string, string];
  return { name, kind, base: base === '-' ? null : base, default: def === '-' ? null : def, description };
}

/**
 * Turns request values into RDF terms for the query's declared parameters.
 * Unknown names and malformed IRIs are refused; missing values fall back to
 * the declared default (parameters without default stay unbound).
 */
export function bindParameters(query: StoredQuery, values: Record<string, string | undefined>): ParameterBindings {
  const known = new Set(query.parameters.map((p) => p.name));
  const unknown = Object.keys(values).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new QueryParameterError(
      `Unknown parameter(s) for ${query.name}: ${unknown.join(', ')}. Known: ${[...known].join(', ') || 'none'}`,
    );
  }
  const bindings: ParameterBindings = {};
  for (const p of query.parameters) {
    const value = values[p.name] ?? p.default;
    if (value === null || value === undefined) continue;
    bindings[p.name] = toTerm(p, value);
  }
  return bindings;
}

function toTerm(parameter: QueryParameter, value: string): Term {
  if (parameter.kind === 'literal') return DataFactory.literal(value);
  const iri = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `${parameter.base ?? ''}${value}`;
  // Characters that cannot occur in an IRI (RFC 3987) are refused outright.
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(iri)) {
    throw new QueryParameterError(`Parameter ${parameter.name}: not a valid IRI or slug: ${JSON.stringify(value)}`);
  }
  return DataFactory.namedNode(iri);
}

/**
 * The query text with its parameters (given values, else defaults) written
 * in as a VALUES block at the start of the outer WHERE group, where a bound
 * parameter is joined first: a self-contained query for any SPARQL endpoint
 * (the query page's examples, the benchmark's mix). Values are validated
 * as by bindParameters and written as N-Triples terms.
 */
export function inlineParameters(query: StoredQuery, values: Record<string, string | undefined> = {}): string {
  const bindings = Object.entries(bindParameters(query, values));
  if (bindings.length === 0) return query.text;
  const block = bindings.map(([name, term]) => `VALUES ?${name} { ${termText(term)} }`).join('\n  ');
  const where = /\bWHERE\s*\{/i.exec(query.text);
  if (!where) return `${query.text.trimEnd()}\n${block}\n`;
  const at = where.index + where[0].length;
  return `${query.text.slice(0, at)}\n  ${block}\n${query.text.slice(at)}`;
}

function termText(term: Term): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'Literal') return JSON.stringify(term.value);
  throw new Error(`Cannot write a ${term.termType} into a query`);
}
