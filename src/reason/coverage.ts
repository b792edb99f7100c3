// Reports OWL/RDFS/SKOS vocabulary that the graphs use but the rules neither
// implement nor declare as consequence-free, so a silently ignored construct
// shows up at load instead of as a missing answer later.
import type { Store } from 'n3';
import { OWL, RDF, RDFS, SKOS } from '../namespaces.js';
import type { RuleSet } from './ruleSet.js';

const CHECKED_NAMESPACES = [OWL, RDFS, SKOS];
/** Axioms whose subject gets its meaning from the generic property rules. */
const PROPERTY_AXIOMS = [`${RDFS}subPropertyOf`, `${OWL}inverseOf`, `${OWL}equivalentProperty`];
const PROPERTY_CHARACTERISTICS = [`${OWL}SymmetricProperty`, `${OWL}TransitiveProperty`];

export interface UncoveredConstruct {
  iri: string;
  uses: number;
}

export function findUncoveredConstructs(store: Store, rules: RuleSet): UncoveredConstruct[] {
  const uses = new Map<string, number>();
  const count = (iri: string): void => {
    if (CHECKED_NAMESPACES.some((ns) => iri.startsWith(ns))) uses.set(iri, (uses.get(iri) ?? 0) + 1);
  };
  for (const q of store) {
    count(q.predicate.value);
    if (q.predicate.value === `${RDF}type` && q.object.termType === 'NamedNode') count(q.object.value);
  }
  const handledByGenericRules = new Set<string>();
  for (const q of store) {
    if (PROPERTY_AXIOMS.includes(q.predicate.value)) handledByGenericRules.add(q.subject.value);
    if (q.predicate.value === `${RDF}type` && PROPERTY_CHARACTERISTICS.includes(q.object.value)) {
      handledByGenericRules.add(q.subject.value);
    }
  }
  return [...uses]
    .filter(([iri]) => !rules.ruleVocabulary.has(iri) && !rules.handledVocabulary.has(iri) && !handledByGenericRules.has(iri))
    .map(([iri, n]) => ({ iri, uses: n }))
    .sort((a, b) => a.iri.localeCompare(b.iri));
}
