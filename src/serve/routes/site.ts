// The HTML site pages that are not resources: '/', '/protocols', '/a-z',
// '/search', '/compare' and '/compare/{terms,players,trust,processes,knowledge}'
// (the paths come from SITE_PAGES in src/html/pages.ts). HTML only: any
// other Accept gets 406 through the error handler, with Vary: Accept.
//
// '/' is also the dataset IRI, which the dereferencing route describes in
// RDF: a request to '/' that does not take HTML (or names ?format=) is
// handed to that route's publication, so this static route never hides it.
//
// The comparison pages cache their query results per SiteContext, so the
// one context built here lives as long as the app.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDependencies } from '../app.js';
import { notAcceptable, notFound } from '../httpError.js';
import { negotiate } from '../../serialize/negotiate.js';
import { renderSitePage, SITE_PAGES } from '../../html/pages.js';
import type { SiteContext } from '../../html/site.js';
import { publicationFor, sendDocument } from './resources.js';

const OFFERED = ['text/html'];

export const siteRoutes: FastifyPluginAsync<{ deps: AppDependencies }> = async (app, { deps }) => {
  const site: SiteContext = { kg: deps.kg, storedQueries: deps.storedQueries, sparql: deps.sparql, publicUrl: deps.publicUrl };

  for (const path of Object.keys(SITE_PAGES)) {
    app.get(path, async (request, reply) => {
      reply.header('Vary', 'Accept');
      const raw = (request.query ?? {}) as Record<string, string | string[] | undefined>;
      const wantsHtml = negotiate(request.headers.accept, OFFERED) !== null;
      if (path === '/' && (!wantsHtml || raw.format !== undefined)) {
        const publication = publicationFor(deps);
        const dataset = publication.document('/');
        if (dataset) return sendDocument(request, reply, publication, dataset);
      }
      if (!wantsHtml) throw notAcceptable(OFFERED);
      const query: Record<string, string> = {};
      for (const [key, value] of Object.entries(raw)) {
        const first = Array.isArray(value) ? value[0] : value;
        if (typeof first === 'string') query[key] = first;
      }
      const body = await renderSitePage(site, path, query);
      if (body === null) throw notFound(path);
      return reply.type('text/html; charset=utf-8').send(body);
    });
  }
};
