// Mutations of the embedded data that break the shapes, for the
// differential tests of the id-level SHACL validator: a hand-written list,
// one per kind of fault the shapes catch, and seeded random ones on the
// triples whose predicates the shapes constrain.
import { DataFactory } from 'n3';
import type { Quad, Quad_Object, Quad_Subject, Term } from '@rdfjs/types';
import { BASE, DCTERMS, IOT, OWL, RDF, RDFS, SH, SKOS, XSD } from '../../src/namespaces.js';
import type { QuadStore } from '../../src/store/index.js';

const { namedNode, literal, blankNode, quad } = DataFactory;

export interface Mutation {
  name: string;
  /** The node whose report must change. */
  focus: string;
  remove: Quad[];
  add: Quad[];
}

const iri = (value: string) => namedNode(value);
const type = iri(`${RDF}type`);

/** Hand-written faults, each on a different node of `graph` in `store`. */
export function handMutations(store: QuadStore, graph: string): Mutation[] {
  const g = iri(graph);
  const instances = (cls: string): Quad_Subject[] =>
    (store.getSubjects(type, iri(cls), g) as Quad_Subject[]).sort((a, b) => (a.value < b.value ? -1 : 1));
  const pick = (() => {
    const used = new Map<string, number>();
    return (cls: string): Quad_Subject => {
      const index = used.get(cls) ?? 0;
      used.set(cls, index + 1);
      const node = instances(cls)[index];
      if (!node) throw new Error(`no ${index + 1}th instance of ${cls}`);
      return node;
    };
  })();
  const values = (s: Quad_Subject, p: string): Quad[] => store.getQuads(s, iri(p), null, g);
  const set = (name: string, s: Quad_Subject, p: string, objects: Quad_Object[]): Mutation => ({
    name,
    focus: s.value,
    remove: values(s, p),
    add: objects.map((o) => quad(s, iri(p), o, g)),
  });
  const add = (name: string, s: Quad_Subject, p: string, o: Quad_Object): Mutation => ({ name, focus: s.value, remove: [], add: [quad(s, iri(p), o, g)] });
  const dropOne = (name: string, s: Quad_Subject, p: string, o: Quad_Object): Mutation => ({ name, focus: s.value, remove: store.getQuads(s, iri(p), o, g), add: [] });
  const drop = (name: string, s: Quad_Subject, ...ps: string[]): Mutation => ({ name, focus: s.value, remove: ps.flatMap((p) => values(s, p)), add: [] });

  const protocol = `${IOT}Protocol`;
  const role = `${IOT}PlayerRole`;
  const step = `${IOT}Step`;
  const axiom = `${OWL}Axiom`;
  const newStep = iri(`${BASE}protocol/example/step/undescribed`);
  return [
    drop('required property missing (minCount)', pick(protocol), `${IOT}fullName`),
    add('second value where maxCount is 1', pick(protocol), `${IOT}fullName`, literal('Another name')),
    set('wrong datatype (integer for string)', pick(protocol), `${IOT}fullName`, [literal('42', iri(`${XSD}integer`))]),
    set('language-tagged where xsd:string is needed', pick(protocol), `${IOT}fullName`, [literal('Name', 'en')]),
    set('IRI where a literal is needed', pick(protocol), `${IOT}fullName`, [iri(`${BASE}protocol/brski`)]),
    set('pattern mismatch', pick(protocol), `${IOT}draftSection`, [literal('3.1')]),
    set('wrong class of value', pick(protocol), `${IOT}usesTerm`, [iri(`${BASE}protocol/brski`)]),
    add('a value of the wrong class among good ones', pick(protocol), `${IOT}hasPlayer`, iri(`${BASE}category/joining-device`)),
    drop('several required properties missing', pick(protocol), `${IOT}hasInitialBelief`, `${IOT}impartsBelief`, `${IOT}hasProcess`),
    dropOne('not also an owl:Class (hasValue)', pick(role), `${RDF}type`, iri(`${OWL}Class`)),
    add('second English label (uniqueLang)', pick(role), `${RDFS}label`, literal('Another label', 'en')),
    set('label in the wrong language (languageIn)', pick(role), `${RDFS}label`, [literal('Rolle', 'de')]),
    set('label without a language', pick(role), `${RDFS}label`, [literal('Role')]),
    drop('no definition nor comment (alternative path)', pick(role), `${SKOS}definition`, `${RDFS}comment`),
    set('source is a literal (nodeKind, pattern)', pick(role), `${DCTERMS}source`, [literal('section 2.1')]),
    set('source outside the draft (pattern)', pick(role), `${DCTERMS}source`, [iri('https://example.org/section-2.1')]),
    set('source is a blank node', pick(role), `${DCTERMS}source`, [blankNode('mutation-source')]),
    set('position below 1 (minInclusive)', pick(step), `${IOT}position`, [literal('0', iri(`${XSD}integer`))]),
    set('position not a number', pick(step), `${IOT}position`, [literal('first', iri(`${XSD}integer`))]),
    set('position as a string', pick(step), `${IOT}position`, [literal('3')]),
    set('position as a decimal', pick(step), `${IOT}position`, [literal('1.5', iri(`${XSD}decimal`))]),
    add('two positions', pick(step), `${IOT}position`, literal('9', iri(`${XSD}integer`))),
    set('annotated property not allowed (sh:in)', pick(axiom), `${OWL}annotatedProperty`, [iri(`${RDFS}seeAlso`)]),
    set('annotated target a literal (targetObjectsOf a literal)', pick(axiom), `${OWL}annotatedTarget`, [literal('a role')]),
    set('annotated source a blank node', pick(axiom), `${OWL}annotatedSource`, [blankNode('mutation-role')]),
    add('two annotated sources', pick(axiom), `${OWL}annotatedSource`, iri(`${BASE}protocol/brski/role/nonexistent`)),
    {
      name: 'a new instance of a subclass of a target class, with nothing',
      focus: newStep.value,
      remove: [],
      add: [quad(newStep, type, iri(step), g)],
    },
  ];
}

/** The predicates the shapes' paths use (IRIs and sh:alternativePath members). */
export function constrainedPredicates(shapes: readonly Quad[]): string[] {
  const found = new Set<string>();
  const firstOf = (node: Term): Term | undefined => shapes.find((q) => q.subject.equals(node) && q.predicate.value === `${RDF}first`)?.object;
  const restOf = (node: Term): Term | undefined => shapes.find((q) => q.subject.equals(node) && q.predicate.value === `${RDF}rest`)?.object;
  for (const q of shapes) {
    if (q.predicate.value === `${SH}path` && q.object.termType === 'NamedNode') found.add(q.object.value);
    if (q.predicate.value === `${SH}alternativePath`) {
      for (let node: Term | undefined = q.object; node && node.value !== `${RDF}nil`; node = restOf(node)) {
        const member = firstOf(node);
        if (member) found.add(member.value);
      }
    }
  }
  return [...found].sort();
}

/** A small seeded generator (mulberry32), so a failing batch can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` random faults on triples of `data` whose predicate the shapes
 * constrain: the triple removed, or its object replaced or joined by another
 * term (an IRI or a literal from the data, or an odd literal).
 */
export function randomMutations(data: readonly Quad[], predicates: readonly string[], seed: number, count: number): Mutation[] {
  const next = random(seed);
  const choose = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const wanted = new Set(predicates);
  const candidates = data.filter((q) => wanted.has(q.predicate.value));
  const objects = data.map((q) => q.object);
  const odd: Quad_Object[] = [
    literal('7', iri(`${XSD}integer`)),
    literal('-1', iri(`${XSD}integer`)),
    literal('x', 'de'),
    literal('y', 'en'),
    literal('2.5', iri(`${XSD}decimal`)),
    literal('true', iri(`${XSD}boolean`)),
    literal('2.3'),
    blankNode('random-node'),
    iri(`${BASE}nowhere`),
    iri('https://datatracker.ietf.org/doc/html/draft-irtf-t2trg-security-setup-iot-devices-01#section-9'),
  ];
  const mutations: Mutation[] = [];
  for (let i = 0; i < count; i++) {
    const target = choose(candidates);
    const other = next() < 0.5 ? choose(objects) : choose(odd);
    const changed = quad(target.subject, target.predicate, other, target.graph);
    const op = choose(['remove', 'replace', 'add'] as const);
    mutations.push({
      name: `${op} ${target.predicate.value} of ${target.subject.value}`,
      focus: target.subject.value,
      remove: op === 'add' ? [] : [target],
      add: op === 'remove' ? [] : [changed],
    });
  }
  return mutations;
}
