// What every HTML page needs to know about the site.
import type { KnowledgeGraph } from '../knowledgeGraph.js';
import type { StoredQuery } from '../query/storedQueries.js';
import type { RowSource } from '../query/sparqlEngine.js';

export interface SiteContext {
  kg: KnowledgeGraph;
  storedQueries: readonly StoredQuery[];
  /** Runs the comparison pages' stored queries (once each; the page module caches the rows). */
  sparql: RowSource;
  /** Public base URL of this server (links in HTML point here; RDF never changes IRIs). */
  publicUrl: string;
}
