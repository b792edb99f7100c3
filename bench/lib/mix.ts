// The SPARQL mix of the benchmarks: the competency queries of queries/ with
// their declared default parameters appended as a trailing VALUES clause, so
// the same text can be POSTed (application/sparql-query) to any endpoint.
import { join } from 'node:path';
import type { Term } from '@rdfjs/types';
import { PROJECT_ROOT } from '../../src/config.js';
import { bindParameters, loadStoredQueries } from '../../src/query/storedQueries.js';

export interface MixQuery {
  name: string;
  text: string;
}

function termText(term: Term): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'Literal') return JSON.stringify(term.value);
  throw new Error(`Cannot inline a ${term.termType}`);
}

/** Every stored SELECT query, parameters bound to their defaults; optional parameters without a default stay unbound. */
export function queryMix(names?: readonly string[]): MixQuery[] {
  const all = loadStoredQueries(join(PROJECT_ROOT, 'queries'));
  const chosen = names ? names.map((n) => all.find((q) => q.name === n) ?? fail(n)) : all;
  return chosen
    .filter((q) => q.form === 'SELECT')
    .map((q) => {
      const bindings = Object.entries(bindParameters(q, {}));
      const values = bindings.map(([name, term]) => `VALUES ?${name} { ${termText(term)} }`).join('\n');
      return { name: q.name, text: values ? `${q.text.trimEnd()}\n${values}\n` : q.text };
    });
}

function fail(name: string): never {
  throw new Error(`No stored query ${name}`);
}
