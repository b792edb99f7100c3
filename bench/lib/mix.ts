// The SPARQL mix of the benchmarks: the competency queries of queries/ with
// their declared default parameters as a VALUES block at the start of the
// WHERE group, so the same text can be POSTed (application/sparql-query) to
// any endpoint.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { inlineParameters, loadStoredQueries } from '../../src/query/storedQueries.js';

export interface MixQuery {
  name: string;
  text: string;
}

/** Every stored SELECT query, parameters bound to their defaults; optional parameters without a default stay unbound. */
export function queryMix(names?: readonly string[], overrides: Record<string, string> = {}): MixQuery[] {
  const all = loadStoredQueries(join(PROJECT_ROOT, 'queries'));
  const chosen = names ? names.map((n) => all.find((q) => q.name === n) ?? fail(n)) : all;
  return chosen
    .filter((q) => q.form === 'SELECT')
    .map((q) => {
      const given = Object.fromEntries(q.parameters.filter((p) => overrides[p.name] !== undefined).map((p) => [p.name, overrides[p.name]!]));
      return { name: q.name, text: inlineParameters(q, given) };
    });
}

function fail(name: string): never {
  throw new Error(`No stored query ${name}`);
}
