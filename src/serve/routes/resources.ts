// Dereferencing: every IRI under https://w3id.org/iot-setup/ is served at the
// same path here (/protocol/brski describes …/protocol/brski), always 200
// with content negotiation (never 303):
//
//   format choice   ?format= (id, extension or media type)  >  file extension
//                   (/protocol/brski.ttl)  >  Accept with q-values. With no
//                   Accept, or */*, the first offered format wins: Turtle.
//                   text/plain asks for N-Triples (its pre-2014 media type).
//   documents       a resource: its description (describeResource: own
//                   statements with blank-node closure, incoming links,
//                   labels of linked resources; inferred statements stay in
//                   graph/entailments, visible in TriG and N-Quads; Turtle,
//                   N-Triples, RDF/XML and JSON-LD give the merged graph);
//                   an ontology (/ontology) and each owl:versionIRI
//                   (/ontology/0.1.0): the whole ontology graph, its hash
//                   terms (…/ontology#Protocol) included; the base (/):
//                   the VoID/DCAT description (HTML: the home page); /void
//                   and the named-graph IRIs (/graph/data): from the VoID.
//   trailing slash  /category/ has the files /category/index.ttl … (as in
//                   the static export).
//   headers         Vary: Accept always; Link: rel="canonical" to the IRI
//                   and rel="alternate" for every other format; strong ETag
//                   (hash of the bytes); Last-Modified (newest input file);
//                   304 for If-None-Match / If-Modified-Since; HEAD = GET
//                   without the body.
//   errors          404 for an unknown IRI and for an existing resource
//                   with an unknown extension (/protocol/brski.xyz names no
//                   file; the message lists the extensions that exist);
//                   406 when no offered type is acceptable (listing them).
//
// Representations are built once per (document, format) and kept: the data
// is read-only. Paths that are no resource may be site pages (renderSitePage),
// served as HTML only. RDF never has its IRIs rewritten.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { DataFactory } from 'n3';
import { CompactStore, type QuadStore } from '../../store/index.js';
import type { Quad } from '@rdfjs/types';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDependencies } from '../app.js';
import { HttpError } from '../httpError.js';
import { LruCache } from '../../lruCache.js';
import { BASE, GRAPH, ONTOLOGY_IRI, OWL, PREFIXES, RDF } from '../../namespaces.js';
import { describeResource, descriptionQuads } from '../../describe/resourceDescription.js';
import {
  DATASET_DESCRIPTION_PREFIXES,
  DATASET_IRI,
  VOID_IRI,
  datasetDescription,
  datasetVersion,
  dumpFormats,
  keepsGraphs,
  ontologies,
} from '../../describe/datasetDescription.js';
import { contentTypeOf, formatByExtension, formatById, formatByMediaType, formatsOfKind, offeredMediaTypes, type Format } from '../../serialize/formats.js';
import { negotiate } from '../../serialize/negotiate.js';
import { serializeRdf } from '../../serialize/rdfSerializer.js';
import { isStreamable, streamRdf } from '../../serialize/rdfStream.js';
import { UnrepresentableError, UnsupportedFormatError } from '../../serialize/errors.js';
import { dedupeQuads, mergeGraphs } from '../../serialize/quads.js';
import { loadJsonLdContext } from '../../serialize/jsonLd.js';
import { renderOntologyPage, renderResourcePage, renderSitePage } from '../../html/pages.js';
import type { SiteContext } from '../../html/site.js';

/** RDF formats in the server's order of preference (Turtle first: the default for * / *). */
export const RDF_FORMATS: readonly Format[] = formatsOfKind('rdf-triples', 'rdf-quads');
/** Default of PublicationOptions.maxInMemoryDumpQuads: the dumps of the 100× benchmark graph (0.8 M quads) are still built in memory. */
export const MAX_IN_MEMORY_DUMP_QUADS = 1_000_000;
export const HTML_FORMAT: Format = formatById('html')!;
/** Formats of a resource page: every RDF format, then HTML. */
export const RESOURCE_FORMATS: readonly Format[] = [...RDF_FORMATS, HTML_FORMAT];

export type DocumentKind =
  /** A resource of the store: its description. */
  | 'resource'
  /** An ontology IRI or one of its version IRIs: the ontology graph. */
  | 'ontology'
  /** The base IRI: the dataset (VoID), the home page in HTML. */
  | 'dataset'
  /** /void: the VoID/DCAT document. */
  | 'dataset-description'
  /** A resource only the VoID describes (a named graph). */
  | 'dataset-part';

export interface PublishedDocument {
  /** Path on this server: '/protocol/brski', '/category/', '/'. */
  readonly path: string;
  /** The IRI the document is about (rel="canonical"): BASE + path without the slash. */
  readonly iri: string;
  readonly kind: DocumentKind;
  /** Formats offered, in the server's preference (the first wins a tie). */
  readonly formats: readonly Format[];
}

export interface Representation {
  body: Buffer;
  contentType: string;
  /** Strong entity tag: a hash of the bytes. */
  etag: string;
  format: Format;
}

export interface Resolution {
  document: PublishedDocument;
  /** Set when the path carries a file extension (/protocol/brski.ttl). */
  format?: Format;
}

interface DocumentSource extends PublishedDocument {
  quads(): Promise<Quad[]>;
  prefixes: Record<string, string>;
  /** The HTML page; null when there is none. */
  html(): Promise<string | null>;
}

export interface PublicationOptions {
  /** Last-Modified of every representation; default: the newest mtime of the loaded files. */
  lastModified?: Date;
  /**
   * Above this many quads the dumps are streamed, not built in memory (a
   * dump of millions of quads would not fit in a string), so only the
   * formats that can be streamed are offered, without byte sizes in the VoID.
   */
  maxInMemoryDumpQuads?: number;
}

/** Path on this server of an IRI under the base, e.g. '/protocol/brski'. */
export function pathOf(iri: string): string {
  if (!iri.startsWith(BASE)) throw new Error(`<${iri}> is not under ${BASE}`);
  return `/${iri.slice(BASE.length)}`;
}

/** File stem of a document path: '/category/' → '/category/index', '/' → '/index'. */
export function fileStemOf(path: string): string {
  return path.endsWith('/') ? `${path}index` : path;
}

/** The path with a format's extension: '/protocol/brski.ttl', '/category/index.ttl'. */
export function extensionPathOf(path: string, format: Format): string {
  return `${fileStemOf(path)}.${format.extension}`;
}

/** The newest modification time of the files, to the second (HTTP dates have no fractions). */
export function newestModification(paths: readonly string[]): Date {
  let newest = 0;
  for (const path of paths) {
    try {
      newest = Math.max(newest, statSync(path).mtimeMs);
    } catch {
      // A file that vanished since loading: the load time is what counts.
      newest = Math.max(newest, Date.now());
    }
  }
  return new Date(Math.floor((newest || Date.now()) / 1000) * 1000);
}

export function entityTag(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Everything the server publishes, prepared lazily and kept: the documents
 * by path, their representations per format and the dumps. One per app
 * (see publicationFor), shared by the resource and dump routes.
 */
export class Publication {
  readonly lastModified: Date;
  readonly site: SiteContext;
  readonly version: string;
  /** Whether the dumps are streamed (a large dataset) rather than built once and kept. */
  readonly streamsDumps: boolean;
  /** The dump formats offered. */
  readonly dumpFormats: readonly Format[];
  private readonly store: QuadStore;
  private readonly documentsByPath = new Map<string, DocumentSource>();
  private readonly representations = new Map<string, Promise<Representation>>();
  private readonly dumps = new Map<string, Promise<Representation>>();
  private datasetQuadsCache: Promise<Quad[]> | null = null;
  /**
   * Negotiated answers by (path, Accept, ?format=, extension): negotiation,
   * Link and validators are worked out once per distinct request. Bounded,
   * since clients choose the Accept strings.
   */
  readonly answers = new LruCache<PreparedAnswer | HttpError>({ maxEntries: 10_000, maxSize: Infinity });

  constructor(private readonly deps: AppDependencies, options: PublicationOptions = {}) {
    this.store = deps.kg.store;
    this.streamsDumps = this.store.size > (options.maxInMemoryDumpQuads ?? MAX_IN_MEMORY_DUMP_QUADS);
    this.dumpFormats = dumpFormats().filter((f) => !this.streamsDumps || isStreamable(f.id));
    this.lastModified = options.lastModified ?? newestModification(deps.kg.files.map((f) => f.path));
    this.site = { kg: deps.kg, storedQueries: deps.storedQueries, sparql: deps.sparql, publicUrl: deps.publicUrl };
    this.version = datasetVersion(this.store);
    this.indexStore();
    this.indexDataset();
  }

  get publicUrl(): string {
    return this.deps.publicUrl.replace(/\/+$/, '');
  }

  /** Every published document, sorted by path. */
  documents(): PublishedDocument[] {
    return [...this.documentsByPath.values()].map(publicView).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The document at `path` exactly, or null. */
  document(path: string): PublishedDocument | null {
    const source = this.documentsByPath.get(path);
    return source ? publicView(source) : null;
  }

  /**
   * The document a request path names: the path itself (raw, then
   * percent-decoded), or a document path plus a file extension. Throws 404
   * for an existing document with an extension it has no format for.
   */
  resolve(rawPath: string): Resolution | null {
    const candidates = [rawPath];
    const decoded = safeDecode(rawPath);
    if (decoded !== null && decoded !== rawPath) candidates.push(decoded);
    for (const path of candidates) {
      const source = this.documentsByPath.get(path);
      if (source) return { document: publicView(source) };
    }
    for (const path of candidates) {
      const match = /^(.*\/[^/]*?)\.([^./]+)$/.exec(path);
      if (!match) continue;
      const [, stem, extension] = match as unknown as [string, string, string];
      const source = this.documentsByPath.get(stem) ?? (stem.endsWith('/index') ? this.documentsByPath.get(stem.slice(0, -'index'.length)) : undefined);
      if (!source) continue;
      const format = formatByExtension(extension);
      if (format && source.formats.includes(format)) return { document: publicView(source), format };
      throw new HttpError(
        404,
        `Not found: ${path}. <${source.iri}> exists, with the extensions ${source.formats.map((f) => `.${f.extension}`).join(', ')} (or content negotiation at ${source.path}).`,
        { Vary: 'Accept' },
      );
    }
    return null;
  }

  /** The representation of a document in a format it offers (built once). */
  representation(document: PublishedDocument, format: Format): Promise<Representation> {
    const source = this.documentsByPath.get(document.path);
    if (!source || !source.formats.includes(format)) throw new Error(`${document.path} is not offered as ${format.id}`);
    const key = `${format.id} ${source.path}`;
    let cached = this.representations.get(key);
    if (!cached) {
      cached = this.build(source, format);
      this.representations.set(key, cached);
      cached.catch(() => this.representations.delete(key));
    }
    return cached;
  }

  /** The whole dataset in one RDF format, built once and kept: triple formats merge the graphs, quad formats keep them. */
  dump(format: Format): Promise<Representation> {
    if (!this.dumpFormats.includes(format) || this.streamsDumps) throw new Error(`No in-memory dump in ${format.id}`);
    let cached = this.dumps.get(format.id);
    if (!cached) {
      cached = serializeRdf(this.store.getQuads(null, null, null, null), format.id).then((text) => toRepresentation(Buffer.from(text, 'utf8'), format));
      this.dumps.set(format.id, cached);
      cached.catch(() => this.dumps.delete(format.id));
    }
    return cached;
  }

  /**
   * The whole dataset as a stream (a large dataset): triple formats get the
   * distinct triples of the union of the graphs, quad formats every graph in
   * turn. Read lazily from the store; nothing is built in memory.
   */
  dumpStream(format: Format): Readable {
    if (!this.streamsDumps || !this.dumpFormats.includes(format) || !isStreamable(format.id)) throw new Error(`No streamed dump in ${format.id}`);
    const store = this.store;
    const quads = keepsGraphs(format)
      ? (function* allGraphs(): Generator<Quad> {
          for (const graph of store.getGraphs(null, null, null)) yield* store.match(null, null, null, graph) as Iterable<Quad>;
        })()
      : (function* distinctTriples(): Generator<Quad> {
          const ids = store.tripleIds();
          for (let i = 0; i < ids.length; i += 3) {
            yield DataFactory.quad(store.termOf(ids[i]!) as Quad['subject'], store.termOf(ids[i + 1]!) as Quad['predicate'], store.termOf(ids[i + 2]!) as Quad['object']);
          }
        })();
    return streamRdf(quads, format.id, PREFIXES);
  }

  /** The VoID/DCAT description, with the byte size of every dump built in memory. */
  datasetQuads(): Promise<Quad[]> {
    this.datasetQuadsCache ??= (async () => {
      const sizes: Record<string, number> = {};
      if (!this.streamsDumps) for (const format of this.dumpFormats) sizes[format.id] = (await this.dump(format)).body.length;
      return datasetDescription(this.store, { publicUrl: this.publicUrl, dumpSizes: sizes, dumps: this.dumpFormats });
    })();
    return this.datasetQuadsCache;
  }

  private async build(source: DocumentSource, format: Format): Promise<Representation> {
    if (format === HTML_FORMAT) {
      const page = await source.html();
      if (page === null) throw notAcceptableFor(source, source.formats.filter((f) => f !== HTML_FORMAT));
      return toRepresentation(Buffer.from(page, 'utf8'), format);
    }
    try {
      // JSON-LD of a document is one graph of node objects (what a client that dereferences expects);
      // the graph names (asserted vs inferred) are in TriG and N-Quads.
      const quads = format.id === 'jsonld' ? mergeGraphs(await source.quads()) : await source.quads();
      const text = await serializeRdf(quads, format.id, { prefixes: source.prefixes });
      return toRepresentation(Buffer.from(text, 'utf8'), format);
    } catch (error) {
      if (error instanceof UnrepresentableError || error instanceof UnsupportedFormatError) {
        throw new HttpError(406, `${error.message} Available: ${source.formats.filter((f) => f !== format).map((f) => f.mediaType).join(', ')}`, { Vary: 'Accept' });
      }
      throw error;
    }
  }

  /** Ontology documents (first: they win over the descriptions of their hash terms) and the resources of the store, fragments grouped under their document. */
  private indexStore(): void {
    const store = this.store;
    // Ontologies: the document is the graph that declares them (their hash terms included).
    for (const ontology of ontologies(store)) {
      // Asserted graphs only: the ontology document is what can be imported, not what reasoning adds.
      const graphs = store
        .getQuads(DataFactory.namedNode(ontology.iri), DataFactory.namedNode(`${RDF}type`), DataFactory.namedNode(`${OWL}Ontology`), null)
        .map((q) => q.graph)
        .filter((g) => g.value !== GRAPH.entailments);
      const quads = async (): Promise<Quad[]> => dedupeQuads(graphs.flatMap((g) => store.getQuads(null, null, null, g)));
      const main = ontology.iri === ONTOLOGY_IRI;
      for (const iri of [ontology.iri, ...ontology.versionIris]) {
        if (!iri.startsWith(BASE)) continue;
        this.add({
          path: pathOf(iri),
          iri,
          kind: 'ontology',
          formats: RESOURCE_FORMATS,
          prefixes: PREFIXES,
          quads,
          html: async () => {
            if (main) return renderOntologyPage(this.site);
            const description = describeResource(store, ontology.iri);
            return description ? renderResourcePage(this.site, description) : null;
          },
        });
      }
    }
    const fragments = new Map<string, Set<string>>();
    for (const subject of store.getSubjects(null, null, null)) {
      if (subject.termType !== 'NamedNode' || !subject.value.startsWith(BASE)) continue;
      const documentIri = subject.value.split('#')[0]!;
      let set = fragments.get(documentIri);
      if (!set) fragments.set(documentIri, (set = new Set()));
      set.add(subject.value);
    }
    for (const [iri, members] of fragments) {
      const iris = [...members].sort((a, b) => (a === iri ? -1 : b === iri ? 1 : a < b ? -1 : 1));
      this.add({
        path: pathOf(iri),
        iri,
        kind: 'resource',
        formats: RESOURCE_FORMATS,
        prefixes: PREFIXES,
        quads: async () => dedupeQuads(iris.flatMap((member) => {
          const description = describeResource(store, member);
          return description ? descriptionQuads(description) : [];
        })),
        html: async () => {
          const description = describeResource(store, iris[0]!);
          return description ? renderResourcePage(this.site, description) : null;
        },
      });
    }
  }

  /** The base (dataset), /void, and what only the VoID describes (the named graphs). */
  private indexDataset(): void {
    const datasetQuads = (): Promise<Quad[]> => this.datasetQuads();
    if (!this.documentsByPath.has('/')) {
      this.add({
        path: pathOf(DATASET_IRI),
        iri: DATASET_IRI,
        kind: 'dataset',
        formats: RESOURCE_FORMATS,
        prefixes: DATASET_DESCRIPTION_PREFIXES,
        quads: datasetQuads,
        html: () => renderSitePage(this.site, '/', {}),
      });
    }
    this.add({
      path: pathOf(VOID_IRI),
      iri: VOID_IRI,
      kind: 'dataset-description',
      formats: RDF_FORMATS,
      prefixes: DATASET_DESCRIPTION_PREFIXES,
      quads: datasetQuads,
      html: async () => null,
    });
    // Which IRIs the VoID describes does not depend on the dump sizes.
    const voidStore = new CompactStore(datasetDescription(this.store, { publicUrl: this.publicUrl, dumps: this.dumpFormats }));
    for (const subject of voidStore.getSubjects(null, null, null)) {
      if (subject.termType !== 'NamedNode' || !subject.value.startsWith(BASE) || subject.value.includes('#')) continue;
      const path = pathOf(subject.value);
      if (this.documentsByPath.has(path)) continue;
      this.add({
        path,
        iri: subject.value,
        kind: 'dataset-part',
        formats: RDF_FORMATS,
        prefixes: DATASET_DESCRIPTION_PREFIXES,
        quads: async () => {
          const described = describeResource(new CompactStore(await this.datasetQuads()), subject.value);
          return described ? descriptionQuads(described) : [];
        },
        html: async () => null,
      });
    }
  }

  private add(source: DocumentSource): void {
    if (!this.documentsByPath.has(source.path)) this.documentsByPath.set(source.path, source);
  }
}

const publications = new WeakMap<AppDependencies, Publication>();

/** The one Publication of an app's dependencies (shared by its route plugins). */
export function publicationFor(deps: AppDependencies, options: PublicationOptions = {}): Publication {
  let publication = publications.get(deps);
  if (!publication) {
    publication = new Publication(deps, options);
    publications.set(deps, publication);
  }
  return publication;
}

function publicView(source: DocumentSource): PublishedDocument {
  return { path: source.path, iri: source.iri, kind: source.kind, formats: source.formats };
}

function toRepresentation(body: Buffer, format: Format): Representation {
  return { body, contentType: contentTypeOf(format), etag: entityTag(body), format };
}

function safeDecode(path: string): string | null {
  try {
    return decodeURI(path);
  } catch {
    return null;
  }
}

function notAcceptableFor(document: PublishedDocument, formats: readonly Format[], headers: Record<string, string> = {}): HttpError {
  return new HttpError(
    406,
    `<${document.iri}> is not available in any of the requested media types. Available: ${formats.map((f) => `${f.mediaType} (.${f.extension})`).join(', ')}`,
    { Vary: 'Accept', ...headers },
  );
}

// ------------------------------------------------------------------ HTTP

type QueryParams = Record<string, string | string[] | undefined>;

/**
 * Media types that clients send for a format although they are not its
 * registered type: text/plain was the media type of N-Triples before
 * application/n-triples (Python rdflib still asks for it). Offered after all
 * registered types, so it never wins a tie; the response carries the
 * registered type.
 */
export const LEGACY_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = { ntriples: ['text/plain'] };

/** The format of a response: ?format= over the path's extension over Accept. */
export function chooseFormat(document: PublishedDocument, accept: string | undefined, override: string | undefined, fromExtension: Format | undefined): Format | null {
  if (override !== undefined) {
    const format = formatById(override) ?? formatByExtension(override) ?? formatByMediaType(override);
    return format && document.formats.includes(format) ? format : null;
  }
  if (fromExtension) return fromExtension;
  const legacy = document.formats.flatMap((f) => (LEGACY_MEDIA_TYPES[f.id] ?? []).map((type) => [type, f] as const));
  const mediaType = negotiate(accept, [...offeredMediaTypes(document.formats), ...legacy.map(([type]) => type)]);
  if (mediaType === null) return null;
  return formatByMediaType(mediaType) ?? legacy.find(([type]) => type === mediaType)?.[1] ?? null;
}

/** The Link header: the IRI as canonical, every other format as an alternate. */
export function linkHeader(publicUrl: string, document: PublishedDocument, current: Format | null): string {
  const links = [`<${document.iri}>; rel="canonical"`];
  for (const format of document.formats) {
    if (format === current) continue;
    links.push(`<${publicUrl}${extensionPathOf(document.path, format)}>; rel="alternate"; type="${format.mediaType}"`);
  }
  return links.join(', ');
}

/** RFC 9110 §13.1.1–2: If-None-Match (weak comparison) takes precedence over If-Modified-Since. */
export function isNotModified(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && lastModified.getTime() <= since;
  }
  return false;
}

/** Sends a prepared representation with the validators, answering 304 when the client's copy is current. */
export function sendRepresentation(request: FastifyRequest, reply: FastifyReply, representation: Representation, lastModified: Date): FastifyReply {
  reply.headers(validatorHeaders(representation, lastModified));
  if (isNotModified(request, representation.etag, lastModified)) return reply.code(304).send();
  return reply.type(representation.contentType).send(representation.body);
}

/** Serves a document: chooses the format, sets Vary/Link/Content-Location and the validators. */
export async function sendDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  publication: Publication,
  document: PublishedDocument,
  fromExtension?: Format,
): Promise<FastifyReply> {
  const override = formatParameter(request);
  const key = `${document.path}\n${request.headers.accept ?? ''}\n${override ?? ''}\n${fromExtension?.id ?? ''}`;
  let answer = publication.answers.get(key);
  if (!answer) {
    answer = await prepareAnswer(publication, document, request.headers.accept, override, fromExtension);
    publication.answers.set(key, answer);
  }
  if (answer instanceof HttpError) throw answer;
  reply.headers(answer.headers);
  if (isNotModified(request, answer.representation.etag, publication.lastModified)) return reply.code(304).send();
  return reply.type(answer.representation.contentType).send(answer.representation.body);
}

/** What a request for a document gets, given its Accept, ?format= and extension: the same every time (the data is read-only). */
export interface PreparedAnswer {
  representation: Representation;
  headers: Record<string, string>;
}

async function prepareAnswer(
  publication: Publication,
  document: PublishedDocument,
  accept: string | undefined,
  override: string | undefined,
  fromExtension: Format | undefined,
): Promise<PreparedAnswer | HttpError> {
  const format = chooseFormat(document, accept, override, fromExtension);
  if (!format) return notAcceptableFor(document, document.formats, { Link: linkHeader(publication.publicUrl, document, null) });
  const representation = await publication.representation(document, format);
  const headers: Record<string, string> = {
    Vary: 'Accept',
    Link: linkHeader(publication.publicUrl, document, format),
    ...validatorHeaders(representation, publication.lastModified),
  };
  if (!fromExtension && override === undefined) headers['Content-Location'] = `${publication.publicUrl}${extensionPathOf(document.path, format)}`;
  return { representation, headers };
}

function validatorHeaders(representation: Representation, lastModified: Date): Record<string, string> {
  return { ETag: representation.etag, 'Last-Modified': lastModified.toUTCString(), 'Cache-Control': 'public, max-age=300' };
}

function formatParameter(request: FastifyRequest): string | undefined {
  const value = (request.query as QueryParams | undefined)?.format;
  if (Array.isArray(value)) throw new HttpError(400, 'At most one format parameter is allowed.', { Vary: 'Accept' });
  return value === undefined || value === '' ? undefined : value;
}

function siteQuery(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries((request.query as QueryParams | undefined) ?? {})) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value) && value.length > 0) out[name] = value[0]!;
  }
  return out;
}

/** Site pages (renderSitePage) at paths that name no resource: HTML only, also as <path>.html. */
async function sendSitePage(request: FastifyRequest, reply: FastifyReply, publication: Publication, path: string): Promise<FastifyReply | null> {
  const explicit = /^(.*)\.html?$/.exec(path);
  const pagePath = explicit ? (explicit[1]!.endsWith('/index') ? explicit[1]!.slice(0, -'index'.length) : explicit[1]!) : path;
  const page = await renderSitePage(publication.site, safeDecode(pagePath) ?? pagePath, siteQuery(request));
  if (page === null) return null;
  reply.header('Vary', 'Accept');
  const override = formatParameter(request);
  const wanted = override !== undefined ? (formatById(override) ?? formatByExtension(override) ?? formatByMediaType(override)) === HTML_FORMAT : explicit !== null || negotiate(request.headers.accept, [HTML_FORMAT.mediaType]) !== null;
  if (!wanted) throw new HttpError(406, `${pagePath} is a page of the site, available only as text/html.`, { Vary: 'Accept' });
  const body = Buffer.from(page, 'utf8');
  return sendRepresentation(request, reply, toRepresentation(body, HTML_FORMAT), publication.lastModified);
}

const resourceQuerySchema = {
  type: 'object',
  properties: { format: { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'array', items: { type: 'string' } }] } },
} as const;

export const resourceRoutes: FastifyPluginAsync<{ deps: AppDependencies } & PublicationOptions> = async (app, { deps, ...options }) => {
  const publication = publicationFor(deps, options);
  let contextRepresentation: Promise<Representation> | null = null;

  // The published JSON-LD context (https://w3id.org/iot-setup/context.jsonld).
  app.get('/context.jsonld', async (request, reply) => {
    contextRepresentation ??= loadJsonLdContext().then((context) =>
      toRepresentation(Buffer.from(`${JSON.stringify(context, null, 2)}\n`, 'utf8'), formatById('jsonld')!),
    );
    reply.header('Link', `<${BASE}context.jsonld>; rel="canonical"`);
    return sendRepresentation(request, reply, await contextRepresentation, publication.lastModified);
  });

  app.get('/*', { schema: { querystring: resourceQuerySchema } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const resolution = publication.resolve(path);
    if (resolution) return sendDocument(request, reply, publication, resolution.document, resolution.format);
    const page = await sendSitePage(request, reply, publication, path);
    if (page) return page;
    throw new HttpError(404, `Not found: no resource <${BASE}${path.slice(1)}> in this dataset. Start at ${publication.publicUrl}/ or query ${publication.publicUrl}/sparql.`, {
      Vary: 'Accept',
    });
  });
};
