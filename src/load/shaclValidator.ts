// Checks a graph against the SHACL shapes in ontology/shapes/.
//
// rdf-validate-shacl is loaded on first use: loading it takes about half a
// second, and the server starts its query workers before it validates, so
// loading it there overlaps with the workers' start instead of delaying it.
//
// A large graph is validated in several threads, each taking a share of the
// focus nodes (shaclPartition.ts) and reading the same store through shared
// memory (shaclWorker.ts): the validator, not the store, is most of the time.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CompactStore, termKey, type QuadStore } from '../store/index.js';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { partitionFilter, type Partition, type PartitionFilter } from './shaclPartition.js';
import type { ShaclWorkerResult, ShaclWorkerTask } from './shaclWorker.js';

/** Below this many quads one thread validates: starting a worker (tsx, the validator) costs about a second. */
const PARALLEL_MIN_QUADS = 200_000;
const MAX_THREADS = 4;

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
  // The validator reads one graph; merging into the default graph lets
  // sh:targetClass follow rdfs:subClassOf from the ontology.
  const dataStore = new CompactStore();
  for (const quads of [data, context]) {
    for (const q of quads) dataStore.addQuad(q.subject, q.predicate, q.object);
  }
  return validate(shapes, dataStore);
}

/**
 * Validates the merge of some named graphs of `store`, read in place: at
 * scale a merged copy would cost as much memory as the graphs themselves.
 */
export async function validateStoreGraphs(
  shapes: readonly Quad[],
  store: QuadStore,
  graphs: readonly string[],
  options: { threads?: number } = {},
): Promise<ShapeViolation[]> {
  const threads = options.threads ?? (store.size < PARALLEL_MIN_QUADS ? 1 : Math.min(availableParallelism(), MAX_THREADS));
  if (threads === 1) return validate(shapes, mergedGraphsView(store, graphs));
  const task = { store: store.snapshot(), shapes: shapes.map((q) => [q.subject, q.predicate, q.object, q.graph].map(termKey)), graphs: [...graphs] };
  const others = [];
  for (let index = 1; index < threads; index++) others.push(validateInWorker({ ...task, partition: { index, count: threads } }));
  // The main thread takes the first share while the workers take the others.
  const own = validatePartition(shapes, store, graphs, { index: 0, count: threads });
  return withoutDuplicates((await Promise.all([own, ...others])).flat());
}

/** Validates the focus nodes of one partition of the merged `graphs`. */
export function validatePartition(shapes: readonly Quad[], store: QuadStore, graphs: readonly string[], partition: Partition): Promise<ShapeViolation[]> {
  return validate(shapes, mergedGraphsView(store, graphs, partitionFilter(shapes, partition)));
}

function validateInWorker(task: ShaclWorkerTask): Promise<ShapeViolation[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./shaclWorkerEntry.mjs', import.meta.url), { workerData: task });
    worker.once('message', (result: ShaclWorkerResult) => {
      void worker.terminate();
      if (result.ok) resolve(result.violations);
      else reject(new Error(`SHACL validation failed in a worker: ${result.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The SHACL worker stopped (exit code ${code}) without a result.`)));
  });
}

/** Nodes that every partition validates (a target node, a predicate targeting both its subjects and objects) are reported once. */
function withoutDuplicates(violations: ShapeViolation[]): ShapeViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = JSON.stringify([v.focusNode, v.path, v.message, v.severity, v.shape]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The shape-reference properties through which shapes can recurse. */
const SHAPE_REFERENCES = ['node', 'and', 'or', 'xone', 'not', 'qualifiedValueShape'].map((p) => `http://www.w3.org/ns/shacl#${p}`);

async function validate(shapes: readonly Quad[], data: DatasetCore): Promise<ShapeViolation[]> {
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
 * the graphs is seen once), optionally restricted to one partition's focus
 * nodes. Matches are arrays: the validator only iterates them and reads
 * their size.
 */
export function mergedGraphsView(store: QuadStore, graphs: readonly string[], filter: PartitionFilter | null = null): DatasetCore {
  const names = [...new Set(graphs)];
  const match = (s?: Pattern, p?: Pattern, o?: Pattern, g?: Pattern): MatchResult => {
    let out = g && g.termType !== 'DefaultGraph' ? [] : store.getMergedTriples(s, p, o, names);
    const keep = filter?.(s ?? null, p ?? null, o ?? null);
    if (keep) out = out.filter(keep);
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
