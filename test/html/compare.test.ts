// The comparison pages regenerate section 3 of the draft: each cell must say
// exactly what the draft says. Expected values come from the hand-made lists
// in test/fixtures (read off the draft) and, for the wording, from the data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { SparqlEngine } from '../../src/query/sparqlEngine.js';
import { FIXTURES_DIR } from '../helpers/knowledgeGraph.js';
import { BASE, DRAFT, IOT } from '../../src/namespaces.js';
import { escapeHtml } from '../../src/html/escape.js';
import { bindParameters } from '../../src/query/storedQueries.js';
import { elementWith, inject, textOf } from './support.js';

const { namedNode } = DataFactory;
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DCTERMS = 'http://purl.org/dc/terms/';

const termSenses = JSON.parse(readFileSync(join(FIXTURES_DIR, 'term-senses.json'), 'utf8')) as Record<string, string[] | string>;
const draftLists = JSON.parse(readFileSync(join(FIXTURES_DIR, 'draft-lists.json'), 'utf8')) as Record<string, { terms: string[] } | string>;
const expectedCategories = JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected-categories.json'), 'utf8')) as Record<string, string[] | string>;

const pairs: Array<[term: string, protocol: string]> = Object.entries(termSenses)
  .filter(([k]) => !k.startsWith('_'))
  .flatMap(([term, protocols]) => (protocols as string[]).map((p): [string, string] => [term, p]));

let t: TestApp;
const pages = new Map<string, string>();

function definitionOf(term: string, protocol: string): string {
  const store = t.deps.kg.store;
  const senses = store
    .getSubjects(namedNode(`${IOT}senseOf`), namedNode(`${BASE}term/${term}`), null)
    .filter((s) => store.countQuads(s, namedNode(`${IOT}senseInProtocol`), namedNode(`${BASE}protocol/${protocol}`), null) > 0)
    .filter((s) => store.countQuads(s, namedNode(`${DCTERMS}source`), namedNode(`${DRAFT}#section-3.1`), null) > 0);
  expect(senses, `${term} in ${protocol}`).toHaveLength(1);
  return store.getObjects(senses[0]!, namedNode(`${SKOS}definition`), null)[0]!.value;
}

/** Attribute values of every element matching `pattern` (first capture group). */
function all(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((m) => m[1]!);
}

beforeAll(async () => {
  t = await testApp();
  for (const path of ['/compare', '/compare/terms', '/compare/players', '/compare/trust', '/compare/knowledge', '/compare/processes']) {
    const r = await inject(t.app, path);
    expect(r.status, path).toBe(200);
    pages.set(path, r.body);
  }
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('/compare/terms (section 3.1)', () => {
  it('has the 35 definitions of section 3.1', () => {
    expect(pairs).toHaveLength(35);
    const html = pages.get('/compare/terms')!;
    const defined = [...html.matchAll(/<td data-term="([^"]+)" data-protocol="([^"]+)" class="defined">/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(defined.sort()).toEqual(pairs.map(([term, p]) => `${term} ${p}`).sort());
    expect(html).toContain('35 section 3.1 definitions');
  });

  it('puts each definition in its term row and protocol column, and nothing else there', () => {
    const html = pages.get('/compare/terms')!;
    for (const [term, protocol] of pairs) {
      const cell = elementWith(html, `data-term="${term}" data-protocol="${protocol}"`);
      expect(cell, `${term} × ${protocol}`).not.toBeNull();
      const definition = definitionOf(term, protocol);
      expect(cell, `${term} × ${protocol}`).toContain(`<q>${escapeHtml(definition)}</q>`);
      expect(cell!.match(/<q>/g), `${term} × ${protocol}`).toHaveLength(1);
    }
  });

  it('marks terms that a protocol only lists, and definitions for terms it does not list', () => {
    const html = pages.get('/compare/terms')!;
    const defined = new Set(pairs.map(([term, p]) => `${term} ${p}`));
    for (const [protocol, lists] of Object.entries(draftLists)) {
      if (protocol.startsWith('_')) continue;
      for (const term of (lists as { terms: string[] }).terms) {
        const cell = elementWith(html, `data-term="${term}" data-protocol="${protocol}"`);
        expect(cell, `${term} × ${protocol}`).not.toBeNull();
        if (!defined.has(`${term} ${protocol}`)) expect(textOf(cell!), `${term} × ${protocol}`).toBe('listed');
      }
    }
    for (const [term, protocol] of pairs) {
      const listed = (draftLists[protocol] as { terms: string[] }).terms.includes(term);
      const cell = elementWith(html, `data-term="${term}" data-protocol="${protocol}"`)!;
      expect(cell.includes('not in the Terms list'), `${term} × ${protocol}`).toBe(!listed);
    }
  });

  it('leaves every other cell empty', () => {
    const html = pages.get('/compare/terms')!;
    const used = new Set(pairs.map(([term, p]) => `${term} ${p}`));
    for (const [protocol, lists] of Object.entries(draftLists)) if (!protocol.startsWith('_')) for (const term of (lists as { terms: string[] }).terms) used.add(`${term} ${protocol}`);
    const cells = [...html.matchAll(/<td data-term="([^"]+)" data-protocol="([^"]+)" class="([a-z]+)">/g)];
    expect(cells.length).toBeGreaterThan(100);
    for (const [, term, protocol, kind] of cells) expect(kind, `${term} × ${protocol}`).toBe(used.has(`${term} ${protocol}`) ? (kind === 'defined' ? 'defined' : 'listed') : 'empty');
  });

  it('shows the cross-references of section 3.1', () => {
    const cell = elementWith(pages.get('/compare/terms')!, 'data-term="provisioning" data-protocol="fido"')!;
    expect(cell).toContain('<q>Same as FIDO onboarding.</q>');
    expect(cell).toContain('Same as <a href="/protocol/fido/term/onboarding">');
  });
});

describe('/compare/players (section 3.2)', () => {
  it('lists exactly the members of every category after reasoning', () => {
    const html = pages.get('/compare/players')!;
    for (const [category, members] of Object.entries(expectedCategories)) {
      if (category.startsWith('_')) continue;
      const section = elementWith(html, `data-category="${category}"`);
      expect(section, category).not.toBeNull();
      const roles = all(section!, /<tr data-role="protocol\/([^"]+)"/g).map((r) => r.replace('/role/', '/'));
      expect(roles.sort(), category).toEqual([...(members as string[])].sort());
    }
  });

  it('lists the BRSKI Pledge as asserted and the Thread Joiner as inferred under the joining device', () => {
    const section = elementWith(pages.get('/compare/players')!, 'data-category="joining-device"')!;
    expect(section).toMatch(/<tr data-role="protocol\/brski\/role\/pledge" data-inferred="false">/);
    expect(section).toMatch(/<tr data-role="protocol\/thread\/role\/joiner" data-inferred="true">/);
    const joiner = elementWith(section, 'data-role="protocol/thread/role/joiner"')!;
    expect(joiner).toContain('class="badge inferred"');
    expect(joiner).toContain('Why: 2 asserted statements');
    expect(joiner).toContain(`href="${DRAFT}#section-3.2"`);
    expect(textOf(elementWith(section, 'data-role="protocol/brski/role/pledge"')!)).toContain('listed in section 3.2');
  });

  it('shows the roles that serve several categories', () => {
    const section = elementWith(pages.get('/compare/players')!, 'id="multi-category"')!;
    expect(section).toContain('Bootstrap Server');
    expect(section).toContain('Rendezvous Server');
  });
});

describe('/compare/trust (section 3.3)', () => {
  const rows = (section: string): string[] => all(elementWith(pages.get('/compare/trust')!, `id="section-${section}"`)!, /<tr data-protocol="([^"]+)"/g);

  it('lists exactly Bluetooth mesh, EAP-NOOB and OCF under 3.3.1', () => {
    expect(rows('3.3.1').sort()).toEqual(['bluetooth', 'eap-noob', 'ocf']);
  });

  it('lists the other eight protocols under 3.3.2', () => {
    expect(rows('3.3.2').sort()).toEqual(['brski', 'dpp', 'est', 'fido', 'lpwan', 'lwm2m', 'sztp', 'thread']);
  });

  it('quotes the draft for each protocol and names the credentials', () => {
    const html = pages.get('/compare/trust')!;
    const row = (p: string): string => textOf(elementWith(html, `<tr data-protocol="${p}"`) ?? '');
    expect(row('eap-noob')).toContain('EAP-NOOB does not require initial configuration of credentials to establish trust');
    expect(row('ocf')).toContain('The OCF device starts as unowned');
    expect(row('bluetooth')).toContain('Bluetooth devices start as unprovisioned');
    expect(row('brski')).toContain('BRSKI have manufacturer-installed certificates as starting point to establish trust.');
    expect(elementWith(html, '<tr data-protocol="brski"')).toContain('href="/protocol/brski/credential/idevid"');
    expect(row('fido')).toContain('ownership voucher');
  });
});

describe('/compare/knowledge (section 3.5)', () => {
  it('has one row per protocol with the 3.5 scope, or says 3.5 is silent', () => {
    const html = pages.get('/compare/knowledge')!;
    const protocols = all(html, /<tr data-protocol="([^"]+)"/g);
    expect(protocols).toEqual(['bluetooth', 'dpp', 'est', 'lwm2m', 'eap-noob', 'ocf', 'fido', 'brski', 'sztp', 'lpwan', 'thread']);
    const scope = (p: string): string => textOf(elementWith(elementWith(html, `<tr data-protocol="${p}"`)!, 'class="scope"') ?? '');
    for (const silent of ['dpp', 'lwm2m', 'ocf']) expect(scope(silent), silent).toMatch(/^Section 3\.5 does not discuss/);
    expect(scope('thread')).toContain('it can communicate directly with all Thread devices in the network');
    expect(scope('lpwan')).toContain('LPWAN has a more limited scope');
    expect(scope('brski')).toContain('obtain domain specific certificates');
  });
});

describe('/compare/processes (section 3.4)', () => {
  it('lists, under each of the four kinds, exactly the processes the data maps to it', async () => {
    const html = pages.get('/compare/processes')!;
    const query = t.deps.storedQueries.find((q) => q.name === 'processes-by-kind')!;
    const rows = await new SparqlEngine(t.deps.kg.store).select(query.text, bindParameters(query, {}));
    const kinds = ['manufacture', 'locate-peer', 'obtain-credentials', 'authentication'];
    expect(all(html, /data-kind="([^"]+)"/g)).toEqual(kinds);
    for (const kind of kinds) {
      const expected = rows.filter((r) => r.kind!.value === `${BASE}process-kind/${kind}`).map((r) => r.process!.value.slice(BASE.length));
      const shown = all(elementWith(html, `data-kind="${kind}"`)!, /<tr data-process="([^"]+)"/g);
      expect(shown.sort(), kind).toEqual(expected.sort());
    }
    expect(all(elementWith(html, 'data-kind="locate-peer"')!, /<tr data-process="([^"]+)"/g)).toContain('protocol/brski/process/discover');
  });
});

describe('/compare', () => {
  it('links the five comparison pages', () => {
    const html = pages.get('/compare')!;
    for (const slug of ['terms', 'players', 'trust', 'processes', 'knowledge']) expect(html).toContain(`href="/compare/${slug}"`);
  });
});
