// Small HTML building blocks shared by every page: links to resources,
// literals, draft-section links, "inferred" badges and editorial notes.
// Every value goes through the `html` template, which escapes it.
import type { Literal, Term } from '@rdfjs/types';
import { html, type SafeHtml } from './escape.js';
import { compareSections, draftSection, draftSectionIri, hrefFor, isLocal } from './links.js';
import { compactIri, type GraphView } from './graph.js';
import { XSD } from '../namespaces.js';

/** A link to a resource with its label; an IRI whose scheme is not safe to follow is shown as text. */
export function iriLink(g: GraphView, iri: string, text?: string): SafeHtml {
  const label = text ?? g.label(iri);
  const href = g.href(iri);
  return href !== null ? html`<a href="${href}">${label}</a>` : html`<span class="unlinked" title="${iri}">${label}</span>`;
}

/** The IRI itself, linked when it is external and safe to follow (local IRIs go through iriLink). */
export function iriText(iri: string): SafeHtml {
  const href = isLocal(iri) ? null : hrefFor(iri);
  return href !== null ? html`<a href="${href}"><code>${iri}</code></a>` : html`<code>${iri}</code>`;
}

export function literalHtml(term: Literal): SafeHtml {
  const datatype = term.datatype?.value;
  const plain = !datatype || datatype === `${XSD}string` || datatype.endsWith('#langString');
  const lang = term.language ? html` lang="${term.language}"` : '';
  return html`<span class="literal"${lang}>${term.value}</span>${plain ? '' : html` <small class="datatype">${compactIri(datatype!) ?? datatype}</small>`}`;
}

export function termHtml(g: GraphView, term: Term): SafeHtml {
  if (term.termType === 'NamedNode') return iriLink(g, term.value);
  if (term.termType === 'Literal') return literalHtml(term as Literal);
  return html`<span class="blank">[blank node]</span>`;
}

/** "Section 2.8" linked to the datatracker; other sources as links (graph IRIs as text). */
export function sourceLink(iri: string): SafeHtml {
  const section = draftSection(iri);
  if (section !== null) {
    return html`<a class="draft-section" href="${draftSectionIri(section)}">${section === '' ? 'the draft' : `Section ${section}`}</a>`;
  }
  if (iri.startsWith('https://w3id.org/iot-setup/graph/')) return html`<span class="graph">asserted in <code>${iri}</code></span>`;
  return iriText(iri);
}

export function sourceLinks(iris: string[]): SafeHtml {
  const sorted = [...iris].sort(compareSourceIris);
  return html`${sorted.map((iri, i) => html`${i > 0 ? ', ' : ''}${sourceLink(iri)}`)}`;
}

function compareSourceIris(a: string, b: string): number {
  const sa = draftSection(a);
  const sb = draftSection(b);
  if (sa !== null && sb !== null) return compareSections(sa, sb);
  if (sa !== null) return -1;
  if (sb !== null) return 1;
  return a.localeCompare(b);
}

/** "From the draft: Section 2.8, Section 3.2" line for a resource. */
export function sourcesLine(g: GraphView, iri: string): SafeHtml {
  const sources = g.sources(iri);
  if (sources.length === 0) return html``;
  return html`<p class="sources">From the draft: ${sourceLinks(sources)}</p>`;
}

export const inferredBadge = (): SafeHtml => html`<span class="badge inferred" title="Derived by reasoning (graph/entailments), not asserted in the data">inferred</span>`;
export const assertedBadge = (): SafeHtml => html`<span class="badge asserted" title="Asserted in the data">asserted</span>`;

/** Every skos:editorialNote of a resource, shown as a visible note. */
export function editorialNotes(g: GraphView, iri: string): SafeHtml {
  const notes = g.literals(iri, 'http://www.w3.org/2004/02/skos/core#editorialNote');
  return html`${notes.map((note) => html`<aside class="note" role="note"><strong>Note on the draft:</strong> ${note}</aside>`)}`;
}

/** A comma-separated list of links, or a dash. */
export function linkList(g: GraphView, iris: string[], empty = '—'): SafeHtml {
  if (iris.length === 0) return html`<span class="none">${empty}</span>`;
  return html`${iris.map((iri, i) => html`${i > 0 ? ', ' : ''}${iriLink(g, iri)}`)}`;
}

/** A stable HTML id from free text (for anchors inside a page). */
export function slugId(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
