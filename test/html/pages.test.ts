// Protocol pages lay out the five facets in the draft's order with their
// processes, steps and modes in order; resource pages keep asserted and
// inferred statements apart and explain inferences; the ontology page
// documents every iot: class and property under an anchor.
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeResource } from '../../src/describe/resourceDescription.js';
import { renderOntologyPage, renderResourcePage } from '../../src/html/pages.js';
import type { SiteContext } from '../../src/html/site.js';
import { escapeHtml } from '../../src/html/escape.js';
import { loadStoredQueries } from '../../src/query/storedQueries.js';
import { SparqlEngine } from '../../src/query/sparqlEngine.js';
import { BASE, DRAFT, GRAPH, IOT, OWL, RDF } from '../../src/namespaces.js';
import { embeddedKnowledgeGraph, QUERIES_DIR } from '../helpers/knowledgeGraph.js';
import { elementWith, textOf } from './support.js';

const { namedNode } = DataFactory;
const FACETS = ['terms', 'players', 'initial-beliefs', 'processes', 'beliefs-imparted'];
const PROTOCOLS = ['bluetooth', 'dpp', 'est', 'lwm2m', 'eap-noob', 'ocf', 'fido', 'brski', 'sztp', 'lpwan', 'thread'];

let site: SiteContext;
const cache = new Map<string, string>();

function pageOf(path: string): string {
  let html = cache.get(path);
  if (html === undefined) {
    const description = describeResource(site.kg.store, `${BASE}${path}`);
    if (!description) throw new Error(`no resource ${path}`);
    html = renderResourcePage(site, description);
    cache.set(path, html);
  }
  return html;
}

/** Asserts that the needles occur in this order. */
function expectInOrder(html: string, needles: string[], what: string): void {
  const positions = needles.map((n) => html.indexOf(n));
  needles.forEach((n, i) => expect(positions[i], `${what}: ${n}`).toBeGreaterThan(-1));
  expect(positions, what).toEqual([...positions].sort((a, b) => a - b));
}

beforeAll(async () => {
  const kg = await embeddedKnowledgeGraph();
  site = { kg, storedQueries: loadStoredQueries(QUERIES_DIR), sparql: new SparqlEngine(kg.store), publicUrl: 'http://127.0.0.1:8080' };
}, 60_000);

describe('protocol pages', () => {
  it('show name, body and references, then the five facets in the draft order, for all eleven protocols', () => {
    for (const p of PROTOCOLS) {
      const html = pageOf(`protocol/${p}`);
      expectInOrder(html, ['<h1 id="title">', 'class="definition"', 'id="references"', ...FACETS.map((f) => `id="facet-${f}"`), 'id="statements"'], p);
    }
    const brski = pageOf('protocol/brski');
    expect(brski).toContain('Bootstrapping Remote Secure Key Infrastructures');
    expect(brski).toContain(`href="${DRAFT}#section-2.8"`);
    expect(elementWith(brski, 'id="references"')).toContain('href="/spec/rfc8995"');
    expectInOrder(brski, ['Terms</a></h3>', 'Players</a></h3>', 'Initial beliefs assumed in the device</a></h3>', 'Processes</a></h3>', 'Beliefs imparted to the device after protocol execution</a></h3>'], 'facet headings');
  });

  it('give each term its section 3.1 meaning, and mark senses outside the Terms list', () => {
    const terms = elementWith(pageOf('protocol/brski'), 'id="facet-terms"')!;
    expect(terms).toContain('<q>A protocol to obtain a local trust anchor.</q>');
    expect(terms).toContain('<q>Same process describe as EST.</q>');
    expect(textOf(elementWith(terms, 'data-term="imprint"')!)).toContain('not listed — section 3.1 only');
    expect(textOf(elementWith(terms, 'data-term="onboarding"')!)).toContain('listed only; section 3.1 gives no BRSKI definition');
  });

  it('give each player its 3.2 categories, listed or only mentioned, and equivalents marked inferred', () => {
    const players = elementWith(pageOf('protocol/brski'), 'id="facet-players"')!;
    const pledge = elementWith(players, 'data-role="protocol/brski/role/pledge"')!;
    expect(textOf(pledge)).toContain('listed');
    expect(pledge).toContain('href="/category/joining-device"');
    expect(pledge).toContain('href="/protocol/thread/role/joiner">Thread Joiner</a> <span class="badge inferred"');
    const masa = elementWith(players, 'data-role="protocol/brski/role/masa"')!;
    expect(textOf(masa)).toContain('only mentioned');
    expect(masa).toContain('href="/category/third-party"');
    const joiner = elementWith(elementWith(pageOf('protocol/thread'), 'id="facet-players"')!, 'data-role="protocol/thread/role/joiner"')!;
    expect(joiner).toMatch(/href="\/category\/joining-device">Joining device<\/a> <span class="badge inferred"/);
  });

  it('show the initial beliefs with the 3.3 trust basis and credentials, and the imparted beliefs with the 3.5 scope', () => {
    const initial = elementWith(pageOf('protocol/brski'), 'id="facet-initial-beliefs"')!;
    expect(initial).toContain('Every device has an IDevID, installed and signed by the manufacturer');
    expect(initial).toContain('href="/trust/installed-credentials"');
    expect(initial).toContain('(section 3.3.2)');
    expect(initial).toContain('BRSKI have manufacturer-installed certificates as starting point to establish trust.');
    expect(initial).toContain('href="/protocol/brski/credential/idevid"');
    const imparted = elementWith(pageOf('protocol/brski'), 'id="facet-beliefs-imparted"')!;
    expect(imparted).toContain('trusts the registrar/JRC, through a voucher issued by the manufacturer');
    expect(imparted).toContain('obtain domain specific certificates to act as trustworhty entities within the domain.');
    expect(imparted).toContain('href="/protocol/brski/role/jrc"');
    expect(imparted).toContain('href="/protocol/brski/credential/voucher"');
    expect(textOf(elementWith(pageOf('protocol/dpp'), 'id="facet-beliefs-imparted"')!)).toContain('Section 3.5 does not discuss DPP.');
  });

  it('list processes in iot:position order, with steps and modes nested in order', () => {
    const brski = elementWith(pageOf('protocol/brski'), 'id="facet-processes"')!;
    expectInOrder(brski, ['data-process="discover"', 'data-process="self-identify"', 'data-process="joint-registrar"', 'data-process="imprint-registrar"', 'data-process="enroll"'], 'BRSKI processes');
    expect(brski).toContain('<strong>Note on the draft:</strong> The draft writes &#39;joint registrar&#39;');
    const bluetooth = elementWith(pageOf('protocol/bluetooth'), 'id="facet-processes"')!;
    const provisioning = elementWith(bluetooth, 'data-process="provisioning"')!;
    expectInOrder(provisioning, ['data-process="beaconing-for-discover"', 'data-process="negotiation"', 'data-process="public-key-exchange"', 'data-process="authentication"', 'data-process="distribution-of-provisioning-data"'], 'Bluetooth stages');
    const authentication = elementWith(provisioning, 'data-process="authentication"')!;
    expectInOrder(authentication, ['data-mode="output-oob"', 'data-mode="input-oob"', 'data-mode="static-oob"', 'data-mode="no-oob"'], 'Bluetooth authentication methods');
    const dpp = elementWith(pageOf('protocol/dpp'), 'id="facet-processes"')!;
    expectInOrder(dpp, ['data-process="bootstrapping"', 'data-process="authentication"', 'data-process="provisioning"', 'data-process="network-access"', 'Phases and sub-protocols', 'href="/protocol/dpp/step/bootstrapping"', 'href="/protocol/dpp/step/authentication"', 'href="/protocol/dpp/step/configuration"'], 'DPP processes then phases');
    const lwm2m = elementWith(pageOf('protocol/lwm2m'), 'id="facet-processes"')!;
    expectInOrder(lwm2m, ['data-mode="factory-bootstrap"', 'data-mode="bootstrap-from-smartcard"', 'data-mode="client-initiated-bootstrap"', 'data-mode="server-initiated-bootstrap"'], 'LwM2M modes');
  });

  it('show the four LPWAN technologies with their steps', () => {
    const html = pageOf('protocol/lpwan');
    const technologies = elementWith(html, 'id="technologies"')!;
    for (const tech of ['lorawan', 'wi-sun-fan', 'nb-iot', 'sigfox']) expect(technologies).toContain(`href="/protocol/lpwan/technology/${tech}"`);
    expectInOrder(technologies, ['href="/protocol/lpwan/step/lorawan-joining"', 'href="/protocol/lpwan/step/lorawan-join-request"', 'href="/protocol/lpwan/step/lorawan-join-accept"'], 'LoRaWAN steps');
    expectInOrder(html, ['id="technologies"', 'id="facet-terms"'], 'technologies before the facets');
  });
});

describe('resource pages', () => {
  it('show label, definition, draft sources, formats and SPARQL links', () => {
    const html = pageOf('protocol/brski/role/pledge');
    expect(html).toContain('<h1 id="title">BRSKI Pledge</h1>');
    expect(html).toContain('class="definition">Player named Pledge in the BRSKI Players list');
    expect(html).toContain(`<a class="draft-section" href="${DRAFT}#section-2.8">Section 2.8</a>`);
    for (const ext of ['ttl', 'jsonld', 'nt', 'rdf', 'trig', 'nq']) expect(html).toContain(`href="/protocol/brski/role/pledge?format=${ext}"`);
    expect(html).toContain(`href="/sparql?query=${encodeURIComponent(`DESCRIBE <${BASE}protocol/brski/role/pledge>`)}"`);
    expect(html).toContain('href="/query"');
  });

  it('keep inferred statements out of the asserted table and explain inferred equivalences and categories', () => {
    const html = pageOf('protocol/thread/role/joiner');
    const asserted = elementWith(html, 'id="statements"')!;
    expect(asserted).not.toContain('/protocol/brski/role/pledge');
    const inferred = elementWith(html, 'id="inferred"')!;
    expect(inferred).toContain('class="badge inferred"');
    const items = inferred.split('<li class="inferred-item">').slice(1);
    const item = (relation: string, target: string): string =>
      items.find((li) => new RegExp(`^[^\\n]*class="pred">${relation}</span> <a href="${target}"`).test(li))!;
    const pledge = item('equivalent class', '/protocol/brski/role/pledge');
    expect(pledge).toBeDefined();
    expect(pledge).toContain('Why: 2 asserted statements');
    expect(pledge).toContain('The BRSKI pledge, the DPP enrollee and the Thread joiner are each the new device');
    expect(pledge).toContain(`href="${DRAFT}#section-2.11"`);
    const category = item('subclass of', '/category/joining-device');
    expect(category).toBeDefined();
    expect(category).toContain('Section 3.2 lists &#39;enrollee&#39; under &#39;Device that intends to securely join a network&#39;.');
    // The statements the explanation relies on are asserted in graph/data.
    for (const step of category.matchAll(/<p class="step">([\s\S]*?)<\/p>/g)) expect(step[1]).not.toContain('inferred');
  });

  it('show justifications of asserted memberships, incoming links and editorial notes', () => {
    const pledge = pageOf('protocol/brski/role/pledge');
    expect(elementWith(pledge, 'id="statements"')).toContain('Section 3.2 lists &#39;pledge&#39; under &#39;Device that intends to securely join a network&#39;.');
    expect(elementWith(pledge, 'id="incoming"')).toContain('href="/protocol/brski"');
    const jrc = pageOf('protocol/brski/role/jrc');
    expect(jrc).toContain(`<strong>Note on the draft:</strong> ${escapeHtml("RFC 8995 uses 'registrar' and 'JRC' for one entity")}`);
  });

  it('group a category’s members in the incoming links, inferred ones marked', () => {
    const incoming = elementWith(pageOf('category/joining-device'), 'id="incoming"')!;
    expect(incoming).toContain('href="/protocol/brski/role/pledge"');
    expect(incoming).toMatch(/href="\/protocol\/thread\/role\/joiner">Thread Joiner<\/a> <span class="badge inferred"/);
  });
});

describe('ontology page', () => {
  let html: string;
  beforeAll(() => {
    html = renderOntologyPage(site);
  });

  it('documents every iot: class and property under an anchor named by its local name', () => {
    const store = site.kg.store;
    const ontology = namedNode(GRAPH.ontology);
    const terms = new Set<string>();
    for (const type of [`${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`]) {
      for (const s of store.getSubjects(namedNode(`${RDF}type`), namedNode(type), ontology)) if (s.value.startsWith(IOT)) terms.add(s.value);
    }
    expect(terms.size).toBeGreaterThan(40);
    for (const term of terms) {
      const local = term.slice(IOT.length);
      const section = elementWith(html, `id="${local}"`);
      expect(section, local).not.toBeNull();
      expect(section, local).toContain(`<code>${term}</code>`);
    }
  });

  it('gives the metadata, how to cite and import, and the namespaces', () => {
    const metadata = textOf(elementWith(html, 'id="metadata"')!);
    for (const text of ['IoT Initial Security Setup Ontology', 'https://w3id.org/iot-setup/ontology/0.1.0', '0.1.0', 'IoT Setup Linked Data team', 'https://creativecommons.org/licenses/by/4.0/', '2026-11-26']) expect(metadata).toContain(text);
    expect(elementWith(html, 'id="cite"')).toContain('IoT Initial Security Setup Ontology, version 0.1.0.');
    const importing = elementWith(html, 'id="import"')!;
    expect(importing).toContain('owl:imports &lt;https://w3id.org/iot-setup/ontology&gt;');
    expect(importing).toContain('Open from URL');
    const namespaces = elementWith(html, 'id="namespaces"')!;
    expect(namespaces).toContain('<code>iot</code>');
    expect(namespaces).toContain('https://w3id.org/iot-setup/ontology#');
  });

  it('nests the class hierarchy and states domains, ranges and characteristics', () => {
    const hierarchy = elementWith(html, 'id="hierarchy"')!;
    expect(hierarchy).toMatch(/<li><a href="#Process">Process<\/a><ul class=""><li><a href="#Mode">Mode<\/a><\/li><li><a href="#Step">Step<\/a><\/li><\/ul><\/li>/);
    const precedes = textOf(elementWith(html, 'id="precedes"')!);
    expect(precedes).toContain('Characteristics transitive');
    expect(precedes).toContain('Inverse of follows');
    expect(precedes).toContain('Domain Process');
    expect(textOf(elementWith(html, 'id="position"')!)).toContain('Characteristics functional');
    expect(textOf(elementWith(html, 'id="hasTermSense"')!)).toMatch(/Inverse of sense in protocol.*Domain Protocol.*Range Term Sense/);
  });

  it('counts and links the individuals of each class', () => {
    const row = elementWith(html, 'id="individuals-Protocol"')!;
    expect(row).toContain('<td class="num">11</td>');
    expect(row).toContain('href="/protocol/brski"');
  });
});
