// Helpers for the HTML tests: the SiteContext of a test app, fetching a page
// the way a browser would (site routes through app.inject; resource pages
// through the dereferencing route when it answers with HTML, otherwise by
// rendering them directly), and small regex-based readers of the markup.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { DataFactory } from 'n3';
import type { AppDependencies } from '../../src/serve/app.js';
import type { SiteContext } from '../../src/html/site.js';
import { describeResource } from '../../src/describe/resourceDescription.js';
import { renderOntologyPage, renderResourcePage, SITE_PAGES } from '../../src/html/pages.js';
import { BASE, ONTOLOGY_IRI } from '../../src/namespaces.js';

export function siteOf(deps: AppDependencies): SiteContext {
  return { kg: deps.kg, storedQueries: deps.storedQueries, sparql: deps.sparql, publicUrl: deps.publicUrl };
}

export function isSitePage(path: string): boolean {
  return Object.prototype.hasOwnProperty.call(SITE_PAGES, path);
}

/** The IRI a local path names, when the store has triples about it. */
export function resourceIriOf(site: SiteContext, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const iri = `${BASE}${decoded.slice(1)}`;
  return site.kg.store.countQuads(DataFactory.namedNode(iri), null, null, null) > 0 ? iri : null;
}

export interface Page {
  url: string;
  status: number;
  html: string;
  /** How the page was obtained. */
  via: 'site-route' | 'resource-route' | 'direct-render';
}

/** GET a page as a browser (Accept: text/html). */
export async function inject(app: FastifyInstance, url: string): Promise<{ status: number; type: string; body: string; headers: Record<string, unknown> }> {
  const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' } });
  return { status: response.statusCode, type: String(response.headers['content-type'] ?? ''), body: response.body, headers: response.headers };
}

/**
 * A page of the site: site routes are fetched through the app; resource
 * pages and /ontology through the dereferencing route if it serves HTML,
 * else rendered directly with the entry points. null when the path is none.
 */
export async function fetchPage(app: FastifyInstance, site: SiteContext, url: string): Promise<Page | null> {
  const path = url.split('?')[0]!;
  if (isSitePage(path)) {
    const r = await inject(app, url);
    return { url, status: r.status, html: r.body, via: 'site-route' };
  }
  if (path === '/ontology') {
    const r = await inject(app, path);
    if (r.status === 200 && r.type.startsWith('text/html')) return { url, status: 200, html: r.body, via: 'resource-route' };
    return { url, status: 200, html: renderOntologyPage(site), via: 'direct-render' };
  }
  const iri = resourceIriOf(site, path);
  if (iri === null || iri === ONTOLOGY_IRI) return null;
  const r = await inject(app, path);
  if (r.status === 200 && r.type.startsWith('text/html')) return { url, status: 200, html: r.body, via: 'resource-route' };
  const description = describeResource(site.kg.store, iri);
  if (!description) return null;
  return { url, status: 200, html: renderResourcePage(site, description), via: 'direct-render' };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Every href and src value of a page, entities decoded. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
}

/** Internal links (starting with one slash) without their fragment; empty ones dropped. */
export function internalLinks(html: string): string[] {
  return linkTargets(html)
    .filter((href) => href.startsWith('/') && !href.startsWith('//'))
    .map((href) => href.split('#')[0]!)
    .filter((href) => href !== '');
}

/** The inner HTML of the element that carries `attribute` (first match), up to its matching close tag. */
export function elementWith(html: string, attribute: string): string | null {
  const start = html.indexOf(attribute);
  if (start === -1) return null;
  const open = html.lastIndexOf('<', start);
  const tag = /^<([a-z0-9]+)/i.exec(html.slice(open))?.[1];
  if (!tag) return null;
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = open;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(html.indexOf('>', open) + 1, m.index);
  }
  return null;
}

/** The text of an HTML fragment: tags removed, entities decoded, whitespace collapsed. */
export function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

export function expectHtmlPage(html: string): void {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).toContain('<html lang="en">');
  expect(html).toMatch(/<main id="main"/);
  expect(html).toMatch(/<h1[\s>]/);
}

/** Ids that occur more than once in a page. */
export function duplicateIds(html: string): string[] {
  const seen = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]*)"/g)) seen.set(m[1]!, (seen.get(m[1]!) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}
