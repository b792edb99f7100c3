// RDF written as a stream, for documents too large to build in memory (the
// dumps of a large dataset). Only the line- and block-oriented formats N3.js
// writes incrementally can be streamed; JSON-LD and RDF/XML need the whole
// graph at once.
import { Readable } from 'node:stream';
import { StreamWriter } from 'n3';
import type { Quad } from '@rdfjs/types';
import { N3_FORMATS } from './rdfSerializer.js';

export type StreamableFormatId = keyof typeof N3_FORMATS;

export function isStreamable(formatId: string): formatId is StreamableFormatId {
  return formatId in N3_FORMATS;
}

/**
 * `quads` (read lazily, with backpressure) written in `formatId`. Triple
 * formats must be given triples (default graph): nothing is merged here.
 */
export function streamRdf(quads: Iterable<Quad>, formatId: StreamableFormatId, prefixes?: Record<string, string>): Readable {
  const format = N3_FORMATS[formatId];
  const writer = new StreamWriter(prefixes && (formatId === 'turtle' || formatId === 'trig') ? { format, prefixes } : { format });
  const source = Readable.from(quads, { objectMode: true });
  source.on('error', (error) => writer.destroy(error));
  return source.pipe(writer);
}
