// Deterministic generator of synthetic knowledge graphs shaped like data/:
// protocols with their players (roles, punned as classes), terms and
// protocol-specific senses, ordered processes with modes and sub-steps,
// initial / imparted beliefs with credentials under shared credential kinds,
// specifications and organizations, section 3.2 category memberships and
// role equivalence chains (each an owl:Axiom with its justification and
// source), sense cross-references (skos:exactMatch) and sources on every
// resource. The output passes the project's SHACL shapes and soundness
// check, so a load does the same work as on the real data: parse, SHACL,
// reasoning (subclass/subproperty/inverse/transitive/symmetric/domain/range,
// the punned-role rules) and the soundness check.
//
// Protocols come in clusters of 8–14 (like the eleven of the draft); role
// equivalence chains stay inside a cluster, so equivalence classes keep the
// size they have in the real data and the closure grows linearly with the
// number of clusters. The amount is chosen to reach `scale` × the real data
// graph (4,388 triples).
//
//   npx tsx bench/generate.ts --scale 100 --out /tmp/kg-100 [--seed 42]
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Prng } from './lib/prng.js';

/** Triples in graph/data of the real publication (npm run validate). */
export const REAL_DATA_TRIPLES = 4388;

const BASE = 'https://w3id.org/iot-setup/';
const SECTION = 'https://datatracker.ietf.org/doc/html/draft-irtf-t2trg-security-setup-iot-devices-01#section-';

const HEADER = `@base <${BASE}> .
@prefix iot:     <https://w3id.org/iot-setup/ontology#> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix src:     <${SECTION.slice(0, -'section-'.length)}> .
`;

const CATEGORIES = [
  'human-user', 'joining-device', 'maker', 'owner', 'connection-endpoint',
  'aiding-entity', 'administrator', 'steering-entity', 'third-party',
] as const;
type Category = (typeof CATEGORIES)[number];

interface Archetype {
  names: string[];
  categories: Category[];
  /** Roles of this archetype in one cluster are chained with owl:equivalentClass. */
  equivalent: boolean;
}

const ARCHETYPES: Archetype[] = [
  { names: ['Pledge', 'Enrollee', 'Joiner', 'New Device'], categories: ['joining-device'], equivalent: true },
  { names: ['User'], categories: ['human-user'], equivalent: true },
  { names: ['Manufacturer', 'Device Manufacturer'], categories: ['maker'], equivalent: true },
  { names: ['Owner'], categories: ['owner'], equivalent: true },
  { names: ['Administrator'], categories: ['administrator'], equivalent: true },
  { names: ['Bootstrap Server'], categories: ['aiding-entity', 'steering-entity'], equivalent: false },
  { names: ['Rendezvous Server'], categories: ['connection-endpoint', 'steering-entity'], equivalent: false },
  { names: ['Registrar', 'Authority'], categories: ['third-party'], equivalent: false },
  { names: ['Join Proxy', 'Relay'], categories: ['aiding-entity'], equivalent: false },
  { names: ['Configurator', 'Commissioner'], categories: ['steering-entity'], equivalent: false },
  { names: ['Client'], categories: [], equivalent: false },
  { names: ['Server'], categories: [], equivalent: false },
  { names: ['Peer'], categories: [], equivalent: false },
  { names: ['Device'], categories: [], equivalent: false },
  { names: ['Initiator'], categories: [], equivalent: false },
  { names: ['Responder'], categories: [], equivalent: false },
];

const UMBRELLA_TERMS = ['bootstrapping', 'provisioning', 'onboarding', 'enrollment', 'commissioning', 'initialization', 'configuration', 'registration', 'discovery'];
const CREDENTIAL_KINDS = ['pre-shared-key', 'public-key', 'x509-certificate', 'trust-anchor', 'ownership-voucher', 'manufacturer-credential', 'device-identifier', 'network-credential', 'session-key'];
const PROCESS_KINDS = ['manufacture', 'locate-peer', 'obtain-credentials', 'authentication'];
const FACETS = ['terms', 'players', 'initial-beliefs', 'processes', 'beliefs-imparted'];
const WORDS = (
  'device network trust credential key certificate owner manufacturer server client protocol bootstrap ' +
  'enrollment onboarding provisioning secure channel authenticate authorize identity domain registrar voucher ' +
  'join proxy steps exchange public private symmetric initial imparted belief configuration commissioning ' +
  'discovery peer the a of to and with before after during installs obtains verifies establishes'
).split(' ');

export interface GenerateOptions {
  scale: number;
  out: string;
  seed?: number;
}

export interface GenerateResult {
  files: number;
  triples: number;
  protocols: number;
  clusters: number;
}

/** Accumulates Turtle statements for one file and counts triples. */
class TurtleFile {
  readonly lines: string[] = [HEADER];
  triples = 0;
  private blank = 0;

  /** A subject with predicate → objects (objects already in Turtle syntax). */
  resource(subject: string, props: Array<[string, string | string[]]>): void {
    const parts: string[] = [];
    for (const [p, o] of props) {
      const objects = Array.isArray(o) ? o : [o];
      if (objects.length === 0) continue;
      parts.push(`    ${p} ${objects.join(', ')}`);
      this.triples += objects.length;
    }
    this.lines.push(`${subject}\n${parts.join(' ;\n')} .\n`);
  }

  axiom(source: string, property: string, target: string, props: Array<[string, string | string[]]>): void {
    this.lines.push(`${source} ${property} ${target} .`);
    this.triples++;
    this.resource(`_:ax${++this.blank}`, [
      ['a', 'owl:Axiom'],
      ['owl:annotatedSource', source],
      ['owl:annotatedProperty', property],
      ['owl:annotatedTarget', target],
      ...props,
    ]);
  }

  text(): string {
    return this.lines.join('\n');
  }
}

const iri = (path: string): string => `<${path}>`;
const en = (text: string): string => `"${text}"@en`;
const str = (text: string): string => `"${text}"`;
const src = (section: string): string => `src:section-${section}`;

export function generate(options: GenerateOptions): GenerateResult {
  const rng = new Prng(options.seed ?? 42);
  const target = Math.round(REAL_DATA_TRIPLES * options.scale);
  const sentence = (min: number, max: number): string => {
    const n = rng.int(min, max);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(rng.pick(WORDS));
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };

  mkdirSync(options.out, { recursive: true });
  for (const name of readdirSync(options.out)) if (name.endsWith('.ttl')) rmSync(join(options.out, name));

  // --- Shared vocabulary, sized with the graph -----------------------------
  const clustersEstimate = Math.max(1, Math.round(target / 4200));
  const extraTerms = Math.round(clustersEstimate * 2);
  const terms = [...UMBRELLA_TERMS, 'imprint', 'unbootstrapping', 'de-registration', ...Array.from({ length: extraTerms }, (_, i) => `term-${i + 1}`)];
  const orgs = Array.from({ length: 10 + clustersEstimate * 3 }, (_, i) => `org-${i + 1}`);
  const specs = Array.from({ length: 27 + clustersEstimate * 20 }, (_, i) => `spec-${i + 1}`);

  const shared = new TurtleFile();
  shared.resource(iri('term/'), [
    ['a', 'skos:ConceptScheme'],
    ['rdfs:label', en('Terms for initial security setup of IoT devices')],
    ['skos:definition', en(sentence(8, 20))],
    ['skos:hasTopConcept', terms.slice(0, 12).map((t) => iri(`term/${t}`))],
    ['dcterms:source', [src('1'), src('3.1')]],
  ]);
  shared.resource(iri('term/umbrella-terms'), [
    ['a', 'skos:Collection'],
    ['rdfs:label', en('Umbrella terms of section 1')],
    ['skos:definition', en(sentence(8, 16))],
    ['skos:member', UMBRELLA_TERMS.map((t) => iri(`term/${t}`))],
    ['dcterms:source', src('1')],
  ]);
  for (const t of terms) {
    shared.resource(iri(`term/${t}`), [
      ['a', 'iot:Term'],
      ['rdfs:label', en(t)],
      ['skos:prefLabel', en(t)],
      ['skos:definition', en(sentence(12, 30))],
      ...(terms.indexOf(t) < 12 ? [['skos:topConceptOf', iri('term/')] as [string, string]] : [['skos:inScheme', iri('term/')] as [string, string]]),
      ['dcterms:source', [src('1'), src('3.1')]],
    ]);
  }
  for (const f of FACETS) {
    shared.resource(iri(`facet/${f}`), [
      ['a', 'iot:Facet'],
      ['rdfs:label', en(f.replace('-', ' '))],
      ['skos:definition', en(sentence(8, 20))],
      ['dcterms:source', src('1')],
    ]);
  }
  shared.resource(iri('category/'), [
    ['a', 'skos:ConceptScheme'],
    ['rdfs:label', en('Player categories')],
    ['skos:definition', en(sentence(8, 16))],
    ['skos:hasTopConcept', CATEGORIES.map((c) => iri(`category/${c}`))],
    ['dcterms:source', src('3.2')],
  ]);
  CATEGORIES.forEach((c, i) => {
    shared.resource(iri(`category/${c}`), [
      ['a', ['owl:Class', 'iot:PlayerCategory']],
      ['rdfs:subClassOf', 'iot:Player'],
      ['rdfs:label', en(c.replace('-', ' '))],
      ['skos:definition', en(sentence(6, 14))],
      ['skos:scopeNote', en(sentence(6, 14))],
      ['skos:notation', str(String(i + 1))],
      ['skos:topConceptOf', iri('category/')],
      ['dcterms:source', src('3.2')],
    ]);
  });
  shared.resource(iri('credential/'), [
    ['a', 'skos:ConceptScheme'],
    ['rdfs:label', en('Credentials involved in initial security setup')],
    ['skos:definition', en(sentence(10, 20))],
    ['skos:hasTopConcept', CREDENTIAL_KINDS.map((k) => iri(`credential/${k}`))],
    ['dcterms:source', [src('3.3'), src('3.3.2')]],
  ]);
  for (const k of CREDENTIAL_KINDS) {
    shared.resource(iri(`credential/${k}`), [
      ['a', 'iot:Credential'],
      ['rdfs:label', en(k.replaceAll('-', ' '))],
      ['skos:definition', en(sentence(12, 30))],
      ['skos:topConceptOf', iri('credential/')],
      ['dcterms:source', src('3.3.2')],
    ]);
  }
  shared.resource(iri('trust/'), [
    ['a', 'skos:ConceptScheme'],
    ['rdfs:label', en('Initial trust classification')],
    ['skos:definition', en(sentence(20, 40))],
    ['skos:hasTopConcept', [iri('trust/no-initial-trust'), iri('trust/installed-credentials')]],
    ['dcterms:source', src('3.3')],
  ]);
  for (const [slug, notation] of [['no-initial-trust', '3.3.1'], ['installed-credentials', '3.3.2']] as const) {
    shared.resource(iri(`trust/${slug}`), [
      ['a', 'iot:TrustBasis'],
      ['rdfs:label', en(slug.replaceAll('-', ' '))],
      ['skos:notation', str(notation)],
      ['skos:definition', en(sentence(12, 30))],
      ['skos:topConceptOf', iri('trust/')],
      ['dcterms:source', src(notation)],
    ]);
  }
  shared.resource(iri('process-kind/'), [
    ['a', 'skos:ConceptScheme'],
    ['rdfs:label', en('Common process kinds')],
    ['skos:definition', en(sentence(12, 30))],
    ['skos:hasTopConcept', PROCESS_KINDS.map((k) => iri(`process-kind/${k}`))],
    ['dcterms:source', src('3.4')],
  ]);
  PROCESS_KINDS.forEach((k, i) => {
    shared.resource(iri(`process-kind/${k}`), [
      ['a', 'iot:ProcessKind'],
      ['rdfs:label', en(k.replaceAll('-', ' '))],
      ['skos:notation', str(String(i + 1))],
      ['skos:definition', en(sentence(20, 50))],
      ['skos:topConceptOf', iri('process-kind/')],
      ['dcterms:source', src('3.4')],
    ]);
  });
  for (let i = 1; i <= 4; i++) {
    shared.resource(iri(`consideration/c${i}`), [
      ['a', 'iot:SecurityConsideration'],
      ['rdfs:label', en(`Consideration ${i}`)],
      ['skos:notation', str(String(i))],
      ['skos:definition', en(sentence(20, 40))],
      ['iot:concerns', rng.sample(UMBRELLA_TERMS, 2).map((t) => iri(`term/${t}`))],
      ['dcterms:source', src('4')],
    ]);
  }
  for (const o of orgs) {
    shared.resource(iri(`org/${o}`), [
      ['a', 'iot:Organization'],
      ['rdfs:label', en(`Organization ${o.slice(4)}`)],
      ['iot:fullName', str(`The ${sentence(2, 4).slice(0, -1)} Alliance`)],
      ['skos:definition', en(sentence(10, 24))],
      ['dcterms:source', src('7')],
    ]);
  }
  for (const s of specs) {
    const title = sentence(3, 8).slice(0, -1);
    shared.resource(iri(`spec/${s}`), [
      ['a', 'iot:Specification'],
      ['rdfs:label', en(`[${s}]: ${title}`)],
      ['dcterms:title', str(title)],
      ['dcterms:identifier', str(s)],
      ['skos:notation', str(`[${s}]`)],
      ['iot:specifiedBy', iri(`org/${rng.pick(orgs)}`)],
      ['rdfs:comment', en(sentence(6, 16))],
      ['dcterms:source', src('7')],
    ]);
  }

  // --- Protocols, in clusters ----------------------------------------------
  const files: TurtleFile[] = [shared];
  let current = new TurtleFile();
  files.push(current);
  let total = shared.triples;
  let protocol = 0;
  let clusters = 0;
  const countAll = (): number => files.reduce((n, f) => n + f.triples, 0);
  while (total < target) {
    clusters++;
    const size = rng.int(8, 14);
    const byArchetype = new Map<Archetype, string[]>();
    const sensesByTerm = new Map<string, string>();
    for (let k = 0; k < size; k++) {
      // Stop at the target, but never leave a cluster of one.
      if (k >= 2 && countAll() >= target) break;
      protocol++;
      writeProtocol(current, `protocol/g${protocol}`, protocol, byArchetype, sensesByTerm);
    }
    // Equivalence chains inside the cluster, in protocol order (as equivalences.ttl).
    for (const [archetype, roles] of byArchetype) {
      if (!archetype.equivalent || roles.length < 2) continue;
      const justification = en(`Section 3.2 names a single player for the category ${archetype.categories.join(', ')}: ${sentence(8, 20)}`);
      for (let i = 0; i + 1 < roles.length; i++) {
        current.axiom(iri(roles[i]!), 'owl:equivalentClass', iri(roles[i + 1]!), [
          ['rdfs:label', en(`equivalence: ${archetype.names[0]!.toLowerCase()}`)],
          ['iot:justification', justification],
          ['dcterms:source', [src('3.2'), src(`2.${rng.int(1, 11)}`)]],
        ]);
      }
    }
    // A new file every 25 clusters (~100k triples), as the real data is split into files.
    if (clusters % 25 === 0) {
      current = new TurtleFile();
      files.push(current);
    }
    total = countAll();
  }

  files.forEach((f, i) => writeFileSync(join(options.out, `generated-${String(i).padStart(4, '0')}.ttl`), f.text()));
  return { files: files.length, triples: total, protocols: protocol, clusters };

  function writeProtocol(file: TurtleFile, p: string, n: number, byArchetype: Map<Archetype, string[]>, sensesByTerm: Map<string, string>): void {
    const label = `P${n}`;
    const section = `2.${n}`;
    // Roles: the equivalence archetypes often, the rest now and then.
    const roles: Array<{ iri: string; name: string; archetype: Archetype }> = [];
    const usedSlugs = new Set<string>();
    for (const archetype of ARCHETYPES) {
      if (!rng.chance(archetype.equivalent ? 0.75 : 0.5)) continue;
      const name = rng.pick(archetype.names);
      const slug = name.toLowerCase().replaceAll(' ', '-');
      if (usedSlugs.has(slug)) continue;
      usedSlugs.add(slug);
      roles.push({ iri: `${p}/role/${slug}`, name, archetype });
    }
    if (roles.length === 0) roles.push({ iri: `${p}/role/device`, name: 'Device', archetype: ARCHETYPES[13]! });
    const involvedOnly = roles.length > 3 && rng.chance(0.3) ? [roles.pop()!] : [];
    const credentials = Array.from({ length: rng.int(2, 4) }, (_, i) => `${p}/credential/c${i + 1}`);
    const steps = Array.from({ length: rng.int(3, 6) }, (_, i) => `${p}/process/s${i + 1}`);
    const usesTerms = rng.sample(terms.slice(0, 12), rng.int(2, 5));
    const senseTerms = rng.sample(terms, rng.int(2, 5));
    const technologies = rng.chance(0.1) ? Array.from({ length: rng.int(2, 4) }, (_, i) => `${p}/technology/t${i + 1}`) : [];

    file.resource(iri(p), [
      ['a', 'iot:Protocol'],
      ['rdfs:label', en(label)],
      ['iot:fullName', str(`Protocol ${n} for ${sentence(2, 5).slice(0, -1)}`)],
      ['iot:draftSection', str(section)],
      ['skos:definition', en(sentence(30, 70))],
      ['iot:specifiedBy', iri(`org/${rng.pick(orgs)}`)],
      ['iot:specifiedIn', iri(`spec/${rng.pick(specs)}`)],
      ['iot:references', rng.sample(specs, rng.int(1, 4)).map((s) => iri(`spec/${s}`))],
      ['iot:usesTerm', usesTerms.map((t) => iri(`term/${t}`))],
      ['iot:hasPlayer', roles.map((r) => iri(r.iri))],
      ['iot:involvesRole', involvedOnly.map((r) => iri(r.iri))],
      ['iot:hasInitialBelief', iri(`${p}/initial-belief`)],
      ['iot:impartsBelief', iri(`${p}/imparted-belief`)],
      ['iot:hasProcess', steps.map(iri)],
      ['iot:hasTechnology', technologies.map(iri)],
      ['dcterms:source', src(section)],
    ]);
    for (const r of [...roles, ...involvedOnly]) {
      file.resource(iri(r.iri), [
        ['a', ['owl:Class', 'iot:PlayerRole']],
        ['rdfs:subClassOf', 'iot:Player'],
        ['rdfs:label', en(`${label} ${r.name}`)],
        ['iot:roleName', str(r.name)],
        ['iot:protocol', iri(p)],
        ['skos:definition', en(`Player named ${r.name} in the ${label} Players list: ${sentence(5, 20)}`)],
        ['dcterms:source', [src(section), ...(r.archetype.categories.length > 0 ? [src('3.2')] : [])]],
      ]);
      for (const c of r.archetype.categories) {
        file.axiom(iri(r.iri), 'rdfs:subClassOf', iri(`category/${c}`), [
          ['iot:justification', en(`Section 3.2 lists '${r.name.toLowerCase()}' under '${c}'.`)],
          ['dcterms:source', src('3.2')],
        ]);
      }
      if (r.archetype.equivalent) {
        const list = byArchetype.get(r.archetype) ?? [];
        list.push(r.iri);
        byArchetype.set(r.archetype, list);
      }
    }
    // Generic clients are close to the cluster's joining device, as the LwM2M client is to the pledge.
    const client = roles.find((r) => r.name === 'Client');
    const joining = byArchetype.get(ARCHETYPES[0]!)?.[0];
    if (client && joining && rng.chance(0.3)) {
      file.axiom(iri(client.iri), 'skos:closeMatch', iri(joining), [
        ['iot:justification', en(sentence(10, 20))],
        ['dcterms:source', src('3.2')],
      ]);
    }
    file.resource(iri(`${p}/initial-belief`), [
      ['a', 'iot:InitialBelief'],
      ['rdfs:label', en(`${label} initial beliefs`)],
      ['iot:protocol', iri(p)],
      ['rdfs:comment', en(sentence(20, 60))],
      ['iot:requiresCredential', credentials.slice(0, 1).map(iri)],
      ['iot:trustBasis', rng.chance(0.4) ? iri('trust/no-initial-trust') : iri('trust/installed-credentials')],
      ['iot:trustNote', en(sentence(10, 30))],
      ['dcterms:source', [src(section), src('3.3')]],
    ]);
    file.resource(iri(`${p}/imparted-belief`), [
      ['a', 'iot:ImpartedBelief'],
      ['rdfs:label', en(`${label} beliefs imparted`)],
      ['iot:protocol', iri(p)],
      ['rdfs:comment', en(sentence(15, 40))],
      ['iot:trusts', rng.sample(roles, rng.int(1, 2)).map((r) => iri(r.iri))],
      ['iot:obtainsCredential', credentials.slice(1).map(iri)],
      ...(rng.chance(0.5) ? [['iot:trustScope', en(sentence(6, 16))] as [string, string]] : []),
      ['dcterms:source', [src(section), src('3.5')]],
    ]);
    for (const c of credentials) {
      file.resource(iri(c), [
        ['a', 'iot:Credential'],
        ['rdfs:label', en(`${label} ${sentence(1, 3).slice(0, -1)}`)],
        ['iot:protocol', iri(p)],
        ['skos:definition', en(sentence(10, 30))],
        ['skos:broader', rng.sample(CREDENTIAL_KINDS, rng.int(1, 2)).map((k) => iri(`credential/${k}`))],
        ['dcterms:source', src(section)],
      ]);
    }
    const writeStep = (s: string, position: number, next: string | undefined, parent: string): void => {
      const modes = rng.chance(0.2) ? [`${s}/mode/m1`, `${s}/mode/m2`] : [];
      const subSteps = parent === p && rng.chance(0.1) ? [`${s}/s1`, `${s}/s2`] : [];
      file.resource(iri(s), [
        ['a', 'iot:Step'],
        ['rdfs:label', en(sentence(1, 4).slice(0, -1))],
        ['iot:protocol', iri(p)],
        ['iot:position', String(position)],
        ['iot:nextStep', next ? [iri(next)] : []],
        ['skos:definition', en(sentence(10, 40))],
        ['iot:processKind', rng.chance(0.5) ? [iri(`process-kind/${rng.pick(PROCESS_KINDS)}`)] : []],
        ['iot:hasMode', modes.map(iri)],
        ['iot:hasStep', subSteps.map(iri)],
        ['dcterms:source', src(section)],
      ]);
      for (const m of modes) {
        file.resource(iri(m), [
          ['a', 'iot:Mode'],
          ['rdfs:label', en(`Mode ${sentence(1, 3).slice(0, -1)}`)],
          ['iot:protocol', iri(p)],
          ['skos:definition', en(sentence(10, 30))],
          ['dcterms:source', src(section)],
        ]);
      }
      subSteps.forEach((sub, i) => writeStep(sub, i + 1, subSteps[i + 1], s));
    };
    steps.forEach((s, i) => writeStep(s, i + 1, steps[i + 1], p));
    for (const t of technologies) {
      file.resource(iri(t), [
        ['a', 'iot:Technology'],
        ['rdfs:label', en(`${label} technology ${t.slice(-1)}`)],
        ['iot:fullName', str(sentence(2, 5).slice(0, -1))],
        ['iot:specifiedBy', iri(`org/${rng.pick(orgs)}`)],
        ['skos:definition', en(sentence(10, 30))],
        ['iot:hasStep', [iri(`${t}/s1`)]],
        ['dcterms:source', src(section)],
      ]);
      writeStep(`${t}/s1`, 1, undefined, t);
    }
    for (const t of senseTerms) {
      const sense = `${p}/term/${t}`;
      file.resource(iri(sense), [
        ['a', 'iot:TermSense'],
        ['rdfs:label', en(`${t} (${label})`)],
        ['iot:senseOf', iri(`term/${t}`)],
        ['iot:senseInProtocol', iri(p)],
        ['skos:definition', en(sentence(6, 30))],
        ['dcterms:source', src('3.1')],
      ]);
      // "Same as …" cross-references inside a cluster: a star around the first sense of the term.
      const first = sensesByTerm.get(t);
      if (first === undefined) sensesByTerm.set(t, sense);
      else if (rng.chance(0.15)) {
        file.axiom(iri(sense), 'skos:exactMatch', iri(first), [
          ['iot:justification', en(`Section 3.1 defines the ${label} sense by reference.`)],
          ['dcterms:source', src('3.1')],
        ]);
      }
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.scale || !values.out) {
    process.stderr.write('usage: tsx bench/generate.ts --scale N --out DIR [--seed S]\n');
    process.exit(2);
  }
  const started = performance.now();
  const result = generate({ scale: Number(values.scale), out: values.out, seed: values.seed ? Number(values.seed) : 42 });
  process.stdout.write(`${JSON.stringify({ ...result, ms: Math.round(performance.now() - started) })}\n`);
}
