// Runs the real rule set over small inputs, returning only what the input
// adds: entailments(ontology + input) − entailments(ontology) − input. The
// ontology supplies the SKOS/PROV declarations that some rule families need.
import { join } from 'node:path';
import { DataFactory, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { loadDataset } from '../../src/load/datasetLoader.js';
import { materialize } from '../../src/reason/materialize.js';
import { CompactStore } from '../../src/store/index.js';
import { loadRuleSet, type RuleSet } from '../../src/reason/ruleSet.js';
import { GRAPH } from '../../src/namespaces.js';
import { ONTOLOGY_DIR } from './knowledgeGraph.js';

let rules: RuleSet | null = null;
export function ruleSet(): RuleSet {
  rules ??= loadRuleSet(join(ONTOLOGY_DIR, 'rules'));
  return rules;
}

function ontologyQuads(): Quad[] {
  const { store } = loadDataset({ ontologyDir: ONTOLOGY_DIR, dataDir: join(ONTOLOGY_DIR, '..', 'data'), userData: [] });
  return store.getQuads(null, null, null, DataFactory.namedNode(GRAPH.ontology));
}

function entailments(quads: Quad[]): Store {
  const store = new CompactStore(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode(GRAPH.data))));
  materialize(store, ruleSet());
  return new Store(store.getQuads(null, null, null, DataFactory.namedNode(GRAPH.entailments)).map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
}

/** The triples that reasoning adds because of `input` alone. */
export function entailedBy(input: Quad[]): Quad[] {
  const ontology = ontologyQuads();
  const baseline = entailments(ontology);
  const withInput = entailments([...ontology, ...input]);
  const inputStore = new Store(input.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
  return withInput
    .getQuads(null, null, null, null)
    .filter((q) => !baseline.has(q) && !inputStore.has(q));
}
