// Entry points of the HTML site. (Interface fixed here; the renderers live
// in the modules this file delegates to.)
import type { ResourceDescription } from '../describe/resourceDescription.js';
import type { SiteContext } from './site.js';
import { renderResource } from './resourcePage.js';
import { renderOntology } from './ontologyPage.js';
import { renderHome, renderIndex, renderProtocols, renderSearch } from './sitePages.js';
import {
  renderCompareKnowledge,
  renderCompareOverview,
  renderComparePlayers,
  renderCompareProcesses,
  renderCompareTerms,
  renderCompareTrust,
} from './comparePages.js';
import { renderError } from './errorPage.js';

/** The page of one resource (term, role, protocol, category, …). */
export function renderResourcePage(site: SiteContext, description: ResourceDescription): string {
  return renderResource(site, description);
}

/** The ontology documentation at /ontology. */
export function renderOntologyPage(site: SiteContext): string {
  return renderOntology(site);
}

type SitePage = (site: SiteContext, query: Record<string, string>) => string | Promise<string>;

/** The site pages and their paths (the route plugin registers exactly these). */
export const SITE_PAGES: Readonly<Record<string, SitePage>> = {
  '/': (site) => renderHome(site),
  '/protocols': (site) => renderProtocols(site),
  '/a-z': (site) => renderIndex(site),
  '/search': (site, query) => renderSearch(site, query.q),
  '/compare': () => renderCompareOverview(),
  '/compare/terms': (site) => renderCompareTerms(site),
  '/compare/players': (site) => renderComparePlayers(site),
  '/compare/trust': (site) => renderCompareTrust(site),
  '/compare/processes': (site) => renderCompareProcesses(site),
  '/compare/knowledge': (site) => renderCompareKnowledge(site),
};

/** Site pages that are not resources ('/', '/search', '/compare/…'); null when `path` is not one. */
export async function renderSitePage(site: SiteContext, path: string, query: Record<string, string>): Promise<string | null> {
  const render = Object.prototype.hasOwnProperty.call(SITE_PAGES, path) ? SITE_PAGES[path] : undefined;
  return render ? render(site, query) : null;
}

/** A readable error page for browsers. */
export function renderErrorPage(statusCode: number, message: string): string {
  return renderError(statusCode, message);
}
