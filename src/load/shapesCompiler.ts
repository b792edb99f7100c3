// Reads a SHACL shapes graph into a plan for the id-level validator
// (coreValidator.ts): which shapes have targets, their paths, and each
// constraint with its parameters and its result message already worded.
// Nothing here is specific to the project's shapes: they are data.
//
// The plan covers the SHACL Core features listed in SUPPORTED; a shapes
// graph that uses anything else (sh:node, sh:or, sh:sparql, sequence or
// inverse paths, qualified shapes, …) compiles to `unsupported`, and the
// caller validates with rdf-validate-shacl instead. Shapes are found as
// rdf-validate-shacl finds them: a node with a constraint parameter is a
// shape, and one with a target (or that is an rdfs:Class) is validated.
import { DataFactory } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { CompactStore } from '../store/index.js';
import { RDF, RDFS, SH, XSD } from '../namespaces.js';
import { DEFAULT_MESSAGES, parameterLabel, withSubstitutions, type MessageTerm } from './constraintMessages.js';

export type ValueKind = 'NamedNode' | 'BlankNode' | 'Literal';

interface ConstraintBase {
  /** The result message: the shape's sh:message values or the component's default text, substituted. */
  messages: MessageTerm[];
}

export type ConstraintPlan = ConstraintBase &
  (
    | { kind: 'minCount'; count: number }
    | { kind: 'maxCount'; count: number }
    | { kind: 'class'; classTerm: Term }
    | { kind: 'datatype'; datatype: Term }
    | { kind: 'nodeKind'; allowed: ReadonlySet<ValueKind> }
    | { kind: 'pattern'; regex: RegExp }
    | { kind: 'hasValue'; value: Term }
    | { kind: 'uniqueLang' }
    | { kind: 'range'; bound: Term; accepts: (comparison: number) => boolean }
    | { kind: 'languageIn'; languages: string[] }
    | { kind: 'in'; members: Term[] }
  );

export interface ShapePlan {
  /** The shape node as reports name it (`_:label` for a blank node). */
  label: string;
  /** sh:severity without the sh: namespace (Violation by default). */
  severity: string;
  deactivated: boolean;
  /** A property shape's path: the predicates whose values are united (one, or sh:alternativePath's), and how reports name it. */
  path: { predicates: Term[]; label: string } | null;
  constraints: ConstraintPlan[];
  /** The property shapes (sh:property) each value node must conform to. */
  properties: ShapePlan[];
}

export interface Targets {
  classes: Term[];
  nodes: Term[];
  subjectsOf: Term[];
  objectsOf: Term[];
}

export interface TargetedShape {
  shape: ShapePlan;
  targets: Targets;
}

export type CompiledShapes = { supported: true; shapes: TargetedShape[] } | { supported: false; reason: string };

const TARGETS = ['targetClass', 'targetNode', 'targetSubjectsOf', 'targetObjectsOf'];
/** Parameters whose presence makes a node a shape (the required parameter of each supported component). */
const CONSTRAINT_PARAMETERS = ['property', ...Object.keys(DEFAULT_MESSAGES)];
/** Every sh: predicate the plan understands; any other makes the shapes graph unsupported. */
const SUPPORTED = new Set(
  [...TARGETS, ...CONSTRAINT_PARAMETERS, 'flags', 'path', 'alternativePath', 'message', 'severity', 'deactivated', 'name', 'description', 'order', 'group', 'defaultValue'].map(
    (name) => `${SH}${name}`,
  ),
);
/** Components that rdf-validate-shacl only defines for property shapes. */
const PROPERTY_ONLY = new Set(['minCount', 'maxCount', 'uniqueLang']);
const RANGES: Record<string, (comparison: number) => boolean> = {
  minInclusive: (c) => c >= 0,
  minExclusive: (c) => c > 0,
  maxInclusive: (c) => c <= 0,
  maxExclusive: (c) => c < 0,
};
const NODE_KINDS: Record<string, ValueKind[]> = {
  [`${SH}IRI`]: ['NamedNode'],
  [`${SH}BlankNode`]: ['BlankNode'],
  [`${SH}Literal`]: ['Literal'],
  [`${SH}BlankNodeOrIRI`]: ['BlankNode', 'NamedNode'],
  [`${SH}BlankNodeOrLiteral`]: ['BlankNode', 'Literal'],
  [`${SH}IRIOrLiteral`]: ['NamedNode', 'Literal'],
};

class Unsupported extends Error {}

export function termLabel(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

export function compileShapes(shapeQuads: readonly Quad[]): CompiledShapes {
  try {
    return { supported: true, shapes: new ShapesReader(shapeQuads).targetedShapes() };
  } catch (error) {
    if (error instanceof Unsupported) return { supported: false, reason: error.message };
    throw error;
  }
}

class ShapesReader {
  private readonly graph: CompactStore;
  private readonly compiled = new Map<string, ShapePlan>();
  private readonly compiling = new Set<string>();

  constructor(shapeQuads: readonly Quad[]) {
    this.graph = new CompactStore([...shapeQuads]);
    for (const quad of shapeQuads) {
      const predicate = quad.predicate.value;
      if (predicate.startsWith(SH) && !SUPPORTED.has(predicate)) throw new Unsupported(`the shapes use ${predicate}`);
    }
  }

  targetedShapes(): TargetedShape[] {
    const shapeNodes = new Map<string, Term>();
    for (const name of CONSTRAINT_PARAMETERS) {
      for (const node of this.graph.getSubjects(`${SH}${name}`, null, null)) shapeNodes.set(termLabel(node), node);
    }
    const classes = this.rdfsClasses();
    const targeted: TargetedShape[] = [];
    for (const node of shapeNodes.values()) {
      const targets: Targets = {
        classes: this.objects(node, 'targetClass'),
        nodes: this.objects(node, 'targetNode'),
        subjectsOf: this.objects(node, 'targetSubjectsOf'),
        objectsOf: this.objects(node, 'targetObjectsOf'),
      };
      // A shape that is also a class targets its own instances (implicit class target).
      if (this.graph.getObjects(node, `${RDF}type`, null).some((type) => classes.has(termLabel(type)))) targets.classes.push(node);
      if (Object.values(targets).some((terms) => terms.length > 0)) targeted.push({ shape: this.shape(node), targets });
    }
    return targeted;
  }

  /** rdfs:Class and its subclasses in the shapes graph. */
  private rdfsClasses(): Set<string> {
    const found = new Set<string>();
    const visit = (cls: Term): void => {
      if (found.has(termLabel(cls))) return;
      found.add(termLabel(cls));
      for (const sub of this.graph.getSubjects(`${RDFS}subClassOf`, cls, null)) visit(sub);
    };
    visit(DataFactory.namedNode(`${RDFS}Class`));
    return found;
  }

  private shape(node: Term): ShapePlan {
    const key = termLabel(node);
    const done = this.compiled.get(key);
    if (done) return done;
    if (this.compiling.has(key)) throw new Unsupported(`shape ${key} contains itself through sh:property`);
    this.compiling.add(key);
    const severities = this.objects(node, 'severity');
    const deactivated = this.objects(node, 'deactivated');
    const path = this.path(node);
    const plan: ShapePlan = {
      label: key,
      severity: severities.length === 1 ? termLabel(severities[0]!).replace(SH, '') : 'Violation',
      deactivated: deactivated.length === 1 && deactivated[0]!.value === 'true',
      path,
      constraints: this.constraints(node, path !== null),
      properties: this.objects(node, 'property').map((property) => this.shape(property)),
    };
    this.compiling.delete(key);
    this.compiled.set(key, plan);
    return plan;
  }

  private path(node: Term): ShapePlan['path'] {
    const paths = this.objects(node, 'path');
    if (paths.length === 0) return null;
    if (paths.length > 1) throw new Unsupported(`shape ${termLabel(node)} has several sh:path values`);
    const path = paths[0]!;
    if (path.termType === 'NamedNode') return { predicates: [path], label: path.value };
    const alternatives = this.objects(path, 'alternativePath');
    if (path.termType !== 'BlankNode' || this.graph.countQuads(path, `${RDF}first`, null, null) > 0 || alternatives.length !== 1) {
      throw new Unsupported(`shape ${termLabel(node)} has a path other than an IRI or sh:alternativePath of IRIs`);
    }
    const predicates = this.list(alternatives[0]!);
    if (predicates.some((p) => p.termType !== 'NamedNode')) throw new Unsupported(`shape ${termLabel(node)} has a nested alternative path`);
    return { predicates, label: termLabel(path) };
  }

  /** The constraints of a shape, one per parameter value (for sh:pattern, per pattern and flags pair). */
  private constraints(node: Term, isProperty: boolean): ConstraintPlan[] {
    const out: ConstraintPlan[] = [];
    const ownMessages = this.objects(node, 'message');
    const inValues = this.objects(node, 'in');
    if (inValues.length > 1) throw new Unsupported(`shape ${termLabel(node)} has several sh:in lists`);
    const inMembers = inValues.length === 1 ? this.list(inValues[0]!) : [];
    const messages = (component: string, parameters: ReadonlyArray<readonly [string, Term | undefined]>): MessageTerm[] => {
      const labels = parameters.map(([name, value]) => [name, parameterLabel(value, inMembers)] as const);
      const texts: MessageTerm[] =
        ownMessages.length > 0
          ? ownMessages.map((m) => ({ value: m.value, language: m.termType === 'Literal' ? m.language || m.datatype.value : '' }))
          : [{ value: DEFAULT_MESSAGES[component]![isProperty ? 1 : 0], language: `${XSD}string` }].filter((m) => m.value !== '');
      return texts.map((m) => ({ value: withSubstitutions(m.value, labels), language: m.language }));
    };
    for (const component of Object.keys(DEFAULT_MESSAGES)) {
      const values = this.objects(node, component);
      if (values.length === 0) continue;
      if (!isProperty && PROPERTY_ONLY.has(component)) throw new Unsupported(`sh:${component} on node shape ${termLabel(node)}`);
      if (component === 'pattern') {
        const flagsValues = this.objects(node, 'flags');
        for (const pattern of values) {
          for (const flags of flagsValues.length > 0 ? flagsValues : [undefined]) {
            out.push({ kind: 'pattern', regex: this.regex(pattern, flags), messages: messages(component, [['flags', flags], ['pattern', pattern]]) });
          }
        }
        continue;
      }
      for (const value of values) {
        const plan = this.constraint(component, value, messages(component, [[component, value]]));
        if (plan) out.push(plan);
      }
    }
    return out;
  }

  private constraint(component: string, value: Term, messages: MessageTerm[]): ConstraintPlan | null {
    switch (component) {
      case 'minCount':
        return { kind: 'minCount', count: Number(value.value), messages };
      case 'maxCount':
        return { kind: 'maxCount', count: Number(value.value), messages };
      case 'class':
        return { kind: 'class', classTerm: value, messages };
      case 'datatype':
        return { kind: 'datatype', datatype: value, messages };
      case 'nodeKind':
        return { kind: 'nodeKind', allowed: new Set(NODE_KINDS[value.value] ?? []), messages };
      case 'hasValue':
        return { kind: 'hasValue', value, messages };
      case 'uniqueLang':
        // Only the boolean true asks for unique languages; any other value checks nothing.
        return value.termType === 'Literal' && value.value === 'true' && value.datatype.value === `${XSD}boolean` ? { kind: 'uniqueLang', messages } : null;
      case 'languageIn':
        return { kind: 'languageIn', languages: this.list(value).map((l) => l.value), messages };
      case 'in':
        return { kind: 'in', members: this.list(value), messages };
      default:
        return { kind: 'range', bound: value, accepts: RANGES[component]!, messages };
    }
  }

  private regex(pattern: Term, flags: Term | undefined): RegExp {
    try {
      return flags ? new RegExp(pattern.value, flags.value) : new RegExp(pattern.value);
    } catch {
      throw new Unsupported(`sh:pattern ${JSON.stringify(pattern.value)} is not a valid regular expression here`);
    }
  }

  private objects(node: Term, name: string): Term[] {
    return this.graph.getObjects(node, `${SH}${name}`, null);
  }

  /** The members of an RDF list; a malformed list is unsupported. */
  private list(head: Term): Term[] {
    const members: Term[] = [];
    const seen = new Set<string>();
    for (let node = head; node.value !== `${RDF}nil`; ) {
      if (seen.has(termLabel(node))) throw new Unsupported('a cyclic RDF list');
      seen.add(termLabel(node));
      const first = this.graph.getObjects(node, `${RDF}first`, null);
      const rest = this.graph.getObjects(node, `${RDF}rest`, null);
      if (first.length !== 1 || rest.length !== 1) throw new Unsupported(`a malformed RDF list at ${termLabel(node)}`);
      members.push(first[0]!);
      node = rest[0]!;
    }
    return members;
  }
}
