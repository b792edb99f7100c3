// Each rule family: a small input and the exact triples the rules must add
// for it (no more, no less), compared as isomorphic graphs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import { expectIsomorphic } from '../helpers/rdf.js';
import { TEST_PREFIXES } from '../helpers/prefixes.js';
import { entailedBy } from '../helpers/reasoning.js';
import { FIXTURES_DIR } from '../helpers/knowledgeGraph.js';

const RULES_FIXTURES = join(FIXTURES_DIR, 'rules');
const families = readdirSync(RULES_FIXTURES)
  .filter((f) => f.endsWith('.input.ttl'))
  .map((f) => f.replace('.input.ttl', ''))
  .sort();

const parse = (file: string) => new Parser().parse(TEST_PREFIXES + readFileSync(join(RULES_FIXTURES, file), 'utf8'));

describe('rule families', () => {
  it('has a fixture pair for every family the issue names', () => {
    expect(families).toEqual([
      'domain-range',
      'equivalent-class',
      'equivalent-property',
      'inverse',
      'punned-roles',
      'skos-broad-match',
      'skos-broader',
      'skos-exact-match',
      'subclass',
      'subproperty',
      'symmetric',
      'transitive',
    ]);
  });

  it.each(families)('%s: adds exactly the expected triples', async (family) => {
    await expectIsomorphic(entailedBy(parse(`${family}.input.ttl`)), parse(`${family}.expected.ttl`));
  });
});
