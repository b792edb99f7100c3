// A term's key in the dictionary: its N3 id string (an IRI as it is, `_:b`
// for a blank node, `"v"@lang` or `"v"^^datatype` for a literal, '' for the
// default graph). An id string given instead of a term stays as it is.
import { termToId } from 'n3';
import type { Term } from '@rdfjs/types';

export function termKey(term: Term | string): string {
  // n3's typings want its own Term class; it handles any RDF/JS term.
  return termToId(term as Parameters<typeof termToId>[0]);
}
