// Where a link in the HTML points. IRIs under the base are served by this
// server at the same path (DESIGN §4), so https://w3id.org/iot-setup/X is
// linked as /X; other IRIs are linked as themselves, but only for schemes a
// browser can follow safely. Everything else (javascript:, data:, …) is
// shown as text and never becomes an href. RDF itself is never rewritten.
import { BASE, DRAFT } from '../namespaces.js';

const SAFE_SCHEMES = /^(?:https?|ftp|mailto|urn):/i;
/** Characters left as they are in an href; everything else is percent-encoded (IRI → URI). */
const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;

function toUri(text: string): string {
  let out = '';
  for (const c of text) out += URI_CHAR.test(c) ? c : encodeURIComponent(c);
  return out;
}

/** True when `iri` is one of this publication's own IRIs. */
export function isLocal(iri: string): boolean {
  return iri.startsWith(BASE);
}

/** The server path of an IRI under the base (fragment kept), or null. */
export function localPath(iri: string): string | null {
  if (!isLocal(iri)) return null;
  const rest = iri.slice(BASE.length);
  // "//host" or "/\host" would leave this server: never produce them.
  if (rest.startsWith('/') || rest.startsWith('\\')) return null;
  return `/${toUri(rest)}`;
}

/** The href for an IRI: a local path, the IRI itself when its scheme is safe, otherwise null. */
export function hrefFor(iri: string): string | null {
  const local = localPath(iri);
  if (local !== null) return local;
  if (SAFE_SCHEMES.test(iri)) return toUri(iri);
  return null;
}

/** The server path of an IRI without its fragment (the document that describes it). */
export function documentPath(iri: string): string | null {
  const path = localPath(iri);
  return path === null ? null : path.split('#')[0]!;
}

/** "2.8" for a dcterms:source pointing at section 2.8 of the draft; "" for the whole draft; null otherwise. */
export function draftSection(iri: string): string | null {
  if (iri === DRAFT) return '';
  const prefix = `${DRAFT}#section-`;
  return iri.startsWith(prefix) ? iri.slice(prefix.length) : null;
}

/** The datatracker link of a draft section ("2.8"), pinned to -01. */
export function draftSectionIri(section: string): string {
  return section === '' ? DRAFT : `${DRAFT}#section-${section}`;
}

/** Orders section numbers numerically: 2.9 before 2.10, 3.3 before 3.3.1. */
export function compareSections(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

/** A link to the SPARQL endpoint that DESCRIBEs the IRI. */
export function describeQueryHref(iri: string): string {
  return `/sparql?query=${encodeURIComponent(`DESCRIBE <${iri}>`)}`;
}
