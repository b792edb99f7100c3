// SHACL in several threads: the partitions of the focus nodes together find
// exactly what one thread finds, and a real worker, reading the store through
// shared memory, gives the same report.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, DATA_DIR, ONTOLOGY_DIR } from '../helpers/knowledgeGraph.js';
import { loadDataset, loadShapes } from '../../src/load/datasetLoader.js';
import { validatePartition, validateStoreGraphs, type ShapeViolation } from '../../src/load/shaclValidator.js';
import { GRAPH } from '../../src/namespaces.js';
import type { QuadStore } from '../../src/store/index.js';

const GRAPHS = [GRAPH.data, GRAPH.ontology];
const keys = (violations: ShapeViolation[]): string[] => violations.map((v) => JSON.stringify(v)).sort();

let dataDir: string;
let store: QuadStore;
beforeAll(() => {
  // The data with the violations of shaclValidator.test.ts: two focus nodes found by class, two by sh:targetObjectsOf.
  dataDir = mkdtempSync(join(tmpdir(), 'iot-setup-shacl-parallel-'));
  cpSync(DATA_DIR, dataDir, { recursive: true });
  const brski = join(dataDir, 'protocol-brski.ttl');
  writeFileSync(brski, readFileSync(brski, 'utf8').replace('    rdfs:label "BRSKI Pledge"@en ;\n', '').replace('    iot:fullName "Bootstrapping Remote Secure Key Infrastructures" ;\n', ''));
  copyFileSync(join(FIXTURES_DIR, 'shapes', 'phantom-role.ttl'), join(dataDir, 'zz-phantom-role.ttl'));
  store = loadDataset({ ontologyDir: ONTOLOGY_DIR, dataDir, userData: [] }).store;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('SHACL validation split by focus node', () => {
  it('finds in its partitions together exactly what one thread finds, each violation once', async () => {
    const shapes = loadShapes(ONTOLOGY_DIR);
    const whole = await validateStoreGraphs(shapes, store, GRAPHS, { threads: 1 });
    expect(whole).toHaveLength(4);
    for (const count of [2, 3]) {
      const parts = await Promise.all([...Array(count).keys()].map((index) => validatePartition(shapes, store, GRAPHS, { index, count })));
      expect(keys(parts.flat()), `${count} partitions`).toEqual(keys(whole));
    }
  });

  it('gives the same report with a worker thread reading the shared store', async () => {
    const shapes = loadShapes(ONTOLOGY_DIR);
    const whole = await validateStoreGraphs(shapes, store, GRAPHS, { threads: 1 });
    const parallel = await validateStoreGraphs(shapes, store, GRAPHS, { threads: 2 });
    expect(keys(parallel)).toEqual(keys(whole));
    // The store stays writable: a snapshot was shared, the store was not frozen.
    expect(() => store.addQuad(store.getQuads(null, null, null, null)[0]!)).not.toThrow();
  });
});
