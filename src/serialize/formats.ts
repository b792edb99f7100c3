// The one table of every format the server offers, and look-ups into it by
// id (the `?format=` value), by file extension and by media type.
//
// `aliases` holds only other names for the very same syntax (legacy
// registrations such as application/x-turtle, or application/json, which
// SPARQL clients send for the JSON results format). Supersets (text/n3 is
// not Turtle) and generic containers (application/xml) are not aliases.

export type FormatKind = 'rdf-triples' | 'rdf-quads' | 'results' | 'html';

export interface Format {
  readonly id: FormatId;
  /** The registered media type, used in Content-Type. */
  readonly mediaType: string;
  /** Other media types that name the same syntax; accepted, never sent. */
  readonly aliases: readonly string[];
  /** File extension without the dot. */
  readonly extension: string;
  /** Further extensions that denote the same syntax (e.g. .owl for RDF/XML). */
  readonly extensionAliases: readonly string[];
  readonly label: string;
  readonly kind: FormatKind;
}

export const FORMATS = [
  { id: 'turtle', mediaType: 'text/turtle', aliases: ['application/x-turtle'], extension: 'ttl', extensionAliases: [], label: 'Turtle', kind: 'rdf-triples' },
  { id: 'jsonld', mediaType: 'application/ld+json', aliases: [], extension: 'jsonld', extensionAliases: [], label: 'JSON-LD', kind: 'rdf-quads' },
  { id: 'ntriples', mediaType: 'application/n-triples', aliases: [], extension: 'nt', extensionAliases: [], label: 'N-Triples', kind: 'rdf-triples' },
  { id: 'rdfxml', mediaType: 'application/rdf+xml', aliases: [], extension: 'rdf', extensionAliases: ['owl'], label: 'RDF/XML', kind: 'rdf-triples' },
  { id: 'trig', mediaType: 'application/trig', aliases: ['application/x-trig'], extension: 'trig', extensionAliases: [], label: 'TriG', kind: 'rdf-quads' },
  { id: 'nquads', mediaType: 'application/n-quads', aliases: ['text/x-nquads'], extension: 'nq', extensionAliases: [], label: 'N-Quads', kind: 'rdf-quads' },
  { id: 'html', mediaType: 'text/html', aliases: [], extension: 'html', extensionAliases: ['htm'], label: 'HTML', kind: 'html' },
  { id: 'sparql-json', mediaType: 'application/sparql-results+json', aliases: ['application/json'], extension: 'srj', extensionAliases: [], label: 'SPARQL Results JSON', kind: 'results' },
  { id: 'sparql-xml', mediaType: 'application/sparql-results+xml', aliases: [], extension: 'srx', extensionAliases: [], label: 'SPARQL Results XML', kind: 'results' },
  { id: 'csv', mediaType: 'text/csv', aliases: [], extension: 'csv', extensionAliases: [], label: 'SPARQL Results CSV', kind: 'results' },
  { id: 'tsv', mediaType: 'text/tab-separated-values', aliases: [], extension: 'tsv', extensionAliases: [], label: 'SPARQL Results TSV', kind: 'results' },
] as const satisfies readonly (Omit<Format, 'id'> & { id: string })[];

type Row = (typeof FORMATS)[number];
export type FormatId = Row['id'];
export type RdfFormatId = Extract<Row, { kind: 'rdf-triples' | 'rdf-quads' }>['id'];
export type ResultsFormatId = Extract<Row, { kind: 'results' }>['id'];

const RDF_IDS: ReadonlySet<string> = new Set(FORMATS.filter((f) => f.kind === 'rdf-triples' || f.kind === 'rdf-quads').map((f) => f.id));
const RESULTS_IDS: ReadonlySet<string> = new Set(FORMATS.filter((f) => f.kind === 'results').map((f) => f.id));

export function isRdfFormatId(id: string): id is RdfFormatId {
  return RDF_IDS.has(id);
}

export function isResultsFormatId(id: string): id is ResultsFormatId {
  return RESULTS_IDS.has(id);
}

const ALL: readonly Format[] = FORMATS;

/** By id (`turtle`, `jsonld`, `sparql-json`, …), case-insensitive. */
export function formatById(id: string): Format | undefined {
  const wanted = id.trim().toLowerCase();
  return ALL.find((f) => f.id === wanted);
}

/** By file extension, with or without the leading dot, case-insensitive (`ttl`, `.owl`). */
export function formatByExtension(extension: string): Format | undefined {
  const wanted = extension.trim().toLowerCase().replace(/^\./, '');
  if (wanted === '') return undefined;
  return ALL.find((f) => f.extension === wanted || f.extensionAliases.some((e) => e === wanted));
}

/** The bare `type/subtype` of a media type, lower-cased, parameters dropped; null when it is no media type. */
export function essence(mediaType: string): string | null {
  const bare = mediaType.split(';')[0]!.trim().toLowerCase();
  return /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/.test(bare) ? bare : null;
}

/** By media type or one of its aliases; parameters (charset, profile …) are ignored. */
export function formatByMediaType(mediaType: string): Format | undefined {
  const wanted = essence(mediaType);
  if (wanted === null) return undefined;
  return ALL.find((f) => f.mediaType === wanted) ?? ALL.find((f) => f.aliases.some((a) => a === wanted));
}

/** The formats of the given kinds, in table order. */
export function formatsOfKind(...kinds: FormatKind[]): Format[] {
  return ALL.filter((f) => kinds.includes(f.kind));
}

/**
 * The media types to offer to negotiate() for these formats: every
 * registered type first (in the order given, the server's preference),
 * then the aliases, so a tie always goes to a registered type.
 */
export function offeredMediaTypes(formats: readonly Format[]): string[] {
  return [...new Set([...formats.map((f) => f.mediaType), ...formats.flatMap((f) => f.aliases)])];
}

/** Content-Type header value: text types carry the UTF-8 charset, the others are UTF-8 by definition. */
export function contentTypeOf(format: Format): string {
  return format.mediaType.startsWith('text/') ? `${format.mediaType}; charset=utf-8` : format.mediaType;
}
