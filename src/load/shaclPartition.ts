// Splits SHACL validation by focus node, so that several threads can each
// validate a share of a large graph. The validator finds its focus nodes
// with two kinds of lookups only: the instances of a target class
// (?x rdf:type C) and the subjects or objects of a target predicate
// (?x P ?y). Within one partition those lookups see only the nodes whose
// hash falls in it; every other lookup (from a focus node, by its values)
// sees everything, so each focus node is validated, in full, by exactly one
// partition.
import type { Quad, Term } from '@rdfjs/types';
import { termKey } from '../store/index.js';

export interface Partition {
  index: number;
  count: number;
}

/** For a lookup pattern: which quads this partition sees, or null for all of them. */
export type PartitionFilter = (subject: Term | null, predicate: Term | null, object: Term | null) => ((quad: Quad) => boolean) | null;

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** FNV-1a of the term's key: the same in every thread, whatever ids it has there. */
function hashTerm(term: Term): number {
  const key = termKey(term);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return hash >>> 0;
}

export function partitionFilter(shapes: readonly Quad[], partition: Partition): PartitionFilter {
  const targetPredicates = (kind: string): Set<string> =>
    new Set(shapes.filter((q) => q.predicate.value === `${SH}${kind}`).map((q) => q.object.value));
  const subjectsOf = targetPredicates('targetSubjectsOf');
  const objectsOf = targetPredicates('targetObjectsOf');
  const mine = (term: Term): boolean => hashTerm(term) % partition.count === partition.index;
  const bySubject = (quad: Quad): boolean => mine(quad.subject);
  const byObject = (quad: Quad): boolean => mine(quad.object);
  return (subject, predicate, object) => {
    if (subject || !predicate) return null;
    if (predicate.value === RDF_TYPE && object) return bySubject;
    if (object) return null;
    const subjects = subjectsOf.has(predicate.value);
    const objects = objectsOf.has(predicate.value);
    // A predicate that targets both its subjects and objects is not split: its nodes are validated everywhere (duplicates are dropped).
    if (subjects === objects) return null;
    return subjects ? bySubject : byObject;
  };
}
