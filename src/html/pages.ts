// Entry points of the HTML site. (Interface fixed here; the renderers live
// in the modules this file re-exports.)
import type { ResourceDescription } from '../describe/resourceDescription.js';
import type { SiteContext } from './site.js';
import { escapeHtml } from './escape.js';

/** The page of one resource (term, role, protocol, category, …). */
export function renderResourcePage(site: SiteContext, description: ResourceDescription): string {
  void site;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(description.iri)}</title></head><body><h1>${escapeHtml(description.iri)}</h1></body></html>`;
}

/** The ontology documentation at /ontology. */
export function renderOntologyPage(site: SiteContext): string {
  void site;
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ontology</title></head><body><h1>Ontology</h1></body></html>';
}

/** Site pages that are not resources ('/', '/search', '/compare/…'); null when `path` is not one. */
export async function renderSitePage(site: SiteContext, path: string, query: Record<string, string>): Promise<string | null> {
  void site;
  void query;
  return path === '/' ? '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title></head><body><h1>IoT initial security setup</h1></body></html>' : null;
}

/** A readable error page for browsers. */
export function renderErrorPage(statusCode: number, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${statusCode}</title></head><body><h1>${statusCode}</h1><p>${escapeHtml(message)}</p></body></html>`;
}
