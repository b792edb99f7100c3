// The page of one resource: label, definition, draft sources, editorial
// notes, typed links grouped by property, incoming links, asserted and
// inferred statements kept apart (with the explanation chain of every
// inferred equivalence and category membership), alternate formats and
// SPARQL links. Protocols get their five facets laid out like the draft.
import type { Quad, Term } from '@rdfjs/types';
import type { ResourceDescription } from '../describe/resourceDescription.js';
import { isInferred } from '../describe/resourceDescription.js';
import { explain, type Explanation } from '../reason/explain.js';
import { GRAPH, IOT } from '../namespaces.js';
import type { SiteContext } from './site.js';
import { html, type SafeHtml } from './escape.js';
import { page } from './layout.js';
import { C, GraphView, P, unique } from './graph.js';
import { describeQueryHref, documentPath } from './links.js';
import { editorialNotes, inferredBadge, iriLink, linkList, sourceLink, sourceLinks, sourcesLine, termHtml } from './render.js';
import { renderProtocolFacets } from './protocolPage.js';

/** Predicates shown first, in this order; the rest follow by label. */
const PREFERRED_ORDER = [
  P.type,
  P.label,
  P.prefLabel,
  P.altLabel,
  `${IOT}fullName`,
  `${IOT}roleName`,
  `${IOT}draftSection`,
  P.definition,
  P.comment,
  P.scopeNote,
  P.editorialNote,
  P.notation,
  `${IOT}protocol`,
  P.subClassOf,
  P.equivalentClass,
  P.exactMatch,
  P.broader,
];

const JUSTIFICATION = `${IOT}justification`;
const OWL_AXIOM_SOURCE = 'http://www.w3.org/2002/07/owl#annotatedSource';
const OWL_AXIOM_PROPERTY = 'http://www.w3.org/2002/07/owl#annotatedProperty';
const OWL_AXIOM_TARGET = 'http://www.w3.org/2002/07/owl#annotatedTarget';

export const FORMAT_LINKS: Array<[string, string, string]> = [
  ['ttl', 'Turtle', 'text/turtle'],
  ['jsonld', 'JSON-LD', 'application/ld+json'],
  ['nt', 'N-Triples', 'application/n-triples'],
  ['rdf', 'RDF/XML', 'application/rdf+xml'],
  ['trig', 'TriG', 'application/trig'],
  ['nq', 'N-Quads', 'application/n-quads'],
];

interface AxiomNote {
  justification: string | null;
  sources: string[];
}

export function renderResource(site: SiteContext, d: ResourceDescription): string {
  const g = new GraphView(site.kg.store, d.linkedLabels);
  const iri = d.iri;
  const label = g.label(iri);
  const isProtocol = g.hasType(iri, C.protocol);
  const top = d.own.filter((q) => q.subject.termType === 'NamedNode' && q.subject.value === iri);
  const asserted = top.filter((q) => !isInferred(q));
  const assertedKeys = new Set(asserted.map(tripleKey));
  const inferred = top.filter((q) => isInferred(q) && !assertedKeys.has(tripleKey(q)) && !(q.object.termType === 'NamedNode' && q.object.value === iri));

  const types = unique(asserted.filter((q) => q.predicate.value === P.type && q.object.termType === 'NamedNode').map((q) => q.object.value)).sort(
    (a, b) => Number(b.startsWith(IOT)) - Number(a.startsWith(IOT)),
  );
  const definition = firstLiteral(asserted, [P.definition, P.comment, P.description]);
  const altLabels = unique(asserted.filter((q) => q.predicate.value === P.altLabel).map((q) => q.object.value));
  const partOf = g.objectIris(iri, `${IOT}protocol`);
  const axioms = axiomNotes(d);

  const keyInferred = inferred.filter((q) => isKeyInference(g, q));
  const otherInferred = inferred.filter((q) => !isKeyInference(g, q));
  const path = documentPath(iri);

  const main = html`<article class="resource" aria-labelledby="title">
<header class="resource-head">
<p class="kind">${types.length > 0 ? html`${linkList(g, types)}` : 'Resource'}${partOf.length > 0 ? html` · part of ${linkList(g, partOf)}` : ''}</p>
<h1 id="title">${label}</h1>
${isProtocol ? protocolSubtitle(g, iri) : ''}
<p class="iri"><code>${iri}</code></p>
${altLabels.length > 0 ? html`<p class="alt-labels">Also called: ${altLabels.map((a, i) => html`${i > 0 ? ', ' : ''}<span class="literal">${a}</span>`)}</p>` : ''}
</header>
${definition !== null ? html`<p class="definition">${definition}</p>` : ''}
${sourcesLine(g, iri)}
${editorialNotes(g, iri)}
${isProtocol ? renderProtocolFacets(g, iri) : ''}
<section id="statements" aria-labelledby="statements-h">
<h2 id="statements-h">${isProtocol ? 'All statements' : 'Statements'} <span class="badge asserted">asserted</span></h2>
${statementTable(g, asserted, d.own, axioms, `Statements about ${label} asserted in the data`)}
</section>
${keyInferred.length > 0 ? inferredSection(site, g, keyInferred) : ''}
${otherInferred.length > 0 ? html`<section id="other-inferred" aria-labelledby="other-inferred-h">
<h2 id="other-inferred-h">Other inferred statements ${inferredBadge()}</h2>
<details><summary>${otherInferred.length} statement(s) that reasoning adds (super-properties, SKOS closure, types from domains and ranges)</summary>
${statementTable(g, otherInferred, d.own, new Map(), `Statements about ${label} inferred by reasoning`)}
</details>
</section>` : ''}
${incomingSection(g, d.incoming, label)}
<section id="formats" aria-labelledby="formats-h">
<h2 id="formats-h">Data and queries</h2>
${path !== null ? html`<p>This description as RDF: ${FORMAT_LINKS.map(([ext, name, type], i) => html`${i > 0 ? ' · ' : ''}<a href="${path}?format=${ext}" type="${type}">${name}</a>`)}</p>` : ''}
<p>Open in SPARQL: <a href="${describeQueryHref(iri)}">DESCRIBE &lt;…&gt; on the endpoint</a> · <a href="/query">query editor</a></p>
</section>
</article>`;

  const head = path === null ? html`` : html`${FORMAT_LINKS.map(([ext, name, type]) => html`<link rel="alternate" type="${type}" title="${name}" href="${path}?format=${ext}">\n`)}`;
  return page({ title: label, main, head, description: definition ?? undefined, current: isProtocol ? 'protocols' : undefined });
}

function protocolSubtitle(g: GraphView, iri: string): SafeHtml {
  const fullName = g.literal(iri, `${IOT}fullName`);
  const section = g.literal(iri, `${IOT}draftSection`);
  return html`<p class="subtitle">${fullName ?? ''}${fullName && section ? ' — ' : ''}${section ? html`section ${section} of the draft` : ''}</p>`;
}

function firstLiteral(quads: Quad[], predicates: string[]): string | null {
  for (const p of predicates) {
    const candidates = quads.filter((q) => q.predicate.value === p && q.object.termType === 'Literal');
    const en = candidates.find((q) => (q.object as { language?: string }).language === 'en');
    const found = en ?? candidates[0];
    if (found) return found.object.value;
  }
  return null;
}

function tripleKey(q: Quad): string {
  return `${q.subject.value}\u0000${q.predicate.value}\u0000${q.object.termType}:${q.object.value}\u0000${(q.object as { language?: string }).language ?? ''}`;
}

/** Equivalences, category memberships and role/category types: the inferences a person wants explained. */
function isKeyInference(g: GraphView, q: Quad): boolean {
  if (q.object.termType !== 'NamedNode') return false;
  const p = q.predicate.value;
  if (p === P.equivalentClass || p === P.exactMatch) return true;
  if (p === P.subClassOf) return g.hasType(q.object.value, C.playerCategory);
  if (p === P.type) return g.hasType(q.object.value, C.playerCategory) || g.hasType(q.object.value, C.playerRole);
  return false;
}

/** owl:Axiom annotations of the resource's statements, keyed by predicate and object. */
function axiomNotes(d: ResourceDescription): Map<string, AxiomNote> {
  const bySubject = new Map<string, Quad[]>();
  for (const q of d.annotations) {
    const list = bySubject.get(q.subject.value) ?? [];
    list.push(q);
    bySubject.set(q.subject.value, list);
  }
  const notes = new Map<string, AxiomNote>();
  for (const quads of bySubject.values()) {
    const get = (p: string): string | undefined => quads.find((q) => q.predicate.value === p)?.object.value;
    const source = get(OWL_AXIOM_SOURCE);
    const property = get(OWL_AXIOM_PROPERTY);
    const target = get(OWL_AXIOM_TARGET);
    if (source !== d.iri || !property || !target) continue;
    notes.set(`${property} ${target}`, {
      justification: get(JUSTIFICATION) ?? null,
      sources: unique(quads.filter((q) => q.predicate.value === P.source).map((q) => q.object.value)),
    });
  }
  return notes;
}

function orderPredicates(g: GraphView, predicates: string[]): string[] {
  return unique(predicates).sort((a, b) => {
    const ia = PREFERRED_ORDER.indexOf(a);
    const ib = PREFERRED_ORDER.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
    return g.label(a).localeCompare(g.label(b));
  });
}

function statementTable(g: GraphView, quads: Quad[], closure: Quad[], axioms: Map<string, AxiomNote>, caption: string): SafeHtml {
  const predicates = orderPredicates(g, quads.map((q) => q.predicate.value));
  return html`<table class="statements">
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Property</th><th scope="col">Value</th></tr></thead>
<tbody>
${predicates.map((p) => {
  const values = dedupeObjects(quads.filter((q) => q.predicate.value === p));
  return html`<tr><th scope="row">${iriLink(g, p)}</th><td>${values.length === 1 ? valueHtml(g, values[0]!, closure, axioms) : html`<ul class="values">${values.map((v) => html`<li>${valueHtml(g, v, closure, axioms)}</li>`)}</ul>`}</td></tr>\n`;
})}</tbody>
</table>`;
}

function dedupeObjects(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const key = tripleKey(q);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueHtml(g: GraphView, q: Quad, closure: Quad[], axioms: Map<string, AxiomNote>, depth = 0): SafeHtml {
  const userGraph = q.graph.value.startsWith(GRAPH.userPrefix) ? html` <small class="graph-tag">from <code>${q.graph.value.slice(GRAPH.userPrefix.length)}</code> (user data)</small>` : '';
  if (q.object.termType === 'BlankNode') return html`${blankNodeHtml(g, q.object, closure, depth)}${userGraph}`;
  const note = q.object.termType === 'NamedNode' ? axioms.get(`${q.predicate.value} ${q.object.value}`) : undefined;
  const value = q.predicate.value === P.source && q.object.termType === 'NamedNode' ? sourceLink(q.object.value) : termHtml(g, q.object);
  return html`${value}${userGraph}${note ? html`<div class="justification">${note.justification ? html`<span class="why">Justification:</span> ${note.justification} ` : ''}${note.sources.length > 0 ? html`<span class="src">(${sourceLinks(note.sources)})</span>` : ''}</div>` : ''}`;
}

function blankNodeHtml(g: GraphView, node: Term, closure: Quad[], depth: number): SafeHtml {
  if (depth > 4) return html`<span class="blank">[…]</span>`;
  const inner = closure.filter((q) => q.subject.termType === 'BlankNode' && q.subject.value === node.value);
  if (inner.length === 0) return html`<span class="blank">[blank node]</span>`;
  return html`<dl class="blank-node">${inner.map((q) => html`<dt>${iriLink(g, q.predicate.value)}</dt><dd>${valueHtml(g, q, closure, new Map(), depth + 1)}</dd>`)}</dl>`;
}

function inferredSection(site: SiteContext, g: GraphView, quads: Quad[]): SafeHtml {
  const items = dedupeObjects(quads).sort((a, b) => g.label(a.predicate.value).localeCompare(g.label(b.predicate.value)) || g.label(a.object.value).localeCompare(g.label(b.object.value)));
  return html`<section id="inferred" aria-labelledby="inferred-h">
<h2 id="inferred-h">Inferred equivalences and categories ${inferredBadge()}</h2>
<p class="hint">These statements are not in the data; reasoning derives them (graph <code>${GRAPH.entailments}</code>). Each comes with the chain of asserted statements it follows from.</p>
<ul class="inferred-list">
${items.map((q) => {
  const explanation = safeExplain(site, q);
  return html`<li class="inferred-item">${inferredBadge()} <span class="pred">${g.label(q.predicate.value)}</span> ${iriLink(g, q.object.value)}
${explanation ? explanationHtml(g, explanation) : html`<p class="hint">No chain of asserted statements was found for this statement.</p>`}</li>\n`;
})}</ul>
</section>`;
}

function safeExplain(site: SiteContext, q: Quad): Explanation | null {
  try {
    return explain(site.kg.store, q.subject.value, q.predicate.value, q.object.value);
  } catch {
    return null;
  }
}

export function explanationHtml(g: GraphView, explanation: Explanation, open = true): SafeHtml {
  return html`<details class="explanation"${open ? html` open` : ''}><summary>Why: ${explanation.steps.length === 1 ? 'one asserted statement' : `${explanation.steps.length} asserted statements`}</summary>
<ol class="chain">
${explanation.steps.map(
  (step, i) => {
    const earlier = explanation.steps.findIndex((s) => s.justification === step.justification);
    return html`<li><p class="step">${iriLink(g, step.subject)} <span class="pred">${g.label(step.predicate)}</span> ${iriLink(g, step.object)}${step.reversed ? html` <small class="reversed">(read from right to left: the relation is symmetric)</small>` : ''}</p>
${step.justification ? (earlier < i ? html`<p class="justification"><span class="why">Justification:</span> as for step ${earlier + 1}.</p>` : html`<p class="justification"><span class="why">Justification:</span> ${step.justification}</p>`) : ''}
<p class="src">Source: ${sourceLinks(step.sources)}</p></li>\n`;
  },
)}</ol>
</details>`;
}

function incomingSection(g: GraphView, incoming: Quad[], label: string): SafeHtml {
  if (incoming.length === 0) return html``;
  const predicates = orderPredicates(g, incoming.map((q) => q.predicate.value));
  return html`<section id="incoming" aria-labelledby="incoming-h">
<h2 id="incoming-h">Incoming links</h2>
<table class="statements">
<caption class="visually-hidden">Resources that link to ${label}</caption>
<thead><tr><th scope="col">Property</th><th scope="col">Resources whose property points here</th></tr></thead>
<tbody>
${predicates.map((p) => {
  const quads = incoming.filter((q) => q.predicate.value === p);
  const subjects = g.byLabel(unique(quads.map((q) => q.subject.value)));
  return html`<tr><th scope="row">${iriLink(g, p)}</th><td><ul class="values">${subjects.map((s) => {
    const onlyInferred = quads.filter((q) => q.subject.value === s).every((q) => isInferred(q));
    return html`<li>${iriLink(g, s)}${onlyInferred ? html` ${inferredBadge()}` : ''}</li>`;
  })}</ul></td></tr>\n`;
})}</tbody>
</table>
</section>`;
}
