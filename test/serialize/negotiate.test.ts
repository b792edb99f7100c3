import { describe, expect, it } from 'vitest';
import { negotiate, parseAccept, weightOf } from '../../src/serialize/negotiate.js';

// What a linked-data resource offers, in the server's order of preference.
const RESOURCE = ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml', 'text/html'];
// What the SPARQL endpoint offers for SELECT (application/json is an alias of the JSON results).
const SELECT = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values', 'application/json'];

const CHROME = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';
const FIREFOX = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const SAFARI = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
// rdflib.js Fetcher.acceptString() (rdflib 2.4).
const RDFLIB_JS =
  'image/*;q=0.9, */*;q=0.1, application/rdf+xml;q=0.9, application/xhtml+xml;q=0.8, text/xml;q=0.5, application/xml;q=0.5, text/html;q=0.8, text/plain;q=0.5, text/n3, text/turtle, application/ld+json;q=0.9';
// Python rdflib's URLInputSource without a format hint.
const RDFLIB_PY = 'application/rdf+xml,text/rdf+n3;q=0.9,application/xhtml+xml;q=0.5, */*;q=0.1';
// Apache Jena: WebContent.defaultRDFAcceptHeader and defaultSparqlResultsHeader.
const JENA_RDF =
  'text/turtle,application/n-triples;q=0.9,application/ld+json;q=0.8,application/rdf+xml;q=0.7,application/trig,application/n-quads;q=0.9,text/x-nquads;q=0.8,application/x-trig;q=0.7,application/ld+json;q=0.5,*/*;q=0.5';
const JENA_SELECT =
  'application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, application/xml;q=0.2, */*;q=0.1';
// java.net.HttpURLConnection's default (".2" is no valid qvalue, "*" no valid range).
const JAVA = 'text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2';

const ROWS: [string, string | undefined, readonly string[], string | null][] = [
  ['no Accept header → first offered', undefined, RESOURCE, 'text/turtle'],
  ['empty Accept header → first offered', '', RESOURCE, 'text/turtle'],
  ['only whitespace and commas → first offered', ' , ,', RESOURCE, 'text/turtle'],
  ['wholly malformed header is disregarded', 'garbage', RESOURCE, 'text/turtle'],
  ['curl */*', '*/*', RESOURCE, 'text/turtle'],
  ['Chrome → HTML', CHROME, RESOURCE, 'text/html'],
  ['Firefox → HTML', FIREFOX, RESOURCE, 'text/html'],
  ['Safari → HTML', SAFARI, RESOURCE, 'text/html'],
  ['Java default → HTML', JAVA, RESOURCE, 'text/html'],
  ['rdflib.js → Turtle', RDFLIB_JS, RESOURCE, 'text/turtle'],
  ['Python rdflib → RDF/XML', RDFLIB_PY, RESOURCE, 'application/rdf+xml'],
  ['Jena RDF → Turtle', JENA_RDF, RESOURCE, 'text/turtle'],
  ['Jena SELECT → SPARQL JSON', JENA_SELECT, SELECT, 'application/sparql-results+json'],
  ['Jena RDF header on a dataset offer → TriG (q=1 beats N-Quads 0.9)', JENA_RDF, ['application/n-quads', 'application/trig'], 'application/trig'],
  ['exact type', 'application/ld+json', RESOURCE, 'application/ld+json'],
  ['case-insensitive type and subtype', 'Application/LD+JSON', RESOURCE, 'application/ld+json'],
  ['higher q wins over server order', 'text/turtle;q=0.5, application/rdf+xml', RESOURCE, 'application/rdf+xml'],
  ['equal q → server order', 'application/rdf+xml, application/ld+json', RESOURCE, 'application/ld+json'],
  ['q=0 excludes, the next offered wins', 'text/turtle;q=0, */*', RESOURCE, 'application/ld+json'],
  ['q=0.000 also excludes', 'text/turtle;q=0.000, */*;q=0.1', RESOURCE, 'application/ld+json'],
  ['all offered excluded → null', 'text/turtle;q=0, application/*;q=0, text/html;q=0', RESOURCE, null],
  ['nothing offered matches → null', 'image/png, application/pdf', RESOURCE, null],
  ['type/* matches its type only', 'application/*', RESOURCE, 'application/ld+json'],
  ['specific range overrides type/*', 'application/*;q=0.9, application/rdf+xml;q=0.1, text/turtle;q=0.5', RESOURCE, 'application/ld+json'],
  ['specific q=0 overrides */*', 'text/html;q=0, */*;q=1', ['text/html', 'text/turtle'], 'text/turtle'],
  ['type/* overrides */*', 'text/*;q=0, */*', RESOURCE, 'application/ld+json'],
  ['specific q>0 overrides type/* q=0', 'text/*;q=0, text/turtle;q=0.3, */*;q=0.2', RESOURCE, 'text/turtle'],
  ['less specific q does not raise a specific one', 'text/turtle;q=0.1, */*;q=1', ['text/turtle', 'application/ld+json'], 'application/ld+json'],
  ['parameters other than q are ignored for matching', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', RESOURCE, 'application/ld+json'],
  ['charset parameter ignored', 'text/turtle; charset=utf-8', RESOURCE, 'text/turtle'],
  ['quoted comma inside a parameter does not split', 'text/html;foo="a,b";q=0.1, text/turtle;q=0.05', RESOURCE, 'text/html'],
  ['Q is case-insensitive', 'text/turtle;Q=0, */*', RESOURCE, 'application/ld+json'],
  ['malformed q entry ignored, rest used', 'text/turtle;q=2, application/rdf+xml;q=0.5', RESOURCE, 'application/rdf+xml'],
  ['malformed range ignored', 'text, */html, application/n-triples', RESOURCE, 'application/n-triples'],
  ['offered type with parameters still matches', 'text/html', ['text/turtle', 'text/html; charset=utf-8'], 'text/html; charset=utf-8'],
  ['same range twice: the higher weight counts', 'application/ld+json;q=0.2, text/turtle;q=0.5, application/ld+json;q=0.8', RESOURCE, 'application/ld+json'],
  ['alias application/json reaches the SPARQL JSON alias entry', 'application/json', SELECT, 'application/json'],
  ['browser on the SELECT offer → no HTML offered, */* picks the first', FIREFOX, SELECT, 'application/sparql-results+json'],
  ['TSV requested', 'text/tab-separated-values', SELECT, 'text/tab-separated-values'],
  ['nothing offered → null', '*/*', [], null],
];

describe('negotiate', () => {
  it.each(ROWS)('%s', (_name, accept, offered, expected) => {
    expect(negotiate(accept, offered)).toBe(expected);
  });

  it('has a table of at least 20 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(20);
  });
});

describe('parseAccept', () => {
  it('reads ranges, weights and parameters', () => {
    expect(parseAccept('text/html;level=1;q=0.5, */*')).toEqual([
      { type: 'text', subtype: 'html', q: 0.5, parameters: { level: '1' } },
      { type: '*', subtype: '*', q: 1, parameters: {} },
    ]);
  });

  it('unquotes quoted parameter values', () => {
    expect(parseAccept('a/b;p="x\\"y,z"')[0]!.parameters).toEqual({ p: 'x"y,z' });
  });

  it.each(['*/html', 'text', 'text/', '/html', 'te xt/html', 'text/html;q=1.5', 'text/html;q=0.1234', 'text/html;q=', 'text/html;=1', 'text/html;q=abc'])(
    'skips the malformed entry %j',
    (entry) => {
      expect(parseAccept(entry)).toEqual([]);
    },
  );
});

describe('weightOf', () => {
  it('is 0 for an unmatched type and for a bad offered type', () => {
    const ranges = parseAccept('text/*;q=0.4');
    expect(weightOf(ranges, 'application/json')).toBe(0);
    expect(weightOf(ranges, 'nonsense')).toBe(0);
    expect(weightOf(ranges, 'text/csv')).toBe(0.4);
  });
});
