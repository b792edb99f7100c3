// The VoID + DCAT description of the whole publication (served at /void and
// /.well-known/void, and as the RDF of the dataset IRI, the base itself):
// the dataset, its named graphs with their triple counts, the downloadable
// dumps as dcat:Distributions, the SPARQL endpoint, license and version.
// Everything is read from the store (the ontology header gives version,
// license and dates); nothing here is a fact about the draft.
import { DataFactory } from 'n3';
import type { QuadStore } from '../store/index.js';
import type { Quad, Quad_Object, Quad_Subject, Term } from '@rdfjs/types';
import { BASE, DCTERMS, GRAPH, ONTOLOGY_IRI, OWL, RDF, RDFS, XSD } from '../namespaces.js';
import { formatsOfKind, type Format } from '../serialize/formats.js';

const { namedNode, literal, quad } = DataFactory;

const VOID = 'http://rdfs.org/ns/void#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const SD = 'http://www.w3.org/ns/sparql-service-description#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const W3C_FORMATS = 'http://www.w3.org/ns/formats/';
const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types/';

/** The dataset IRI: the base of the publication itself. */
export const DATASET_IRI = BASE;
/** The IRI (and, below the base, the path) of the VoID document. */
export const VOID_IRI = `${BASE}void`;
/** Dumps live below this IRI (and path /dumps/). */
export const DUMPS_IRI = `${BASE}dumps/`;
/** File names of the dumps: `${DUMP_STEM}-${version}.${extension}`. */
export const DUMP_STEM = 'iot-setup';

export const DATASET_DESCRIPTION_PREFIXES: Record<string, string> = {
  void: VOID,
  dcat: DCAT,
  dcterms: DCTERMS,
  sd: SD,
  foaf: FOAF,
  owl: OWL,
  rdf: RDF,
  rdfs: RDFS,
  xsd: XSD,
  formats: W3C_FORMATS,
};

/** The W3C format IRIs (http://www.w3.org/ns/formats/) of the RDF formats. */
const FORMAT_IRIS: Readonly<Record<string, string>> = {
  turtle: 'Turtle',
  ntriples: 'N-Triples',
  jsonld: 'JSON-LD',
  rdfxml: 'RDF_XML',
  trig: 'TriG',
  nquads: 'N-Quads',
};

/** The RDF formats a dump is offered in, in table order. */
export function dumpFormats(): Format[] {
  return formatsOfKind('rdf-triples', 'rdf-quads');
}

/** Whether a dump in this format keeps the named graphs (quad formats) or merges them (triple formats). */
export function keepsGraphs(format: Format): boolean {
  return format.kind === 'rdf-quads';
}

export interface OntologyVersion {
  /** The ontology IRI. */
  iri: string;
  /** Its owl:versionIRI values, sorted. */
  versionIris: string[];
  /** Its owl:versionInfo (the first, sorted), or null. */
  versionInfo: string | null;
}

/** Every owl:Ontology in the store with its version IRIs and version info. */
export function ontologies(store: QuadStore): OntologyVersion[] {
  return store
    .getSubjects(namedNode(`${RDF}type`), namedNode(`${OWL}Ontology`), null)
    .filter((s) => s.termType === 'NamedNode')
    .map((s) => s.value)
    .filter((iri, i, all) => all.indexOf(iri) === i)
    .sort()
    .map((iri) => ({
      iri,
      versionIris: objects(store, iri, `${OWL}versionIRI`).filter((t) => t.termType === 'NamedNode').map((t) => t.value).sort(),
      versionInfo: objects(store, iri, `${OWL}versionInfo`).map((t) => t.value).sort()[0] ?? null,
    }));
}

/** The version of the publication: owl:versionInfo of the project ontology. */
export function datasetVersion(store: QuadStore): string {
  const info = ontologies(store).find((o) => o.iri === ONTOLOGY_IRI)?.versionInfo;
  if (!info) throw new Error(`The ontology <${ONTOLOGY_IRI}> has no owl:versionInfo: cannot name the dumps.`);
  if (!/^[0-9A-Za-z][0-9A-Za-z.+_-]*$/.test(info)) throw new Error(`owl:versionInfo "${info}" cannot be used in a file name.`);
  return info;
}

/** The file name of the dump of `version` in `format`, e.g. iot-setup-0.1.0.ttl. */
export function dumpFileName(version: string, format: Format): string {
  return `${DUMP_STEM}-${version}.${format.extension}`;
}

/** Triples of the union of all graphs: a statement in two graphs counts once. */
export function distinctTripleCount(store: QuadStore): number {
  // The store's distinct id triples: no Quad or key string per statement (8 M of them at 1,000×).
  return store.tripleIds().length / 3;
}

export interface DatasetDescriptionOptions {
  /** Public base URL of the server; the SPARQL endpoint is `${publicUrl}/sparql`. */
  publicUrl: string;
  /** Byte size of each dump by format id, when known. */
  dumpSizes?: Readonly<Record<string, number>>;
  /** The dumps offered; default: every format of dumpFormats(). */
  dumps?: readonly Format[];
}

const GRAPH_TITLES: Readonly<Record<string, [title: string, description: string]>> = {
  [GRAPH.ontology]: ['The ontology', 'The OWL 2 DL ontology (classes, properties and their documentation), as published at the ontology IRI.'],
  [GRAPH.data]: ['The asserted data', 'Every fact read off the draft, each resource with its draft section as dcterms:source.'],
  [GRAPH.entailments]: ['The entailments', 'What reasoning adds to the ontology and the asserted data (role equivalences, category memberships, types).'],
};

/** VoID + DCAT description of the dataset held in `store`. */
export function datasetDescription(store: QuadStore, options: DatasetDescriptionOptions): Quad[] {
  const version = datasetVersion(store);
  const header = (predicate: string): Term[] => objects(store, ONTOLOGY_IRI, predicate);
  const dataset = namedNode(DATASET_IRI);
  const document = namedNode(VOID_IRI);
  const endpoint = namedNode(`${options.publicUrl.replace(/\/+$/, '')}/sparql`);
  const service = namedNode(`${VOID_IRI}#sparql-service`);
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: string, o: Quad_Object): void => {
    out.push(quad(s, namedNode(p), o));
  };
  const integer = (n: number): Quad_Object => literal(String(n), namedNode(`${XSD}integer`));
  const en = (text: string): Quad_Object => literal(text, 'en');

  add(document, `${RDF}type`, namedNode(`${VOID}DatasetDescription`));
  add(document, `${DCTERMS}title`, en('VoID and DCAT description of the IoT initial security setup linked data'));
  add(document, `${FOAF}primaryTopic`, dataset);

  add(dataset, `${RDF}type`, namedNode(`${VOID}Dataset`));
  add(dataset, `${RDF}type`, namedNode(`${DCAT}Dataset`));
  add(dataset, `${DCTERMS}title`, en('IoT initial security setup knowledge graph'));
  add(dataset, `${DCTERMS}description`, en(
    'The ontology and knowledge graph of draft-irtf-t2trg-security-setup-iot-devices-01 (terminology and processes for initial security setup of IoT devices): the eleven protocols it surveys, their terms, players, initial beliefs, processes and imparted beliefs, with what reasoning adds kept in a graph of its own.',
  ));
  for (const p of [`${DCTERMS}license`, `${DCTERMS}source`, `${DCTERMS}creator`, `${DCTERMS}issued`, `${DCTERMS}modified`]) {
    for (const o of header(p)) add(dataset, p, o as Quad_Object);
  }
  add(dataset, `${OWL}versionInfo`, literal(version));
  add(dataset, `${DCAT}version`, literal(version));
  add(dataset, `${VOID}uriSpace`, literal(BASE));
  add(dataset, `${VOID}vocabulary`, namedNode(ONTOLOGY_IRI));
  add(dataset, `${VOID}rootResource`, namedNode(ONTOLOGY_IRI));
  for (const example of ['protocol/brski', 'protocol/brski/role/pledge', 'term/enrollment', 'category/joining-device']) {
    if (store.countQuads(namedNode(BASE + example), null, null, null) > 0) add(dataset, `${VOID}exampleResource`, namedNode(BASE + example));
  }
  add(dataset, `${VOID}sparqlEndpoint`, endpoint);
  add(dataset, `${VOID}triples`, integer(distinctTripleCount(store)));
  add(dataset, `${VOID}entities`, integer(entityCount(store)));
  add(dataset, `${VOID}properties`, integer(new Set(store.getPredicates(null, null, null).map((t) => t.value)).size));
  add(dataset, `${VOID}classes`, integer(new Set(store.getObjects(null, namedNode(`${RDF}type`), null).map((t) => t.value)).size));
  add(dataset, `${RDFS}seeAlso`, namedNode(ONTOLOGY_IRI));

  // The SPARQL endpoint as a DCAT data service.
  add(dataset, `${DCAT}accessService`, service);
  add(service, `${RDF}type`, namedNode(`${DCAT}DataService`));
  add(service, `${DCTERMS}title`, en('SPARQL 1.1 endpoint (read-only; the default graph is the union of all graphs)'));
  add(service, `${DCAT}endpointURL`, endpoint);
  add(service, `${DCAT}servesDataset`, dataset);
  add(service, `${DCTERMS}conformsTo`, namedNode('https://www.w3.org/TR/sparql11-protocol/'));

  // Dumps.
  for (const format of options.dumps ?? dumpFormats()) {
    const download = namedNode(`${DUMPS_IRI}${dumpFileName(version, format)}`);
    const distribution = namedNode(`${VOID_IRI}#dump-${format.extension}`);
    add(dataset, `${VOID}dataDump`, download);
    add(dataset, `${DCAT}distribution`, distribution);
    add(distribution, `${RDF}type`, namedNode(`${DCAT}Distribution`));
    add(distribution, `${DCTERMS}title`, en(`${format.label} dump, version ${version} (${keepsGraphs(format) ? 'named graphs kept' : 'union of all graphs'})`));
    add(distribution, `${DCAT}downloadURL`, download);
    add(distribution, `${DCAT}accessURL`, download);
    add(distribution, `${DCAT}mediaType`, namedNode(IANA_MEDIA_TYPES + format.mediaType));
    add(distribution, `${DCTERMS}format`, namedNode(W3C_FORMATS + FORMAT_IRIS[format.id]!));
    for (const o of header(`${DCTERMS}license`)) add(distribution, `${DCTERMS}license`, o as Quad_Object);
    const size = options.dumpSizes?.[format.id];
    if (size !== undefined) add(distribution, `${DCAT}byteSize`, literal(String(size), namedNode(`${XSD}nonNegativeInteger`)));
    add(dataset, `${VOID}feature`, namedNode(W3C_FORMATS + FORMAT_IRIS[format.id]!));
  }

  // Named graphs as subsets.
  const graphs = store.getGraphs(null, null, null).filter((g) => g.termType === 'NamedNode').map((g) => g.value).sort();
  for (const graph of graphs) {
    const subset = namedNode(graph);
    const [title, description] = GRAPH_TITLES[graph] ?? [`User data ${graph.slice(GRAPH.userPrefix.length)}`, 'A user-supplied file, reasoned over like the embedded data.'];
    add(dataset, `${VOID}subset`, subset);
    add(subset, `${RDF}type`, namedNode(`${VOID}Dataset`));
    add(subset, `${RDF}type`, namedNode(`${SD}NamedGraph`));
    add(subset, `${SD}name`, subset);
    add(subset, `${DCTERMS}title`, en(title));
    add(subset, `${DCTERMS}description`, en(description));
    add(subset, `${VOID}triples`, integer(store.countQuads(null, null, null, subset)));
    add(subset, `${VOID}sparqlEndpoint`, endpoint);
  }
  return out;
}

function objects(store: QuadStore, subject: string, predicate: string): Term[] {
  return store.getObjects(namedNode(subject), namedNode(predicate), null).filter((t, i, all) => all.findIndex((u) => u.equals(t)) === i);
}

/** Distinct IRIs under the base that are the subject of a statement. */
function entityCount(store: QuadStore): number {
  return new Set(store.getSubjects(null, null, null).filter((s) => s.termType === 'NamedNode' && s.value.startsWith(BASE)).map((s) => s.value)).size;
}
