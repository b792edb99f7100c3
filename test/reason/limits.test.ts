import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/knowledgeGraph.js';
import { ReasoningLimitError } from '../../src/reason/materialize.js';
import { DATA_DIR, FIXTURES_DIR, ONTOLOGY_DIR, embeddedKnowledgeGraph } from '../helpers/knowledgeGraph.js';

describe('reasoning limits and coverage', () => {
  it('stops with a clear error when the derivation limit is reached', async () => {
    await expect(
      buildKnowledgeGraph({ ontologyDir: ONTOLOGY_DIR, dataDir: DATA_DIR, userData: [], limits: { maxDerivations: 100 } }),
    ).rejects.toThrow(ReasoningLimitError);
    await expect(
      buildKnowledgeGraph({ ontologyDir: ONTOLOGY_DIR, dataDir: DATA_DIR, userData: [], limits: { maxDerivations: 100 } }),
    ).rejects.toThrow(/maximum of 100 derivations/);
  });

  it('reports the inferred triple count and the time taken', async () => {
    const kg = await embeddedKnowledgeGraph();
    expect(kg.reasoning.inferred).toBeGreaterThan(2000);
    expect(kg.reasoning.rules).toBe(18);
    expect(kg.reasoning.milliseconds).toBeGreaterThan(0);
  });

  it('covers every construct the embedded ontology and data use', async () => {
    expect((await embeddedKnowledgeGraph()).uncovered).toEqual([]);
  });
});

describe('uncovered constructs', () => {
  it('reports OWL vocabulary in user data that the rules do not implement', async () => {
    const kg = await buildKnowledgeGraph({
      ontologyDir: ONTOLOGY_DIR,
      dataDir: DATA_DIR,
      userData: [join(FIXTURES_DIR, 'user-data-uncovered')],
    });
    expect(kg.uncovered).toEqual([
      { iri: 'http://www.w3.org/2002/07/owl#hasKey', uses: 1 },
      { iri: 'http://www.w3.org/2002/07/owl#sameAs', uses: 1 },
    ]);
  });
});
