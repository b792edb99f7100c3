// The id-level SHACL validator against rdf-validate-shacl: on the embedded
// data, on the broken fixtures, on mutations of the data that break every
// kind of constraint the shapes use, and on synthetic shapes exercising the
// SHACL Core features the project's shapes do not; both must report exactly
// the same (focus node, path, shape, severity, message) results. Shapes the
// id-level validator does not support fall back to rdf-validate-shacl.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, FIXTURES_DIR, ONTOLOGY_DIR } from '../helpers/knowledgeGraph.js';
import { ttl } from '../helpers/rdf.js';
import { loadDataset, loadShapes } from '../../src/load/datasetLoader.js';
import { validateShapes, validateStoreGraphs, type ShaclEngine, type ShapeViolation } from '../../src/load/shaclValidator.js';
import { compileShapes } from '../../src/load/shapesCompiler.js';
import { BASE, GRAPH } from '../../src/namespaces.js';
import { CompactStore, type QuadStore } from '../../src/store/index.js';
import { constrainedPredicates, handMutations, randomMutations, type Mutation } from './shaclMutations.js';

const { namedNode, quad } = DataFactory;
const GRAPHS = [GRAPH.data, GRAPH.ontology];

/** Each result as one comparable line; sorted, duplicates kept. */
const lines = (violations: ShapeViolation[]): string[] =>
  violations.map((v) => JSON.stringify([v.focusNode, v.path, v.shape, v.severity, v.message])).sort();

async function bothEngines(shapes: readonly Quad[], store: QuadStore, graphs = GRAPHS): Promise<{ core: string[]; library: string[] }> {
  const run = async (engine: ShaclEngine) => lines(await validateStoreGraphs(shapes, store, graphs, { engine }));
  return { core: await run('core'), library: await run('rdf-validate-shacl') };
}

let shapes: Quad[];
let data: Quad[];
let ontology: Quad[];
beforeAll(() => {
  shapes = loadShapes(ONTOLOGY_DIR);
  const { store } = loadDataset({ ontologyDir: ONTOLOGY_DIR, dataDir: DATA_DIR, userData: [] });
  data = store.getQuads(null, null, null, GRAPH.data);
  ontology = store.getQuads(null, null, null, GRAPH.ontology);
});

/** The embedded data and ontology in their graphs, with `mutations` applied to the data. */
function mutatedStore(mutations: readonly Mutation[] = [], extra: readonly Quad[] = []): QuadStore {
  const store = new CompactStore([...data, ...ontology]);
  for (const m of mutations) store.removeQuads(m.remove);
  for (const m of mutations) store.addQuads(m.add);
  for (const q of extra) store.addQuad(quad(q.subject, q.predicate, q.object, namedNode(GRAPH.data)));
  return store;
}

describe('the project shapes compile to an id-level plan', () => {
  it('uses no feature the id-level validator lacks', () => {
    const plan = compileShapes(shapes);
    expect(plan.supported).toBe(true);
    if (plan.supported) expect(plan.shapes.length).toBeGreaterThan(10);
  });
});

describe('same report as rdf-validate-shacl', () => {
  it('on the embedded data: no violations either way', async () => {
    const { core, library } = await bothEngines(shapes, mutatedStore());
    expect(library).toEqual([]);
    expect(core).toEqual([]);
  });

  it('on the broken fixtures (the phantom role, the hostile and user files)', async () => {
    const fixture = (path: string): Quad[] => new Parser({ baseIRI: `${BASE}` }).parse(readFileSync(join(FIXTURES_DIR, path), 'utf8'));
    const brski = data.filter((q) => q.subject.value === `${BASE}protocol/brski/role/pledge` && q.predicate.value.endsWith('#label'));
    expect(brski).toHaveLength(1);
    const store = mutatedStore(
      [{ name: 'pledge without label', focus: '', remove: brski, add: [] }],
      ['shapes/phantom-role.ttl', 'hostile/hostile.ttl', 'user-data/my-device.ttl', 'user-data-uncovered/same-as.ttl'].flatMap(fixture),
    );
    const { core, library } = await bothEngines(shapes, store);
    expect(library.length).toBeGreaterThanOrEqual(3);
    expect(core).toEqual(library);
  });

  it('on hand-written faults of every kind the shapes catch, each one reported', async () => {
    const mutations = handMutations(mutatedStore(), GRAPH.data);
    const { core, library } = await bothEngines(shapes, mutatedStore(mutations));
    expect(core).toEqual(library);
    const focusNodes = new Set(library.map((line) => (JSON.parse(line) as string[])[0]));
    for (const m of mutations) expect(focusNodes.has(m.focus) || library.some((line) => line.includes(m.focus)), m.name).toBe(true);
  });

  it.each([1, 2, 3, 4])('on random faults (seed %i)', async (seed) => {
    const mutations = randomMutations(data, constrainedPredicates(shapes), seed, 40);
    const { core, library } = await bothEngines(shapes, mutatedStore(mutations));
    expect(library.length).toBeGreaterThan(0);
    expect(core).toEqual(library);
  });
});

// Shapes with the Core features the project's shapes do not use (yet): other
// targets, severities, deactivation, flags, node-level constraints, the other
// range bounds, a property shape shared by two shapes, placeholders in messages.
const FEATURE_SHAPES = ttl`
  @prefix ex: <http://example.org/> .
  @prefix sh: <http://www.w3.org/ns/shacl#> .
  ex:Thing a sh:NodeShape, rdfs:Class ;
    sh:property ex:nameShape ;
    sh:property [ sh:path ex:size ; sh:maxInclusive 10 ; sh:minExclusive 0 ; sh:severity sh:Warning ] ,
      [ sh:path ex:ratio ; sh:maxExclusive 1.0 ; sh:datatype xsd:decimal ] ,
      [ sh:path ex:code ; sh:pattern "^ab" ; sh:flags "i" ; sh:nodeKind sh:Literal ] ,
      [ sh:path ex:link ; sh:nodeKind sh:BlankNodeOrIRI ; sh:class ex:Thing ; sh:message "link"@en, "Verweis"@de ] ,
      [ sh:path ex:off ; sh:minCount 1 ; sh:deactivated true ] ,
      [ sh:path ex:tag ; sh:in ( "a" "b" ) ; sh:minCount 2 ; sh:message "needs {$minCount} tags from the list" ] ,
      [ sh:path ex:when ; sh:minInclusive "2020-01-01"^^xsd:date ] .
  ex:Named a sh:NodeShape ;
    sh:targetNode ex:a, ex:missing ;
    sh:property ex:nameShape .
  ex:nameShape sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:languageIn ( "en" "fr" ) ; sh:uniqueLang true .
  ex:Subjects a sh:NodeShape ;
    sh:targetSubjectsOf ex:link ;
    sh:class ex:Thing ; sh:severity sh:Info .
  ex:Objects a sh:NodeShape ;
    sh:targetObjectsOf ex:tag ;
    sh:in ( "a" "b" "c" "d" ) ;
    sh:hasValue "a" .
  ex:Off a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ; sh:class ex:Nothing .
`;

const FEATURE_DATA = ttl`
  @prefix ex: <http://example.org/> .
  @prefix sh: <http://www.w3.org/ns/shacl#> .
  ex:Sub rdfs:subClassOf ex:Thing .
  ex:a a ex:Thing ; ex:name "A"@en, "Un"@fr, "Another"@en ; ex:size 11 ; ex:ratio 1.5 ; ex:code "ABc" ; ex:link ex:b, "x" ;
    ex:tag "a", "z" ; ex:when "2019-05-01"^^xsd:date .
  ex:b a ex:Sub ; ex:name "B"@de ; ex:size 0 ; ex:ratio 0.5 ; ex:code <http://example.org/abc> ; ex:link [ a ex:Thing ] ;
    ex:tag "a" ; ex:when "2021-05-01"^^xsd:date .
  ex:c ex:link ex:a ; ex:size "big" ; ex:ratio "0.5"^^xsd:double ; ex:code "xy" .
`;

describe('SHACL Core features beyond the project shapes', () => {
  it('are supported by the id-level plan', () => {
    expect(compileShapes(FEATURE_SHAPES).supported).toBe(true);
  });

  it('give the same report as rdf-validate-shacl', async () => {
    const core = lines(await validateShapes(FEATURE_SHAPES, FEATURE_DATA, [], { engine: 'core' }));
    const library = lines(await validateShapes(FEATURE_SHAPES, FEATURE_DATA, [], { engine: 'rdf-validate-shacl' }));
    expect(library.length).toBeGreaterThan(15);
    expect(core).toEqual(library);
  });
});

describe('shapes the id-level validator does not support', () => {
  const unsupported = ttl`
    @prefix ex: <http://example.org/> .
    @prefix sh: <http://www.w3.org/ns/shacl#> .
  @prefix sh: <http://www.w3.org/ns/shacl#> .
    ex:Thing a sh:NodeShape ; sh:targetClass ex:Thing ;
      sh:property [ sh:path ex:part ; sh:node ex:Part ] ,
        [ sh:path [ sh:inversePath ex:part ] ; sh:maxCount 0 ] .
    ex:Part a sh:NodeShape ; sh:or ( [ sh:class ex:Part ] [ sh:datatype xsd:string ] ) .
  `;
  const partData = ttl`
    @prefix ex: <http://example.org/> .
    @prefix sh: <http://www.w3.org/ns/shacl#> .
  @prefix sh: <http://www.w3.org/ns/shacl#> .
    ex:a a ex:Thing ; ex:part ex:p, "fine", 3 .
    ex:p a ex:Part .
  `;

  it('are not compiled, with the reason', () => {
    const plan = compileShapes(unsupported);
    expect(plan.supported).toBe(false);
    if (!plan.supported) expect(plan.reason).toMatch(/shacl#(node|or|inversePath)/);
  });

  it('are validated by rdf-validate-shacl instead', async () => {
    const auto = await validateShapes(unsupported, partData);
    expect(lines(auto)).toEqual(lines(await validateShapes(unsupported, partData, [], { engine: 'rdf-validate-shacl' })));
    // Only sh:node / sh:or see that 3 is neither a Part nor a string.
    expect(auto.map((v) => [v.focusNode, v.path])).toEqual([['http://example.org/a', 'http://example.org/part']]);
  });

  it("are refused by the 'core' engine", async () => {
    await expect(validateShapes(unsupported, partData, [], { engine: 'core' })).rejects.toThrow(/cannot check these shapes/);
  });
});
