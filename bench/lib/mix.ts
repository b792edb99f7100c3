// The SPARQL mix of the benchmarks: the competency queries of queries/ with
// their declared default parameters as a VALUES block at the start of the
// WHERE group, so the same text can be POSTed (application/sparql-query) to
// any endpoint.
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
export function queryMix(names?: readonly string[], overrides: Record<string, string> = {}): MixQuery[] {
  const all = loadStoredQueries(join(PROJECT_ROOT, 'queries'));
  const chosen = names ? names.map((n) => all.find((q) => q.name === n) ?? fail(n)) : all;
  return chosen
    .filter((q) => q.form === 'SELECT')
    .map((q) => {
      const given = Object.fromEntries(q.parameters.filter((p) => overrides[p.name] !== undefined).map((p) => [p.name, overrides[p.name]!]));
      const bindings = Object.entries(bindParameters(q, given));
      const values = bindings.map(([name, term]) => `VALUES ?${name} { ${termText(term)} }`).join('\n');
      if (!values) return { name: q.name, text: q.text };
      // At the start of the outer WHERE group (joined first, as a bound parameter would be),
      // else as a trailing VALUES clause.
      const where = /\bWHERE\s*\{/i.exec(q.text);
      const text = where
        ? `${q.text.slice(0, where.index + where[0].length)}\n  ${values}\n${q.text.slice(where.index + where[0].length)}`
        : `${q.text.trimEnd()}\n${values}\n`;
      return { name: q.name, text };
    });
}

function fail(name: string): never {
  throw new Error(`No stored query ${name}`);
}
