// The SPARQL 1.1 Service Description of /sparql, with a VoID description of
// the graphs it serves and their triple counts.
import { DataFactory } from 'n3';
import { termKey, type QuadStore } from '../store/index.js';
import type { Quad, Quad_Object } from '@rdfjs/types';
import { BASE, DCTERMS, GRAPH, ONTOLOGY_IRI, RDF, RDFS, XSD } from '../namespaces.js';

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const VOID = 'http://rdfs.org/ns/void#';
const FORMATS = 'http://www.w3.org/ns/formats/';
const { namedNode, literal, blankNode, quad } = DataFactory;

const RESULT_FORMATS = ['SPARQL_Results_JSON', 'SPARQL_Results_XML', 'SPARQL_Results_CSV', 'SPARQL_Results_TSV', 'Turtle', 'N-Triples', 'JSON-LD', 'RDF_XML', 'TriG', 'N-Quads'];

export const SERVICE_DESCRIPTION_PREFIXES = { sd: SD, void: VOID, rdfs: RDFS, dcterms: DCTERMS, xsd: XSD };

/** Describes the endpoint at `endpointUrl` serving the graphs of `store`. */
export function serviceDescription(store: QuadStore, endpointUrl: string): Quad[] {
  const service = namedNode(endpointUrl);
  const dataset = blankNode('dataset');
  const defaultGraph = blankNode('defaultGraph');
  const count = (n: number): Quad_Object => literal(String(n), namedNode(`${XSD}integer`));
  const quads: Quad[] = [
    quad(service, namedNode(`${RDF}type`), namedNode(`${SD}Service`)),
    quad(service, namedNode(`${SD}endpoint`), service),
    quad(service, namedNode(`${SD}supportedLanguage`), namedNode(`${SD}SPARQL11Query`)),
    quad(service, namedNode(`${SD}feature`), namedNode(`${SD}UnionDefaultGraph`)),
    quad(service, namedNode(`${RDFS}label`), literal('IoT initial security setup SPARQL endpoint', 'en')),
    quad(service, namedNode(`${RDFS}comment`), literal(
      'Read-only SPARQL 1.1 Query endpoint over the ontology, the data and the entailments of draft-irtf-t2trg-security-setup-iot-devices-01. The default graph is the union of all graphs (reasoning on); FROM or default-graph-uri naming only the asserted graphs gives a view without entailments. SERVICE is refused: the endpoint makes no outbound requests.',
      'en',
    )),
    quad(service, namedNode(`${SD}defaultDataset`), dataset),
    quad(dataset, namedNode(`${RDF}type`), namedNode(`${SD}Dataset`)),
    quad(dataset, namedNode(`${RDF}type`), namedNode(`${VOID}Dataset`)),
    quad(dataset, namedNode(`${DCTERMS}title`), literal('IoT initial security setup knowledge graph', 'en')),
    quad(dataset, namedNode(`${VOID}uriSpace`), literal(BASE)),
    quad(dataset, namedNode(`${VOID}vocabulary`), namedNode(ONTOLOGY_IRI)),
    quad(dataset, namedNode(`${VOID}triples`), count(store.size)),
    quad(dataset, namedNode(`${VOID}sparqlEndpoint`), service),
    quad(dataset, namedNode(`${SD}defaultGraph`), defaultGraph),
    quad(defaultGraph, namedNode(`${RDF}type`), namedNode(`${SD}Graph`)),
    quad(defaultGraph, namedNode(`${RDFS}comment`), literal('The union of all named graphs.', 'en')),
    quad(defaultGraph, namedNode(`${VOID}triples`), count(distinctTriples(store))),
  ];
  for (const f of RESULT_FORMATS) quads.push(quad(service, namedNode(`${SD}resultFormat`), namedNode(FORMATS + f)));
  const labels: Record<string, string> = {
    [GRAPH.ontology]: 'The ontology',
    [GRAPH.data]: 'The asserted data',
    [GRAPH.entailments]: 'What reasoning adds',
  };
  for (const graph of store.getGraphs(null, null, null)) {
    if (graph.termType !== 'NamedNode') continue;
    const named = blankNode();
    const description = blankNode();
    quads.push(
      quad(dataset, namedNode(`${SD}namedGraph`), named),
      quad(named, namedNode(`${RDF}type`), namedNode(`${SD}NamedGraph`)),
      quad(named, namedNode(`${SD}name`), graph),
      quad(named, namedNode(`${SD}graph`), description),
      quad(description, namedNode(`${RDF}type`), namedNode(`${SD}Graph`)),
      quad(description, namedNode(`${VOID}triples`), count(store.countQuads(null, null, null, graph))),
      quad(description, namedNode(`${RDFS}label`), literal(labels[graph.value] ?? `User data: ${graph.value.slice(GRAPH.userPrefix.length)}`, 'en')),
    );
  }
  return quads;
}

/** Triples in the union default graph: a statement in two graphs counts once. */
function distinctTriples(store: QuadStore): number {
  return new Set(store.getQuads(null, null, null, null).map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`)).size;
}
