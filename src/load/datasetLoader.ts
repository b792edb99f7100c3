// Reads the ontology, the embedded data and any user files into one store,
// each in its named graph (DESIGN §3). Quads go from the parser straight
// into the store.
import { basename, extname, join } from 'node:path';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { GRAPH } from '../namespaces.js';
import { CompactStore, type QuadStore } from '../store/index.js';
import { expandInputPaths, listTurtleFiles, parseTurtleFile, streamTurtleFile } from './turtleFiles.js';

export interface DatasetSources {
  /** Folder with the ontology (`*.ttl`), `shapes/` and `rules/`. */
  ontologyDir: string;
  /** Folder with the asserted data (`*.ttl`). */
  dataDir: string;
  /** Extra Turtle files or folders supplied by the user. */
  userData: readonly string[];
}

export interface LoadedFile {
  path: string;
  graph: string;
  triples: number;
}

export interface LoadedDataset {
  store: QuadStore;
  files: LoadedFile[];
}

export function loadDataset(sources: DatasetSources): LoadedDataset {
  const store = new CompactStore();
  const files: LoadedFile[] = [];
  const add = (path: string, graph: string): void => {
    const graphTerm = DataFactory.namedNode(graph);
    const triples = streamTurtleFile(path, (q) => store.addQuad(q.subject, q.predicate, q.object, graphTerm));
    files.push({ path, graph, triples });
  };
  for (const path of listTurtleFiles(sources.ontologyDir)) add(path, GRAPH.ontology);
  for (const path of listTurtleFiles(sources.dataDir)) add(path, GRAPH.data);
  const userGraphs = new Set<string>();
  for (const path of expandInputPaths(sources.userData)) {
    add(path, uniqueUserGraph(path, userGraphs));
  }
  return { store, files };
}

/** Shapes are loaded for validation only; they are not part of the served graphs. */
export function loadShapes(ontologyDir: string): Quad[] {
  return listTurtleFiles(join(ontologyDir, 'shapes')).flatMap((path) =>
    parseTurtleFile(path, DataFactory.defaultGraph()),
  );
}

function uniqueUserGraph(path: string, taken: Set<string>): string {
  const stem = basename(path, extname(path)).toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'data';
  let graph = `${GRAPH.userPrefix}${stem}`;
  for (let n = 2; taken.has(graph); n++) graph = `${GRAPH.userPrefix}${stem}-${n}`;
  taken.add(graph);
  return graph;
}
