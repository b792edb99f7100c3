// Checks that reasoning stayed sound: roles that became equivalent belong to
// exactly the same section 3.2 categories (an equivalence across categories
// would merge players the draft keeps apart), and no resource is an
// instance of two disjoint classes.
import { DataFactory } from 'n3';
import type { QuadStore } from '../store/index.js';
import { IOT, OWL, RDF, RDFS } from '../namespaces.js';

const { namedNode } = DataFactory;

export interface SoundnessProblem {
  kind: 'cross-category-equivalence' | 'disjoint-classes';
  message: string;
}

export function checkSoundness(store: QuadStore): SoundnessProblem[] {
  return [...crossCategoryEquivalences(store), ...disjointnessClashes(store)];
}

/** The section 3.2 categories a role belongs to after reasoning. */
export function categoriesOf(store: QuadStore, role: string): string[] {
  return categoriesAmong(store, role, allCategories(store));
}

function allCategories(store: QuadStore): Set<string> {
  return new Set(store.getSubjects(namedNode(`${RDF}type`), namedNode(`${IOT}PlayerCategory`), null).map((t) => t.value));
}

function categoriesAmong(store: QuadStore, role: string, categories: Set<string>): string[] {
  return [
    ...new Set(
      store
        .getObjects(namedNode(role), namedNode(`${RDFS}subClassOf`), null)
        .map((t) => t.value)
        .filter((c) => categories.has(c)),
    ),
  ].sort();
}

function crossCategoryEquivalences(store: QuadStore): SoundnessProblem[] {
  const roles = new Set(
    store.getSubjects(namedNode(`${RDF}type`), namedNode(`${IOT}PlayerRole`), null).map((t) => t.value),
  );
  const problems: SoundnessProblem[] = [];
  // Each role's categories once (an equivalence class of n roles has n² statements).
  const categories = allCategories(store);
  const memo = new Map<string, string[]>();
  const of = (role: string): string[] => {
    let found = memo.get(role);
    if (!found) memo.set(role, (found = categoriesAmong(store, role, categories)));
    return found;
  };
  for (const q of store.getQuads(null, namedNode(`${OWL}equivalentClass`), null, null)) {
    const [a, b] = [q.subject.value, q.object.value];
    if (a >= b || !roles.has(a) || !roles.has(b)) continue;
    const [ca, cb] = [of(a), of(b)];
    if (ca.join() !== cb.join()) {
      problems.push({
        kind: 'cross-category-equivalence',
        message: `${a} ≡ ${b}, but their categories differ: [${ca.join(', ')}] vs [${cb.join(', ')}]`,
      });
    }
  }
  return problems;
}

function disjointnessClashes(store: QuadStore): SoundnessProblem[] {
  const problems: SoundnessProblem[] = [];
  for (const q of store.getQuads(null, namedNode(`${OWL}disjointWith`), null, null)) {
    const inFirst = new Set(store.getSubjects(namedNode(`${RDF}type`), q.subject, null).map((t) => t.value));
    for (const x of store.getSubjects(namedNode(`${RDF}type`), q.object, null)) {
      if (inFirst.has(x.value)) {
        problems.push({
          kind: 'disjoint-classes',
          message: `${x.value} is both a ${q.subject.value} and a ${q.object.value}, which are disjoint`,
        });
      }
    }
  }
  return problems;
}
