// SHACL validation at load: the embedded data conforms, and data that breaks
// the shapes in ontology/shapes/ is refused with every violation listed
// (focus node, path and the shape's own sh:message).
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, embeddedKnowledgeGraph, FIXTURES_DIR, ONTOLOGY_DIR } from '../helpers/knowledgeGraph.js';
import { ttl } from '../helpers/rdf.js';
import { buildKnowledgeGraph, LoadError } from '../../src/knowledgeGraph.js';
import { loadDataset, loadShapes } from '../../src/load/datasetLoader.js';
import { formatViolation, validateShapes, type ShapeViolation } from '../../src/load/shaclValidator.js';
import { DRAFT, GRAPH, IOT, RDF, RDFS, SH } from '../../src/namespaces.js';

const { namedNode } = DataFactory;
const SHAPES = 'https://w3id.org/iot-setup/ontology/shapes#';
const BASE = 'https://w3id.org/iot-setup/';

/** The sh:message of the property shape of `nodeShape` whose sh:path is `path`, read from the shapes file. */
function shapeMessage(shapes: Store, nodeShape: string, path: string): string {
  const messages = shapes
    .getObjects(namedNode(`${SHAPES}${nodeShape}`), namedNode(`${SH}property`), null)
    .filter((property) => shapes.countQuads(property, namedNode(`${SH}path`), namedNode(path), null) > 0)
    .flatMap((property) => shapes.getObjects(property, namedNode(`${SH}message`), null).map((m) => m.value));
  expect(messages, `${nodeShape} ${path}`).toHaveLength(1);
  return messages[0]!;
}

const triple = (v: ShapeViolation): { focusNode: string; path: string | null; message: string; severity: string } => ({
  focusNode: v.focusNode,
  path: v.path,
  message: v.message,
  severity: v.severity,
});

let shapesStore: Store;
let shapeQuads: Quad[];
beforeAll(() => {
  shapeQuads = loadShapes(ONTOLOGY_DIR);
  shapesStore = new Store(shapeQuads);
});

describe('the embedded data', () => {
  it('builds: zero SHACL violations', async () => {
    const kg = await embeddedKnowledgeGraph();
    expect(kg.store.countQuads(null, null, null, namedNode(GRAPH.data))).toBeGreaterThan(1000);
  });

  it('has zero violations when validated directly', async () => {
    const { store } = loadDataset({ ontologyDir: ONTOLOGY_DIR, dataDir: DATA_DIR, userData: [] });
    const violations = await validateShapes(
      shapeQuads,
      store.match(null, null, null, namedNode(GRAPH.data)),
      store.match(null, null, null, namedNode(GRAPH.ontology)),
    );
    expect(violations).toEqual([]);
  });
});

describe('data that breaks the shapes', () => {
  let dataDir: string;
  let error: unknown;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'iot-setup-shacl-'));
    cpSync(DATA_DIR, dataDir, { recursive: true });
    const brski = join(dataDir, 'protocol-brski.ttl');
    const original = readFileSync(brski, 'utf8');
    const pledgeLabel = '    rdfs:label "BRSKI Pledge"@en ;\n';
    const fullName = '    iot:fullName "Bootstrapping Remote Secure Key Infrastructures" ;\n';
    // Guard: the edits must hit, or the test would prove nothing.
    expect(original.split(pledgeLabel)).toHaveLength(2);
    expect(original.split(fullName)).toHaveLength(2);
    writeFileSync(brski, original.replace(pledgeLabel, '').replace(fullName, ''));
    copyFileSync(join(FIXTURES_DIR, 'shapes', 'phantom-role.ttl'), join(dataDir, 'zz-phantom-role.ttl'));
    error = await buildKnowledgeGraph({ ontologyDir: ONTOLOGY_DIR, dataDir, userData: [] }).then(
      () => null,
      (e: unknown) => e,
    );
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refused with a LoadError listing exactly the four violations', () => {
    expect(error).toBeInstanceOf(LoadError);
    const violations = (error as LoadError).violations.map(triple);
    expect(violations).toHaveLength(4);
    expect(violations).toEqual(
      expect.arrayContaining([
        {
          focusNode: `${BASE}protocol/brski/role/pledge`,
          path: `${RDFS}label`,
          message: 'Every resource needs exactly one English rdfs:label.',
          severity: 'Violation',
        },
        {
          focusNode: `${BASE}protocol/brski/role/pledge`,
          path: `${RDFS}label`,
          message: 'This resource is mentioned in an axiom but not defined (it has no rdfs:label): check the IRI.',
          severity: 'Violation',
        },
        {
          focusNode: `${BASE}protocol/brski`,
          path: `${IOT}fullName`,
          message: 'A protocol needs exactly one iot:fullName.',
          severity: 'Violation',
        },
        {
          focusNode: `${BASE}protocol/brski/role/registar`,
          path: `${RDFS}label`,
          message: 'This resource is mentioned in an axiom but not defined (it has no rdfs:label): check the IRI.',
          severity: 'Violation',
        },
      ]),
    );
    expect((error as LoadError).soundness).toEqual([]);
  });

  it("reports the shapes' own sh:message texts", () => {
    const messages = new Set((error as LoadError).violations.map((v) => v.message));
    expect(messages).toEqual(
      new Set([
        shapeMessage(shapesStore, 'Described', `${RDFS}label`),
        shapeMessage(shapesStore, 'ReferencedResource', `${RDFS}label`),
        shapeMessage(shapesStore, 'Protocol', `${IOT}fullName`),
      ]),
    );
  });

  it('says how many violations and where, one formatted line each', () => {
    const { message, violations } = error as LoadError;
    expect(message.startsWith(`4 SHACL violation(s) in ${dataDir}:\n`)).toBe(true);
    for (const v of violations) expect(message).toContain(formatViolation(v));
    expect(message).toContain(
      `Violation: ${BASE}protocol/brski ${IOT}fullName: A protocol needs exactly one iot:fullName.`,
    );
  });
});

describe('validateShapes', () => {
  const stepWithoutSource = (position: number): Quad[] => ttl`
    <protocol/example/process/a> a iot:Step ;
        rdfs:label "A"@en ;
        skos:definition "An example step."@en ;
        iot:position ${position} .
  `;

  it('follows the ontology class hierarchy given as context (a Step is a Process, so it is Described)', async () => {
    const ontology = loadDataset({ ontologyDir: ONTOLOGY_DIR, dataDir: DATA_DIR, userData: [] })
      .store.getQuads(null, null, null, namedNode(GRAPH.ontology));
    const withContext = await validateShapes(shapeQuads, stepWithoutSource(1), ontology);
    expect(withContext.map(triple)).toEqual([
      {
        focusNode: `${BASE}protocol/example/process/a`,
        path: 'http://purl.org/dc/terms/source',
        message: shapeMessage(shapesStore, 'Described', 'http://purl.org/dc/terms/source'),
        severity: 'Violation',
      },
    ]);
    // Without the ontology the validator cannot know that iot:Step ⊑ iot:Process.
    expect(await validateShapes(shapeQuads, stepWithoutSource(1))).toEqual([]);
  });

  it('rejects a step position below 1', async () => {
    const violations = await validateShapes(shapeQuads, [
      ...stepWithoutSource(0),
      ...ttl`<protocol/example/process/a> dcterms:source <${DRAFT}#section-2.1> .`,
    ]);
    expect(violations.map(triple)).toEqual([
      {
        focusNode: `${BASE}protocol/example/process/a`,
        path: `${IOT}position`,
        message: 'An ordered step needs exactly one iot:position, an integer from 1.',
        severity: 'Violation',
      },
    ]);
  });

  it('formats a violation as "severity: focus path: message"', () => {
    expect(
      formatViolation({ focusNode: 'ex:a', path: `${RDF}type`, message: 'm', severity: 'Violation', shape: '_:s' }),
    ).toBe(`Violation: ex:a ${RDF}type: m`);
    expect(formatViolation({ focusNode: 'ex:a', path: null, message: 'm', severity: 'Warning', shape: '_:s' })).toBe(
      'Warning: ex:a: m',
    );
  });
});
