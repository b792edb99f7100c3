// The comparison pages: section 3 of the draft regenerated from the graph
// through the stored queries in queries/ (run once per site, cached).
import type { Row } from '../query/sparqlEngine.js';
import { explain } from '../reason/explain.js';
import { BASE, DRAFT, IOT } from '../namespaces.js';
import type { SiteContext } from './site.js';
import { html, type SafeHtml } from './escape.js';
import { page } from './layout.js';
import { C, GraphView, P, unique } from './graph.js';
import { draftSectionIri } from './links.js';
import { editorialNotes, inferredBadge, iriLink, linkList } from './render.js';
import { explanationHtml } from './resourcePage.js';
import { protocolsInOrder, storedSelect, truthy, v, type ProtocolSummary } from './siteData.js';

export interface Comparison {
  slug: 'terms' | 'players' | 'trust' | 'processes' | 'knowledge';
  title: string;
  section: string;
  summary: string;
  queries: string[];
}

export const COMPARISONS: readonly Comparison[] = [
  { slug: 'terms', title: 'Terminology', section: '3.1', summary: 'Each term against each protocol: what section 3.1 says the term means there, or that the protocol only lists it.', queries: ['term-matrix', 'term-cross-references'] },
  { slug: 'players', title: 'Players', section: '3.2', summary: 'The nine player categories and the roles of every protocol that serve them, including members that reasoning adds.', queries: ['players-by-category', 'multi-category-roles'] },
  { slug: 'trust', title: 'Initial beliefs', section: '3.3', summary: 'Which protocols start with no initial trust (3.3.1) and which from installed credentials (3.3.2), with the draft’s words and the credentials.', queries: ['trust-classification', 'initial-credentials'] },
  { slug: 'processes', title: 'Processes', section: '3.4', summary: 'The four common kinds of process and the processes, steps and phases of each protocol that are instances of them.', queries: ['processes-by-kind'] },
  { slug: 'knowledge', title: 'Knowledge imparted', section: '3.5', summary: 'What each protocol imparts to the device and the scope of the resulting trust.', queries: ['knowledge-imparted', 'trusted-roles'] },
];

const SENSE_OF = `${IOT}senseOf`;
const SENSE_IN = `${IOT}senseInProtocol`;

function shortPath(iri: string): string {
  return iri.startsWith(BASE) ? iri.slice(BASE.length) : iri;
}

function slug(iri: string): string {
  return iri.slice(iri.lastIndexOf('/') + 1);
}

function queryLinks(names: string[]): SafeHtml {
  return html`<p class="hint">Generated from the stored ${names.length === 1 ? 'query' : 'queries'} ${names.map((n, i) => html`${i > 0 ? ', ' : ''}<a href="/queries#${n}"><code>${n}</code></a>`)}.</p>`;
}

function comparePage(comparison: Comparison, body: SafeHtml, intro: SafeHtml, wide = false): string {
  const main = html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/compare">Compare</a> › ${comparison.title}</nav>
<h1>${comparison.title} <small>(section <a href="${draftSectionIri(comparison.section)}">${comparison.section}</a>)</small></h1>
${intro}
${body}
${queryLinks(comparison.queries)}`;
  return page({ title: `Compare: ${comparison.title}`, current: 'compare', main, wide });
}

export function renderCompareOverview(): string {
  const main = html`<h1>Comparison of the protocols</h1>
<p class="lead">Section 3 of the draft compares the surveyed protocols along the facets of section 2. These pages regenerate each subsection from the knowledge graph, through the same stored queries that the <a href="/queries">query API</a> offers, so the tables always agree with the data.</p>
<ol class="cards">
${COMPARISONS.map((c) => html`<li><a href="/compare/${c.slug}">${c.section} ${c.title}</a><br>${c.summary}</li>\n`)}</ol>
<p>The draft itself: <a href="${DRAFT}#section-3">section 3, Comparison</a>.</p>`;
  return page({ title: 'Compare', current: 'compare', main });
}

// --- 3.1 terms -----------------------------------------------------------------

export async function renderCompareTerms(site: SiteContext): Promise<string> {
  const comparison = COMPARISONS[0]!;
  const g = new GraphView(site.kg.store);
  const [protocols, matrix, crossRefs] = await Promise.all([
    protocolsInOrder(site),
    storedSelect(site, 'term-matrix'),
    storedSelect(site, 'term-cross-references'),
  ]);
  const cells = new Map<string, { listed: boolean; definitions: string[] }>();
  const key = (term: string, protocol: string): string => `${term} ${protocol}`;
  for (const row of matrix) {
    const k = key(v(row, 'term'), v(row, 'protocol'));
    const cell = cells.get(k) ?? { listed: false, definitions: [] };
    cell.listed ||= truthy(row, 'listed');
    const definition = v(row, 'definition');
    if (definition && !cell.definitions.includes(definition)) cell.definitions.push(definition);
    cells.set(k, cell);
  }
  const sameAs = new Map<string, string[]>();
  for (const row of crossRefs) sameAs.set(v(row, 'sense'), [...(sameAs.get(v(row, 'sense')) ?? []), v(row, 'matched')]);
  const terms = g.byLabel(unique(matrix.map((r) => v(r, 'term'))));
  const columns = mergeProtocols(protocols, matrix.map((r) => v(r, 'protocol')));
  const definitionCount = [...cells.values()].reduce((n, c) => n + c.definitions.length, 0);
  const senseFor = (term: string, protocol: string): string | null =>
    g.subjectIris(SENSE_OF, term).find((s) => g.has(s, SENSE_IN, protocol)) ?? null;

  const body = html`<div class="table-scroll" role="region" aria-labelledby="terms-caption" tabindex="0">
<table class="matrix" id="term-matrix">
<caption id="terms-caption">Terms (rows) by protocol (columns): ${definitionCount} section 3.1 definitions</caption>
<thead><tr><th scope="col">Term</th>${columns.map((p) => html`<th scope="col" data-protocol="${slug(p)}">${iriLink(g, p)}</th>`)}</tr></thead>
<tbody>
${terms.map((term) => html`<tr><th scope="row">${iriLink(g, term)}</th>${columns.map((protocol) => {
  const cell = cells.get(key(term, protocol));
  const attrs = html` data-term="${slug(term)}" data-protocol="${slug(protocol)}"`;
  if (!cell) return html`<td${attrs} class="empty"><span class="visually-hidden">not used</span></td>`;
  if (cell.definitions.length === 0) return html`<td${attrs} class="listed"><span class="mark" title="In the protocol's Terms list (section 2), no section 3.1 definition">listed</span></td>`;
  const sense = senseFor(term, protocol);
  const matches = sense ? sameAs.get(sense) ?? [] : [];
  return html`<td${attrs} class="defined">${cell.definitions.map((d) => html`<q>${d}</q>`)}${cell.listed ? '' : html` <span class="mark" title="Section 3.1 defines it, but the protocol's Terms list in section 2 does not name it">not in the Terms list</span>`}${matches.length > 0 ? html` <small class="xref">Same as ${linkList(g, matches)}.</small>` : ''}${sense ? html` <small>(${iriLink(g, sense, 'sense')})</small>` : ''}</td>`;
})}</tr>\n`)}</tbody>
</table>
</div>
<p class="legend"><span class="mark">listed</span>: the term is in the protocol’s Terms list (section 2) but section 3.1 gives no definition for it. <span class="mark">not in the Terms list</span>: section 3.1 defines the term for a protocol whose Terms list does not name it. An empty cell: neither.</p>
<section id="by-term" aria-labelledby="by-term-h">
<h2 id="by-term-h">The same definitions, term by term</h2>
<p class="hint">As section 3.1 lists them: each term, then what it means in each protocol that section 3.1 defines it for.</p>
<dl class="by-term">
${terms
  .filter((term) => columns.some((p) => (cells.get(key(term, p))?.definitions.length ?? 0) > 0))
  .map((term) => html`<dt>${iriLink(g, term)}</dt>
${columns
  .filter((p) => (cells.get(key(term, p))?.definitions.length ?? 0) > 0)
  .map((p) => html`<dd><span class="protocol">${g.label(p)}:</span> ${cells.get(key(term, p))!.definitions.map((d, i) => html`${i > 0 ? ' / ' : ''}${d}`)}</dd>\n`)}`)}
</dl>
</section>`;
  const intro = html`<p class="lead">“The specifics of every term varies depending on the technology, but we enumerate here the basic terminology and what it means for the different solutions.” Each cell quotes section 3.1; the table scrolls sideways, and the <a href="#by-term">same definitions follow term by term</a>.</p>`;
  return comparePage(comparison, body, intro, true);
}

/** Protocols in draft order, plus any others that appear in a query result (user data). */
function mergeProtocols(protocols: ProtocolSummary[], seen: string[]): string[] {
  const ordered = protocols.map((p) => p.iri);
  return unique([...ordered.filter((p) => seen.includes(p)), ...seen.filter((p) => !ordered.includes(p)).sort()]);
}

function protocolOrder(protocols: ProtocolSummary[]): (iri: string) => number {
  const index = new Map(protocols.map((p, i) => [p.iri, i]));
  return (iri) => index.get(iri) ?? protocols.length;
}

// --- 3.2 players ---------------------------------------------------------------

export async function renderComparePlayers(site: SiteContext): Promise<string> {
  const comparison = COMPARISONS[1]!;
  const g = new GraphView(site.kg.store);
  const protocols = await protocolsInOrder(site);
  const order = protocolOrder(protocols);
  const categories = g
    .subjectIris(P.type, C.playerCategory)
    .sort((a, b) => Number(g.literal(a, P.notation) ?? 99) - Number(g.literal(b, P.notation) ?? 99) || a.localeCompare(b));
  const members = await Promise.all(categories.map((c) => storedSelect(site, 'players-by-category', { category: c })));
  const multi = await storedSelect(site, 'multi-category-roles');

  const body = html`${categories.map((category, i) => {
    const rows = [...members[i]!].sort((a, b) => order(v(a, 'protocol')) - order(v(b, 'protocol')) || v(a, 'roleName').localeCompare(v(b, 'roleName')));
    const id = `category-${slug(category)}`;
    return html`<section class="category" id="${id}" data-category="${slug(category)}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${g.literal(category, P.notation) ? html`${g.literal(category, P.notation)}. ` : ''}${iriLink(g, category)}</h2>
${g.literal(category, P.definition) ? html`<p>The draft’s heading: <q>${g.literal(category, P.definition)}</q></p>` : ''}
${g.literal(category, P.scopeNote) ? html`<p class="hint">${g.literal(category, P.scopeNote)}</p>` : ''}
${editorialNotes(g, category)}
${rows.length === 0 ? html`<p class="none">No role is filed under this category.</p>` : html`<table class="members">
<caption class="visually-hidden">Roles that serve the category ${g.label(category)}</caption>
<thead><tr><th scope="col">Protocol</th><th scope="col">Player</th><th scope="col">Membership</th></tr></thead>
<tbody>
${rows.map((row) => {
  const role = v(row, 'role');
  const asserted = truthy(row, 'asserted');
  const explanation = asserted ? null : safeExplain(site, role, P.subClassOf, category);
  return html`<tr data-role="${shortPath(role)}" data-inferred="${asserted ? 'false' : 'true'}"><td>${iriLink(g, v(row, 'protocol'), v(row, 'protocolLabel'))}</td><th scope="row">${iriLink(g, role, v(row, 'roleName'))}</th>
<td>${asserted ? html`listed in section 3.2` : html`${inferredBadge()}${explanation ? explanationHtml(g, explanation, false) : ''}`}</td></tr>\n`;
})}</tbody>
</table>`}
</section>\n`;
  })}
<section id="multi-category" aria-labelledby="multi-category-h">
<h2 id="multi-category-h">Players in more than one category</h2>
<p>The categories overlap, so membership is never equivalence: a role may serve several functions.</p>
${multiCategoryTable(g, multi)}
</section>`;
  const intro = html`<p class="lead">“In this section we classify the different players.” Roles filed under a category by section 3.2 are listed as such; members that reasoning adds (through an equivalence with a listed role, or a sub-role) are marked <span class="badge inferred">inferred</span> with the chain of asserted statements behind them.</p>`;
  return comparePage(comparison, body, intro);
}

function multiCategoryTable(g: GraphView, rows: Row[]): SafeHtml {
  const roles = unique(rows.map((r) => v(r, 'role')));
  if (roles.length === 0) return html`<p class="none">None.</p>`;
  return html`<table>
<caption class="visually-hidden">Roles that serve more than one player category</caption>
<thead><tr><th scope="col">Player</th><th scope="col">Protocol</th><th scope="col">Categories</th></tr></thead>
<tbody>${roles.map((role) => {
    const mine = rows.filter((r) => v(r, 'role') === role);
    return html`<tr><th scope="row">${iriLink(g, role, v(mine[0]!, 'roleLabel'))}</th><td>${v(mine[0]!, 'protocolLabel')}</td><td>${linkList(g, unique(mine.map((r) => v(r, 'category'))))}</td></tr>\n`;
  })}</tbody>
</table>`;
}

function safeExplain(site: SiteContext, s: string, p: string, o: string) {
  try {
    return explain(site.kg.store, s, p, o);
  } catch {
    return null;
  }
}

// --- 3.3 initial trust ---------------------------------------------------------

export async function renderCompareTrust(site: SiteContext): Promise<string> {
  const comparison = COMPARISONS[2]!;
  const g = new GraphView(site.kg.store);
  const [protocols, trust, credentials] = await Promise.all([
    protocolsInOrder(site),
    storedSelect(site, 'trust-classification'),
    storedSelect(site, 'initial-credentials'),
  ]);
  const order = protocolOrder(protocols);
  const bases = unique(trust.map((r) => v(r, 'basis'))).sort((a, b) => (g.literal(a, P.notation) ?? '').localeCompare(g.literal(b, P.notation) ?? ''));
  const scheme = `${BASE}trust/`;
  const body = html`${bases.map((basis) => {
    const section = g.literal(basis, P.notation) ?? '';
    const rows = trust.filter((r) => v(r, 'basis') === basis).sort((a, b) => order(v(a, 'protocol')) - order(v(b, 'protocol')));
    return html`<section class="trust-basis" id="section-${section}" data-basis="${slug(basis)}" aria-labelledby="section-${section}-h">
<h2 id="section-${section}-h"><a href="${draftSectionIri(section)}">${section}</a> ${iriLink(g, basis)}</h2>
${g.literal(basis, P.definition) ? html`<p>${g.literal(basis, P.definition)}</p>` : ''}
<table class="trust">
<caption class="visually-hidden">Protocols classified under ${section}</caption>
<thead><tr><th scope="col">Protocol</th><th scope="col">What section ${section} says</th><th scope="col">Credentials assumed before setup</th></tr></thead>
<tbody>
${rows.map((row) => {
  const protocol = v(row, 'protocol');
  const creds = unique(credentials.filter((c) => v(c, 'protocol') === protocol && v(c, 'credential')).map((c) => v(c, 'credential')));
  const beliefs = g.objectIris(protocol, `${IOT}hasInitialBelief`);
  return html`<tr data-protocol="${slug(protocol)}"><th scope="row">${iriLink(g, protocol, v(row, 'protocolLabel'))}</th>
<td>${v(row, 'trustNote') ? html`<q>${v(row, 'trustNote')}</q>` : html`<span class="none">—</span>`}${notesDetails(g, beliefs)}</td>
<td>${creds.length === 0 ? html`<span class="none">none named</span>` : html`<ul class="values">${g.byLabel(creds).map((c) => html`<li>${iriLink(g, c)}</li>`)}</ul>`}</td></tr>\n`;
})}</tbody>
</table>
</section>\n`;
  })}`;
  const intro = html`<p class="lead">${g.literal(scheme, P.definition) ?? 'Section 3.3 classifies the initial trust of each protocol.'}</p>`;
  return comparePage(comparison, body, intro);
}

/** Editorial notes of some resources, folded (they can be long next to the draft's words). */
function notesDetails(g: GraphView, iris: string[]): SafeHtml {
  const count = iris.reduce((n, iri) => n + g.literals(iri, P.editorialNote).length, 0);
  if (count === 0) return html``;
  return html`<details class="notes"><summary>${count === 1 ? 'Note on the draft' : `${count} notes on the draft`}</summary>${iris.map((iri) => editorialNotes(g, iri))}</details>`;
}

// --- 3.4 processes -------------------------------------------------------------

export async function renderCompareProcesses(site: SiteContext): Promise<string> {
  const comparison = COMPARISONS[3]!;
  const g = new GraphView(site.kg.store);
  const [protocols, rows] = await Promise.all([protocolsInOrder(site), storedSelect(site, 'processes-by-kind')]);
  const order = protocolOrder(protocols);
  const kinds = g
    .subjectIris(P.type, `${IOT}ProcessKind`)
    .sort((a, b) => Number(g.literal(a, P.notation) ?? 99) - Number(g.literal(b, P.notation) ?? 99) || a.localeCompare(b));
  const body = html`${kinds.map((kind) => {
    const mine = rows
      .filter((r) => v(r, 'kind') === kind)
      .sort((a, b) => order(protocolOf(g, v(a, 'process'))) - order(protocolOf(g, v(b, 'process'))) || (g.position(v(a, 'process')) ?? 0) - (g.position(v(b, 'process')) ?? 0));
    const covered = new Set(mine.map((r) => protocolOf(g, v(r, 'process'))));
    const missing = protocols.filter((p) => !covered.has(p.iri));
    const id = `kind-${slug(kind)}`;
    return html`<section class="process-kind" id="${id}" data-kind="${slug(kind)}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${g.literal(kind, P.notation) ? html`${g.literal(kind, P.notation)}. ` : ''}${iriLink(g, kind)}</h2>
${g.literal(kind, P.definition) ? html`<blockquote class="draft-text"><p>${g.literal(kind, P.definition)}</p></blockquote>` : ''}
${mine.length === 0 ? html`<p class="none">No process is mapped to this kind.</p>` : html`<table>
<caption class="visually-hidden">Processes of the kind ${g.label(kind)}</caption>
<thead><tr><th scope="col">Protocol</th><th scope="col">Process, step or phase</th><th scope="col">Part of</th></tr></thead>
<tbody>
${mine.map((row) => {
  const process = v(row, 'process');
  const parents = unique([...g.subjectIris(`${IOT}hasStep`, process), ...g.subjectIris(`${IOT}hasProcess`, process)]).filter((p) => !g.hasType(p, C.protocol));
  return html`<tr data-process="${shortPath(process)}"><td>${iriLink(g, protocolOf(g, process), v(row, 'protocolLabel'))}</td><th scope="row">${iriLink(g, process, v(row, 'processLabel'))}</th><td>${parents.length > 0 ? linkList(g, parents) : html`<span class="none">the protocol’s Processes list</span>`}</td></tr>\n`;
})}</tbody>
</table>`}
${missing.length > 0 ? html`<p class="hint">No process of ${missing.map((p, i) => html`${i > 0 ? ', ' : ''}${iriLink(g, p.iri, p.label)}`)} is recorded as this kind: the draft’s text does not say so.</p>` : ''}
</section>\n`;
  })}`;
  const intro = html`<p class="lead">“Analyzing the different terms used over the different solutions reviewed in this document, we can identify several processes. These are named differently in some cases, and not every technologies considers them all.” A process is mapped to a kind only where the draft’s text says so.</p>`;
  return comparePage(comparison, body, intro);
}

function protocolOf(g: GraphView, iri: string): string {
  return g.objectIris(iri, `${IOT}protocol`)[0] ?? '';
}

// --- 3.5 knowledge imparted ----------------------------------------------------

export async function renderCompareKnowledge(site: SiteContext): Promise<string> {
  const comparison = COMPARISONS[4]!;
  const g = new GraphView(site.kg.store);
  const [protocols, rows, trusted] = await Promise.all([
    protocolsInOrder(site),
    storedSelect(site, 'knowledge-imparted'),
    storedSelect(site, 'trusted-roles'),
  ]);
  const order = protocolOrder(protocols);
  const sorted = [...rows].sort((a, b) => order(v(a, 'protocol')) - order(v(b, 'protocol')));
  const body = html`<div class="table-scroll" role="region" aria-labelledby="knowledge-caption" tabindex="0">
<table class="knowledge">
<caption id="knowledge-caption">Beliefs imparted to the device (section 2) and the scope of the resulting trust (section 3.5)</caption>
<thead><tr><th scope="col">Protocol</th><th scope="col">Beliefs imparted (section 2)</th><th scope="col">Scope of the trust (section 3.5)</th><th scope="col">Trusted afterwards</th><th scope="col">Credentials obtained</th></tr></thead>
<tbody>
${sorted.map((row) => {
  const protocol = v(row, 'protocol');
  const roles = unique(trusted.filter((t) => v(t, 'protocol') === protocol && v(t, 'role')).map((t) => v(t, 'role')));
  const beliefs = g.objectIris(protocol, `${IOT}impartsBelief`);
  const credentials = g.byLabel(unique(beliefs.flatMap((b) => g.objectIris(b, `${IOT}obtainsCredential`))));
  return html`<tr data-protocol="${slug(protocol)}"><th scope="row">${iriLink(g, protocol, v(row, 'protocolLabel'))}</th>
<td>${v(row, 'imparted') ? html`<q>${v(row, 'imparted')}</q>` : html`<span class="none">—</span>`}</td>
<td class="scope">${v(row, 'trustScope') ? html`<q>${v(row, 'trustScope')}</q>` : html`<span class="none">Section 3.5 does not discuss ${v(row, 'protocolLabel')}.</span>`}</td>
<td>${roles.length === 0 ? html`<span class="none">no player named</span>` : html`<ul class="values">${g.byLabel(roles).map((r) => html`<li>${iriLink(g, r)}</li>`)}</ul>`}</td>
<td>${credentials.length === 0 ? html`<span class="none">none named</span>` : html`<ul class="values">${credentials.map((c) => html`<li>${iriLink(g, c)}</li>`)}</ul>`}</td></tr>\n`;
})}</tbody>
</table>
</div>`;
  const intro = html`<p class="lead">“Even though the devices might start from a different place, in terms of initial credentials as basis for trust, when they finish their processes, they become trusted parties within the domain they are deployed or at least have a trust relation with a specific entity.”</p>`;
  return comparePage(comparison, body, intro, true);
}
