// Runs a compiled SHACL plan (shapesCompiler.ts) over the merge of some
// named graphs of the store, on term ids: focus nodes are found in one pass
// over the id triples, a node's values are a range of them (idGraph.ts),
// and terms are decoded only where a check needs the text of a value
// (datatype, pattern, language, order), once per distinct value and
// constraint. The results are those rdf-validate-shacl gives for the same
// shapes, worded the same way.
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';
import type { QuadStore } from '../store/index.js';
import { RDF, RDFS } from '../namespaces.js';
import { resultText } from './constraintMessages.js';
import { IdGraph } from './idGraph.js';
import { compareLiterals, hasDatatype, languageMatches } from './literalChecks.js';
import { termLabel, type ConstraintPlan, type ShapePlan, type TargetedShape } from './shapesCompiler.js';
import type { ShapeViolation } from './shaclValidator.js';

/** A constraint with its terms resolved to ids, and what it found about each value it has seen. */
interface RuntimeConstraint {
  plan: ConstraintPlan;
  text: string;
  /** hasValue's value, or the ids of sh:in's members / of sh:class's class and its subclasses. */
  ids: ReadonlySet<number>;
  verdicts: Map<number, boolean>;
}

const { namedNode } = DataFactory;
/** Verdicts a constraint remembers (values that repeat, like classes and sources, are few). */
const VERDICTS_KEPT = 1 << 16;

interface RuntimeShape {
  plan: ShapePlan;
  predicates: number[];
  constraints: RuntimeConstraint[];
  properties: RuntimeShape[];
}

export function validateCore(shapes: readonly TargetedShape[], store: QuadStore, graphs: readonly string[]): ShapeViolation[] {
  return new CoreValidation(store, new IdGraph(store, graphs)).run(shapes);
}

class CoreValidation {
  /** Terms the store does not hold (a sh:targetNode, a sh:hasValue) get negative ids, which no triple uses. */
  private readonly absent: Term[] = [];
  private readonly runtime = new Map<ShapePlan, RuntimeShape>();
  private readonly rdfType: number;
  private subclassesOf: Map<number, number[]> | null = null;
  private readonly violations: ShapeViolation[] = [];

  constructor(
    private readonly store: QuadStore,
    private readonly graph: IdGraph,
  ) {
    this.rdfType = this.id(namedNode(`${RDF}type`));
  }

  run(shapes: readonly TargetedShape[]): ShapeViolation[] {
    const focusNodes = this.focusNodes(shapes);
    shapes.forEach(({ shape }, index) => {
      const runtime = this.prepare(shape);
      for (const focus of focusNodes[index]!) this.validateNode(focus, runtime);
    });
    return this.violations;
  }

  // --- Targets ---------------------------------------------------------------

  /** The focus nodes of each shape, each once, found in one pass over the triples. */
  private focusNodes(shapes: readonly TargetedShape[]): number[][] {
    const found: number[][] = shapes.map(() => []);
    const byType = new Map<number, number[]>();
    const bySubjectOf = new Map<number, number[]>();
    const byObjectOf = new Map<number, number[]>();
    const register = (map: Map<number, number[]>, key: number, index: number): void => {
      const list = map.get(key) ?? [];
      if (!list.includes(index)) list.push(index);
      map.set(key, list);
    };
    shapes.forEach(({ targets }, index) => {
      for (const cls of targets.classes) for (const sub of this.classAndSubclasses(this.id(cls))) register(byType, sub, index);
      for (const p of targets.subjectsOf) register(bySubjectOf, this.id(p), index);
      for (const p of targets.objectsOf) register(byObjectOf, this.id(p), index);
      for (const node of targets.nodes) found[index]!.push(this.id(node));
    });
    const t = this.graph.triples;
    const type = this.rdfType;
    const byPredicate = bySubjectOf.size + byObjectOf.size > 0;
    for (let at = 0; at < t.length; at += 3) {
      const p = t[at + 1]!;
      if (p === type) for (const index of byType.get(t[at + 2]!) ?? []) found[index]!.push(t[at]!);
      if (!byPredicate) continue;
      for (const index of bySubjectOf.get(p) ?? []) found[index]!.push(t[at]!);
      for (const index of byObjectOf.get(p) ?? []) found[index]!.push(t[at + 2]!);
    }
    return found.map((ids) => [...new Set(ids)]);
  }

  /** A class and its subclasses (rdfs:subClassOf*, in the data graph), cycles allowed. */
  private classAndSubclasses(cls: number): Set<number> {
    if (!this.subclassesOf) {
      const subClassOf = this.id(namedNode(`${RDFS}subClassOf`));
      const index = new Map<number, number[]>();
      const t = this.graph.triples;
      for (let at = 0; at < t.length; at += 3) {
        if (t[at + 1] !== subClassOf) continue;
        const list = index.get(t[at + 2]!) ?? [];
        list.push(t[at]!);
        index.set(t[at + 2]!, list);
      }
      this.subclassesOf = index;
    }
    const closure = new Set<number>([cls]);
    const queue = [cls];
    while (queue.length > 0) {
      for (const sub of this.subclassesOf.get(queue.pop()!) ?? []) {
        if (!closure.has(sub)) {
          closure.add(sub);
          queue.push(sub);
        }
      }
    }
    return closure;
  }

  // --- Validation ------------------------------------------------------------

  private validateNode(focus: number, shape: RuntimeShape): void {
    if (shape.plan.deactivated) return;
    const values = shape.plan.path ? this.pathValues(focus, shape.predicates) : [focus];
    for (const constraint of shape.constraints) this.check(constraint, focus, values, shape.plan);
    for (const property of shape.properties) for (const value of values) this.validateNode(value, property);
  }

  /** The distinct values of a predicate path or an alternative path. */
  private pathValues(focus: number, predicates: readonly number[]): number[] {
    const values: number[] = [];
    for (const p of predicates) {
      const [lo, hi] = focus < 0 ? [0, 0] : this.graph.range(focus, p);
      for (let row = lo; row < hi; row++) values.push(this.graph.object(row));
    }
    return predicates.length > 1 ? [...new Set(values)] : values;
  }

  private check(constraint: RuntimeConstraint, focus: number, values: readonly number[], shape: ShapePlan): void {
    const { plan } = constraint;
    const isProperty = shape.path !== null;
    switch (plan.kind) {
      case 'minCount':
        if (!(values.length >= plan.count)) this.report(focus, shape, constraint.text);
        return;
      case 'maxCount':
        if (!(values.length <= plan.count)) this.report(focus, shape, constraint.text);
        return;
      case 'hasValue': {
        const [wanted] = constraint.ids;
        const found = isProperty ? values.includes(wanted!) : focus === wanted;
        if (!found) this.report(focus, shape, constraint.text);
        return;
      }
      case 'uniqueLang':
        // One value cannot repeat a language: no need to decode it.
        if (values.length < 2) return;
        for (const [language, count] of this.languageCounts(values)) {
          if (count > 1) this.report(focus, shape, `Language "${language}" has been used by ${count} values`);
        }
        return;
      default:
        for (const value of values) if (!this.conforms(constraint, value)) this.report(focus, shape, constraint.text);
    }
  }

  /** Whether one value node satisfies a per-value constraint, decided once per distinct value. */
  private conforms(constraint: RuntimeConstraint, value: number): boolean {
    let verdict = constraint.verdicts.get(value);
    if (verdict === undefined) {
      verdict = this.decide(constraint, value);
      // Bounded: values like labels are all distinct, and remembering them would only cost memory.
      if (constraint.verdicts.size >= VERDICTS_KEPT) constraint.verdicts.clear();
      constraint.verdicts.set(value, verdict);
    }
    return verdict;
  }

  private decide(constraint: RuntimeConstraint, value: number): boolean {
    const { plan } = constraint;
    switch (plan.kind) {
      case 'class':
        return this.hasTypeIn(value, constraint.ids);
      case 'in':
        return constraint.ids.has(value);
      case 'nodeKind':
        return plan.allowed.has(this.term(value).termType as 'NamedNode');
      case 'datatype':
        return hasDatatype(this.term(value), plan.datatype);
      case 'pattern': {
        const term = this.term(value);
        if (term.termType === 'BlankNode') return false;
        plan.regex.lastIndex = 0; // a /g or /y pattern keeps state between tests
        return plan.regex.test(term.value);
      }
      case 'range': {
        const comparison = compareLiterals(this.term(value), plan.bound);
        return comparison !== null && plan.accepts(comparison);
      }
      case 'languageIn': {
        const term = this.term(value);
        return term.termType === 'Literal' && plan.languages.some((range) => languageMatches(term.language, range));
      }
      default:
        throw new Error(`${plan.kind} is not a per-value constraint`);
    }
  }

  private hasTypeIn(value: number, classes: ReadonlySet<number>): boolean {
    if (value < 0) return false;
    const [lo, hi] = this.graph.range(value, this.rdfType);
    for (let row = lo; row < hi; row++) if (classes.has(this.graph.object(row))) return true;
    return false;
  }

  private languageCounts(values: readonly number[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const value of values) {
      const term = this.term(value);
      if (term.termType === 'Literal' && term.language !== '') counts.set(term.language, (counts.get(term.language) ?? 0) + 1);
    }
    return counts;
  }

  private report(focus: number, shape: ShapePlan, message: string): void {
    this.violations.push({
      focusNode: termLabel(this.term(focus)),
      path: shape.path ? shape.path.label : null,
      message,
      severity: shape.severity,
      shape: shape.label,
    });
  }

  // --- Plans on ids ------------------------------------------------------------

  private prepare(plan: ShapePlan): RuntimeShape {
    const done = this.runtime.get(plan);
    if (done) return done;
    const shape: RuntimeShape = {
      plan,
      predicates: (plan.path?.predicates ?? []).map((p) => this.id(p)),
      constraints: plan.constraints.map((c) => ({ plan: c, text: resultText(c.messages), ids: this.constraintIds(c), verdicts: new Map() })),
      properties: [],
    };
    this.runtime.set(plan, shape);
    shape.properties = plan.properties.map((property) => this.prepare(property));
    return shape;
  }

  private constraintIds(plan: ConstraintPlan): ReadonlySet<number> {
    switch (plan.kind) {
      case 'hasValue':
        return new Set([this.id(plan.value)]);
      case 'in':
        return new Set(plan.members.map((m) => this.id(m)));
      case 'class':
        return this.classAndSubclasses(this.id(plan.classTerm));
      default:
        return new Set();
    }
  }

  // --- Terms -------------------------------------------------------------------

  private id(term: Term): number {
    const id = this.store.findId(term);
    if (id !== undefined) return id;
    const known = this.absent.findIndex((t) => t.equals(term));
    if (known >= 0) return -1 - known;
    this.absent.push(term);
    return -this.absent.length;
  }

  private term(id: number): Term {
    return id < 0 ? this.absent[-1 - id]! : this.store.termOf(id);
  }
}
