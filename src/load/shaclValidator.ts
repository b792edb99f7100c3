// Checks a graph against the SHACL shapes in ontology/shapes/.
//
// The shapes are compiled into a plan (shapesCompiler.ts) that the
// id-level validator (coreValidator.ts) runs over the store in place: at
// 1,000× the data that takes seconds where rdf-validate-shacl took a minute.
// Shapes that use a feature the plan does not cover (sh:node, sh:or,
// sh:sparql, complex paths, …) are checked by rdf-validate-shacl instead,
// so any shapes a user supplies are still validated, only more slowly.
//
// rdf-validate-shacl is loaded only when it is needed: loading it takes
// about half a second.
import { CompactStore, type QuadStore } from '../store/index.js';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { compileShapes } from './shapesCompiler.js';
import { validateCore } from './coreValidator.js';

export interface ShapeViolation {
  focusNode: string;
  path: string | null;
  message: string;
  severity: string;
  shape: string;
}

/**
 * Which validator checks the shapes: by default ('auto') the id-level one
 * when it supports every feature the shapes use, else rdf-validate-shacl;
 * 'core' refuses shapes it does not support (for tests and measurements).
 */
export type ShaclEngine = 'auto' | 'core' | 'rdf-validate-shacl';

/** Validates `data` (plus `context`, e.g. the ontology for the class hierarchy) against `shapes`. */
export async function validateShapes(
  shapes: readonly Quad[],
  data: Iterable<Quad>,
  context: Iterable<Quad> = [],
  options: { engine?: ShaclEngine } = {},
): Promise<ShapeViolation[]> {
  // Both are read as one graph, so that sh:targetClass and sh:class follow
  // rdfs:subClassOf from the ontology.
  const dataStore = new CompactStore();
  for (const quads of [data, context]) {
    for (const q of quads) dataStore.addQuad(q.subject, q.predicate, q.object);
  }
  return validateStoreGraphs(shapes, dataStore, [''], options);
}

/**
 * Validates the merge of some named graphs of `store` (IRIs; '' is the
 * default graph), read in place: at scale a merged copy would cost as much
 * memory as the graphs themselves.
 */
export async function validateStoreGraphs(
  shapes: readonly Quad[],
  store: QuadStore,
  graphs: readonly string[],
  options: { engine?: ShaclEngine } = {},
): Promise<ShapeViolation[]> {
  if (options.engine !== 'rdf-validate-shacl') {
    const plan = compileShapes(shapes);
    if (plan.supported) return validateCore(plan.shapes, store, graphs);
    if (options.engine === 'core') throw new Error(`The id-level SHACL validator cannot check these shapes: ${plan.reason}.`);
  }
  return validateWithLibrary(shapes, mergedGraphsView(store, graphs));
}

/** The shape-reference properties through which shapes can recurse. */
const SHAPE_REFERENCES = ['node', 'and', 'or', 'xone', 'not', 'qualifiedValueShape'].map((p) => `http://www.w3.org/ns/shacl#${p}`);

async function validateWithLibrary(shapes: readonly Quad[], data: DatasetCore): Promise<ShapeViolation[]> {
  const shapesStore = new CompactStore([...shapes]);
  const { default: SHACLValidator } = await import('rdf-validate-shacl');
  // The validator counts the checks of every (focus node, shape) pair, under a
  // JSON key per pair, to stop recursive shapes; at scale that bookkeeping is a
  // good part of the validation time. Shapes that reference no other shape
  // cannot recurse, so it is switched off for them.
  const recursive = SHAPE_REFERENCES.some((p) => shapesStore.countQuads(null, p, null, null) > 0);
  // (maxNodeChecks is read by the validation engine; the typings do not list it.)
  const options = (recursive ? {} : { maxNodeChecks: 0 }) as ConstructorParameters<typeof SHACLValidator>[1];
  const report = await new SHACLValidator(shapesStore, options).validate(data);
  return report.results.map((result) => ({
    focusNode: termText(result.focusNode),
    path: result.path ? termText(result.path) : null,
    message: result.message.map((m) => m.value).join(' ') || 'Constraint violated',
    severity: termText(result.severity).replace('http://www.w3.org/ns/shacl#', ''),
    shape: termText(result.sourceShape),
  }));
}

type Pattern = Term | null | undefined;
type MatchResult = Quad[] & { size: number };

/**
 * A read-only DatasetCore whose default graph is the merge of `graphs` in
 * `store`, read in place (QuadStore.getMergedTriples: a triple in several of
 * the graphs is seen once). Matches are arrays: the validator only iterates
 * them and reads their size.
 */
function mergedGraphsView(store: QuadStore, graphs: readonly string[]): DatasetCore {
  const names = [...new Set(graphs)];
  const match = (s?: Pattern, p?: Pattern, o?: Pattern, g?: Pattern): MatchResult => {
    const out = g && g.termType !== 'DefaultGraph' ? [] : store.getMergedTriples(s, p, o, names);
    return Object.assign(out, { size: out.length });
  };
  const view: DatasetCore = {
    get size() {
      return match().length;
    },
    match: match as unknown as DatasetCore['match'],
    has: (q: Quad) => match(q.subject, q.predicate, q.object).length > 0,
    add: () => {
      throw new Error('read-only view');
    },
    delete: () => {
      throw new Error('read-only view');
    },
    [Symbol.iterator]: () => match()[Symbol.iterator](),
  };
  return view;
}

function termText(term: Term | undefined | null): string {
  if (!term) return '';
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

export function formatViolation(v: ShapeViolation): string {
  return `${v.severity}: ${v.focusNode}${v.path ? ` ${v.path}` : ''}: ${v.message}`;
}
