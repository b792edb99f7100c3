// The serialization layer: format table, content negotiation, RDF and
// SPARQL result serializers.
export * from './formats.js';
export * from './negotiate.js';
export * from './errors.js';
export { serializeRdf, type RdfSerializeOptions } from './rdfSerializer.js';
export { loadJsonLdContext, localDocumentLoader, JSONLD_CONTEXT_URL, RemoteContextRefused, type JsonLdContextDocument } from './jsonLd.js';
export { serializeSelectResult, serializeAskResult, supportsAsk, supportsSelect, type SelectResults } from './sparqlResults.js';
