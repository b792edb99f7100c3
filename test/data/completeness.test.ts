// Completeness of the knowledge graph against the draft: every list the draft
// gives (section 2 facets, 3.1 term senses, 3.2 categories, 3.3 trust
// classification, 3.4 process kinds, section 1 umbrella terms, section 4
// considerations) is in the asserted data graph, no more and no less.
// Expectations come from hand-read fixtures and from the draft text itself.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import type { QuadStore } from '../../src/store/index.js';
import type { Term } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddedKnowledgeGraph, FIXTURES_DIR } from '../helpers/knowledgeGraph.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { BASE, DCTERMS, DRAFT, GRAPH, IOT, RDF, RDFS, SKOS } from '../../src/namespaces.js';

const { namedNode } = DataFactory;

// --- Fixtures -----------------------------------------------------------------

interface ProtocolLists {
  terms: string[];
  players: string[];
  processes: string[];
  technologies?: string[];
}

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8')) as Record<string, unknown>;
}

const draftLists = Object.fromEntries(
  Object.entries(readJson('draft-lists.json')).filter(([key]) => !key.startsWith('_')),
) as Record<string, ProtocolLists>;
const termSenses = Object.fromEntries(
  Object.entries(readJson('term-senses.json')).filter(([key]) => !key.startsWith('_')),
) as Record<string, string[]>;

/** Protocol slugs in the order of the draft's sections 2.1–2.11 (the fixture keeps that order). */
const PROTOCOLS = Object.keys(draftLists);

// --- The draft text -------------------------------------------------------------

const DRAFT_FILE =
  process.env.IOT_DRAFT_TEXT ??
  join(PROJECT_ROOT, '..', 'shared', 'source', 'draft-irtf-t2trg-security-setup-iot-devices-01.txt');

/**
 * The draft as one line of text: page footers and headers removed, a line
 * ending in a hyphen joined to the next without a space (the formatter breaks
 * "third-party" as "third-" / "party"), all other whitespace collapsed.
 */
function normaliseDraft(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    if (/^Sethi, et al\. +Expires .*\[Page \d+\]$/.test(raw) || /^Internet-Draft +IoT initial security setup/.test(raw)) continue;
    const line = raw.trim();
    if (line === '') continue;
    text += text === '' || text.endsWith('-') ? line : ` ${line}`;
  }
  return text.replace(/\s+/g, ' ');
}

function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Body text of each numbered section (ToC excluded), keyed by number: "3.1" → text. */
function draftSections(lines: readonly string[]): Map<string, string> {
  const bodyStart = lines.findIndex((line, i) => i > 0 && /^1\. Introduction$/.test(line.trim()));
  const headings: { number: string; index: number }[] = [];
  lines.forEach((line, index) => {
    const match = /^(\d+(?:\.\d+)*)\. \S/.exec(line);
    if (index >= bodyStart && match) headings.push({ number: match[1]!, index });
  });
  const sections = new Map<string, string>();
  headings.forEach((heading, i) => {
    const end = headings[i + 1]?.index ?? lines.length;
    sections.set(heading.number, normaliseDraft(lines.slice(heading.index, end)));
  });
  return sections;
}

// --- Graph access -----------------------------------------------------------------

const DATA = namedNode(GRAPH.data);
const iri = (path: string): string => `${BASE}${path}`;
const src = (section: string): string => `${DRAFT}#section-${section}`;

let store: QuadStore;
let draftText: string;
let sections: Map<string, string>;

beforeAll(async () => {
  store = (await embeddedKnowledgeGraph()).store;
  if (!existsSync(DRAFT_FILE)) throw new Error(`Draft text not found at ${DRAFT_FILE} (set IOT_DRAFT_TEXT)`);
  const lines = readFileSync(DRAFT_FILE, 'utf8').split(/\r?\n/);
  draftText = normaliseDraft(lines);
  sections = draftSections(lines);
});

/** Objects of (subject, predicate) in the asserted data graph, as IRI strings. */
function objects(subject: string, predicate: string): string[] {
  return store.getObjects(namedNode(subject), namedNode(predicate), DATA).map((t) => t.value);
}
function subjects(predicate: string, object: string | Term): string[] {
  const o = typeof object === 'string' ? namedNode(object) : object;
  return store.getSubjects(namedNode(predicate), o, DATA).map((t) => t.value);
}
function instances(cls: string): string[] {
  return subjects(`${RDF}type`, cls);
}
function literal(subject: string, predicate: string): string {
  const values = objects(subject, predicate);
  expect(values, `${subject} ${predicate}`).toHaveLength(1);
  return values[0]!;
}
const sorted = (values: Iterable<string>): string[] => [...values].sort();

// --- Tests ----------------------------------------------------------------------------

describe('the draft text used as ground truth', () => {
  it('splits into the sections of the table of contents', () => {
    expect([...sections.keys()]).toEqual([
      '1', '2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11',
      '3', '3.1', '3.2', '3.3', '3.3.1', '3.3.2', '3.4', '3.5', '4', '5', '6', '7',
    ]);
    expect(sections.get('2.8')).toMatch(/^2\.8\. Bootstrapping Remote Secure Key Infrastructures \(BRSKI\) /);
    // Page breaks and hyphenated line ends are undone.
    expect(draftText).toContain('drop-shipped to the end user.');
    expect(draftText).toContain('from an online third-party Y.');
    expect(draftText).not.toContain('[Page ');
  });
});

describe('protocols (section 2)', () => {
  it('has exactly the eleven protocols of sections 2.1–2.11, in section order', () => {
    expect(PROTOCOLS).toHaveLength(11);
    expect(sorted(instances(`${IOT}Protocol`))).toEqual(sorted(PROTOCOLS.map((p) => iri(`protocol/${p}`))));
    PROTOCOLS.forEach((p, i) => {
      expect(literal(iri(`protocol/${p}`), `${IOT}draftSection`), p).toBe(`2.${i + 1}`);
      expect(objects(iri(`protocol/${p}`), `${DCTERMS}source`), p).toContain(src(`2.${i + 1}`));
    });
  });

  describe.each(PROTOCOLS)('%s', (p) => {
    const protocol = iri(`protocol/${p}`);

    it('uses exactly the terms of its Terms facet', () => {
      expect(sorted(objects(protocol, `${IOT}usesTerm`))).toEqual(sorted(draftLists[p]!.terms.map((t) => iri(`term/${t}`))));
    });

    it('has exactly the players of its Players facet, one role IRI each', () => {
      const expected = draftLists[p]!.players.map((r) => iri(`protocol/${p}/role/${r}`));
      expect(new Set(expected).size).toBe(expected.length);
      expect(sorted(objects(protocol, `${IOT}hasPlayer`))).toEqual(sorted(expected));
      for (const role of expected) {
        expect(instances(`${IOT}PlayerRole`), role).toContain(role);
        expect(objects(role, `${IOT}protocol`), role).toEqual([protocol]);
      }
    });

    it('has exactly the processes of its Processes facet, positioned in the draft order', () => {
      const expected = draftLists[p]!.processes.map((slug) => iri(`protocol/${p}/process/${slug}`));
      expect(sorted(objects(protocol, `${IOT}hasProcess`))).toEqual(sorted(expected));
      const positions = expected.map((process) => Number(literal(process, `${IOT}position`)));
      expect(positions).toEqual(expected.map((_, i) => i + 1));
      // iot:nextStep, where given, agrees with the positions.
      expected.forEach((process, i) => {
        const next = objects(process, `${IOT}nextStep`);
        if (next.length > 0) expect(next, process).toEqual([expected[i + 1]]);
      });
    });

    it('has exactly one initial and one imparted belief, both belonging to it', () => {
      const initial = objects(protocol, `${IOT}hasInitialBelief`);
      const imparted = objects(protocol, `${IOT}impartsBelief`);
      expect(initial).toEqual([iri(`protocol/${p}/initial-belief`)]);
      expect(imparted).toEqual([iri(`protocol/${p}/imparted-belief`)]);
      expect(instances(`${IOT}InitialBelief`)).toContain(initial[0]);
      expect(instances(`${IOT}ImpartedBelief`)).toContain(imparted[0]);
      expect(objects(initial[0]!, `${IOT}protocol`)).toEqual([protocol]);
      expect(objects(imparted[0]!, `${IOT}protocol`)).toEqual([protocol]);
    });

    it("quotes both beliefs verbatim from the protocol's section 2 text", () => {
      const section = sections.get(`2.${PROTOCOLS.indexOf(p) + 1}`)!;
      for (const belief of [iri(`protocol/${p}/initial-belief`), iri(`protocol/${p}/imparted-belief`)]) {
        const comments = objects(belief, `${RDFS}comment`);
        expect(comments, belief).toHaveLength(1);
        expect(section, `${belief} rdfs:comment`).toContain(normaliseText(comments[0]!));
      }
    });

    it('keeps one role per role name (the Players lists have duplicates)', () => {
      const roles = subjects(`${IOT}protocol`, protocol).filter((r) => instances(`${IOT}PlayerRole`).includes(r));
      const byName = new Map<string, string[]>();
      for (const role of roles) {
        const name = literal(role, `${IOT}roleName`);
        byName.set(name, [...(byName.get(name) ?? []), role]);
      }
      const duplicated = [...byName].filter(([, list]) => list.length > 1);
      expect(duplicated).toEqual([]);
      expect(roles.length).toBeGreaterThanOrEqual(draftLists[p]!.players.length);
    });
  });

  it('has one role each for the twice-listed SZTP Bootstrap Server and Owner and Thread End Device', () => {
    const rolesNamed = (p: string, name: string): string[] =>
      subjects(`${IOT}roleName`, DataFactory.literal(name)).filter((r) => objects(r, `${IOT}protocol`).includes(iri(`protocol/${p}`)));
    expect(rolesNamed('sztp', 'Bootstrap Server')).toEqual([iri('protocol/sztp/role/bootstrap-server')]);
    expect(rolesNamed('sztp', 'Owner')).toEqual([iri('protocol/sztp/role/owner')]);
    expect(rolesNamed('thread', 'End Device')).toEqual([iri('protocol/thread/role/end-device')]);
    expect(objects(iri('protocol/sztp'), `${IOT}hasPlayer`)).toHaveLength(9);
    expect(objects(iri('protocol/thread'), `${IOT}hasPlayer`)).toHaveLength(17);
  });

  it("covers LPWAN's four technologies, and no other protocol has any", () => {
    const expected = draftLists.lpwan!.technologies!.map((t) => iri(`protocol/lpwan/technology/${t}`));
    expect(expected).toHaveLength(4);
    expect(sorted(objects(iri('protocol/lpwan'), `${IOT}hasTechnology`))).toEqual(sorted(expected));
    expect(sorted(instances(`${IOT}Technology`))).toEqual(sorted(expected));
    for (const technology of expected) {
      expect(objects(technology, `${IOT}technologyOf`), technology).toEqual([iri('protocol/lpwan')]);
    }
    expect(sorted(expected.map((t) => literal(t, `${RDFS}label`)))).toEqual(['LoRaWAN', 'NB-IoT', 'Sigfox', 'Wi-SUN FAN']);
    expect(store.getSubjects(namedNode(`${IOT}hasTechnology`), null, DATA).map((s) => s.value)).toEqual([iri('protocol/lpwan')]);
  });
});

describe('term senses (section 3.1)', () => {
  const senses31 = (): string[] =>
    instances(`${IOT}TermSense`).filter((s) => objects(s, `${DCTERMS}source`).includes(src('3.1')));

  it('has exactly 35 term senses sourced from section 3.1, matching the (term, protocol) pairs of the draft', () => {
    const expectedPairs = Object.entries(termSenses).flatMap(([term, protocols]) => protocols.map((p) => `${term} @ ${p}`));
    expect(expectedPairs).toHaveLength(35);
    const senses = senses31();
    expect(senses).toHaveLength(35);
    const actualPairs = senses.map((sense) => {
      const term = literal(sense, `${IOT}senseOf`).slice(iri('term/').length);
      const protocol = literal(sense, `${IOT}senseInProtocol`).slice(iri('protocol/').length);
      expect(sense).toBe(iri(`protocol/${protocol}/term/${term}`));
      return `${term} @ ${protocol}`;
    });
    expect(sorted(actualPairs)).toEqual(sorted(expectedPairs));
  });

  it('quotes every 3.1 definition verbatim from section 3.1', () => {
    const section = sections.get('3.1')!;
    const missing = senses31().filter((sense) => !section.includes(normaliseText(literal(sense, `${SKOS}definition`))));
    expect(missing).toEqual([]);
    expect(literal(iri('protocol/fido/term/provisioning'), `${SKOS}definition`)).toBe('Same as FIDO onboarding.');
    expect(literal(iri('protocol/brski/term/bootstrapping'), `${SKOS}definition`)).toBe('A protocol to obtain a local trust anchor.');
  });
});

describe('player categories (section 3.2)', () => {
  const CATEGORIES = [
    'human-user', 'joining-device', 'maker', 'owner', 'connection-endpoint',
    'aiding-entity', 'administrator', 'steering-entity', 'third-party',
  ];
  const members = (category: string): string[] =>
    subjects(`${RDFS}subClassOf`, iri(`category/${category}`)).filter((r) => instances(`${IOT}PlayerRole`).includes(r));

  it('has exactly the nine categories', () => {
    expect(sorted(instances(`${IOT}PlayerCategory`))).toEqual(sorted(CATEGORIES.map((c) => iri(`category/${c}`))));
  });

  it.each(CATEGORIES)('%s has at least one asserted member role', (category) => {
    expect(members(category).length).toBeGreaterThan(0);
  });

  it('puts a role named in several category lists into each of them', () => {
    const sztpBootstrap = iri('protocol/sztp/role/bootstrap-server');
    const fidoRendezvous = iri('protocol/fido/role/rendezvous-server');
    expect(members('aiding-entity')).toContain(sztpBootstrap);
    expect(members('steering-entity')).toContain(sztpBootstrap);
    expect(members('connection-endpoint')).toContain(fidoRendezvous);
    expect(members('steering-entity')).toContain(fidoRendezvous);
    expect(members('joining-device')).toContain(iri('protocol/brski/role/pledge'));
    expect(members('third-party')).toContain(iri('protocol/brski/role/masa'));
    expect(members('steering-entity')).toContain(iri('protocol/brski/role/jrc'));
    expect(members('third-party')).toContain(iri('protocol/brski/role/domain-registrar'));
  });
});

describe('initial trust (section 3.3)', () => {
  const withBasis = (basis: string): string[] =>
    sorted(
      subjects(`${IOT}trustBasis`, iri(`trust/${basis}`)).map((belief) => {
        const protocols = subjects(`${IOT}hasInitialBelief`, belief);
        expect(protocols, belief).toHaveLength(1);
        return protocols[0]!.slice(iri('protocol/').length);
      }),
    );

  it('files exactly Bluetooth, EAP-NOOB and OCF under no initial trust (3.3.1)', () => {
    expect(withBasis('no-initial-trust')).toEqual(['bluetooth', 'eap-noob', 'ocf']);
  });

  it('files exactly FIDO, EST, BRSKI, SZTP, LPWAN, Thread, LwM2M and DPP under installed credentials (3.3.2)', () => {
    expect(withBasis('installed-credentials')).toEqual(sorted(['fido', 'est', 'brski', 'sztp', 'lpwan', 'thread', 'lwm2m', 'dpp']));
  });

  it('quotes the 3.3.1/3.3.2 statements verbatim, sourced from the subsection', () => {
    for (const [basis, section] of [['no-initial-trust', '3.3.1'], ['installed-credentials', '3.3.2']] as const) {
      for (const belief of subjects(`${IOT}trustBasis`, iri(`trust/${basis}`))) {
        expect(sections.get(section), belief).toContain(normaliseText(literal(belief, `${IOT}trustNote`)));
        expect(objects(belief, `${DCTERMS}source`), belief).toContain(src(section));
      }
    }
  });
});

describe('section 1, 3.4 and 4 lists', () => {
  it('has the nine umbrella terms of section 1', () => {
    const nine = ['bootstrapping', 'provisioning', 'onboarding', 'enrollment', 'commissioning',
      'initialization', 'configuration', 'registration', 'discovery'];
    expect(sorted(objects(iri('term/umbrella-terms'), `${SKOS}member`))).toEqual(sorted(nine.map((t) => iri(`term/${t}`))));
    for (const term of nine) {
      expect(instances(`${IOT}Term`)).toContain(iri(`term/${term}`));
      expect(literal(iri(`term/${term}`), `${RDFS}label`)).toBe(term);
      expect(objects(iri(`term/${term}`), `${DCTERMS}source`)).toContain(src('1'));
      // The draft lists them capitalised as bullet points.
      expect(sections.get('1')).toContain(`* ${term[0]!.toUpperCase()}${term.slice(1)} `);
    }
  });

  it('has the four process kinds of section 3.4', () => {
    const kinds = ['manufacture', 'locate-peer', 'obtain-credentials', 'authentication'];
    expect(sorted(instances(`${IOT}ProcessKind`))).toEqual(sorted(kinds.map((k) => iri(`process-kind/${k}`))));
    kinds.forEach((kind, i) => {
      expect(literal(iri(`process-kind/${kind}`), `${SKOS}notation`)).toBe(String(i + 1));
      expect(objects(iri(`process-kind/${kind}`), `${DCTERMS}source`)).toEqual([src('3.4')]);
    });
  });

  it('has the three security considerations of section 4 and its no-posture statement, quoted verbatim', () => {
    const considerations = ['no-posture', 'authorization', 'rerun', 'group-keys'];
    expect(sorted(instances(`${IOT}SecurityConsideration`))).toEqual(sorted(considerations.map((c) => iri(`consideration/${c}`))));
    considerations.forEach((c, i) => {
      const consideration = iri(`consideration/${c}`);
      expect(literal(consideration, `${SKOS}notation`)).toBe(String(i));
      expect(objects(consideration, `${DCTERMS}source`)).toEqual([src('4')]);
      // Quoted without the draft's "Firstly, " / "Secondly, " / "Lastly, ", so the first letter may be capitalised.
      const text = normaliseText(literal(consideration, `${SKOS}definition`));
      expect(sections.get('4')!.toLowerCase(), consideration).toContain(text.toLowerCase());
      expect(sections.get('4'), consideration).toContain(text.slice(1));
    });
  });
});
