// IRIs that the code relies on. The URI scheme itself is fixed in
// shared/DESIGN.md §3; facts never live here.
export const BASE = 'https://w3id.org/iot-setup/';
export const ONTOLOGY_IRI = `${BASE}ontology`;
export const IOT = `${BASE}ontology#`;
export const DRAFT = 'https://datatracker.ietf.org/doc/html/draft-irtf-t2trg-security-setup-iot-devices-01';

export const GRAPH = {
  ontology: `${BASE}graph/ontology`,
  data: `${BASE}graph/data`,
  entailments: `${BASE}graph/entailments`,
  /** User-supplied files each get a graph of their own below this prefix. */
  userPrefix: `${BASE}graph/user/`,
} as const;

export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const OWL = 'http://www.w3.org/2002/07/owl#';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const SKOS = 'http://www.w3.org/2004/02/skos/core#';
export const DCTERMS = 'http://purl.org/dc/terms/';
export const PROV = 'http://www.w3.org/ns/prov#';
export const VANN = 'http://purl.org/vocab/vann/';
export const SH = 'http://www.w3.org/ns/shacl#';

/** Prefixes offered to writers and to the query page. */
export const PREFIXES: Record<string, string> = {
  iot: IOT,
  rdf: RDF,
  rdfs: RDFS,
  owl: OWL,
  xsd: XSD,
  skos: SKOS,
  dcterms: DCTERMS,
  prov: PROV,
  vann: VANN,
  src: `${DRAFT}#`,
};
