// Counts for the validate summary and the start-up log.
import { DataFactory } from 'n3';
import type { QuadStore } from './store/index.js';
import { GRAPH, IOT, RDF } from './namespaces.js';

export interface GraphStatistics {
  triplesPerGraph: Record<string, number>;
  /** Asserted instances of each iot: class in the data graph. */
  resourcesPerClass: Record<string, number>;
}

export function graphStatistics(store: QuadStore): GraphStatistics {
  const triplesPerGraph: Record<string, number> = {};
  for (const graph of store.getGraphs(null, null, null)) {
    triplesPerGraph[graph.value] = store.countQuads(null, null, null, graph);
  }
  const resourcesPerClass: Record<string, number> = {};
  for (const q of store.getQuads(null, DataFactory.namedNode(`${RDF}type`), null, DataFactory.namedNode(GRAPH.data))) {
    if (!q.object.value.startsWith(IOT)) continue;
    const name = `iot:${q.object.value.slice(IOT.length)}`;
    resourcesPerClass[name] = (resourcesPerClass[name] ?? 0) + 1;
  }
  return { triplesPerGraph, resourcesPerClass };
}
