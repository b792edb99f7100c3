// RDF terms as plain objects, to cross the worker-thread boundary
// (structured clone keeps no classes).
import type { DataFactory, Term } from '@rdfjs/types';

/** A term as it crosses the thread boundary (structured clone keeps no classes). */
export interface PlainTerm {
  termType: 'NamedNode' | 'Literal';
  value: string;
  language?: string;
  datatype?: string;
}

export function toPlainTerm(term: Term): PlainTerm {
  if (term.termType === 'Literal') return { termType: 'Literal', value: term.value, language: term.language, datatype: term.datatype.value };
  return { termType: 'NamedNode', value: term.value };
}

export function fromPlainTerm(term: PlainTerm, dataFactory: DataFactory): Term {
  if (term.termType === 'NamedNode') return dataFactory.namedNode(term.value);
  return term.language ? dataFactory.literal(term.value, term.language) : dataFactory.literal(term.value, dataFactory.namedNode(term.datatype ?? 'http://www.w3.org/2001/XMLSchema#string'));
}

