// Read-only look-ups into the store for the page renderers: objects and
// subjects by IRI, preferred literals, labels with sensible fallbacks, and
// whether a statement is asserted or only inferred. No SPARQL strings.
import { DataFactory } from 'n3';
import type { QuadStore } from '../store/index.js';
import type { Quad, Term } from '@rdfjs/types';
import { labelOf } from '../describe/resourceDescription.js';
import { BASE, DCTERMS, GRAPH, IOT, ONTOLOGY_IRI, OWL, PREFIXES, RDF, RDFS, SKOS } from '../namespaces.js';
import { hrefFor, isLocal } from './links.js';

const { namedNode } = DataFactory;

export const P = {
  type: `${RDF}type`,
  label: `${RDFS}label`,
  comment: `${RDFS}comment`,
  subClassOf: `${RDFS}subClassOf`,
  subPropertyOf: `${RDFS}subPropertyOf`,
  domain: `${RDFS}domain`,
  range: `${RDFS}range`,
  seeAlso: `${RDFS}seeAlso`,
  isDefinedBy: `${RDFS}isDefinedBy`,
  prefLabel: `${SKOS}prefLabel`,
  altLabel: `${SKOS}altLabel`,
  definition: `${SKOS}definition`,
  scopeNote: `${SKOS}scopeNote`,
  editorialNote: `${SKOS}editorialNote`,
  notation: `${SKOS}notation`,
  broader: `${SKOS}broader`,
  exactMatch: `${SKOS}exactMatch`,
  closeMatch: `${SKOS}closeMatch`,
  equivalentClass: `${OWL}equivalentClass`,
  inverseOf: `${OWL}inverseOf`,
  disjointWith: `${OWL}disjointWith`,
  source: `${DCTERMS}source`,
  title: `${DCTERMS}title`,
  description: `${DCTERMS}description`,
} as const;

export const C = {
  protocol: `${IOT}Protocol`,
  playerRole: `${IOT}PlayerRole`,
  playerCategory: `${IOT}PlayerCategory`,
  owlClass: `${OWL}Class`,
  objectProperty: `${OWL}ObjectProperty`,
  datatypeProperty: `${OWL}DatatypeProperty`,
  annotationProperty: `${OWL}AnnotationProperty`,
  ontology: `${OWL}Ontology`,
} as const;

/** Labels for W3C terms that the ontology does not declare. */
const BUILT_IN_LABELS: Record<string, string> = {
  [P.type]: 'type',
  [P.subClassOf]: 'subclass of',
  [P.subPropertyOf]: 'subproperty of',
  [P.domain]: 'domain',
  [P.range]: 'range',
  [P.equivalentClass]: 'equivalent class',
  [P.inverseOf]: 'inverse of',
  [P.disjointWith]: 'disjoint with',
  [`${OWL}equivalentProperty`]: 'equivalent property',
  [`${OWL}sameAs`]: 'same as',
  [`${OWL}imports`]: 'imports',
  [`${OWL}versionIRI`]: 'version IRI',
  [`${OWL}annotatedSource`]: 'annotated source',
  [`${OWL}annotatedProperty`]: 'annotated property',
  [`${OWL}annotatedTarget`]: 'annotated target',
  [`${OWL}Class`]: 'OWL class',
  [`${OWL}ObjectProperty`]: 'object property',
  [`${OWL}DatatypeProperty`]: 'datatype property',
  [`${OWL}AnnotationProperty`]: 'annotation property',
  [`${OWL}FunctionalProperty`]: 'functional property',
  [`${OWL}TransitiveProperty`]: 'transitive property',
  [`${OWL}SymmetricProperty`]: 'symmetric property',
  [`${OWL}Ontology`]: 'ontology',
  [`${OWL}Axiom`]: 'axiom',
  [`${OWL}Thing`]: 'Thing',
};

export const EXTRA_PREFIXES: Record<string, string> = {
  ...PREFIXES,
  foaf: 'http://xmlns.com/foaf/0.1/',
};

/** "skos:Concept" for an IRI in a known namespace, else null. */
export function compactIri(iri: string): string | null {
  for (const [prefix, ns] of Object.entries(EXTRA_PREFIXES)) {
    if (prefix === 'src') continue;
    if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return null;
}

export class GraphView {
  private readonly labels = new Map<string, string>();
  private readonly pages = new Map<string, boolean>();

  constructor(
    readonly store: QuadStore,
    /** Labels to use before asking the store (e.g. a description's linkedLabels). */
    seed: Quad[] = [],
  ) {
    for (const q of seed) {
      if (q.subject.termType === 'NamedNode' && !this.labels.has(q.subject.value)) this.labels.set(q.subject.value, q.object.value);
    }
  }

  /**
   * The href for a resource link: local IRIs only when this server has a page
   * for them (the subject of some triple, the ontology, the home page), so
   * that no link is broken; other IRIs as hrefFor decides.
   */
  href(iri: string): string | null {
    const href = hrefFor(iri);
    if (href === null || !isLocal(iri)) return href;
    const document = iri.split('#')[0]!;
    if (document === ONTOLOGY_IRI || document === BASE) return href;
    let known = this.pages.get(document);
    if (known === undefined) {
      known = this.store.countQuads(namedNode(document), null, null, null) > 0;
      this.pages.set(document, known);
    }
    return known ? href : null;
  }

  objects(subject: string, predicate: string): Term[] {
    return this.store.getObjects(namedNode(subject), namedNode(predicate), null);
  }

  objectIris(subject: string, predicate: string): string[] {
    return unique(this.objects(subject, predicate).filter((t) => t.termType === 'NamedNode').map((t) => t.value));
  }

  subjectIris(predicate: string, object: string): string[] {
    return unique(
      this.store
        .getSubjects(namedNode(predicate), namedNode(object), null)
        .filter((t) => t.termType === 'NamedNode')
        .map((t) => t.value),
    );
  }

  /** Literal values, English first, then untagged, then the rest. */
  literals(subject: string, predicate: string): string[] {
    const terms = this.objects(subject, predicate).filter((t) => t.termType === 'Literal') as Array<Term & { language: string }>;
    const rank = (t: { language: string }): number => (t.language === 'en' ? 0 : t.language === '' ? 1 : 2);
    return unique([...terms].sort((a, b) => rank(a) - rank(b)).map((t) => t.value));
  }

  literal(subject: string, predicate: string): string | null {
    return this.literals(subject, predicate)[0] ?? null;
  }

  has(subject: string, predicate: string, object: string): boolean {
    return this.store.countQuads(namedNode(subject), namedNode(predicate), namedNode(object), null) > 0;
  }

  hasType(subject: string, type: string): boolean {
    return this.has(subject, P.type, type);
  }

  /** True when the statement holds only in the entailment graph. */
  inferredOnly(subject: string, predicate: string, object: string): boolean {
    const quads = this.store.getQuads(namedNode(subject), namedNode(predicate), namedNode(object), null);
    return quads.length > 0 && quads.every((q) => q.graph.value === GRAPH.entailments);
  }

  /** True when the statement is asserted in some graph other than the entailments. */
  asserted(subject: string, predicate: string, object: string): boolean {
    return this.store
      .getQuads(namedNode(subject), namedNode(predicate), namedNode(object), null)
      .some((q) => q.graph.value !== GRAPH.entailments);
  }

  position(iri: string): number | null {
    const value = this.literal(iri, `${IOT}position`);
    const n = value === null ? NaN : Number(value);
    return Number.isFinite(n) ? n : null;
  }

  /** Sorts by iot:position; items without one keep their order, after the numbered ones. */
  byPosition(iris: string[]): string[] {
    return iris
      .map((iri, index) => ({ iri, index, position: this.position(iri) }))
      .sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.index - b.index)
      .map((x) => x.iri);
  }

  byLabel(iris: string[]): string[] {
    return [...iris].sort((a, b) => this.label(a).localeCompare(this.label(b), 'en', { sensitivity: 'base' }) || a.localeCompare(b));
  }

  sources(iri: string): string[] {
    return this.objectIris(iri, P.source);
  }

  definition(iri: string): string | null {
    return this.literal(iri, P.definition) ?? this.literal(iri, P.comment) ?? this.literal(iri, P.description);
  }

  /** The best human label: seeded label, rdfs:label / skos:prefLabel, built-in, prefixed name, path. */
  label(iri: string): string {
    const cached = this.labels.get(iri);
    if (cached !== undefined) return cached;
    const found = labelOf(this.store, namedNode(iri)) ?? BUILT_IN_LABELS[iri] ?? fallbackLabel(iri);
    this.labels.set(iri, found);
    return found;
  }
}

export function fallbackLabel(iri: string): string {
  const compact = compactIri(iri);
  if (compact) return compact;
  if (iri.startsWith(BASE)) return iri.slice(BASE.length) || iri;
  return iri;
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
