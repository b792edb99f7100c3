// serializeRdf: quads in, a document in one of the RDF formats out.
// Turtle, TriG, N-Triples and N-Quads through N3.Writer; JSON-LD through
// jsonld.js and the project context; RDF/XML through rdflib. Triple formats
// take the triples of all graphs, without duplicates. IRIs are never
// rewritten or made relative; blank nodes are relabelled b0, b1, ….
import { Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { PREFIXES } from '../namespaces.js';
import { formatById, isRdfFormatId, type RdfFormatId } from './formats.js';
import { UnsupportedFormatError } from './errors.js';
import { dedupeQuads, groupQuads, mergeGraphs, relabelBlankNodes } from './quads.js';
import { toJsonLd } from './jsonLd.js';
import { toRdfXml } from './rdfXml.js';

export { loadJsonLdContext, localDocumentLoader, JSONLD_CONTEXT_URL } from './jsonLd.js';

export interface RdfSerializeOptions {
  /** Prefixes for Turtle, TriG and RDF/XML namespaces (default: PREFIXES of namespaces.ts). JSON-LD uses the context. */
  prefixes?: Record<string, string>;
}

export const N3_FORMATS = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
} as const satisfies Partial<Record<RdfFormatId, string>>;

function writeN3(quads: readonly Quad[], format: (typeof N3_FORMATS)[keyof typeof N3_FORMATS], prefixes?: Record<string, string>): Promise<string> {
  const writer = new Writer(prefixes ? { format, prefixes } : { format });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

/**
 * Serializes quads as `formatId` (a FormatId of kind rdf-triples or rdf-quads).
 * Throws UnsupportedFormatError for other ids, UnrepresentableError when the
 * data cannot be expressed in the format (RDF/XML limits).
 */
export async function serializeRdf(quads: Iterable<Quad>, formatId: string, options: RdfSerializeOptions = {}): Promise<string> {
  if (!isRdfFormatId(formatId)) {
    throw new UnsupportedFormatError(formatId, formatById(formatId) ? 'an RDF graph' : 'anything: it is not a known format');
  }
  const prefixes = options.prefixes ?? PREFIXES;
  const all = relabelBlankNodes(quads);
  switch (formatId) {
    case 'turtle':
      return writeN3(groupQuads(mergeGraphs(all)), N3_FORMATS.turtle, prefixes);
    case 'trig':
      return writeN3(groupQuads(dedupeQuads(all)), N3_FORMATS.trig, prefixes);
    case 'ntriples':
      return writeN3(groupQuads(mergeGraphs(all)), N3_FORMATS.ntriples);
    case 'nquads':
      return writeN3(groupQuads(dedupeQuads(all)), N3_FORMATS.nquads);
    case 'jsonld':
      return toJsonLd(dedupeQuads(all));
    case 'rdfxml':
      return toRdfXml(groupQuads(mergeGraphs(all)), prefixes);
  }
}
