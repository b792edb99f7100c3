// What every HTML page needs to know about the site.
import type { KnowledgeGraph } from '../knowledgeGraph.js';
import type { StoredQuery } from '../query/storedQueries.js';
import type { SparqlEngine } from '../query/sparqlEngine.js';

export interface SiteContext {
  kg: KnowledgeGraph;
  storedQueries: readonly StoredQuery[];
  /** In-process engine for the comparison pages (run once, results cached by the page module). */
  sparql: SparqlEngine;
  /** Public base URL of this server (links in HTML point here; RDF never changes IRIs). */
  publicUrl: string;
}
