// The site pages that are not resources: home, the protocol list, the index
// of every resource, and search.
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { BASE, DRAFT, GRAPH, IOT } from '../namespaces.js';
import type { SiteContext } from './site.js';
import { html, type SafeHtml } from './escape.js';
import { page } from './layout.js';
import { GraphView, P, unique } from './graph.js';
import { draftSectionIri } from './links.js';
import { iriLink } from './render.js';
import { ontologyAnchor } from './ontologyPage.js';
import { protocolsInOrder } from './siteData.js';
import { COMPARISONS } from './comparePages.js';

const { namedNode } = DataFactory;

export async function renderHome(site: SiteContext): Promise<string> {
  const g = new GraphView(site.kg.store);
  const protocols = await protocolsInOrder(site);
  const asserted = site.kg.store.size - site.kg.reasoning.inferred;
  const main = html`<h1>IoT initial security setup, as linked data</h1>
<p class="lead">This site publishes what the IRTF Internet-Draft <a href="${DRAFT}"><cite>Terminology and processes for initial security setup of IoT devices</cite></a> (draft-irtf-t2trg-security-setup-iot-devices-01) says about the ${protocols.length} protocols it surveys — their terms, players, initial beliefs, processes and the beliefs they impart — as an OWL ontology and a knowledge graph you can browse, search and query. Every fact links to the section of the draft it comes from; what reasoning adds is marked <span class="badge inferred">inferred</span> and explained.</p>
<section aria-labelledby="protocols-h">
<h2 id="protocols-h">The ${protocols.length} protocols (section 2)</h2>
<ol class="protocol-list">
${protocols.map((p) => html`<li><span class="section-number">${p.section}</span> ${iriLink(g, p.iri, p.label)}${p.fullName && p.fullName !== p.label ? html` — ${p.fullName}` : ''}</li>\n`)}</ol>
<p><a href="/protocols">All protocols in a table</a></p>
</section>
<section aria-labelledby="compare-h">
<h2 id="compare-h">Compare them (section 3)</h2>
<ul class="cards">
${COMPARISONS.map((c) => html`<li><a href="/compare/${c.slug}">${c.title}</a> <small>(section ${c.section})</small><br>${c.summary}</li>\n`)}</ul>
<p><a href="/compare">About the comparison pages</a></p>
</section>
<section aria-labelledby="explore-h">
<h2 id="explore-h">Explore and reuse</h2>
<form class="search-form" role="search" method="get" action="/search">
<label for="home-q">Search labels and definitions</label>
<input id="home-q" type="search" name="q" placeholder="e.g. pledge, voucher, onboarding">
<button type="submit">Search</button>
</form>
<ul>
<li><a href="/ontology">The ontology</a>: classes, properties, how to cite and import it.</li>
<li><a href="/a-z">Index</a> of every resource in the knowledge graph, grouped by class.</li>
<li><a href="/queries">Stored queries</a>: the competency questions, runnable as an API (<a href="/openapi.json">OpenAPI</a>).</li>
<li><a href="/sparql">SPARQL endpoint</a> and <a href="/query">query editor</a>; the default graph includes the inferences, name <code>${GRAPH.data}</code> to see the asserted data only.</li>
<li>Data dumps: <a href="/dumps/latest.ttl">Turtle</a> · <a href="/dumps/latest.nt">N-Triples</a> · <a href="/dumps/latest.trig">TriG</a> · <a href="/dumps/latest.nq">N-Quads</a> (with named graphs).</li>
</ul>
<p class="hint">${asserted} asserted triples in ${site.kg.files.length} files; reasoning adds ${site.kg.reasoning.inferred}.</p>
</section>`;
  return page({ title: 'Home', current: 'home', main, description: 'The IETF draft on initial security setup of IoT devices as an OWL ontology and knowledge graph.' });
}

export async function renderProtocols(site: SiteContext): Promise<string> {
  const g = new GraphView(site.kg.store);
  const protocols = await protocolsInOrder(site);
  const main = html`<h1>Protocols</h1>
<p class="lead">The standards and protocols that section 2 of the draft surveys, in its order. Each page lays out the five facets the draft describes per protocol.</p>
<table class="protocols">
<caption class="visually-hidden">Protocols surveyed in section 2</caption>
<thead><tr><th scope="col">Section</th><th scope="col">Protocol</th><th scope="col">Full name</th><th scope="col">Specified by</th><th scope="col">Initial trust (section 3.3)</th></tr></thead>
<tbody>
${protocols.map((p) => html`<tr data-protocol="${p.iri.slice(BASE.length)}"><td><a href="${draftSectionIri(p.section)}">${p.section}</a></td><th scope="row">${iriLink(g, p.iri, p.label)}</th><td>${p.fullName}</td><td>${p.organizations.join(', ') || html`<span class="none">—</span>`}</td><td>${p.trustBasis ? html`<a href="/compare/trust#section-${p.trustBasis}">${p.trustBasis}</a> ${p.trustBasis === '3.3.1' ? 'no initial trust' : 'installed credentials'}` : html`<span class="none">—</span>`}</td></tr>\n`)}</tbody>
</table>`;
  return page({ title: 'Protocols', current: 'protocols', main });
}

// --- index ---------------------------------------------------------------------

const CHARACTERISTIC_TYPES = new Set(
  ['FunctionalProperty', 'InverseFunctionalProperty', 'TransitiveProperty', 'SymmetricProperty', 'AsymmetricProperty', 'ReflexiveProperty', 'IrreflexiveProperty'].map(
    (name) => `http://www.w3.org/2002/07/owl#${name}`,
  ),
);

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every resource under the base, grouped by its asserted class. */
export function renderIndex(site: SiteContext): string {
  const store = site.kg.store;
  const g = new GraphView(store);
  const groups = new Map<string, Set<string>>();
  const add = (group: string, iri: string): void => {
    const set = groups.get(group) ?? new Set<string>();
    set.add(iri);
    groups.set(group, set);
  };
  for (const subject of store.getSubjects(null, null, null)) {
    if (subject.termType !== 'NamedNode' || !subject.value.startsWith(BASE)) continue;
    const types = unique(
      store
        .getQuads(subject, namedNode(P.type), null, null)
        .filter((q: Quad) => q.graph.value !== GRAPH.entailments && q.object.termType === 'NamedNode')
        .map((q) => q.object.value),
    );
    const own = types.filter((t) => t.startsWith(IOT));
    // Property characteristics (functional, transitive…) are not what a property is.
    const declarations = types.filter((t) => !CHARACTERISTIC_TYPES.has(t));
    const chosen = own.length > 0 ? own : declarations.length > 0 ? declarations : types;
    if (chosen.length === 0) add('', subject.value);
    for (const t of chosen) add(t, subject.value);
  }
  const ordered = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : g.label(a).localeCompare(g.label(b), 'en', { sensitivity: 'base' })));
  const total = new Set([...groups.values()].flatMap((s) => [...s])).size;
  const anchor = (type: string): string => (type === '' ? 'untyped' : `class-${ontologyAnchor(type)}`);
  const main = html`<h1>Index</h1>
<p class="lead">All ${total} resources of the knowledge graph under <code>${BASE}</code>, grouped by class (as asserted; a resource with several classes appears under each) and sorted by label.</p>
<nav class="toc" aria-label="Classes"><ul class="columns">
${ordered.map((t) => html`<li><a href="#${anchor(t)}">${t === '' ? 'Without a class' : capitalized(g.label(t))}</a> (${groups.get(t)!.size})</li>\n`)}</ul></nav>
${ordered.map((t) => {
  const members = g.byLabel([...groups.get(t)!]);
  return html`<section id="${anchor(t)}" aria-labelledby="${anchor(t)}-h">
<h2 id="${anchor(t)}-h">${t === '' ? 'Without a class' : iriLink(g, t, capitalized(g.label(t)))} <small>(${members.length})</small></h2>
<ul class="columns">
${members.map((m) => html`<li>${iriLink(g, m)}</li>\n`)}</ul>
</section>\n`;
})}`;
  return page({ title: 'Index', current: 'index', main });
}

// --- search --------------------------------------------------------------------

const SEARCH_FIELDS: Array<[string, string]> = [
  [P.label, 'label'],
  [P.prefLabel, 'preferred label'],
  [P.altLabel, 'alternative label'],
  [P.definition, 'definition'],
  [P.comment, 'comment'],
];
const MAX_RESULTS = 100;
const MAX_QUERY_LENGTH = 200;

export interface SearchHit {
  iri: string;
  label: string;
  rank: number;
  matches: Array<{ field: string; value: string; index: number; length: number }>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Case-insensitive substring search over labels, definitions and comments of resources under the base. */
export function searchGraph(site: SiteContext, query: string): SearchHit[] {
  const needle = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (needle === '') return [];
  const pattern = new RegExp(escapeRegExp(needle), 'iu');
  const g = new GraphView(site.kg.store);
  const hits = new Map<string, SearchHit>();
  for (const [predicate, field] of SEARCH_FIELDS) {
    for (const q of site.kg.store.getQuads(null, namedNode(predicate), null, null)) {
      if (q.subject.termType !== 'NamedNode' || !q.subject.value.startsWith(BASE) || q.object.termType !== 'Literal') continue;
      const match = pattern.exec(q.object.value);
      if (!match) continue;
      const iri = q.subject.value;
      const hit = hits.get(iri) ?? { iri, label: g.label(iri), rank: 3, matches: [] };
      if (!hit.matches.some((m) => m.field === field && m.value === q.object.value)) {
        hit.matches.push({ field, value: q.object.value, index: match.index, length: match[0].length });
      }
      const isLabel = predicate === P.label || predicate === P.prefLabel;
      const rank = isLabel ? (q.object.value.toLowerCase() === needle.toLowerCase() ? 0 : match.index === 0 ? 1 : 2) : predicate === P.altLabel ? 2 : 3;
      hit.rank = Math.min(hit.rank, rank);
      hits.set(iri, hit);
    }
  }
  return [...hits.values()].sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) || a.iri.localeCompare(b.iri));
}

function snippet(value: string, index: number, length: number): SafeHtml {
  const radius = 80;
  const start = Math.max(0, index - radius);
  const end = Math.min(value.length, index + length + radius);
  return html`${start > 0 ? '…' : ''}${value.slice(start, index)}<mark>${value.slice(index, index + length)}</mark>${value.slice(index + length, end)}${end < value.length ? '…' : ''}`;
}

export function renderSearch(site: SiteContext, rawQuery: string | undefined): string {
  const query = (rawQuery ?? '').slice(0, MAX_QUERY_LENGTH);
  const g = new GraphView(site.kg.store);
  const trimmed = query.trim();
  const hits = trimmed === '' ? [] : searchGraph(site, trimmed);
  const shown = hits.slice(0, MAX_RESULTS);
  const typeOf = (iri: string): string[] => g.objectIris(iri, P.type).filter((t) => t.startsWith(IOT) && g.asserted(iri, P.type, t));
  const main = html`<h1>Search</h1>
<form class="search-form" role="search" method="get" action="/search">
<label for="q">Find resources whose label, alternative label, definition or comment contains</label>
<input id="q" type="search" name="q" value="${query}" maxlength="${MAX_QUERY_LENGTH}" placeholder="e.g. pledge, voucher, onboarding">
<button type="submit">Search</button>
</form>
${trimmed === ''
  ? html`<p class="hint">Type a word or part of one; matching ignores case. Try <a href="/search?q=pledge">pledge</a>, <a href="/search?q=voucher">voucher</a> or <a href="/search?q=onboarding">onboarding</a>.</p>`
  : html`<section aria-labelledby="results-h">
<h2 id="results-h">${hits.length === 0 ? html`No resource matches “${trimmed}”` : html`${hits.length} resource${hits.length === 1 ? '' : 's'} match “${trimmed}”${hits.length > shown.length ? html` (first ${shown.length} shown)` : ''}`}</h2>
${hits.length === 0 ? html`<p>Try a shorter or different word, or browse the <a href="/a-z">index</a>.</p>` : ''}
<ol class="results">
${shown.map((hit) => {
  const types = typeOf(hit.iri);
  return html`<li><p class="result-title">${iriLink(g, hit.iri, hit.label)}${types.length > 0 ? html` <small class="kind">${types.map((t, i) => html`${i > 0 ? ', ' : ''}${g.label(t)}`)}</small>` : ''}</p>
<ul class="matches">${hit.matches.slice(0, 3).map((m) => html`<li><span class="field">${m.field}:</span> ${snippet(m.value, m.index, m.length)}</li>`)}</ul></li>\n`;
})}</ol>
</section>`}`;
  return page({ title: trimmed === '' ? 'Search' : `Search: ${trimmed}`, current: 'search', main, query });
}
