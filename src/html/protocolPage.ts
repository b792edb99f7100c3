// The part of a protocol's page that follows the draft's section 2 layout:
// specifying body and references, (for LPWAN) the technologies, then the
// five facets in the draft's order — Terms, Players, Initial beliefs,
// Processes, Beliefs imparted — each enriched with what section 3 says.
import { BASE, IOT } from '../namespaces.js';
import { html, type SafeHtml } from './escape.js';
import { C, GraphView, P, unique } from './graph.js';
import { editorialNotes, inferredBadge, iriLink, linkList, sourceLinks } from './render.js';
import { draftSectionIri } from './links.js';

const I = {
  usesTerm: `${IOT}usesTerm`,
  hasTermSense: `${IOT}hasTermSense`,
  senseInProtocol: `${IOT}senseInProtocol`,
  senseOf: `${IOT}senseOf`,
  involvesRole: `${IOT}involvesRole`,
  hasPlayer: `${IOT}hasPlayer`,
  roleName: `${IOT}roleName`,
  hasInitialBelief: `${IOT}hasInitialBelief`,
  impartsBelief: `${IOT}impartsBelief`,
  trustBasis: `${IOT}trustBasis`,
  trustNote: `${IOT}trustNote`,
  trustScope: `${IOT}trustScope`,
  requiresCredential: `${IOT}requiresCredential`,
  obtainsCredential: `${IOT}obtainsCredential`,
  trusts: `${IOT}trusts`,
  hasProcess: `${IOT}hasProcess`,
  hasStep: `${IOT}hasStep`,
  hasMode: `${IOT}hasMode`,
  processKind: `${IOT}processKind`,
  specifiedBy: `${IOT}specifiedBy`,
  specifiedIn: `${IOT}specifiedIn`,
  references: `${IOT}references`,
  hasTechnology: `${IOT}hasTechnology`,
  fullName: `${IOT}fullName`,
  draftSection: `${IOT}draftSection`,
} as const;

export const FACETS = [
  { slug: 'terms', fallback: 'Terms' },
  { slug: 'players', fallback: 'Players' },
  { slug: 'initial-beliefs', fallback: 'Initial beliefs assumed in the device' },
  { slug: 'processes', fallback: 'Processes' },
  { slug: 'beliefs-imparted', fallback: 'Beliefs imparted to the device after protocol execution' },
] as const;

export function renderProtocolFacets(g: GraphView, protocol: string): SafeHtml {
  const name = g.label(protocol);
  const section = g.literal(protocol, I.draftSection);
  const technologies = g.objectIris(protocol, I.hasTechnology);
  const facetTitle = (slug: string, fallback: string): string => {
    const iri = `${BASE}facet/${slug}`;
    return g.literal(iri, P.label) ?? fallback;
  };
  const bodies: Record<(typeof FACETS)[number]['slug'], SafeHtml> = {
    terms: termsFacet(g, protocol, name),
    players: playersFacet(g, protocol, name),
    'initial-beliefs': initialBeliefsFacet(g, protocol),
    processes: processesFacet(g, protocol),
    'beliefs-imparted': impartedFacet(g, protocol, name),
  };
  return html`${referencesSection(g, protocol)}
${technologies.length > 0 ? technologiesSection(g, technologies) : ''}
<section class="facets" aria-labelledby="facets-h">
<h2 id="facets-h">${name} has the following characteristics${section ? html` <small>(<a href="${draftSectionIri(section)}">section ${section}</a>)</small>` : ''}</h2>
${FACETS.map(
  ({ slug, fallback }, i) => html`<section class="facet" id="facet-${slug}" aria-labelledby="facet-${slug}-h">
<h3 id="facet-${slug}-h"><span class="facet-number">${i + 1}.</span> ${iriLink(g, `${BASE}facet/${slug}`, facetTitle(slug, fallback))}</h3>
${bodies[slug]}
</section>\n`,
)}</section>`;
}

function referencesSection(g: GraphView, protocol: string): SafeHtml {
  const bodies = g.objectIris(protocol, I.specifiedBy);
  const definedIn = new Set(g.objectIris(protocol, I.specifiedIn));
  const references = g.byLabel(unique([...definedIn, ...g.objectIris(protocol, I.references)]));
  return html`<section id="references" aria-labelledby="references-h">
<h2 id="references-h">Specification and references</h2>
<dl class="facts">
<dt>Specified by</dt><dd>${linkList(g, bodies, 'the draft names no specifying body')}</dd>
<dt>References</dt><dd>${references.length === 0 ? html`<span class="none">none cited</span>` : html`<ul class="values">${references.map((spec) => {
  const notation = g.literal(spec, P.notation);
  const title = g.literal(spec, P.title);
  const external = g.objectIris(spec, P.seeAlso);
  return html`<li>${iriLink(g, spec, notation && title ? `${notation} ${title}` : undefined)}${definedIn.has(spec) ? html` <span class="badge">defines ${g.label(protocol)}</span>` : ''}${external.length > 0 ? html` — ${external.map((e, i) => html`${i > 0 ? ', ' : ''}${iriLink(g, e, 'online')}`)}` : ''}</li>`;
})}</ul>`}</dd>
</dl>
</section>`;
}

function technologiesSection(g: GraphView, technologies: string[]): SafeHtml {
  return html`<section id="technologies" aria-labelledby="technologies-h">
<h2 id="technologies-h">Technologies</h2>
${technologies.map((tech) => {
  const fullName = g.literal(tech, I.fullName);
  const steps = g.byPosition(g.objectIris(tech, I.hasStep));
  const refs = g.objectIris(tech, I.references);
  return html`<section class="technology" aria-labelledby="${`tech-${slugOf(tech)}`}">
<h3 id="${`tech-${slugOf(tech)}`}">${iriLink(g, tech)}${fullName ? html` <small>(${fullName})</small>` : ''}</h3>
${g.definition(tech) ? html`<p>${g.definition(tech)}</p>` : ''}
<dl class="facts">
<dt>Specified by</dt><dd>${linkList(g, g.objectIris(tech, I.specifiedBy), 'the draft names no specifying body')}</dd>
<dt>References</dt><dd>${linkList(g, g.byLabel(refs), 'none cited')}</dd>
${steps.length > 0 ? html`<dt>Steps</dt><dd>${processList(g, steps, 1)}</dd>` : ''}
</dl>
${editorialNotes(g, tech)}
</section>\n`;
})}
</section>`;
}

function slugOf(iri: string): string {
  return iri.slice(iri.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9-]/g, '-');
}

// --- Terms -----------------------------------------------------------------

function termsFacet(g: GraphView, protocol: string, name: string): SafeHtml {
  const listed = new Set(g.objectIris(protocol, I.usesTerm));
  const senses = unique([...g.subjectIris(I.senseInProtocol, protocol), ...g.objectIris(protocol, I.hasTermSense)]);
  const sensesByTerm = new Map<string, string[]>();
  for (const sense of senses) {
    for (const term of g.objectIris(sense, I.senseOf)) sensesByTerm.set(term, [...(sensesByTerm.get(term) ?? []), sense]);
  }
  const terms = g.byLabel(unique([...listed, ...sensesByTerm.keys()]));
  if (terms.length === 0) return html`<p class="none">No terms recorded.</p>`;
  return html`<table class="facet-table">
<caption>Terms of ${name} and what section 3.1 says they mean in ${name}</caption>
<thead><tr><th scope="col">Term</th><th scope="col">In the Terms list</th><th scope="col">Meaning in ${name}</th></tr></thead>
<tbody>
${terms.map((term) => {
  const termSenses = sensesByTerm.get(term) ?? [];
  return html`<tr data-term="${slugOf(term)}"><th scope="row">${iriLink(g, term)}</th>
<td>${listed.has(term) ? 'listed' : html`<span class="mark">not listed — section 3.1 only</span>`}</td>
<td>${termSenses.length === 0 ? html`<span class="none">listed only; section 3.1 gives no ${name} definition</span>` : termSenses.map((sense) => senseHtml(g, sense))}</td></tr>\n`;
})}</tbody>
</table>`;
}

function senseHtml(g: GraphView, sense: string): SafeHtml {
  const definition = g.literal(sense, P.definition);
  const sources = g.sources(sense);
  const matches = g.objectIris(sense, P.exactMatch).filter((m) => m !== sense && g.asserted(sense, P.exactMatch, m));
  return html`<div class="sense">${definition ? html`<q>${definition}</q>` : html`<span class="none">no definition</span>`}
<small>(${iriLink(g, sense, 'sense')}${sources.length > 0 ? html`; ${sourceLinks(sources)}` : ''})</small>
${matches.length > 0 ? html`<small class="xref">Same as ${linkList(g, matches)}.</small>` : ''}
${editorialNotes(g, sense)}</div>`;
}

// --- Players ---------------------------------------------------------------

function playersFacet(g: GraphView, protocol: string, name: string): SafeHtml {
  const listed = new Set(g.objectIris(protocol, I.hasPlayer));
  const roles = unique([...listed, ...g.objectIris(protocol, I.involvesRole)]);
  const roleName = (r: string): string => g.literal(r, I.roleName) ?? g.label(r);
  const sorted = [...roles].sort((a, b) => Number(listed.has(b)) - Number(listed.has(a)) || roleName(a).localeCompare(roleName(b)));
  if (sorted.length === 0) return html`<p class="none">No players recorded.</p>`;
  return html`<table class="facet-table">
<caption>Players of ${name}, their section 3.2 categories and the same player in other protocols</caption>
<thead><tr><th scope="col">Player</th><th scope="col">Players list</th><th scope="col">Category (section 3.2)</th><th scope="col">Same player in other protocols</th></tr></thead>
<tbody>
${sorted.map((role) => {
  const categories = g
    .objectIris(role, P.subClassOf)
    .filter((c) => g.hasType(c, C.playerCategory))
    .sort((a, b) => Number(g.literal(a, P.notation) ?? 99) - Number(g.literal(b, P.notation) ?? 99));
  const equivalents = g.byLabel(g.objectIris(role, P.equivalentClass).filter((e) => e !== role));
  return html`<tr data-role="${role.startsWith(BASE) ? role.slice(BASE.length) : role}"><th scope="row">${iriLink(g, role, roleName(role))}</th>
<td>${listed.has(role) ? 'listed' : html`<span class="mark">only mentioned</span>`}</td>
<td>${categories.length === 0 ? html`<span class="none">none in section 3.2</span>` : html`<ul class="values">${categories.map((c) => html`<li>${iriLink(g, c)}${g.inferredOnly(role, P.subClassOf, c) ? html` ${inferredBadge()}` : ''}</li>`)}</ul>`}</td>
<td>${equivalents.length === 0 ? html`<span class="none">—</span>` : html`<ul class="values">${equivalents.map((e) => html`<li>${iriLink(g, e)}${g.inferredOnly(role, P.equivalentClass, e) ? html` ${inferredBadge()}` : ''}</li>`)}</ul>`}</td></tr>\n`;
})}</tbody>
</table>`;
}

// --- Initial beliefs -------------------------------------------------------

function initialBeliefsFacet(g: GraphView, protocol: string): SafeHtml {
  const beliefs = g.objectIris(protocol, I.hasInitialBelief);
  if (beliefs.length === 0) return html`<p class="none">No initial beliefs recorded.</p>`;
  return html`${beliefs.map((belief) => {
    const bases = g.objectIris(belief, I.trustBasis);
    const note = g.literal(belief, I.trustNote);
    const credentials = g.byLabel(g.objectIris(belief, I.requiresCredential));
    return html`<div class="belief">
${g.literal(belief, P.comment) ? html`<blockquote class="draft-text"><p>${g.literal(belief, P.comment)}</p></blockquote>` : ''}
<dl class="facts">
<dt>Initial trust (section 3.3)</dt><dd>${bases.length === 0 ? html`<span class="none">not classified</span>` : bases.map((b) => html`${iriLink(g, b)} <small>(section ${g.literal(b, P.notation) ?? '3.3'})</small>`)}${note ? html`<blockquote class="draft-text"><p>${note}</p></blockquote>` : ''}</dd>
<dt>Credentials required</dt><dd>${credentialList(g, credentials)}</dd>
</dl>
<p class="more">${iriLink(g, belief, 'The initial belief resource')} · ${sourceLinks(g.sources(belief))}</p>
${editorialNotes(g, belief)}
</div>`;
  })}`;
}

function credentialList(g: GraphView, credentials: string[]): SafeHtml {
  if (credentials.length === 0) return html`<span class="none">none named</span>`;
  return html`<ul class="values">${credentials.map((c) => {
    const kinds = g.objectIris(c, P.broader).filter((k) => g.asserted(c, P.broader, k));
    return html`<li>${iriLink(g, c)}${kinds.length > 0 ? html` <small>(a kind of ${linkList(g, g.byLabel(kinds))})</small>` : ''}</li>`;
  })}</ul>`;
}

// --- Processes -------------------------------------------------------------

function processesFacet(g: GraphView, protocol: string): SafeHtml {
  const processes = g.byPosition(g.objectIris(protocol, I.hasProcess));
  const phases = g.byPosition(g.objectIris(protocol, I.hasStep));
  const shown = new Set<string>();
  const collect = (iri: string): void => {
    for (const m of g.objectIris(iri, I.hasMode)) shown.add(m);
    for (const s of g.objectIris(iri, I.hasStep)) collect(s);
  };
  [...processes, ...phases].forEach(collect);
  const modes = g.objectIris(protocol, I.hasMode);
  const extraModes = modes.filter((m) => !shown.has(m));
  return html`${processes.length > 0 ? processList(g, processes, 0) : html`<p class="none">No processes recorded.</p>`}
${phases.length > 0 ? html`<h4>Phases and sub-protocols</h4>${processList(g, phases, 0)}` : ''}
${modes.length > 0 ? html`<h4>Modes</h4>${extraModes.length === modes.length ? modeList(g, modes) : html`<p>${g.label(protocol)} offers ${modes.length} alternative mode(s): ${linkList(g, modes)} (described with the process they apply to above).</p>`}` : ''}`;
}

function processList(g: GraphView, items: string[], depth: number): SafeHtml {
  return html`<ol class="processes depth-${depth}">
${items.map((item) => {
  const position = g.position(item);
  const kinds = g.objectIris(item, I.processKind);
  const steps = g.byPosition(g.objectIris(item, I.hasStep));
  const modes = g.objectIris(item, I.hasMode);
  const definition = g.definition(item);
  return html`<li${position !== null ? html` value="${position}"` : ''} data-process="${slugOf(item)}"><p class="process-name">${iriLink(g, item)}${kinds.length > 0 ? html` <small class="kinds">— section 3.4: ${linkList(g, kinds)}</small>` : ''}</p>
${definition ? html`<p>${definition}</p>` : ''}
${editorialNotes(g, item)}
${steps.length > 0 && depth < 4 ? processList(g, steps, depth + 1) : ''}
${modes.length > 0 ? html`<p class="modes-heading">Modes (alternatives):</p>${modeList(g, modes)}` : ''}
</li>\n`;
})}</ol>`;
}

function modeList(g: GraphView, modes: string[]): SafeHtml {
  return html`<ul class="modes">
${g.byPosition(modes).map((mode) => html`<li data-mode="${slugOf(mode)}"><p class="process-name">${iriLink(g, mode)}</p>${g.definition(mode) ? html`<p>${g.definition(mode)}</p>` : ''}${editorialNotes(g, mode)}</li>\n`)}</ul>`;
}

// --- Beliefs imparted ------------------------------------------------------

function impartedFacet(g: GraphView, protocol: string, name: string): SafeHtml {
  const beliefs = g.objectIris(protocol, I.impartsBelief);
  if (beliefs.length === 0) return html`<p class="none">No imparted beliefs recorded.</p>`;
  return html`${beliefs.map((belief) => {
    const scope = g.literal(belief, I.trustScope);
    const credentials = g.byLabel(g.objectIris(belief, I.obtainsCredential));
    const trusted = g.byLabel(g.objectIris(belief, I.trusts));
    return html`<div class="belief">
${g.literal(belief, P.comment) ? html`<blockquote class="draft-text"><p>${g.literal(belief, P.comment)}</p></blockquote>` : ''}
<dl class="facts">
<dt>Scope of the resulting trust (section 3.5)</dt><dd>${scope ? html`<blockquote class="draft-text"><p>${scope}</p></blockquote>` : html`<span class="none">Section 3.5 does not discuss ${name}.</span>`}</dd>
<dt>Credentials obtained</dt><dd>${credentialList(g, credentials)}</dd>
<dt>Trusted afterwards</dt><dd>${trusted.length === 0 ? html`<span class="none">no player named</span>` : html`<ul class="values">${trusted.map((r) => html`<li>${iriLink(g, r)}</li>`)}</ul>`}</dd>
</dl>
<p class="more">${iriLink(g, belief, 'The imparted belief resource')} · ${sourceLinks(g.sources(belief))}</p>
${editorialNotes(g, belief)}
</div>`;
  })}`;
}
