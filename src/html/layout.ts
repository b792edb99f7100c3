// The shared page shell: header navigation, main landmark, footer citing
// the draft. Server-rendered, no scripts, one local stylesheet.
import { html, type SafeHtml } from './escape.js';
import { DRAFT } from '../namespaces.js';

export type NavKey = 'home' | 'protocols' | 'compare' | 'ontology' | 'queries' | 'sparql' | 'search' | 'index';

const NAV: Array<[NavKey, string, string]> = [
  ['home', '/', 'Home'],
  ['protocols', '/protocols', 'Protocols'],
  ['compare', '/compare', 'Compare'],
  ['ontology', '/ontology', 'Ontology'],
  ['queries', '/queries', 'Stored queries'],
  ['sparql', '/sparql', 'SPARQL'],
  ['search', '/search', 'Search'],
];

export const SITE_NAME = 'IoT initial security setup';

export interface PageOptions {
  /** Plain text; escaped. */
  title: string;
  current?: NavKey;
  main: SafeHtml;
  /** Extra elements for <head> (alternate links). */
  head?: SafeHtml;
  /** Plain-text summary for <meta name="description">. */
  description?: string;
  /** Value for the header search box. */
  query?: string;
  /** Let the main column use the full window width (wide tables). */
  wide?: boolean;
}

export function page(options: PageOptions): string {
  const { title, current, main, head, description, query, wide } = options;
  const fullTitle = current === 'home' ? `${SITE_NAME} — linked data` : `${title} — ${SITE_NAME}`;
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${description ? html`<meta name="description" content="${description}">\n` : ''}<link rel="stylesheet" href="/assets/site.css">
${head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<div class="bar">
<a class="brand" href="/">${SITE_NAME}</a>
<form class="quick-search" role="search" method="get" action="/search">
<label for="site-q" class="visually-hidden">Search the knowledge graph</label>
<input id="site-q" type="search" name="q" value="${query ?? ''}" placeholder="Search terms, players, protocols…">
<button type="submit">Search</button>
</form>
</div>
<nav aria-label="Main">
<ul>
${NAV.map(([key, href, label]) => html`<li><a href="${href}"${key === current ? html` aria-current="page"` : ''}>${label}</a></li>\n`)}</ul>
</nav>
</header>
<main id="main" tabindex="-1"${wide ? html` class="wide"` : ''}>
${main}
</main>
<footer class="site">
<p>Source: <cite><a href="${DRAFT}">Terminology and processes for initial security setup of IoT devices</a></cite>,
M. Sethi, B. Sarikaya, D. Garcia-Carrillo, Internet-Draft <code>draft-irtf-t2trg-security-setup-iot-devices-01</code>,
IRTF Thing-to-Thing Research Group, September 2023. Section numbers refer to, and link to, that version (-01).</p>
<p><a href="/a-z">Index of all resources</a> · <a href="/ontology">Ontology</a> · <a href="/queries">Stored queries</a> · <a href="/sparql">SPARQL endpoint</a> · <a href="/dumps/latest.ttl">Data dump (Turtle)</a> · Data licensed <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></p>
</footer>
</body>
</html>`.html}\n`;
}
