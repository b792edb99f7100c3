// Loads the entailment rules (N3 files under ontology/rules/) and the
// vocabulary annotations that sit beside them.
import { DataFactory, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { listTurtleFiles, parseTurtleFile } from '../load/turtleFiles.js';
import { RDF } from '../namespaces.js';

const LOG_IMPLIES = 'http://www.w3.org/2000/10/swap/log#implies';
export const RULES_NS = 'https://w3id.org/iot-setup/ontology/rules#';

export interface RuleSet {
  /** The parsed N3 files: formulas in blank-node graphs, log:implies in the default graph. */
  dataset: Store;
  ruleCount: number;
  files: string[];
  /** Every IRI a rule mentions as a constant. */
  ruleVocabulary: Set<string>;
  /** IRIs declared to have no entailment consequence, or to be checked elsewhere. */
  handledVocabulary: Set<string>;
  /** Predicates whose reflexive triples are not kept (x ≡ x says nothing). */
  dropReflexive: Set<string>;
}

export function loadRuleSet(rulesDir: string): RuleSet {
  const files = listTurtleFiles(rulesDir, '.n3');
  const quads: Quad[] = files.flatMap((path) =>
    // Formulas must keep their blank-node graphs, so quads are not re-graphed here.
    parseTurtleFile(path, undefined, 'text/n3'),
  );
  const dataset = new Store(quads);
  const rules = dataset.getQuads(null, DataFactory.namedNode(LOG_IMPLIES), null, DataFactory.defaultGraph());
  const formulaGraphs = new Set(rules.flatMap((r) => [r.subject.value, r.object.value]));
  const ruleVocabulary = new Set<string>();
  for (const q of dataset) {
    if (q.graph.termType === 'BlankNode' && formulaGraphs.has(q.graph.value)) {
      for (const t of [q.subject, q.predicate, q.object]) if (t.termType === 'NamedNode') ruleVocabulary.add(t.value);
    }
  }
  const typed = (cls: string): Set<string> =>
    new Set(dataset.getSubjects(DataFactory.namedNode(`${RDF}type`), DataFactory.namedNode(RULES_NS + cls), DataFactory.defaultGraph()).map((t) => t.value));
  return {
    dataset,
    ruleCount: rules.length,
    files,
    ruleVocabulary,
    handledVocabulary: new Set([...typed('NoEntailment'), ...typed('CheckedElsewhere')]),
    dropReflexive: typed('DropReflexive'),
  };
}
