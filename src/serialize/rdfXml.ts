// RDF/XML output through rdflib's serializer, guarded against its quirks
// (all found by tests in test/serialize):
//
// 1. A blank node object referenced once is nested as
//    `<p rdf:parseType="Resource"><rdf:Description>…</rdf:Description></p>`,
//    which is not RDF/XML (rdf:Description read as a property), and a cycle
//    of such blank nodes is dropped altogether. Fix: every blank node is
//    made a root, written flat with rdf:nodeID.
// 2. Literal text escapes only & < and ": a carriage return would be
//    normalised to a newline by XML parsers and "]]>" is not well-formed.
//    Fix: both are escaped afterwards (neither occurs in markup).
// 3. The first rdf:type of a subject becomes the element name, and a
//    predicate or type whose local name is no XML NCName yields a broken
//    document or an exception. Fix: types usable as element names are put
//    first; graphs that RDF/XML (or this writer) cannot express raise
//    UnrepresentableError instead of producing wrong output.
// 4. rdf:_n predicates are written as rdf:li, sorted as strings; that is
//    only faithful for one each of rdf:_1 … rdf:_k with k ≤ 9.
// 5. IRIs are made relative when a base is set: no base is ever set, so all
//    IRIs stay absolute.
import * as rdflib from 'rdflib';
import type { Quad, Term } from '@rdfjs/types';
import { UnrepresentableError } from './errors.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDF_TYPE = `${RDF}type`;
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = `${RDF}langString`;

/** rdf: names that RDF/XML reserves for its syntax (or that rdflib rewrites): never usable as element names. */
const RDF_SYNTAX_NAMES = new Set(
  ['RDF', 'ID', 'about', 'parseType', 'resource', 'nodeID', 'datatype', 'Description', 'li', 'aboutEach', 'aboutEachPrefix', 'bagID'].map((n) => RDF + n),
);

const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F' +
  '\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NCNAME = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, 'u');
/** Characters XML 1.0 cannot carry at all (also lone surrogates). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** Characters an IRI (IRIREF) cannot contain. */
const NOT_IRI_CHAR = /[\u0000-\u0020<>"{}|^`\\]/;
const LANGUAGE_TAG = /^[a-zA-Z]+(?:-[a-zA-Z0-9]+)*$/;

/** Whether rdflib can write the IRI as an element name: it splits at the first '#', else at the last '/'. */
function isQNameable(iri: string): boolean {
  if (RDF_SYNTAX_NAMES.has(iri)) return false;
  const hash = iri.indexOf('#');
  const split = hash >= 0 ? hash : iri.lastIndexOf('/');
  return split > 0 && NCNAME.test(iri.slice(split + 1));
}

function checkTerm(term: Term): void {
  const fail = (reason: string): never => {
    throw new UnrepresentableError('rdfxml', reason);
  };
  if (term.termType === 'NamedNode' && NOT_IRI_CHAR.test(term.value)) fail(`the IRI <${term.value}> contains characters an IRI cannot hold`);
  if (term.termType === 'Literal') {
    if (NOT_XML_CHAR.test(term.value)) fail(`the literal ${JSON.stringify(term.value)} contains characters XML 1.0 cannot hold`);
    if (term.language && !LANGUAGE_TAG.test(term.language)) fail(`"${term.language}" is no language tag`);
    if (!term.language && NOT_IRI_CHAR.test(term.datatype.value)) fail(`the datatype IRI <${term.datatype.value}> is malformed`);
  }
  if (term.termType === 'Quad') fail('RDF/XML has no syntax for quoted triples');
}

/** Checks rdflib's rdf:_n → rdf:li rewriting (quirk 4) for one subject's predicates. */
function checkMembership(subject: string, predicates: readonly string[]): void {
  const numbers = predicates.filter((p) => /^_[0-9]+$/.test(p.slice(RDF.length)) && p.startsWith(RDF)).map((p) => Number(p.slice(RDF.length + 1)));
  if (numbers.length === 0) return;
  const sorted = [...numbers].sort((a, b) => a - b);
  const contiguous = sorted.every((n, i) => n === i + 1) && sorted.length <= 9;
  if (!contiguous) {
    throw new UnrepresentableError('rdfxml', `the container members of ${subject} (rdf:_${sorted.join(', rdf:_')}) would be renumbered by the RDF/XML writer`);
  }
}

type RdflibTerm = ReturnType<typeof rdflib.sym> | ReturnType<typeof rdflib.blankNode> | ReturnType<typeof rdflib.literal>;

function toRdflib(term: Term): RdflibTerm {
  switch (term.termType) {
    case 'NamedNode':
      return rdflib.sym(term.value);
    case 'BlankNode':
      return rdflib.blankNode(term.value);
    case 'Literal':
      if (term.language) return rdflib.literal(term.value, term.language);
      return term.datatype.value === XSD_STRING || term.datatype.value === RDF_LANG_STRING
        ? rdflib.literal(term.value)
        : rdflib.literal(term.value, rdflib.sym(term.datatype.value));
    default:
      throw new UnrepresentableError('rdfxml', `a ${term.termType} cannot appear in RDF/XML`);
  }
}

/**
 * RDF/XML of the triples (graph names are ignored: pass the merged graph).
 * Blank node labels must already be XML NCNames (see relabelBlankNodes).
 */
export function toRdfXml(triples: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  // Group per subject, checking what RDF/XML cannot say.
  const bySubject = new Map<string, Quad[]>();
  for (const q of triples) {
    [q.subject, q.predicate, q.object].forEach(checkTerm);
    if (!isQNameable(q.predicate.value)) {
      throw new UnrepresentableError('rdfxml', `the predicate <${q.predicate.value}> cannot be written as an XML element name`);
    }
    const key = `${q.subject.termType}:${q.subject.value}`;
    const list = bySubject.get(key);
    if (list) list.push(q);
    else bySubject.set(key, [q]);
  }

  const store = rdflib.graph([]);
  for (const quads of bySubject.values()) {
    const subject = quads[0]!.subject;
    checkMembership(subject.value, quads.map((q) => q.predicate.value));
    const types = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode');
    const usable = types.filter((q) => isQNameable(q.object.value));
    if (types.length > 0 && usable.length === 0) {
      throw new UnrepresentableError('rdfxml', `no type of ${subject.value} can be written as an XML element name`);
    }
    // A usable type first: rdflib turns the first named type into the element name.
    const ordered = [...usable, ...quads.filter((q) => !usable.includes(q))];
    for (const q of ordered) {
      store.add(toRdflib(q.subject) as rdflib.NamedNode, toRdflib(q.predicate) as rdflib.NamedNode, toRdflib(q.object));
    }
  }

  const serializer = rdflib.Serializer(store);
  serializer.setNamespaces(prefixes);
  serializer.setBase(null);
  // Quirk 1: every blank node becomes a root written with rdf:nodeID.
  const rootSubjects = serializer.rootSubjects.bind(serializer);
  serializer.rootSubjects = (statements: readonly rdflib.Statement[]) => {
    const stats = rootSubjects(statements);
    const rootsHash = stats.rootsHash as Record<string, boolean>;
    const incoming = stats.incoming as Record<string, unknown[]>;
    for (const st of statements) {
      const key = st.subject.toNT();
      if (st.subject.termType === 'BlankNode' && !rootsHash[key]) {
        rootsHash[key] = true;
        stats.roots.push(st.subject);
      }
    }
    // Any count but one selects rdf:nodeID over nesting.
    for (const list of Object.values(incoming)) if (list.length === 1) list.push(null);
    return stats;
  };
  const xml = serializer.statementsToXML(store.statements);
  // Quirk 2: neither a carriage return nor "]]>" can occur in rdflib's markup, only in text.
  const escaped = xml.replace(/\r/g, '&#13;').replace(/]]>/g, ']]&gt;');
  return `<?xml version="1.0" encoding="utf-8"?>\n${escaped}`;
}
