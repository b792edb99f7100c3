// Escaping: the real ontology and data plus a hostile user-data file whose
// labels, definitions, notes and justifications carry <script>, quotes,
// ampersands and </textarea>, and whose IRIs use javascript:. Every page
// that shows them must show them as text: no <script> from data, no
// attribute broken open, no javascript: link.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeGraph, type KnowledgeGraph } from '../../src/knowledgeGraph.js';
import { describeResource } from '../../src/describe/resourceDescription.js';
import { renderErrorPage, renderOntologyPage, renderResourcePage, SITE_PAGES } from '../../src/html/pages.js';
import { escapeHtml } from '../../src/html/escape.js';
import { hrefFor, localPath } from '../../src/html/links.js';
import type { SiteContext } from '../../src/html/site.js';
import { BASE, GRAPH } from '../../src/namespaces.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { DATA_DIR, FIXTURES_DIR, ONTOLOGY_DIR } from '../helpers/knowledgeGraph.js';
import { inject, linkTargets, siteOf } from './support.js';

const HOSTILE = join(FIXTURES_DIR, 'hostile', 'hostile.ttl');
const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';

let kg: KnowledgeGraph;
let t: TestApp;
let site: SiteContext;
const rendered = new Map<string, string>();

/** No markup from the data, no javascript: (or data:/vbscript:) link, no attribute broken open. */
function expectSafe(name: string, html: string): void {
  expect(html, name).not.toMatch(/<script/i);
  expect(html, name).not.toMatch(/<\/textarea/i);
  expect(html, name).not.toMatch(/<img/i);
  expect(html, name).not.toMatch(/<b>full/i);
  for (const target of linkTargets(html)) {
    expect(target.trim(), `${name}: ${target}`).not.toMatch(/^(?:javascript|data|vbscript):/i);
  }
  // Inside every tag: no event-handler attribute, no angle bracket in an attribute value.
  for (const m of html.matchAll(/<[a-z][^>]*>/gi)) {
    expect(m[0].replace(/"[^"]*"/g, '""'), name).not.toMatch(/\son[a-z]+\s*=/i);
    expect(m[0], name).not.toMatch(/=\s*"[^"]*<[^"]*"/);
  }
}

beforeAll(async () => {
  kg = await buildKnowledgeGraph({ ontologyDir: ONTOLOGY_DIR, dataDir: DATA_DIR, userData: [HOSTILE] });
  t = await testApp({ kg });
  site = siteOf(t.deps);
  for (const path of Object.keys(SITE_PAGES)) {
    const r = await inject(t.app, path);
    expect(r.status, path).toBe(200);
    rendered.set(path, r.body);
  }
  for (const q of ['alert', '<script>alert(1)</script>', '" onmouseover="alert(1)', '</textarea>', 'javascript:alert(1)']) {
    const r = await inject(t.app, `/search?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    rendered.set(`/search?q=${q}`, r.body);
  }
  rendered.set('/ontology', renderOntologyPage(site));
  // Every resource of the hostile file, and the resources it links to.
  const iris = new Set<string>();
  for (const q of kg.store.getQuads(null, null, null, null)) {
    if (!q.graph.value.startsWith(GRAPH.userPrefix)) continue;
    for (const term of [q.subject, q.object]) if (term.termType === 'NamedNode' && term.value.startsWith(BASE)) iris.add(term.value);
  }
  iris.add(`${BASE}protocol/thread/role/joiner`);
  for (const iri of iris) {
    const description = describeResource(kg.store, iri);
    if (description) rendered.set(iri, renderResourcePage(site, description));
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('hostile data in every page', () => {
  it('loads the hostile file as user data', () => {
    expect(kg.files.some((f) => f.path === HOSTILE && f.graph.startsWith(GRAPH.userPrefix))).toBe(true);
    expect(rendered.size).toBeGreaterThan(30);
  });

  it('never turns data into markup or a javascript: link', () => {
    for (const [name, html] of rendered) expectSafe(name, html);
  });

  it('does show the hostile text, escaped, where it belongs', () => {
    const shows = (name: string): void => {
      expect(rendered.get(name), name).toContain(ESCAPED_SCRIPT);
    };
    for (const path of ['/', '/protocols', '/a-z', '/compare/terms', '/compare/players', '/compare/trust', '/compare/knowledge', '/compare/processes', '/search?q=alert', '/ontology']) shows(path);
    const protocol = rendered.get(`${BASE}protocol/hostile`)!;
    expect(protocol).toContain(escapeHtml('Definition with <script>alert(1)</script>, "quotes", & ampersands, </textarea><img src=x onerror=alert(1)>'));
    expect(protocol).toContain(`<strong>Note on the draft:</strong> ${escapeHtml(`<script>alert('note')</script> Note & "more".`)}`);
    // The javascript: IRIs are shown as text, never linked.
    expect(protocol).toContain('<span class="unlinked" title="javascript:alert(1)">javascript:alert(1)</span>');
    expect(protocol).toContain('<code>javascript:alert(2)</code>');
    expect(protocol).not.toMatch(/href="javascript/i);
  });

  it('escapes the search query in the form and in the result heading', () => {
    const page = rendered.get('/search?q=" onmouseover="alert(1)')!;
    expect(page).toContain('value="&quot; onmouseover=&quot;alert(1)"');
    const script = rendered.get('/search?q=<script>alert(1)</script>')!;
    expect(script).toContain(`value="${ESCAPED_SCRIPT}"`);
    expect(script).toContain(`<mark>${ESCAPED_SCRIPT}</mark>`);
  });

  it('escapes justifications in the explanation of an inferred equivalence', () => {
    const joiner = rendered.get(`${BASE}protocol/thread/role/joiner`)!;
    expect(joiner).toContain(escapeHtml(`<script>alert('why')</script> & "because"`));
  });

  it('escapes the message of an error page', async () => {
    const page = renderErrorPage(404, 'Not found: /x<script>alert(1)</script>"');
    expectSafe('error page', page);
    expect(page).toContain('/x&lt;script&gt;');
    const r = await inject(t.app, '/nothing-here/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(r.status).toBe(404);
    expectSafe('404 page', r.body);
  });
});

describe('links', () => {
  it('point IRIs under the base at local paths and keep safe external IRIs', () => {
    expect(hrefFor(`${BASE}protocol/brski`)).toBe('/protocol/brski');
    expect(hrefFor(`${BASE}ontology#Protocol`)).toBe('/ontology#Protocol');
    expect(hrefFor('https://datatracker.ietf.org/doc/html/x#section-2')).toBe('https://datatracker.ietf.org/doc/html/x#section-2');
    expect(hrefFor('http://example.org/a b')).toBe('http://example.org/a%20b');
  });

  it('never produce a link for unsafe schemes or paths that would leave the server', () => {
    for (const iri of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd']) expect(hrefFor(iri), iri).toBeNull();
    expect(localPath(`${BASE}/evil.example`)).toBeNull();
    expect(localPath(`${BASE}\\evil.example`)).toBeNull();
    expect(hrefFor(`${BASE}a"b<c>`)).toBe('/a%22b%3Cc%3E');
  });
});
