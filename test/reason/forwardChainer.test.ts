// The forward chainer on its own: the real rules over small id graphs (each
// rule kind, derivations needing several rounds, cycles, long transitive
// chains), the derivation limit, the literal-subject guard, and hand-made
// id rules for the corner cases of matching.
import { describe, expect, it } from 'vitest';
import type { Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import { compileRules, forwardChain, type IdRule } from '../../src/reason/forwardChainer.js';
import { ReasoningLimitError } from '../../src/reason/limits.js';
import { ruleSet } from '../helpers/reasoning.js';
import { TEST_PREFIXES, ttl } from '../helpers/rdf.js';

/** Terms to ids and back, as a store's dictionary would. */
class Dictionary {
  private readonly ids = new Map<string, number>();
  private readonly terms: Term[] = [];
  idOf = (term: Term): number => {
    const key = keyOf(term);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.ids.set(key, id);
    }
    return id;
  };
  termOf = (id: number): Term => this.terms[id]!;
  isLiteral = (id: number): boolean => this.terms[id]!.termType === 'Literal';
}

function keyOf(term: Term): string {
  return term.termType === 'Literal'
    ? `"${term.value}"@${term.language}^^${term.datatype.value}`
    : `${term.termType}:${term.value}`;
}

const show = (s: Term, p: Term, o: Term): string =>
  [s, p, o].map((t) => (t.termType === 'Literal' ? JSON.stringify(t.value) : t.value.replace(/^.*[#/]/, ''))).join(' ');

/** Runs the project's rules over `input` (Turtle); the new triples as sorted short strings (local names). */
function chain(input: string, maxDerivations = 1_000_000): string[] {
  const dictionary = new Dictionary();
  const rules = compileRules(ruleSet(), dictionary.idOf);
  const quads = new Parser().parse(TEST_PREFIXES + input);
  const asserted = new Uint32Array(quads.flatMap((q) => [q.subject, q.predicate, q.object].map(dictionary.idOf)));
  const derived = forwardChain(asserted, rules, { maxDerivations }, { isLiteral: dictionary.isLiteral });
  const out: string[] = [];
  for (let i = 0; i < derived.length; i += 3) {
    out.push(show(dictionary.termOf(derived[i]!), dictionary.termOf(derived[i + 1]!), dictionary.termOf(derived[i + 2]!)));
  }
  return out.sort();
}

describe('forward chainer with the project rules', () => {
  it('closes subClassOf chains over several rounds and types instances with every superclass', () => {
    const out = chain(`ex:A rdfs:subClassOf ex:B . ex:B rdfs:subClassOf ex:C . ex:C rdfs:subClassOf ex:D . ex:D rdfs:subClassOf ex:E . ex:x a ex:A .`);
    expect(out).toEqual([
      'A subClassOf C', 'A subClassOf D', 'A subClassOf E', 'B subClassOf D', 'B subClassOf E', 'C subClassOf E',
      'x type B', 'x type C', 'x type D', 'x type E',
    ]);
  });

  it('terminates on a subClassOf cycle, deriving the reflexive triples (materialize drops them)', () => {
    expect(chain(`ex:A rdfs:subClassOf ex:B . ex:B rdfs:subClassOf ex:A . ex:x a ex:A .`)).toEqual([
      'A subClassOf A', 'B subClassOf B', 'x type B',
    ]);
  });

  it('closes an equivalentClass cycle into every ordered pair, with the subclass axioms', () => {
    const out = chain(`ex:A owl:equivalentClass ex:B . ex:B owl:equivalentClass ex:C . ex:C owl:equivalentClass ex:A .`);
    const names = ['A', 'B', 'C'];
    const pairs = names.flatMap((a) => names.map((b) => [a, b] as const));
    const expected = [
      ...pairs.map(([a, b]) => `${a} equivalentClass ${b}`),
      ...pairs.map(([a, b]) => `${a} subClassOf ${b}`),
    ].filter((t) => !['A equivalentClass B', 'B equivalentClass C', 'C equivalentClass A'].includes(t));
    expect(out).toEqual(expected.sort());
  });

  it('closes a transitive property over a long chain (every pair i < j)', () => {
    const n = 30;
    const links = Array.from({ length: n - 1 }, (_, i) => `ex:n${i} ex:before ex:n${i + 1} .`).join('\n');
    const out = chain(`ex:before a owl:TransitiveProperty .\n${links}`);
    expect(out).toHaveLength((n * (n - 1)) / 2 - (n - 1));
    expect(out).toContain('n0 before n29');
    expect(out).not.toContain('n29 before n0');
  });

  it('applies subPropertyOf, equivalentProperty, inverseOf and symmetry', () => {
    expect(chain(`ex:p rdfs:subPropertyOf ex:q . ex:q rdfs:subPropertyOf ex:r . ex:a ex:p ex:b .`)).toEqual([
      'a q b', 'a r b', 'p subPropertyOf r',
    ]);
    // Mutual subproperties: the transitivity rule adds the reflexive ones too.
    expect(chain(`ex:p owl:equivalentProperty ex:q . ex:a ex:q ex:b .`)).toEqual([
      'a p b', 'p subPropertyOf p', 'p subPropertyOf q', 'q equivalentProperty p', 'q subPropertyOf p', 'q subPropertyOf q',
    ]);
    expect(chain(`ex:p owl:inverseOf ex:q . ex:a ex:p ex:b .`)).toEqual(['b q a', 'q inverseOf p']);
    expect(chain(`ex:p a owl:SymmetricProperty . ex:a ex:p ex:b .`)).toEqual(['b p a']);
  });

  it('applies domain to every property and range only to object properties', () => {
    expect(chain(`ex:p rdfs:domain ex:D ; rdfs:range ex:R . ex:a ex:p ex:b .`)).toEqual(['a type D']);
    expect(chain(`ex:p a owl:ObjectProperty ; rdfs:range ex:R . ex:a ex:p ex:b .`)).toEqual(['b type R']);
  });

  it('applies the punned-role rules in both directions', () => {
    const roles = `ex:r1 a iot:PlayerRole . ex:r2 a iot:PlayerRole . ex:c a iot:PlayerCategory .`;
    expect(chain(`${roles} ex:r1 skos:exactMatch ex:r2 .`)).toContain('r1 equivalentClass r2');
    expect(chain(`${roles} ex:r1 owl:equivalentClass ex:r2 .`)).toContain('r1 exactMatch r2');
    expect(chain(`${roles} ex:r1 skos:broadMatch ex:c .`)).toContain('r1 subClassOf c');
  });

  it('derives no triple with a literal subject, nor anything through one', () => {
    // Symmetry would give "x" p a; its inverse (q) would then give a q "x".
    // The range of an object property used with a literal would type "x".
    const out = chain(`
      ex:p a owl:SymmetricProperty, owl:ObjectProperty ; owl:inverseOf ex:q ; rdfs:range ex:R .
      ex:a ex:p "x" .`);
    expect(out).toEqual(['q inverseOf p']);
  });

  it('returns each new triple once, never an asserted one, also for repeated input', () => {
    const dictionary = new Dictionary();
    const rules = compileRules(ruleSet(), dictionary.idOf);
    const quads = ttl`ex:A rdfs:subClassOf ex:B . ex:x a ex:A . ex:x a ex:B .`;
    const once = quads.flatMap((q) => [q.subject, q.predicate, q.object].map(dictionary.idOf));
    const derived = forwardChain(new Uint32Array([...once, ...once]), rules, { maxDerivations: 10 });
    expect(derived.length).toBe(0);
  });
});

describe('derivation limit', () => {
  const input = `ex:before a owl:TransitiveProperty . ex:a ex:before ex:b . ex:b ex:before ex:c . ex:c ex:before ex:d .`;

  it('allows exactly maxDerivations new triples', () => {
    expect(chain(input, 3)).toHaveLength(3);
  });

  it('throws a ReasoningLimitError with the limit in the message beyond it', () => {
    expect(() => chain(input, 2)).toThrow(ReasoningLimitError);
    expect(() => chain(input, 2)).toThrow(/maximum of 2 derivations/);
  });
});

describe('hand-made id rules', () => {
  const v = (variable: string) => ({ variable });
  const c = (id: number) => ({ id });

  it('matches a variable repeated in one pattern only where the positions are equal', () => {
    // { ?x 1 ?x } => { ?x 2 ?x }
    const rule: IdRule = { body: [[v('x'), c(1), v('x')]], head: [[v('x'), c(2), v('x')]] };
    const derived = forwardChain(new Uint32Array([10, 1, 10, 11, 1, 12]), [rule], { maxDerivations: 100 });
    expect([...derived]).toEqual([10, 2, 10]);
  });

  it('joins patterns with an unbound predicate by subject or object (other key orders)', () => {
    // { ?x 1 ?y . ?y ?p ?z } => { ?x ?p ?z }
    const rule: IdRule = { body: [[v('x'), c(1), v('y')], [v('y'), v('p'), v('z')]], head: [[v('x'), v('p'), v('z')]] };
    const derived = forwardChain(new Uint32Array([10, 1, 20, 20, 5, 30, 20, 6, 31]), [rule], { maxDerivations: 100 });
    const triples = Array.from({ length: derived.length / 3 }, (_, i) => [...derived.subarray(i * 3, i * 3 + 3)].join(' ')).sort();
    // 10 1 20 with 20 1 ? none; so only 10 5 30 and 10 6 31.
    expect(triples).toEqual(['10 5 30', '10 6 31']);
  });

  it('asserts the head of a rule with an empty body once', () => {
    const rule: IdRule = { body: [], head: [[c(7), c(8), c(9)]] };
    expect([...forwardChain(new Uint32Array([1, 2, 3]), [rule], { maxDerivations: 10 })]).toEqual([7, 8, 9]);
  });

  it('refuses a rule whose head has a variable the body does not bind', () => {
    const broken = { ...ruleSet(), dataset: withUnboundHeadRule(ruleSet().dataset) };
    expect(() => compileRules(broken, new Dictionary().idOf)).toThrow(/not bound by the rule body/);
  });
});

/** The rule dataset plus `{ ?a ex:p ?b } => { ?a ex:q ?c }`. */
function withUnboundHeadRule(dataset: Store): Store {
  const { namedNode, variable, blankNode, quad, defaultGraph } = DataFactory;
  const copy = new Store(dataset.getQuads(null, null, null, null));
  const [body, head] = [blankNode('unboundBody'), blankNode('unboundHead')];
  copy.addQuad(quad(variable('a'), namedNode('http://example.org/p'), variable('b'), body));
  copy.addQuad(quad(variable('a'), namedNode('http://example.org/q'), variable('c'), head));
  copy.addQuad(quad(body, namedNode('http://www.w3.org/2000/10/swap/log#implies'), head, defaultGraph()));
  return copy;
}
