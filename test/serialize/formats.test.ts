import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  contentTypeOf,
  essence,
  formatByExtension,
  formatById,
  formatByMediaType,
  formatsOfKind,
  isRdfFormatId,
  isResultsFormatId,
  offeredMediaTypes,
} from '../../src/serialize/formats.js';

describe('the format table', () => {
  it('lists each id, media type, alias and extension once', () => {
    const ids = FORMATS.map((f) => f.id);
    const mediaTypes = FORMATS.flatMap((f) => [f.mediaType, ...f.aliases]);
    const extensions = FORMATS.flatMap((f) => [f.extension, ...f.extensionAliases]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(mediaTypes).size).toBe(mediaTypes.length);
    expect(new Set(extensions).size).toBe(extensions.length);
  });

  it('writes media types in lower case without parameters', () => {
    for (const f of FORMATS) for (const type of [f.mediaType, ...f.aliases]) expect(essence(type)).toBe(type);
  });

  it.each([
    ['turtle', 'text/turtle', 'ttl', 'rdf-triples'],
    ['ntriples', 'application/n-triples', 'nt', 'rdf-triples'],
    ['nquads', 'application/n-quads', 'nq', 'rdf-quads'],
    ['trig', 'application/trig', 'trig', 'rdf-quads'],
    ['jsonld', 'application/ld+json', 'jsonld', 'rdf-quads'],
    ['rdfxml', 'application/rdf+xml', 'rdf', 'rdf-triples'],
    ['html', 'text/html', 'html', 'html'],
    ['sparql-json', 'application/sparql-results+json', 'srj', 'results'],
    ['sparql-xml', 'application/sparql-results+xml', 'srx', 'results'],
    ['csv', 'text/csv', 'csv', 'results'],
    ['tsv', 'text/tab-separated-values', 'tsv', 'results'],
  ])('%s is %s, .%s, %s', (id, mediaType, extension, kind) => {
    const format = formatById(id);
    expect(format).toMatchObject({ id, mediaType, extension, kind });
    expect(formatByMediaType(mediaType)).toBe(format);
    expect(formatByExtension(extension)).toBe(format);
    expect(format!.label).not.toBe('');
  });
});

describe('look-ups', () => {
  it('by id, case-insensitive', () => {
    expect(formatById('TURTLE')?.id).toBe('turtle');
    expect(formatById('ttl')).toBeUndefined();
  });

  it('by extension, with or without dot, with aliases', () => {
    expect(formatByExtension('.owl')?.id).toBe('rdfxml');
    expect(formatByExtension('OWL')?.id).toBe('rdfxml');
    expect(formatByExtension('htm')?.id).toBe('html');
    expect(formatByExtension('')).toBeUndefined();
    expect(formatByExtension('n3')).toBeUndefined();
  });

  it('by media type, ignoring parameters and case, with true aliases only', () => {
    expect(formatByMediaType('text/turtle; charset=utf-8')?.id).toBe('turtle');
    expect(formatByMediaType('Application/X-Turtle')?.id).toBe('turtle');
    expect(formatByMediaType('application/x-trig')?.id).toBe('trig');
    expect(formatByMediaType('text/x-nquads')?.id).toBe('nquads');
    expect(formatByMediaType('application/json')?.id).toBe('sparql-json');
    expect(formatByMediaType('text/n3')).toBeUndefined();
    expect(formatByMediaType('application/xml')).toBeUndefined();
    expect(formatByMediaType('*/*')?.id).toBeUndefined();
    expect(formatByMediaType('not a type')).toBeUndefined();
  });

  it('by kind', () => {
    expect(formatsOfKind('results').map((f) => f.id)).toEqual(['sparql-json', 'sparql-xml', 'csv', 'tsv']);
    expect(formatsOfKind('rdf-triples', 'rdf-quads').every((f) => isRdfFormatId(f.id))).toBe(true);
    expect(isRdfFormatId('html')).toBe(false);
    expect(isResultsFormatId('csv')).toBe(true);
  });
});

describe('helpers', () => {
  it('offers registered types before aliases', () => {
    expect(offeredMediaTypes(formatsOfKind('results'))).toEqual([
      'application/sparql-results+json',
      'application/sparql-results+xml',
      'text/csv',
      'text/tab-separated-values',
      'application/json',
    ]);
  });

  it('adds the charset to text types only', () => {
    expect(contentTypeOf(formatById('turtle')!)).toBe('text/turtle; charset=utf-8');
    expect(contentTypeOf(formatById('jsonld')!)).toBe('application/ld+json');
  });
});
