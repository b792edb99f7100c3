// Checks a graph against the SHACL shapes in ontology/shapes/.
//
// rdf-validate-shacl is loaded on first use: loading it takes about half a
// second, and the server starts its query workers before it validates, so
// loading it there overlaps with the workers' start instead of delaying it.
import { Store } from 'n3';
import type { Quad, Term } from '@rdfjs/types';

export interface ShapeViolation {
  focusNode: string;
  path: string | null;
  message: string;
  severity: string;
  shape: string;
}

/** Validates `data` (plus `context`, e.g. the ontology for the class hierarchy) against `shapes`. */
export async function validateShapes(
  shapes: readonly Quad[],
  data: Iterable<Quad>,
  context: Iterable<Quad> = [],
): Promise<ShapeViolation[]> {
  const shapesStore = new Store([...shapes]);
  // The validator reads one graph; merging into the default graph lets
  // sh:targetClass follow rdfs:subClassOf from the ontology.
  const dataStore = new Store();
  for (const quads of [data, context]) {
    for (const q of quads) dataStore.addQuad(q.subject, q.predicate, q.object);
  }
  const { default: SHACLValidator } = await import('rdf-validate-shacl');
  const report = await new SHACLValidator(shapesStore).validate(dataStore);
  return report.results.map((result) => ({
    focusNode: termText(result.focusNode),
    path: result.path ? termText(result.path) : null,
    message: result.message.map((m) => m.value).join(' ') || 'Constraint violated',
    severity: termText(result.severity).replace('http://www.w3.org/ns/shacl#', ''),
    shape: termText(result.sourceShape),
  }));
}

function termText(term: Term | undefined | null): string {
  if (!term) return '';
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

export function formatViolation(v: ShapeViolation): string {
  return `${v.severity}: ${v.focusNode}${v.path ? ` ${v.path}` : ''}: ${v.message}`;
}
