// JSON-LD output: quads → expanded JSON-LD (jsonld.fromRDF) → compacted with
// the project's context (ontology/context.jsonld), which is embedded in the
// output so that a reader needs no network access. jsonld.js never fetches:
// its document loader serves only our own context and refuses anything else.
import { readFile } from 'node:fs/promises';
import jsonld, { type ContextDefinition, type JsonLdDocument, type Options } from 'jsonld';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { BASE } from '../namespaces.js';

/** The IRI under which the context is published (and served by the loader). */
export const JSONLD_CONTEXT_URL = `${BASE}context.jsonld`;

const CONTEXT_FILE = new URL('../../ontology/context.jsonld', import.meta.url);
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';

/** The context document: an object whose "@context" is the context proper. */
export interface JsonLdContextDocument {
  '@context': ContextDefinition;
}

type DocumentLoader = NonNullable<Options.DocLoader['documentLoader']>;
type RemoteDocument = Awaited<ReturnType<DocumentLoader>>;

let cachedContext: Promise<JsonLdContextDocument> | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks ontology/context.jsonld (once per process). */
export function loadJsonLdContext(): Promise<JsonLdContextDocument> {
  cachedContext ??= readFile(CONTEXT_FILE, 'utf8').then((text) => {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed) || !isObject(parsed['@context'])) {
      throw new Error(`${CONTEXT_FILE.pathname}: expected an object with an "@context" object`);
    }
    return parsed as unknown as JsonLdContextDocument;
  });
  return cachedContext;
}

export class RemoteContextRefused extends Error {
  override name = 'RemoteContextRefused';
  constructor(readonly url: string) {
    super(`Refusing to load the JSON-LD document <${url}>: no network access; the only document available is the local context <${JSONLD_CONTEXT_URL}>.`);
  }
}

/** A jsonld.js document loader that serves only the local context, never the network. */
export const localDocumentLoader = async (url: string): Promise<RemoteDocument> => {
  if (url !== JSONLD_CONTEXT_URL) throw new RemoteContextRefused(url);
  const context = await loadJsonLdContext();
  return { documentUrl: url, document: context as unknown as RemoteDocument['document'] };
};

/**
 * Expanded JSON-LD keeps every literal as a string with its datatype. For
 * readability, canonical xsd:integer and xsd:boolean literals become JSON
 * numbers and booleans, which JSON-LD turns back into exactly the same
 * literals (jsonld.js's own useNativeTypes would also rewrite doubles and
 * "1"/"0" booleans, which is lossy).
 */
function nativeLiterals(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nativeLiterals);
  if (!isObject(node)) return node;
  const value = node['@value'];
  if (typeof value === 'string' && Object.keys(node).length === 2) {
    if (node['@type'] === XSD_INTEGER && /^(?:0|-?[1-9][0-9]*)$/.test(value) && Number.isSafeInteger(Number(value))) {
      return { '@value': Number(value) };
    }
    if (node['@type'] === XSD_BOOLEAN && (value === 'true' || value === 'false')) {
      return { '@value': value === 'true' };
    }
    return node;
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) out[key] = nativeLiterals(child);
  return out;
}

/**
 * jsonld.js (9.0) names a graph by `graph.value` alone, so a blank node graph
 * `_:b0` would become the relative IRI "b0" and be lost. Giving it the value
 * "_:b0" makes fromRDF name it as it names blank node subjects and objects.
 */
function blankGraphNameWorkaround(quad: Quad): Quad {
  if (quad.graph.termType !== 'BlankNode') return quad;
  return DataFactory.quad(quad.subject, quad.predicate, quad.object, DataFactory.blankNode(`_:${quad.graph.value}`));
}

/** Every object key and string value in the document, outside "@context". */
function collectStrings(node: unknown, into: Set<string>): Set<string> {
  if (typeof node === 'string') into.add(node);
  else if (Array.isArray(node)) for (const child of node) collectStrings(child, into);
  else if (isObject(node)) {
    for (const [key, child] of Object.entries(node)) {
      if (key === '@context') continue;
      into.add(key);
      collectStrings(child, into);
    }
  }
  return into;
}

function prefixOf(text: string): string | null {
  const colon = text.indexOf(':');
  return colon > 0 ? text.slice(0, colon) : null;
}

/**
 * The context reduced to the terms and prefixes the compacted document
 * mentions (any key or string equal to a term, or starting with "prefix:"),
 * plus the prefixes those term definitions use. Over-approximate by design:
 * keeping an unneeded term is harmless, so expansion is unchanged.
 */
export function pruneContext(context: Readonly<Record<string, unknown>>, document: unknown): Record<string, unknown> {
  const mentions = (strings: ReadonlySet<string>): ((name: string) => boolean) => {
    const prefixes = new Set([...strings].map(prefixOf));
    return (name) => strings.has(name) || prefixes.has(name);
  };
  const inDocument = mentions(collectStrings(document, new Set()));
  const kept = new Set(Object.keys(context).filter((name) => name.startsWith('@') || inDocument(name)));
  const inDefinitions = mentions(collectStrings([...kept].map((name) => context[name]), new Set()));
  for (const name of Object.keys(context)) if (inDefinitions(name)) kept.add(name);
  return Object.fromEntries(Object.entries(context).filter(([name]) => kept.has(name)));
}

/**
 * Compacted JSON-LD of the quads; named graphs become `{"@id": g, "@graph": [...]}`
 * entries. The context is embedded, reduced to what the document uses.
 */
export async function toJsonLd(quads: readonly Quad[]): Promise<string> {
  const context = await loadJsonLdContext();
  const expanded = await jsonld.fromRDF(quads.map(blankGraphNameWorkaround), { useNativeTypes: false, useRdfType: false });
  const compacted: Record<string, unknown> = await jsonld.compact(nativeLiterals(expanded) as JsonLdDocument, context['@context'], {
    documentLoader: localDocumentLoader,
    compactToRelative: false,
  });
  const { '@context': _full, ...body } = compacted;
  const output = { '@context': pruneContext(context['@context'] as Record<string, unknown>, body), ...body };
  return `${JSON.stringify(output, null, 2)}\n`;
}
