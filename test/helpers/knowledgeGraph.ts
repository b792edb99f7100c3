// One shared build of the embedded knowledge graph per test file: loading
// and reasoning take a few hundred milliseconds.
import { join } from 'node:path';
import { buildKnowledgeGraph, type KnowledgeGraph } from '../../src/knowledgeGraph.js';
import { PROJECT_ROOT } from '../../src/config.js';

export const ONTOLOGY_DIR = join(PROJECT_ROOT, 'ontology');
export const DATA_DIR = join(PROJECT_ROOT, 'data');
export const QUERIES_DIR = join(PROJECT_ROOT, 'queries');
export const FIXTURES_DIR = join(PROJECT_ROOT, 'test', 'fixtures');

let cached: Promise<KnowledgeGraph> | null = null;

export function embeddedKnowledgeGraph(): Promise<KnowledgeGraph> {
  cached ??= buildKnowledgeGraph({ ontologyDir: ONTOLOGY_DIR, dataDir: DATA_DIR, userData: [] });
  return cached;
}
