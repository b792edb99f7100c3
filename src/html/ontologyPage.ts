// The ontology documentation at /ontology, laid out as pyLODE and WIDOCO
// do: metadata, how to cite, how to import, namespaces, the class
// hierarchy, every class and property (anchor id = local name, so
// /ontology#Protocol lands on it), and the individuals per class.
import { DataFactory } from 'n3';
import type { SiteContext } from './site.js';
import { html, type SafeHtml } from './escape.js';
import { page } from './layout.js';
import { C, EXTRA_PREFIXES, GraphView, P, compactIri, unique } from './graph.js';
import { inferredBadge, iriLink, iriText, linkList, sourceLinks } from './render.js';
import { DCTERMS, DRAFT, GRAPH, IOT, ONTOLOGY_IRI, OWL, VANN } from '../namespaces.js';

const { namedNode } = DataFactory;
const cache = new WeakMap<SiteContext, string>();

const CHARACTERISTICS: Array<[string, string]> = [
  [`${OWL}FunctionalProperty`, 'functional'],
  [`${OWL}InverseFunctionalProperty`, 'inverse functional'],
  [`${OWL}TransitiveProperty`, 'transitive'],
  [`${OWL}SymmetricProperty`, 'symmetric'],
  [`${OWL}AsymmetricProperty`, 'asymmetric'],
  [`${OWL}ReflexiveProperty`, 'reflexive'],
  [`${OWL}IrreflexiveProperty`, 'irreflexive'],
];

/** The anchor of a term on this page: the local name for iot: terms, prefix-localname for reused ones. */
export function ontologyAnchor(iri: string): string {
  if (iri.startsWith(IOT)) return iri.slice(IOT.length);
  const compact = compactIri(iri);
  if (compact) return compact.replace(':', '-');
  return `term-${iri.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export function renderOntology(site: SiteContext): string {
  const cached = cache.get(site);
  if (cached !== undefined) return cached;
  const rendered = build(site);
  cache.set(site, rendered);
  return rendered;
}

interface Declared {
  classes: string[];
  objectProperties: string[];
  datatypeProperties: string[];
  annotationProperties: string[];
}

function build(site: SiteContext): string {
  const store = site.kg.store;
  const g = new GraphView(store);
  const ontologyGraph = namedNode(GRAPH.ontology);
  const declaredOf = (type: string): string[] =>
    unique(
      store
        .getSubjects(namedNode(P.type), namedNode(type), ontologyGraph)
        .filter((t) => t.termType === 'NamedNode')
        .map((t) => t.value),
    );
  const declared: Declared = {
    classes: declaredOf(C.owlClass),
    objectProperties: declaredOf(C.objectProperty),
    datatypeProperties: declaredOf(C.datatypeProperty),
    annotationProperties: declaredOf(C.annotationProperty),
  };
  const onPage = new Set([...declared.classes, ...declared.objectProperties, ...declared.datatypeProperties, ...declared.annotationProperties]);
  /** Links to terms documented here stay on this page. */
  const termLink = (iri: string): SafeHtml =>
    onPage.has(iri) ? html`<a href="#${ontologyAnchor(iri)}">${g.label(iri)}</a>${iri.startsWith(IOT) ? '' : html` <small>(${compactIri(iri) ?? iri})</small>`}` : iriLink(g, iri);
  const termLinks = (iris: string[]): SafeHtml =>
    iris.length === 0 ? html`<span class="none">—</span>` : html`${g.byLabel(iris).map((iri, i) => html`${i > 0 ? ', ' : ''}${termLink(iri)}`)}`;
  const inOntology = (s: string, p: string): string[] =>
    unique(store.getObjects(namedNode(s), namedNode(p), ontologyGraph).filter((t) => t.termType === 'NamedNode').map((t) => t.value));
  const subjectsInOntology = (p: string, o: string): string[] =>
    unique(store.getSubjects(namedNode(p), namedNode(o), ontologyGraph).filter((t) => t.termType === 'NamedNode').map((t) => t.value));

  const own = (iris: string[]): string[] => g.byLabel(iris.filter((i) => i.startsWith(IOT)));
  const reused = (iris: string[]): string[] => g.byLabel(iris.filter((i) => !i.startsWith(IOT)));
  const title = g.literal(ONTOLOGY_IRI, P.title) ?? 'Ontology';
  const allProperties = [...declared.objectProperties, ...declared.datatypeProperties, ...declared.annotationProperties];

  // --- metadata ---------------------------------------------------------------
  const meta = (label: string, value: SafeHtml | string | null): SafeHtml =>
    value === null || value === '' ? html`` : html`<dt>${label}</dt><dd>${value}</dd>\n`;
  const literalList = (p: string): string | null => {
    const values = g.literals(ONTOLOGY_IRI, p);
    return values.length === 0 ? null : values.join('; ');
  };
  const versionIri = g.objectIris(ONTOLOGY_IRI, `${OWL}versionIRI`)[0] ?? null;
  const licenses = g.objectIris(ONTOLOGY_IRI, `${DCTERMS}license`);
  const imports = g.objectIris(ONTOLOGY_IRI, `${OWL}imports`);

  // --- class hierarchy (asserted, ontology graph) -----------------------------
  const classSet = new Set(declared.classes);
  const parentsOf = (c: string): string[] => inOntology(c, P.subClassOf).filter((p) => classSet.has(p) && p !== c);
  const childrenOf = (c: string): string[] => g.byLabel(declared.classes.filter((x) => parentsOf(x).includes(c)));
  const roots = g.byLabel(declared.classes.filter((c) => parentsOf(c).length === 0));
  const tree = (nodes: string[], depth: number): SafeHtml =>
    html`<ul class="${depth === 0 ? 'hierarchy' : ''}">${nodes.map((c) => {
      const children = depth < 8 ? childrenOf(c) : [];
      return html`<li>${termLink(c)}${children.length > 0 ? tree(children, depth + 1) : ''}</li>`;
    })}</ul>`;

  // --- individuals ------------------------------------------------------------
  const individuals = (cls: string): { asserted: string[]; all: string[] } => {
    const quads = store.getQuads(null, namedNode(P.type), namedNode(cls), null).filter((q) => q.subject.termType === 'NamedNode');
    const asserted = unique(quads.filter((q) => q.graph.value !== GRAPH.entailments && q.graph.value !== GRAPH.ontology).map((q) => q.subject.value));
    const all = unique(quads.filter((q) => q.graph.value !== GRAPH.ontology).map((q) => q.subject.value));
    return { asserted: g.byLabel(asserted), all };
  };

  // --- entries ----------------------------------------------------------------
  const classEntry = (c: string): SafeHtml => {
    const supers = inOntology(c, P.subClassOf);
    const subs = subjectsInOntology(P.subClassOf, c).filter((s) => classSet.has(s));
    const disjoint = unique([...inOntology(c, P.disjointWith), ...subjectsInOntology(P.disjointWith, c)]);
    const inDomain = allProperties.filter((p) => inOntology(p, P.domain).includes(c));
    const inRange = allProperties.filter((p) => inOntology(p, P.range).includes(c));
    const members = individuals(c);
    return html`<section class="term" id="${ontologyAnchor(c)}" aria-labelledby="${ontologyAnchor(c)}-h">
<h4 id="${ontologyAnchor(c)}-h">${g.label(c)} <small class="term-kind">class</small></h4>
<dl class="facts">
<dt>IRI</dt><dd><code>${c}</code></dd>
${meta('Definition', g.definition(c))}
${supers.length > 0 ? meta('Superclasses', termLinks(supers)) : ''}
${subs.length > 0 ? meta('Subclasses', termLinks(subs)) : ''}
${disjoint.length > 0 ? meta('Disjoint with', termLinks(disjoint)) : ''}
${inDomain.length > 0 ? meta('In the domain of', termLinks(inDomain)) : ''}
${inRange.length > 0 ? meta('In the range of', termLinks(inRange)) : ''}
${g.sources(c).length > 0 ? meta('Source', sourceLinks(g.sources(c))) : ''}
${c.startsWith(IOT) ? meta('Individuals', html`<a href="#individuals-${ontologyAnchor(c)}">${members.asserted.length} asserted</a>${members.all.length > members.asserted.length ? html`, ${members.all.length} with inference` : ''}`) : ''}
${g.objectIris(c, P.isDefinedBy).length > 0 && !c.startsWith(IOT) ? meta('Defined by', html`${g.objectIris(c, P.isDefinedBy).map((d) => iriText(d))}`) : ''}
</dl>
</section>\n`;
  };

  const propertyEntry = (p: string): SafeHtml => {
    const kinds = [
      declared.objectProperties.includes(p) ? 'object property' : null,
      declared.datatypeProperties.includes(p) ? 'datatype property' : null,
      declared.annotationProperties.includes(p) ? 'annotation property' : null,
    ].filter(Boolean) as string[];
    const characteristics = CHARACTERISTICS.filter(([type]) => store.countQuads(namedNode(p), namedNode(P.type), namedNode(type), ontologyGraph) > 0).map(([, name]) => name);
    const inverse = unique([...inOntology(p, P.inverseOf), ...subjectsInOntology(P.inverseOf, p)]);
    const supers = inOntology(p, P.subPropertyOf);
    const subs = subjectsInOntology(P.subPropertyOf, p);
    const domain = inOntology(p, P.domain);
    const range = inOntology(p, P.range);
    return html`<section class="term" id="${ontologyAnchor(p)}" aria-labelledby="${ontologyAnchor(p)}-h">
<h4 id="${ontologyAnchor(p)}-h">${g.label(p)} <small class="term-kind">${kinds.join(', ')}</small></h4>
<dl class="facts">
<dt>IRI</dt><dd><code>${p}</code></dd>
${meta('Definition', g.definition(p))}
${meta('Characteristics', characteristics.length > 0 ? characteristics.join(', ') : null)}
${inverse.length > 0 ? meta('Inverse of', termLinks(inverse)) : ''}
${supers.length > 0 ? meta('Super-properties', termLinks(supers)) : ''}
${subs.length > 0 ? meta('Sub-properties', termLinks(subs)) : ''}
${meta('Domain', domain.length > 0 ? termLinks(domain) : null)}
${meta('Range', range.length > 0 ? termLinks(range) : null)}
${g.sources(p).length > 0 ? meta('Source', sourceLinks(g.sources(p))) : ''}
</dl>
</section>\n`;
  };

  const reusedTable = (iris: string[], caption: string): SafeHtml =>
    iris.length === 0
      ? html``
      : html`<table class="reused">
<caption>${caption}</caption>
<thead><tr><th scope="col">Term</th><th scope="col">IRI</th><th scope="col">Definition</th></tr></thead>
<tbody>${iris.map((iri) => html`<tr id="${ontologyAnchor(iri)}"><th scope="row">${g.label(iri)}</th><td>${iriText(iri)}</td><td>${g.definition(iri) ?? ''}${inOntology(iri, P.subPropertyOf).length > 0 ? html` <small>Sub-property of ${termLinks(inOntology(iri, P.subPropertyOf))}.</small>` : ''}</td></tr>\n`)}</tbody>
</table>`;

  const ownClasses = own(declared.classes);
  const namespaces = Object.entries(EXTRA_PREFIXES);
  const citation = g.literal(ONTOLOGY_IRI, `${DCTERMS}bibliographicCitation`);
  const turtleUrl = `${site.publicUrl}/ontology?format=ttl`;

  const main = html`<article class="ontology" aria-labelledby="title">
<header class="resource-head">
<p class="kind">Ontology</p>
<h1 id="title">${title}</h1>
<p class="iri"><code>${ONTOLOGY_IRI}</code></p>
</header>
${g.literal(ONTOLOGY_IRI, `${DCTERMS}description`) ? html`<p class="definition">${g.literal(ONTOLOGY_IRI, `${DCTERMS}description`)}</p>` : ''}
<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>
<li><a href="#metadata">Metadata</a></li><li><a href="#cite">How to cite</a></li><li><a href="#import">How to import</a></li>
<li><a href="#namespaces">Namespaces</a></li><li><a href="#hierarchy">Class hierarchy</a></li><li><a href="#classes">Classes</a></li>
<li><a href="#object-properties">Object properties</a></li><li><a href="#datatype-properties">Datatype properties</a></li>
<li><a href="#annotation-properties">Annotation properties</a></li><li><a href="#individuals">Individuals per class</a></li>
</ol></nav>
<section id="metadata" aria-labelledby="metadata-h">
<h2 id="metadata-h">Metadata</h2>
<dl class="facts">
${meta('Title', title)}
${meta('IRI', html`<code>${ONTOLOGY_IRI}</code>`)}
${meta('Version IRI', versionIri ? html`<code>${versionIri}</code>` : null)}
${meta('Version', g.literal(ONTOLOGY_IRI, `${OWL}versionInfo`))}
${meta('Description', g.literal(ONTOLOGY_IRI, `${DCTERMS}description`))}
${meta('Comment', g.literal(ONTOLOGY_IRI, P.comment))}
${meta('Creators', literalList(`${DCTERMS}creator`))}
${meta('Contributors', literalList(`${DCTERMS}contributor`))}
${meta('License', licenses.length > 0 ? html`${licenses.map((l) => iriText(l))}` : null)}
${meta('Created', g.literal(ONTOLOGY_IRI, `${DCTERMS}created`))}
${meta('Modified', g.literal(ONTOLOGY_IRI, `${DCTERMS}modified`))}
${meta('Issued', g.literal(ONTOLOGY_IRI, `${DCTERMS}issued`))}
${meta('Source', g.objectIris(ONTOLOGY_IRI, P.source).length > 0 ? sourceLinks(g.objectIris(ONTOLOGY_IRI, P.source)) : null)}
${meta('Preferred prefix', g.literal(ONTOLOGY_IRI, `${VANN}preferredNamespacePrefix`))}
${meta('Preferred namespace', g.literal(ONTOLOGY_IRI, `${VANN}preferredNamespaceUri`) ? html`<code>${g.literal(ONTOLOGY_IRI, `${VANN}preferredNamespaceUri`)}</code>` : null)}
${meta('Imports', imports.length > 0 ? html`${imports.map((i) => iriText(i))}` : 'nothing (the reused SKOS, PROV-O, DCTERMS, VANN and FOAF terms are declared in the ontology itself)')}
${meta('Counts', `${own(declared.classes).length} classes, ${own(declared.objectProperties).length} object properties, ${own(declared.datatypeProperties).length} datatype properties, ${own(declared.annotationProperties).length} annotation properties in the iot: namespace`)}
</dl>
<p>This ontology as RDF: <a href="/ontology?format=ttl" type="text/turtle">Turtle</a> · <a href="/ontology?format=rdf" type="application/rdf+xml">RDF/XML</a> · <a href="/ontology?format=jsonld" type="application/ld+json">JSON-LD</a> · <a href="/ontology?format=nt" type="application/n-triples">N-Triples</a></p>
</section>
<section id="cite" aria-labelledby="cite-h">
<h2 id="cite-h">How to cite</h2>
${citation ? html`<blockquote class="citation"><p>${citation}</p></blockquote>` : html`<p class="none">No citation given.</p>`}
<p>The knowledge it models comes from <a href="${DRAFT}">draft-irtf-t2trg-security-setup-iot-devices-01</a>.</p>
</section>
<section id="import" aria-labelledby="import-h">
<h2 id="import-h">How to import</h2>
<p>Import it into your own ontology with <code>owl:imports</code>:</p>
<pre class="code"><code>@prefix owl: &lt;http://www.w3.org/2002/07/owl#&gt; .
@prefix iot: &lt;${IOT}&gt; .

&lt;https://example.org/my-ontology&gt; a owl:Ontology ;
    owl:imports &lt;${ONTOLOGY_IRI}&gt; .</code></pre>
<p>In Protégé: <em>File › Open from URL…</em> and enter <code>${ONTOLOGY_IRI}</code> (or this server's copy, <code>${turtleUrl}</code>); to import it into an ontology you are editing, use <em>Active ontology › Imported ontologies › +</em> and choose “Import an ontology contained in a document located on the Web” with the same URL.
The ontology is OWL 2 DL: role and category IRIs are punned (classes and individuals), which OWL 2 DL allows.</p>
</section>
<section id="namespaces" aria-labelledby="namespaces-h">
<h2 id="namespaces-h">Namespaces</h2>
<table>
<caption class="visually-hidden">Prefixes used by the ontology and the data</caption>
<thead><tr><th scope="col">Prefix</th><th scope="col">Namespace IRI</th></tr></thead>
<tbody>${namespaces.map(([prefix, ns]) => html`<tr><th scope="row"><code>${prefix}</code></th><td>${iriText(ns)}</td></tr>\n`)}</tbody>
</table>
</section>
<section id="hierarchy" aria-labelledby="hierarchy-h">
<h2 id="hierarchy-h">Class hierarchy</h2>
<p class="hint">Asserted <code>rdfs:subClassOf</code> between the classes the ontology declares. Player roles and categories in the data are also classes (punned); they appear under <a href="#individuals">individuals</a>.</p>
${tree(roots, 0)}
</section>
<section id="classes" aria-labelledby="classes-h">
<h2 id="classes-h">Classes</h2>
${ownClasses.map(classEntry)}
<h3>Reused classes</h3>
${reused(declared.classes).map(classEntry)}
</section>
<section id="object-properties" aria-labelledby="object-properties-h">
<h2 id="object-properties-h">Object properties</h2>
${own(declared.objectProperties).map(propertyEntry)}
<h3>Reused object properties</h3>
${reused(declared.objectProperties).map(propertyEntry)}
</section>
<section id="datatype-properties" aria-labelledby="datatype-properties-h">
<h2 id="datatype-properties-h">Datatype properties</h2>
${own(declared.datatypeProperties).map(propertyEntry)}
${reused(declared.datatypeProperties).length > 0 ? html`<h3>Reused datatype properties</h3>${reused(declared.datatypeProperties).map(propertyEntry)}` : ''}
</section>
<section id="annotation-properties" aria-labelledby="annotation-properties-h">
<h2 id="annotation-properties-h">Annotation properties</h2>
${own(declared.annotationProperties).map(propertyEntry)}
${reusedTable(reused(declared.annotationProperties), 'Reused annotation properties')}
</section>
<section id="individuals" aria-labelledby="individuals-h">
<h2 id="individuals-h">Individuals per class</h2>
<table class="individuals">
<caption class="visually-hidden">Number of individuals of each class, asserted and with inference</caption>
<thead><tr><th scope="col">Class</th><th scope="col">Asserted</th><th scope="col">With inference</th><th scope="col">Individuals</th></tr></thead>
<tbody>
${ownClasses.map((c) => {
  const members = individuals(c);
  const extra = members.all.filter((m) => !members.asserted.includes(m));
  return html`<tr id="individuals-${ontologyAnchor(c)}"><th scope="row">${termLink(c)}</th><td class="num">${members.asserted.length}</td><td class="num">${members.all.length}</td>
<td>${members.all.length === 0 ? html`<span class="none">—</span>` : html`<details><summary>${members.asserted.length > 0 ? `${members.asserted.length} listed` : 'show'}${extra.length > 0 ? ` + ${extra.length} by inference` : ''}</summary>${linkList(g, members.asserted, '')}${extra.length > 0 ? html`<p>${inferredBadge()} ${linkList(g, g.byLabel(extra))}</p>` : ''}</details>`}</td></tr>\n`;
})}</tbody>
</table>
</section>
</article>`;

  return page({ title, main, current: 'ontology', description: g.literal(ONTOLOGY_IRI, `${DCTERMS}description`) ?? undefined, head: html`<link rel="alternate" type="text/turtle" href="/ontology?format=ttl">` });
}
