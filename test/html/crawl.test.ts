// Crawls the HTML site from '/': every page reachable through internal links
// answers 200 with HTML, and no internal link is broken. A link is fine when
// it leads to a site page, to a resource the store has triples about (its
// page is fetched through the dereferencing route when that serves HTML,
// else rendered with renderResourcePage), to /ontology, or into the API and
// download areas (/assets, /sparql, /query, /queries, /openapi.json, /dumps).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import type { SiteContext } from '../../src/html/site.js';
import { SITE_PAGES } from '../../src/html/pages.js';
import { BASE } from '../../src/namespaces.js';
import { duplicateIds, expectHtmlPage, fetchPage, inject, internalLinks, isSitePage, resourceIriOf, siteOf, type Page } from './support.js';

const API_PREFIXES = ['/sparql', '/query', '/queries', '/openapi.json', '/dumps/'];

let t: TestApp;
let site: SiteContext;
const pages = new Map<string, Page>();
const broken: Array<{ from: string; href: string }> = [];
const assets = new Set<string>();
const api = new Set<string>();

function isApi(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || path.startsWith(`${prefix}?`));
}

beforeAll(async () => {
  t = await testApp();
  site = siteOf(t.deps);
  const queue = ['/'];
  const queued = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift()!;
    const page = await fetchPage(t.app, site, url);
    if (!page) {
      broken.push({ from: '(queue)', href: url });
      continue;
    }
    pages.set(url, page);
    if (page.status !== 200) continue;
    for (const href of internalLinks(page.html)) {
      const path = href.split('?')[0]!;
      let next: string | null = null;
      if (path.startsWith('/assets/')) assets.add(path);
      else if (isApi(path)) api.add(href);
      else if (isSitePage(path)) next = href;
      else if (path === '/ontology' || resourceIriOf(site, path) !== null) next = path;
      else broken.push({ from: url, href });
      if (next !== null && !queued.has(next)) {
        queued.add(next);
        queue.push(next);
      }
    }
  }
}, 300_000);

afterAll(async () => {
  await t.close();
});

describe('crawl of the HTML site', () => {
  it('reaches every site page, the ontology and hundreds of resource pages', () => {
    for (const path of Object.keys(SITE_PAGES)) expect([...pages.keys()], path).toContain(path);
    expect(pages.has('/ontology')).toBe(true);
    expect(pages.has('/protocol/brski')).toBe(true);
    expect(pages.has('/protocol/thread/role/joiner')).toBe(true);
    expect(pages.size).toBeGreaterThan(350);
  });

  it('reaches the page of every resource under the base (the index links them all)', () => {
    const documents = new Set<string>();
    for (const subject of site.kg.store.getSubjects(null, null, null)) {
      if (subject.termType === 'NamedNode' && subject.value.startsWith(BASE)) documents.add(`/${subject.value.slice(BASE.length).split('#')[0]}`);
    }
    const missing = [...documents].filter((path) => !pages.has(path));
    expect(missing).toEqual([]);
  });

  it('gets 200 and a complete HTML page everywhere', () => {
    const failed = [...pages.values()].filter((p) => p.status !== 200).map((p) => `${p.url} → ${p.status}`);
    expect(failed).toEqual([]);
    for (const page of pages.values()) expectHtmlPage(page.html);
  });

  it('has no broken internal link', () => {
    expect(broken).toEqual([]);
  });

  it('serves every linked asset', async () => {
    expect(assets.has('/assets/site.css')).toBe(true);
    for (const path of assets) {
      const r = await inject(t.app, path);
      expect(r.status, path).toBe(200);
    }
  });

  it('links into the SPARQL endpoint, the query editor, the stored queries and the dumps', () => {
    const all = [...api];
    expect(all.some((h) => h.startsWith('/sparql?query=DESCRIBE'))).toBe(true);
    expect(all).toContain('/query');
    expect(all).toContain('/queries');
    expect(all.some((h) => h.startsWith('/dumps/'))).toBe(true);
  });

  it('never repeats an id within a page', () => {
    const repeated = [...pages.values()].map((p) => [p.url, duplicateIds(p.html)] as const).filter(([, ids]) => ids.length > 0);
    expect(repeated).toEqual([]);
  });

  it('keeps every page script-free and styled by the local stylesheet only', () => {
    for (const page of pages.values()) {
      expect(page.html).not.toMatch(/<script/i);
      expect(page.html).toContain('<link rel="stylesheet" href="/assets/site.css">');
      expect(page.html).not.toMatch(/<link[^>]+href="https?:/i);
    }
  });
});

describe('site routes', () => {
  it('answer HTML with Vary: Accept, and 406 to other media types', async () => {
    for (const path of Object.keys(SITE_PAGES)) {
      const html = await t.app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
      expect(html.statusCode, path).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(String(html.headers.vary)).toMatch(/Accept/);
      if (path === '/') continue; // '/' is also the dataset IRI: RDF clients get its description
      const json = await t.app.inject({ method: 'GET', url: path, headers: { accept: 'application/json' } });
      expect(json.statusCode, path).toBe(406);
      expect(String(json.headers.vary)).toMatch(/Accept/);
    }
  });

  it('leave RDF at / to the dataset description when the dereferencing route offers one', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/turtle' } });
    expect([200, 406]).toContain(r.statusCode);
    if (r.statusCode === 200) expect(r.headers['content-type']).toMatch(/^text\/turtle/);
    expect(String(r.headers.vary)).toMatch(/Accept/);
  });

  it('answer browsers with a readable error page for unknown paths', async () => {
    const r = await inject(t.app, '/no/such/page');
    expect(r.status).toBe(404);
    expect(r.type).toMatch(/^text\/html/);
    expect(r.body).toContain('404');
    expect(r.body).toContain('href="/search"');
    expect(r.body).toContain('href="/"');
  });

  it('search finds case-insensitive substrings and shows the form without a query', async () => {
    const empty = await inject(t.app, '/search');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatch(/<form[^>]*method="get"[^>]*action="\/search"/);
    expect(empty.body).not.toContain('class="results"');
    const r = await inject(t.app, '/search?q=PLEDGE');
    expect(r.body).toContain('href="/protocol/brski/role/pledge"');
    expect(r.body).toContain('<mark>Pledge</mark>');
    const definition = await inject(t.app, '/search?q=local%20trust%20anchor');
    expect(definition.body).toContain('href="/protocol/brski/term/bootstrapping"');
    const none = await inject(t.app, '/search?q=zzzz-nothing');
    expect(none.body).toContain('No resource matches');
  });
});
