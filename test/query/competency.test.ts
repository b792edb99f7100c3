// Competency questions: every stored query under queries/ is run through the
// same path the server uses (loadStoredQueries → bindParameters →
// SparqlEngine) against the embedded knowledge graph (reasoning on), and its
// answer is compared with the answer read off the draft
// (draft-irtf-t2trg-security-setup-iot-devices-01). Expected values are
// literals taken from the draft text, never from the data files.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SparqlEngine, type Row } from '../../src/query/sparqlEngine.js';
import { bindParameters, loadStoredQueries, parseStoredQuery, type StoredQuery } from '../../src/query/storedQueries.js';
import { embeddedKnowledgeGraph, QUERIES_DIR } from '../helpers/knowledgeGraph.js';

const BASE = 'https://w3id.org/iot-setup/';
const OWL_EQUIVALENT_CLASS = 'http://www.w3.org/2002/07/owl#equivalentClass';
const SKOS_EXACT_MATCH = 'http://www.w3.org/2004/02/skos/core#exactMatch';

/** Every query file must have a competency test below; this list is checked against the folder. */
const TESTED_QUERIES = [
  'asserted-only-equivalences',
  'credential-users',
  'equivalent-roles',
  'initial-credentials',
  'knowledge-imparted',
  'lpwan-technologies',
  'multi-category-roles',
  'no-initial-trust',
  'players-by-category',
  'processes-by-kind',
  'protocol-modes',
  'protocol-overview',
  'protocol-processes',
  'protocol-references',
  'protocol-roles',
  'protocol-steps',
  'roles-by-name',
  'security-considerations',
  'term-cross-references',
  'term-matrix',
  'term-usage',
  'trust-classification',
  'trusted-roles',
];

let engine: SparqlEngine;
let queries: Map<string, StoredQuery>;

beforeAll(async () => {
  const graph = await embeddedKnowledgeGraph();
  engine = new SparqlEngine(graph.store);
  queries = new Map(loadStoredQueries(QUERIES_DIR).map((q) => [q.name, q]));
});

async function run(name: string, values: Record<string, string> = {}): Promise<Row[]> {
  const query = queries.get(name);
  if (!query) throw new Error(`No stored query ${name} in ${QUERIES_DIR}`);
  return engine.select(query.text, bindParameters(query, values));
}

/** A term's value, with IRIs under the base shortened to their path; null when unbound. */
function value(row: Row, key: string): string | null {
  const term = row[key];
  if (!term) return null;
  return term.termType === 'NamedNode' && term.value.startsWith(BASE) ? term.value.slice(BASE.length) : term.value;
}

/** The rows as arrays of the given columns, in the order the query returned them. */
function table(rows: Row[], ...keys: string[]): (string | null)[][] {
  return rows.map((row) => keys.map((key) => value(row, key)));
}

function column(rows: Row[], key: string): (string | null)[] {
  return rows.map((row) => value(row, key));
}

/** For comparisons where the order is checked separately (or not the query's business). */
function sorted<T>(items: T[]): T[] {
  return [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Beliefs imparted facet of each protocol, section 2 (verbatim). */
const BELIEFS_IMPARTED: Record<string, string> = {
  "Bluetooth mesh": "After the provisiong, the device trusts the provisioner entity and any other device in the network sharing its network key.",
  "DPP": "DPP bootstrapping relies on the transfer of the public-key that is expected to be trusted. The beliefs when mutual authentication is run, relies on the trust of a succesful DPP bootstrapping. When mutual authentication is not supported, a device that can control when and how its own public key is bootstrapped, can perform a weak authentication to any entity that knows its public key.",
  "EST": "The EST enrollment process is designed to make establishing automated certificate issuing from a trustworthy CA as simple as possible. After the processe have finished, the device is able to automatically renew its certificates through re-enrollment as it has a trust relation with the ESP server.",
  "LwM2M": "After the bootstrapping is performed, the LwM2M client can register (Security object and Server object) with the LwM2M servers.",
  "EAP-NOOB": "After EAP-NOOB botstrapping process is complete, the device and server establish a long-term secret which can renewed without further user involvement. As a side-effect, the device also obtains identifier and credentials for network and Internet connectivity (via the EAP authenticator).",
  "OCF": "In the provisioning phase the device receives the necessary credentials to interact with provisioning services and any other services or devices that are part of the normal operation of the device.",
  "FIDO": "When the device is powered on, and all TO protocols run, the device figures out by contacting with the rendezvous server, who the owner is, authenticate with the owner. At this point the rendezvous server, and owner are able to authenticate the device.",
  "BRSKI": "After the process has finished and the device is imprinted, and trusts the registrar/JRC, through a voucher issued by the manufacturer and verified by the device.",
  "SZTP": "The bootstrapping process provides the device with all the necessary information (onboarding information) to create a trust relation between the device and the bootstrap server. This allows the device to download its boot image and the necessary initial configuration. The enrollment information will allow a device to be bootstrapped and operate establishing secure connections with other systems.",
  "LPWAN": "Either because of an authentication process that results in newly derived key material or the pre-provisioned key material is used, the device is able to exchange information securely through the network server.",
  "Thread": "Once the authentication takes place, a trust relation is established between the Joiner and the Commissioner it receives the network parameters needed to be attached to the Thread network.",
};

/** Section 3.5, one paragraph per protocol it discusses (verbatim). DPP, LwM2M and OCF are not discussed. */
const TRUST_SCOPE: Record<string, string> = {
  "FIDO": "In FIDO, once the onboarding process has taken place, the IoT device is mutually authenticated with the current owner, and the needed secrets and configuration data is installed into the device, which as a result is able to connect and interact securely with the target IoT platform.",
  "EAP-NOOB": "In EAP-NOOB, once the bootstrapping is completed, the IoT device not only has a trust relation with the EAP server, but the EAP authenticator can be established as well, based on the shared credentials that are derived during the authentication process.",
  "Bluetooth mesh": "In Bluetooth the trust is expanded to the local network as there is key material shared among the different entities of the network.",
  "Thread": "In Thread once the joiner has successfully completed the process, it can communicate directly with all Thread devices in the network.",
  "LPWAN": "LPWAN has a more limited scope and they usually have specific keys for applications and network communications.",
  "EST": "EST provides the devices with the enrollment information such as certificates and symmetric keys that can be used to establish trust with different peers.",
  "BRSKI": "BRSKI after running it is able to verify that the communicating entities are who they claim to be, and obtain domain specific certificates to act as trustworhty entities within the domain.",
  "SZTP": "SZTP after running, the device has obtained onboarding information and is equipped to establish secure connections with other systems.",
};

/** Sections 3.3.1 and 3.3.2, one paragraph per protocol (verbatim). */
const TRUST_NOTE: Record<string, string> = {
  "EAP-NOOB": "EAP-NOOB does not require initial configuration of credentials to establish trust, since its done using the out-of-band process.",
  "OCF": "The OCF device starts as unowned. It has to perform an ownership transfer, to establish basic trust to perform onboarding and provisioning. Depending on the Owener Transfer Mode (OTM) it can be considered to have not initial trust based on the credentials installed.",
  "Bluetooth mesh": "Bluetooth devices start as unprovisioned. Initial trust is established as a consequence of exchanging public keys and performing the authentication. If the public keys are ephemeral, there is no initial credential establishment.",
  "FIDO": "FIDO devices have installed during the manufacturing process a set of ownership credentials (i.e., ownership voucher) and additional information to determine the current owner of the device. Hence, there is an initial trust from the IoT device and the owner. With this basic setup, and and the cooperation among device, owner and rendezvous server, the onboarding process can take place.",
  "EST": "EST devices are configured with the needed information to perform mutual authentication and for authorization between the EST client and server.",
  "BRSKI": "BRSKI have manufacturer-installed certificates as starting point to establish trust.",
  "SZTP": "SZTP have pre-configured initial state which provides the basis for trust.",
  "LPWAN": "LPWAN specifics depends on the technology, but they all have in common some pre-installed credentials that allows the establishment of trust and to secure the communications.",
  "Thread": "Thread devices, share credentials as well to establish trust.",
  "LwM2M": "OMA devices can have all the necessary information to start working on the network where they are deployed, if they have the factory bootstrap, hence all needed credentials to establish trust. There need to be installed some basic credentials to establish trust with the bootstrap server and perform the bootstrapping.",
  "DPP": "DPP initial trust is established during the bootstrapping where the public key is transmitted.",
};

/** Section 3.1: [term, protocol, definition] (verbatim; OMA is LwM2M, the heading "intialization" is initialization). */
const DEFINITIONS_3_1: [string, string, string][] = [
  ["bootstrapping", "DPP", "Client obtains the Controller’s public bootstrapping key and IP address"],
  ["bootstrapping", "LwM2M", "An IoT device retrieves and processes all the bootstrap data"],
  ["bootstrapping", "EST", "installation of the Explicit TA database"],
  ["bootstrapping", "BRSKI", "A protocol to obtain a local trust anchor."],
  ["bootstrapping", "SZTP", "The process by which obtains \"bootstrapping data\" such as conveyed information, owner certificate and owner voucher."],
  ["bootstrapping", "EAP-NOOB", "For an IoT device to be registered, authenticated, authorized and for it to derive key material to act as a trustworty entity in the security domain where it is deployed."],
  ["configuration", "DPP", "The process performed by a Configurator by which the Enrollee is provisioned."],
  ["configuration", "LwM2M", "Adding or removing an LwM2M Server Account to or from the LwM2M Client configuration."],
  ["configuration", "OCF", "The necessary information the Device must hold to be considered as ready for normal operation."],
  ["configuration", "EST", "The basic information (e.g., TA database) needed to initiate protocol operation."],
  ["configuration", "SZTP", "The system configuration to be installed into the device by the bootstrapping process."],
  ["configuration", "EAP-NOOB", "Establishing necessary information for the device to operate."],
  ["configuration", "LPWAN", "In LoRaWAN, the information related to the working of the device and protocol."],
  ["discovery", "DPP", "Exchange that allows obtaining specific information such as SSID, operating channel and band."],
  ["discovery", "OCF", "Making the different resources available through URIs."],
  ["discovery", "BRSKI", "Locating an entity that needs to take part of the bootstrapping process (e.g., Join proxy)"],
  ["enrollment", "EST", "The process of obtaining the credentials needed to perform the device normal operation."],
  ["enrollment", "BRSKI", "Same process describe as EST."],
  ["enrollment", "SZTP", "The process of an owner joining a manufacturer's SZTP program."],
  ["provisioning", "DPP", "Securely enabling a device to establish secure associations with other devices in a network."],
  ["provisioning", "LwM2M", "Establishing security credentials and access control lists by a dedicated LwM2M bootstrap server."],
  ["provisioning", "OCF", "A set of processes that take place both during and after the ownership transfer. These entail configuration of credentials, and security-related resources for any services or devices that the provisioned device needs to interact with in the future."],
  ["provisioning", "Bluetooth mesh", "The procedure by which a device is authenticated, and a secure link is established, becoming a trustworthy node in the network."],
  ["provisioning", "FIDO", "Same as FIDO onboarding."],
  ["provisioning", "SZTP", "The set of steps that take place to enable a device to establish secure connections with other systems."],
  ["provisioning", "LPWAN", "In LoRaWAN, the establishment of configuration data and credentials."],
  ["initialization", "LwM2M", "When Bootstrap-Delete operation is used, to restore a device."],
  ["initialization", "FIDO", "Protocol (DI), establishing basic information at manufacture."],
  ["registration", "LwM2M", "Establishing a registration session, which is an association between the client and the server."],
  ["registration", "EAP-NOOB", "Add information about an IoT device in a server database."],
  ["onboarding", "OCF", "The device is considered to complete the onboarding after the ownership of the Device has been transferred and the Device provisioned."],
  ["onboarding", "FIDO", "The procedure of installing configuration information and secret to a device so that it may safely connect to and communicate with an IoT platform."],
  ["onboarding", "SZTP", "information related to the boot image a device must be running, an initial configuration the device must commit, and scripts that the device must successfully execute."],
  ["commissioning", "Thread", "The process of a Thread device joining a Thread network."],
  ["imprint", "BRSKI", "The process by which a device obtains the needed information to act as trustworthy entity within the network or domain"],
];

/** Section 4, without the "Firstly, / Secondly, / Lastly, " that chain the paragraphs. */
const SECURITY_CONSIDERATIONS: [string, string, string | null][] = [
  ['0', 'This draft does not take any posture on the security properties of the different bootstrapping protocols discussed. Specific security considerations of bootstrapping protocols are present in the respective specifications.', null],
  ['1', 'An IoT system may deal with authorization for resources and services separately from initial security setup in terms of timing as well as protocols. As an example, two resource-constrained devices A and B may perform mutual authentication using credentials provided by an offline third-party X before device A obtains authorization for running a particular application on device B from an online third-party Y. In some cases, authentication and authorization maybe tightly coupled, e.g., successful authentication also means successful authorization.', null],
  ['2', 'Initial security setup of IoT devices may be necessary several times during the device lifecycle since keys have limited lifetimes and devices may be lost or resold. Protocols and systems must have adequate provisions for revocation and fresh security setup. A rerun of the security setup mechanism must be as secure as the initial security setup regardless of whether it is done manually or automatically over the network.', null],
  // "Bootstrapping and provisioning protocols may need appropriate mechanisms …"
  ['3', 'Some IoT networks use a common group key for multicast and broadcast traffic. As the number of devices in a network increase over time, a common group key may not be scalable and the same network may need to be split into separate groups with different keys. Bootstrapping and provisioning protocols may need appropriate mechanisms for identifying and distributing keys to the current member devices of each group.', 'bootstrapping'],
  ['3', 'Some IoT networks use a common group key for multicast and broadcast traffic. As the number of devices in a network increase over time, a common group key may not be scalable and the same network may need to be split into separate groups with different keys. Bootstrapping and provisioning protocols may need appropriate mechanisms for identifying and distributing keys to the current member devices of each group.', 'provisioning'],
];

/** The Terms facet of each protocol in section 2 (LwM2M's "Register and De-register" are registration and de-registration; FIDO's "initialisation" is initialization). */
const TERMS_FACET: Record<string, string[]> = {
  'Bluetooth mesh': ['configuration', 'discovery', 'provisioning'],
  DPP: ['bootstrapping', 'configuration', 'discovery', 'enrollment', 'provisioning'],
  EST: ['bootstrapping', 'enrollment', 'initialization', 'configuration'],
  LwM2M: ['bootstrapping', 'unbootstrapping', 'provisioning', 'configuration', 'discovery', 'registration', 'de-registration', 'initialization'],
  'EAP-NOOB': ['bootstrapping', 'registration'],
  OCF: ['configuration', 'discovery', 'enrollment', 'onboarding', 'provisioning', 'registration'],
  FIDO: ['provisioning', 'onboarding', 'commissioning', 'initialization'],
  BRSKI: ['bootstrapping', 'provisioning', 'enrollment', 'onboarding'],
  SZTP: ['bootstrapping', 'provisioning', 'onboarding', 'enrollment', 'configuration', 'discovery'],
  LPWAN: ['provisioning', 'configuration', 'discovery'],
  Thread: ['commissioning', 'discovery', 'provisioning'],
};

const definition = (term: string, protocol: string): string => {
  const found = DEFINITIONS_3_1.find(([t, p]) => t === term && p === protocol);
  if (!found) throw new Error(`no section 3.1 definition of ${term} for ${protocol}`);
  return found[2];
};

describe('the queries folder', () => {
  const files = (): string[] => readdirSync(QUERIES_DIR).filter((name) => name.endsWith('.rq'));

  it('holds at least 18 queries, each with a header that parses', () => {
    const names = files();
    expect(names.length).toBeGreaterThanOrEqual(18);
    for (const file of names) {
      const query = parseStoredQuery(basename(file, '.rq'), readFileSync(join(QUERIES_DIR, file), 'utf8'), file);
      expect(query.name, file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(query.title.length, file).toBeGreaterThan(5);
      expect(query.description.length, file).toBeGreaterThan(40);
      expect(query.form, file).toBe('SELECT');
    }
  });

  it('has a competency test for every query file, and a file for every test', () => {
    expect(files().map((file) => basename(file, '.rq')).sort()).toEqual([...TESTED_QUERIES].sort());
  });

  it('orders every answer and never re-binds a parameter inside the query', () => {
    for (const query of loadStoredQueries(QUERIES_DIR)) {
      expect(query.text, query.name).toMatch(/\bORDER BY\b/);
      for (const parameter of query.parameters) {
        const rebinding = new RegExp(`(\\bAS\\s+\\?${parameter.name}\\b|\\bVALUES\\s+\\(?[^{]*\\?${parameter.name}\\b)`, 'i');
        expect(rebinding.test(query.text), `${query.name} re-binds ?${parameter.name}`).toBe(false);
      }
    }
  });
});

describe('terms (sections 1, 2 and 3.1)', () => {
  it('term-usage: enrollment is listed by DPP, EST, OCF, BRSKI and SZTP, with the section 3.1 definitions', async () => {
    const rows = await run('term-usage');
    expect(sorted(table(rows, 'protocolLabel', 'listed', 'definition'))).toEqual(
      sorted([
        ['DPP', 'true', null],
        ['EST', 'true', definition('enrollment', 'EST')],
        ['OCF', 'true', null],
        ['BRSKI', 'true', definition('enrollment', 'BRSKI')],
        ['SZTP', 'true', definition('enrollment', 'SZTP')],
      ]),
    );
    expect(definition('enrollment', 'EST')).toBe('The process of obtaining the credentials needed to perform the device normal operation.');
    expect(definition('enrollment', 'BRSKI')).toBe('Same process describe as EST.');
    expect(definition('enrollment', 'SZTP')).toBe("The process of an owner joining a manufacturer's SZTP program.");
  });

  it('term-usage: configuration (full IRI) includes EAP-NOOB, defined in 3.1 but not in its Terms facet', async () => {
    const rows = await run('term-usage', { term: `${BASE}term/configuration` });
    expect(sorted(table(rows, 'protocolLabel', 'listed', 'definition'))).toEqual(
      sorted([
        ['Bluetooth mesh', 'true', null],
        ['DPP', 'true', definition('configuration', 'DPP')],
        ['EST', 'true', definition('configuration', 'EST')],
        ['LwM2M', 'true', definition('configuration', 'LwM2M')],
        ['OCF', 'true', definition('configuration', 'OCF')],
        ['SZTP', 'true', definition('configuration', 'SZTP')],
        ['LPWAN', 'true', definition('configuration', 'LPWAN')],
        ['EAP-NOOB', 'false', definition('configuration', 'EAP-NOOB')],
      ]),
    );
  });

  it('term-usage: imprint is BRSKI only, from section 3.1', async () => {
    const rows = await run('term-usage', { term: 'imprint' });
    expect(table(rows, 'protocolLabel', 'listed', 'definition')).toEqual([
      ['BRSKI', 'false', 'The process by which a device obtains the needed information to act as trustworthy entity within the network or domain'],
    ]);
  });

  it('term-matrix: every Terms-facet pair and every one of the 35 section 3.1 definitions, ordered by term', async () => {
    const rows = await run('term-matrix');
    const expected = new Map<string, [string, string, string, string | null]>();
    for (const [protocol, terms] of Object.entries(TERMS_FACET)) {
      for (const term of terms) expected.set(`${term}|${protocol}`, [term, protocol, 'true', null]);
    }
    for (const [term, protocol, text] of DEFINITIONS_3_1) {
      const key = `${term}|${protocol}`;
      expected.set(key, [term, protocol, expected.has(key) ? 'true' : 'false', text]);
    }
    expect(DEFINITIONS_3_1).toHaveLength(35);
    const actual = table(rows, 'termLabel', 'protocolLabel', 'listed', 'definition');
    expect(sorted(actual)).toEqual(sorted([...expected.values()]));
    const termOrder = column(rows, 'termLabel').filter((term, i, all) => i === 0 || all[i - 1] !== term);
    expect(termOrder).toEqual(['bootstrapping', 'commissioning', 'configuration', 'de-registration', 'discovery', 'enrollment', 'imprint', 'initialization', 'onboarding', 'provisioning', 'registration', 'unbootstrapping']);
  });

  it('term-cross-references: FIDO provisioning points at FIDO onboarding, BRSKI enrollment at EST enrollment', async () => {
    const rows = await run('term-cross-references');
    expect(table(rows, 'sense', 'senseDefinition', 'matched', 'matchedDefinition')).toEqual([
      ['protocol/brski/term/enrollment', 'Same process describe as EST.', 'protocol/est/term/enrollment', definition('enrollment', 'EST')],
      ['protocol/fido/term/provisioning', 'Same as FIDO onboarding.', 'protocol/fido/term/onboarding', definition('onboarding', 'FIDO')],
    ]);
  });
});

describe('players (sections 2 and 3.2)', () => {
  it('protocol-roles: every BRSKI role with its section 3.2 category', async () => {
    const rows = await run('protocol-roles');
    expect(table(rows, 'roleName', 'listed', 'categoryLabel')).toEqual([
      ['Administrator', 'true', 'Administrator'],
      ['Client', 'true', 'Joining device'],
      ['Cloud Registrar', 'true', 'Third party'], // "Registrar"
      ['Configurator', 'true', 'Steering entity'],
      ['Device', 'true', 'Joining device'],
      ['Domain Registrar', 'true', 'Third party'], // "Registrar"
      ['Initiator', 'true', null],
      ['Join Proxy', 'true', 'Aiding entity'],
      ['JRC', 'true', 'Steering entity'],
      ['Manufacturer', 'true', 'Maker'],
      ['MASA', 'false', 'Third party'], // named in 3.2 only, not in the 2.8 Players list
      ['Owner', 'true', 'Owner'],
      ['Peer', 'true', 'Joining device'],
      ['Pledge', 'true', 'Joining device'],
      ['Server', 'true', 'Connection endpoint'],
      ['User', 'true', 'Human user'],
    ]);
  });

  it('protocol-roles: Thread, with memberships entailed for the joiner and the native/external commissioners', async () => {
    const rows = await run('protocol-roles', { protocol: 'thread' });
    expect(table(rows, 'roleName', 'listed', 'categoryLabel')).toEqual([
      ['Administrator', 'true', 'Administrator'],
      ['Border Agent', 'true', null],
      ['Border Router', 'true', 'Aiding entity'],
      ['Commissioner', 'true', 'Steering entity'],
      ['Commissioner Candidate', 'true', 'Joining device'], // 3.2's "candidate"
      ['Configurator', 'true', 'Steering entity'],
      ['Device', 'true', 'Joining device'],
      ['End Device', 'true', null], // listed twice in 2.11, one role
      ['Endpoint Identifier', 'true', null],
      ['External Commissioner', 'false', 'Steering entity'], // prose: a Commissioner connected via a WLAN
      ['Initiator', 'true', null],
      ['Joiner', 'true', 'Joining device'], // entailed: the joiner is the BRSKI pledge / DPP enrollee
      ['Joiner Router', 'true', null],
      ['Leader', 'false', null],
      ['Native Commissioner', 'false', 'Steering entity'],
      ['Owner', 'true', 'Owner'],
      ['Peer', 'true', 'Joining device'],
      ['Responder', 'true', null],
      ['Server', 'true', 'Connection endpoint'],
      ['User', 'true', 'Human user'],
    ]);
  });

  it('equivalent-roles: the BRSKI pledge is the DPP enrollee and the Thread joiner', async () => {
    const rows = await run('equivalent-roles');
    expect(table(rows, 'equivalent', 'roleName', 'protocolLabel')).toEqual([
      ['protocol/dpp/role/enrollee', 'Enrollee', 'DPP'],
      ['protocol/thread/role/joiner', 'Joiner', 'Thread'],
    ]);
  });

  it('equivalent-roles: the DPP enrollee (full IRI) is the BRSKI pledge and the Thread joiner', async () => {
    const rows = await run('equivalent-roles', { role: `${BASE}protocol/dpp/role/enrollee` });
    expect(table(rows, 'equivalent', 'protocolLabel')).toEqual([
      ['protocol/brski/role/pledge', 'BRSKI'],
      ['protocol/thread/role/joiner', 'Thread'],
    ]);
  });

  it('equivalent-roles: the BRSKI owner is the Owner of every protocol that has one', async () => {
    const rows = await run('equivalent-roles', { role: 'brski/role/owner' });
    // Owner: Players of DPP, EST, OCF, FIDO, SZTP, Thread; device owner in the EAP-NOOB prose.
    expect(table(rows, 'protocolLabel', 'roleName')).toEqual([
      ['DPP', 'Owner'],
      ['EAP-NOOB', 'Owner'],
      ['EST', 'Owner'],
      ['FIDO', 'Owner'],
      ['OCF', 'Owner'],
      ['SZTP', 'Owner'],
      ['Thread', 'Owner'],
    ]);
  });

  it('equivalent-roles: the BRSKI JRC is equated with nothing (3.2 files Registrar elsewhere)', async () => {
    expect(await run('equivalent-roles', { role: 'brski/role/jrc' })).toEqual([]);
  });

  it('players-by-category: pledge, device, client, peer, persona, enrollee, candidate — and the joiner by equivalence', async () => {
    const rows = await run('players-by-category');
    expect(table(rows, 'protocolLabel', 'roleName', 'asserted')).toEqual([
      ['Bluetooth mesh', 'Client', 'true'],
      ['Bluetooth mesh', 'Device', 'true'],
      ['Bluetooth mesh', 'Peer', 'true'],
      ['BRSKI', 'Client', 'true'],
      ['BRSKI', 'Device', 'true'],
      ['BRSKI', 'Peer', 'true'],
      ['BRSKI', 'Pledge', 'true'],
      ['DPP', 'Client', 'true'],
      ['DPP', 'Device', 'true'],
      ['DPP', 'Enrollee', 'true'],
      ['DPP', 'Peer', 'true'],
      ['DPP', 'Persona', 'true'],
      ['EAP-NOOB', 'Peer', 'true'],
      ['EST', 'Client', 'true'],
      ['EST', 'Device', 'true'],
      ['EST', 'Peer', 'true'],
      ['FIDO', 'Device', 'true'],
      ['LPWAN', 'Client', 'true'],
      ['LPWAN', 'Device', 'true'],
      ['LwM2M', 'LwM2M Client', 'true'],
      ['OCF', 'Client', 'true'],
      ['OCF', 'Device', 'true'],
      ['OCF', 'Peer', 'true'],
      ['SZTP', 'Client', 'true'],
      ['SZTP', 'Device', 'true'],
      ['Thread', 'Commissioner Candidate', 'true'],
      ['Thread', 'Device', 'true'],
      ['Thread', 'Joiner', 'false'],
      ['Thread', 'Peer', 'true'],
    ]);
  });

  it('players-by-category: Configurator, Bootstrap Server, Rendezvous Server, JRC, Onboarding/Redirect Server, Commissioner steer', async () => {
    const rows = await run('players-by-category', { category: 'steering-entity' });
    expect(table(rows, 'protocolLabel', 'roleName', 'asserted')).toEqual([
      ['BRSKI', 'Configurator', 'true'],
      ['BRSKI', 'JRC', 'true'],
      ['DPP', 'Configurator', 'true'],
      ['FIDO', 'Rendezvous Server', 'true'],
      ['LwM2M', 'LwM2M Bootstrap-Server', 'true'],
      ['SZTP', 'Bootstrap Server', 'true'],
      ['SZTP', 'Onboarding Server', 'true'],
      ['SZTP', 'Redirect Server', 'true'],
      ['Thread', 'Commissioner', 'true'],
      ['Thread', 'Configurator', 'true'],
      ['Thread', 'External Commissioner', 'false'],
      ['Thread', 'Native Commissioner', 'false'],
    ]);
  });

  it('multi-category-roles: Bootstrap Servers and Onboarding Server aid and steer, Rendezvous Server connects and steers', async () => {
    const rows = await run('multi-category-roles');
    expect(table(rows, 'roleLabel', 'categoryLabel')).toEqual([
      ['FIDO Rendezvous Server', 'Connection endpoint'],
      ['FIDO Rendezvous Server', 'Steering entity'],
      ['LwM2M Bootstrap-Server', 'Aiding entity'],
      ['LwM2M Bootstrap-Server', 'Steering entity'],
      ['SZTP Bootstrap Server', 'Aiding entity'],
      ['SZTP Bootstrap Server', 'Steering entity'],
      ['SZTP Onboarding Server', 'Aiding entity'],
      ['SZTP Onboarding Server', 'Steering entity'],
    ]);
  });

  it('roles-by-name: "Server" recurs in Bluetooth mesh, BRSKI, EAP-NOOB, EST, OCF and Thread', async () => {
    const rows = await run('roles-by-name');
    expect(table(rows, 'protocolLabel', 'roleName', 'listed')).toEqual([
      ['Bluetooth mesh', 'Server', 'true'],
      ['BRSKI', 'Server', 'true'],
      ['EAP-NOOB', 'Server', 'true'],
      ['EST', 'Server', 'true'],
      ['OCF', 'Server', 'true'],
      ['Thread', 'Server', 'true'],
    ]);
  });

  it('roles-by-name: "configurator" (any case) is a player of BRSKI, DPP and Thread', async () => {
    const rows = await run('roles-by-name', { name: 'configurator' });
    expect(table(rows, 'protocolLabel', 'roleName')).toEqual([
      ['BRSKI', 'Configurator'],
      ['DPP', 'Configurator'],
      ['Thread', 'Configurator'],
    ]);
  });

  it('asserted-only-equivalences: sees the asserted chains and none of the entailed closure', async () => {
    const rows = await run('asserted-only-equivalences');
    // Each set of same-player roles is asserted as one chain in the draft's section order.
    const chain = (...roles: string[]): [string, string, string][] =>
      roles.slice(1).map((role, i) => [`protocol/${roles[i]!}`, OWL_EQUIVALENT_CLASS, `protocol/${role}`]);
    const expected = [
      ...chain('brski/role/pledge', 'dpp/role/enrollee', 'thread/role/joiner'),
      ...chain(...['bluetooth', 'dpp', 'est', 'eap-noob', 'ocf', 'fido', 'brski', 'sztp', 'lpwan', 'thread'].map((p) => `${p}/role/user`)),
      ...chain(...['bluetooth', 'dpp', 'est', 'eap-noob', 'ocf', 'fido', 'brski', 'sztp'].map((p) => `${p}/role/manufacturer`), 'lwm2m/role/device-manufacturer'),
      ...chain(...['est', 'brski', 'sztp', 'lpwan', 'thread'].map((p) => `${p}/role/administrator`)),
      ...chain(...['dpp', 'est', 'eap-noob', 'ocf', 'fido', 'brski', 'sztp', 'thread'].map((p) => `${p}/role/owner`)),
      // Section 3.1: "Same as FIDO onboarding", "Same process describe as EST".
      ['protocol/fido/term/provisioning', SKOS_EXACT_MATCH, 'protocol/fido/term/onboarding'],
      ['protocol/brski/term/enrollment', SKOS_EXACT_MATCH, 'protocol/est/term/enrollment'],
    ];
    expect(sorted(table(rows, 'source', 'relation', 'target'))).toEqual(sorted(expected));
    expect(column(rows, 'justification').every((text) => text !== null && text.length > 20)).toBe(true);

    // The same query over the default graph (entailments included) sees the closure.
    const query = queries.get('asserted-only-equivalences')!;
    const withEntailments = await engine.select(query.text.replace(/^FROM <[^>]+>\s*$/gm, ''));
    const pairs = table(withEntailments, 'source', 'relation', 'target').map((row) => row.join(' '));
    expect(pairs).toContain(`protocol/brski/role/pledge ${OWL_EQUIVALENT_CLASS} protocol/thread/role/joiner`);
    expect(pairs).toContain(`protocol/dpp/role/enrollee ${OWL_EQUIVALENT_CLASS} protocol/brski/role/pledge`);
    expect(pairs).toContain(`protocol/fido/term/onboarding ${SKOS_EXACT_MATCH} protocol/fido/term/provisioning`);
    expect(withEntailments.length).toBeGreaterThan(rows.length);
  });
});

describe('initial beliefs (sections 2 and 3.3)', () => {
  it('no-initial-trust: Bluetooth mesh, EAP-NOOB and OCF, with the section 3.3.1 text', async () => {
    const rows = await run('no-initial-trust');
    expect(table(rows, 'protocolLabel', 'trustNote')).toEqual([
      ['Bluetooth mesh', TRUST_NOTE['Bluetooth mesh']],
      ['EAP-NOOB', TRUST_NOTE['EAP-NOOB']],
      ['OCF', TRUST_NOTE.OCF],
    ]);
  });

  it('trust-classification: 3.3.1 for three protocols, 3.3.2 for the eight others', async () => {
    const rows = await run('trust-classification');
    const noTrust = ['Bluetooth mesh', 'EAP-NOOB', 'OCF'];
    const installed = ['BRSKI', 'DPP', 'EST', 'FIDO', 'LPWAN', 'LwM2M', 'SZTP', 'Thread'];
    expect(table(rows, 'protocolLabel', 'section', 'basisLabel', 'trustNote')).toEqual([
      ...noTrust.map((p) => [p, '3.3.1', 'No initial trust established', TRUST_NOTE[p]]),
      ...installed.map((p) => [p, '3.3.2', 'Initial trust based on the credentials installed', TRUST_NOTE[p]]),
    ]);
  });

  it('trust-classification: only the protocols trusting installed credentials', async () => {
    const rows = await run('trust-classification', { basis: 'installed-credentials' });
    expect(column(rows, 'protocolLabel')).toEqual(['BRSKI', 'DPP', 'EST', 'FIDO', 'LPWAN', 'LwM2M', 'SZTP', 'Thread']);
  });

  it('initial-credentials: what each protocol assumes the device holds before setup', async () => {
    const rows = await run('initial-credentials');
    expect(table(rows, 'protocolLabel', 'credentialLabel')).toEqual([
      ['Bluetooth mesh', null], // "there is no pre-shared credentials for a trust relation"
      ['BRSKI', 'IDevID'], // "Every device has an IDevID, installed and signed by the manufacturer"
      ['DPP', null], // "nor do they share credentials or key material"
      ['EAP-NOOB', 'EAP-NOOB standard identifier'], // noob@eap-noob.arpa, no pre-installed credentials
      ['EST', 'EST initially distributed information'], // "distribution of initial information"
      ['FIDO', 'FIDO GUID'], // DI embeds a unique device identifier (GUID)
      ['FIDO', 'FIDO initial ownership credentials'], // "owndership and manufacturing credentials"
      ['FIDO', 'FIDO manufacturing credentials'],
      ['LPWAN', 'LoRaWAN AppKey'], // "pre-shared keys (called AppKeys in the standard)"
      ['LPWAN', 'NB-IoT SIM shared secret'], // "shared-secret in the Subscriber Identity Module"
      ['LPWAN', 'Sigfox cryptographic key'], // "unique device identifiers and cryptographic keys"
      ['LPWAN', 'Sigfox unique device identifier'],
      ['LPWAN', 'Wi-SUN FAN EAP-TLS credentials'], // IEEE 802.1X and EAP-TLS
      ['LwM2M', 'LwM2M Bootstrap-Server information'], // "necessary information to trust the LwM2M bootstrap server"
      ['OCF', null], // starts as unowned
      ['SZTP', 'SZTP client certificate'], // "client & intermediaries certificates"
      ['SZTP', 'SZTP intermediate certificates'],
      ['SZTP', 'SZTP list of trusted bootstrap servers'], // "list of trusted bootstrap servers"
      ['SZTP', 'SZTP trust anchor for the ownership voucher'], // "the trust anchor for ownership voucher"
      ['SZTP', 'SZTP trust anchors of the trusted bootstrap servers'], // "and their trust anchors"
      ['Thread', 'Thread joiner shared credentials'], // "The joiner needs to share credentials"
    ]);
  });

  it('initial-credentials: SZTP alone', async () => {
    const rows = await run('initial-credentials', { protocol: 'sztp' });
    expect(table(rows, 'protocol', 'credential')).toEqual([
      ['protocol/sztp', 'protocol/sztp/credential/client-certificate'],
      ['protocol/sztp', 'protocol/sztp/credential/intermediate-certificates'],
      ['protocol/sztp', 'protocol/sztp/credential/trusted-bootstrap-servers'],
      ['protocol/sztp', 'protocol/sztp/credential/ownership-voucher-trust-anchor'],
      ['protocol/sztp', 'protocol/sztp/credential/bootstrap-server-trust-anchors'],
    ]);
  });

  it('credential-users: pre-shared keys — LoRaWAN AppKey, NB-IoT SIM secret, Thread shared credentials, LwM2M PSK, EAP-NOOB long-term secret', async () => {
    const rows = await run('credential-users');
    expect(table(rows, 'protocolLabel', 'specificLabel', 'use')).toEqual([
      ['EAP-NOOB', 'EAP-NOOB long-term secret', 'obtained through setup'],
      ['LPWAN', 'LoRaWAN AppKey', 'required before setup'],
      ['LPWAN', 'NB-IoT SIM shared secret', 'required before setup'],
      ['LwM2M', 'LwM2M pre-shared symmetric key', 'obtained through setup'],
      ['Thread', 'Thread joiner shared credentials', 'required before setup'],
    ]);
  });

  it('credential-users: network credentials are all obtained through setup', async () => {
    const rows = await run('credential-users', { credential: 'network-credential' });
    expect(table(rows, 'protocolLabel', 'specificLabel', 'use')).toEqual([
      ['Bluetooth mesh', 'Bluetooth mesh network key', 'obtained through setup'], // "a Network key"
      ['DPP', 'DPP network credentials', 'obtained through setup'], // "SSID and passphrase of the access point"
      ['EAP-NOOB', 'EAP-NOOB network and Internet connectivity credentials', 'obtained through setup'],
      ['Thread', 'Thread network parameters', 'obtained through setup'], // "network parameters (such as network name, security policy…)"
    ]);
  });

  it('credential-users: device identifiers (full IRI) — FIDO GUID and Sigfox identifiers', async () => {
    const rows = await run('credential-users', { credential: `${BASE}credential/device-identifier` });
    expect(table(rows, 'protocolLabel', 'specificLabel', 'use')).toEqual([
      ['FIDO', 'FIDO GUID', 'required before setup'],
      ['LPWAN', 'Sigfox unique device identifier', 'required before setup'],
    ]);
  });
});

describe('processes (sections 2 and 3.4)', () => {
  it('protocol-processes: BRSKI discovers, self-identifies, joint registrar, imprint registrar, enrolls', async () => {
    const rows = await run('protocol-processes');
    expect(table(rows, 'position', 'processLabel')).toEqual([
      ['1', 'Discover'],
      ['2', 'Self-identify'],
      ['3', 'Joint registrar'],
      ['4', 'Imprint registrar'],
      ['5', 'Enroll'],
    ]);
  });

  it('protocol-processes: FIDO runs DI, TO0, TO1, TO2', async () => {
    const rows = await run('protocol-processes', { protocol: 'fido' });
    expect(column(rows, 'processLabel')).toEqual([
      'Device Initialize Protocol (DI)',
      'Transfer Ownership Protocol 0 (TO0)',
      'Transfer Ownership Protocol 1 (TO1)',
      'Transfer Ownership Protocol 2 (TO2)',
    ]);
  });

  it('protocol-processes: SZTP in the six steps of section 2.9', async () => {
    const rows = await run('protocol-processes', { protocol: `${BASE}protocol/sztp` });
    expect(column(rows, 'processLabel')).toEqual([
      'Initial state',
      'Boot sequence',
      'Processing bootstrapping data',
      'Validating signed data',
      'Processing redirect information',
      'Processing onboarding information',
    ]);
  });

  it('protocol-steps: the five stages of Bluetooth mesh provisioning', async () => {
    const rows = await run('protocol-steps');
    expect(table(rows, 'parentLabel', 'position', 'stepLabel')).toEqual([
      ['Provisioning', '1', 'Beaconing for discover'],
      ['Provisioning', '2', 'Negotiation'],
      ['Provisioning', '3', 'Public-key exchange'],
      ['Provisioning', '4', 'Authentication'],
      ['Provisioning', '5', 'Distribution of provisioning data'],
    ]);
  });

  it('protocol-steps: the three DPP phases/sub-protocols', async () => {
    const rows = await run('protocol-steps', { protocol: 'dpp' });
    expect(table(rows, 'parent', 'position', 'stepLabel')).toEqual([
      ['protocol/dpp', '1', 'Bootstrapping phase'],
      ['protocol/dpp', '2', 'Authentication phase'],
      ['protocol/dpp', '3', 'Configuration phase'],
    ]);
  });

  it('protocol-steps: LoRaWAN joining (join-request, join-accept) and Wi-SUN FAN (EAP-TLS, 4-way handshake)', async () => {
    const rows = await run('protocol-steps', { protocol: 'lpwan' });
    expect(table(rows, 'parentLabel', 'position', 'stepLabel')).toEqual([
      ['LoRaWAN', '1', 'LoRaWAN joining'],
      ['LoRaWAN joining', '1', 'LoRaWAN join-request'],
      ['LoRaWAN joining', '2', 'LoRaWAN join-accept'],
      ['Wi-SUN FAN', '1', 'Wi-SUN FAN EAP-TLS authentication'],
      ['Wi-SUN FAN', '2', 'Wi-SUN FAN 4-way handshake'],
    ]);
  });

  it('protocol-modes: the four LwM2M bootstrapping modes', async () => {
    const rows = await run('protocol-modes');
    expect(table(rows, 'modeLabel', 'appliesToLabel')).toEqual([
      ['Bootstrap from Smartcard', 'Bootstrap'],
      ['Client Initiated Bootstrap', 'Bootstrap'],
      ['Factory Bootstrap', 'Bootstrap'],
      ['Server Initiated Bootstrap', 'Bootstrap'],
    ]);
  });

  it('protocol-modes: the four OCF owner transfer methods', async () => {
    const rows = await run('protocol-modes', { protocol: 'ocf' });
    expect(table(rows, 'modeLabel', 'appliesToLabel')).toEqual([
      ['Just works', 'Onboarding'],
      ['Manufacturer certificate', 'Onboarding'],
      ['Random PIN', 'Onboarding'],
      ['Vendor specific', 'Onboarding'],
    ]);
  });

  it('protocol-modes: the four Bluetooth mesh authentication methods', async () => {
    const rows = await run('protocol-modes', { protocol: 'bluetooth' });
    expect(table(rows, 'modeLabel', 'appliesToLabel')).toEqual([
      ['Input OOB', 'Authentication'],
      ['No OOB', 'Authentication'],
      ['Output OOB', 'Authentication'],
      ['Static OOB', 'Authentication'],
    ]);
  });

  it('processes-by-kind: the four kinds of section 3.4 in order, with the processes the draft describes as such', async () => {
    const rows = await run('processes-by-kind');
    expect(table(rows, 'kindLabel', 'protocolLabel', 'processLabel')).toEqual([
      // "previous to the device being turned on … commonly referred to as manufacture": FIDO DI "executed in the factory"
      ['manufacture', 'FIDO', 'Device Initialize Protocol (DI)'],
      // "after the device is turned on and intends to locate the entity with which it has to communicate"
      ['locating the peer after power-on', 'BRSKI', 'Discover'],
      ['locating the peer after power-on', 'EAP-NOOB', 'Network discovery'],
      // "the device obtains additional credentials"
      ['obtaining further credentials', 'Bluetooth mesh', 'Distribution of provisioning data'],
      ['obtaining further credentials', 'BRSKI', 'Enroll'],
      ['obtaining further credentials', 'DPP', 'Configuration phase'],
      ['obtaining further credentials', 'DPP', 'Provisioning'],
      ['obtaining further credentials', 'EST', 'Bootstrap'],
      ['obtaining further credentials', 'EST', 'Enrollment'],
      ['obtaining further credentials', 'LwM2M', 'Bootstrap'],
      ['obtaining further credentials', 'OCF', 'Provisioning'],
      ['obtaining further credentials', 'Thread', 'Joining'],
      // "the device is authenticated and established a trust relation"
      ['authentication and trust establishment', 'Bluetooth mesh', 'Authentication'],
      ['authentication and trust establishment', 'BRSKI', 'Imprint registrar'],
      ['authentication and trust establishment', 'DPP', 'Authentication'],
      ['authentication and trust establishment', 'DPP', 'Authentication phase'],
      ['authentication and trust establishment', 'EAP-NOOB', 'OOB step'],
      ['authentication and trust establishment', 'LPWAN', 'LoRaWAN joining'],
      ['authentication and trust establishment', 'LPWAN', 'Wi-SUN FAN EAP-TLS authentication'],
      ['authentication and trust establishment', 'OCF', 'Onboarding'],
      ['authentication and trust establishment', 'Thread', 'Joining'],
    ]);
  });

  it('processes-by-kind: manufacture is FIDO DI alone', async () => {
    const rows = await run('processes-by-kind', { kind: 'manufacture' });
    expect(table(rows, 'protocolLabel', 'process')).toEqual([['FIDO', 'protocol/fido/process/di']]);
  });
});

describe('beliefs imparted (sections 2 and 3.5)', () => {
  it('knowledge-imparted: the Beliefs imparted facet of every protocol, with the section 3.5 scope where 3.5 gives one', async () => {
    const rows = await run('knowledge-imparted');
    const protocols = ['Bluetooth mesh', 'BRSKI', 'DPP', 'EAP-NOOB', 'EST', 'FIDO', 'LPWAN', 'LwM2M', 'OCF', 'SZTP', 'Thread'];
    expect(table(rows, 'protocolLabel', 'imparted', 'trustScope')).toEqual(
      protocols.map((p) => [p, BELIEFS_IMPARTED[p], TRUST_SCOPE[p] ?? null]),
    );
  });

  it('knowledge-imparted: BRSKI alone', async () => {
    const rows = await run('knowledge-imparted', { protocol: 'brski' });
    expect(table(rows, 'protocolLabel', 'imparted', 'trustScope')).toEqual([['BRSKI', BELIEFS_IMPARTED.BRSKI, TRUST_SCOPE.BRSKI]]);
  });

  it('trusted-roles: whom the device trusts once each protocol has run', async () => {
    const rows = await run('trusted-roles');
    expect(table(rows, 'protocolLabel', 'roleName')).toEqual([
      ['Bluetooth mesh', 'provisioner'], // "the device trusts the provisioner entity"
      ['BRSKI', 'Domain Registrar'], // "trusts the registrar/JRC"
      ['BRSKI', 'JRC'],
      ['DPP', null], // names no trusted entity
      ['EAP-NOOB', 'EAP authenticator'], // 3.5: "trust relation with the EAP server, but the EAP authenticator …"
      ['EAP-NOOB', 'Server'],
      ['EST', 'Server'], // "a trust relation with the ESP server"
      ['FIDO', 'IoT platform'], // 3.5: "interact securely with the target IoT platform"
      ['FIDO', 'Owner'], // "authenticate with the owner"
      ['LPWAN', 'Network Server'], // "a basic trust in the network server"
      ['LwM2M', null],
      ['OCF', null],
      ['SZTP', 'Bootstrap Server'], // "a trust relation between the device and the bootstrap server"
      ['Thread', 'Commissioner'], // "a trust relation is established between the Joiner and the Commissioner"
    ]);
  });

  it('trusted-roles: EAP-NOOB trusts the EAP server and the EAP authenticator', async () => {
    const rows = await run('trusted-roles', { protocol: 'eap-noob' });
    expect(table(rows, 'role')).toEqual([['protocol/eap-noob/role/authenticator'], ['protocol/eap-noob/role/server']]);
  });
});

describe('protocols, references and section 4', () => {
  it('protocol-overview: the eleven protocols of section 2 in the draft order', async () => {
    const rows = await run('protocol-overview');
    expect(table(rows, 'section', 'protocolLabel', 'fullName', 'organizationLabel', 'trustBasis')).toEqual([
      ['2.1', 'Bluetooth mesh', 'Bluetooth mesh', null, '3.3.1'],
      ['2.2', 'DPP', 'Device Provisioning Protocol', 'Wi-Fi Alliance', '3.3.2'],
      ['2.3', 'EST', 'Enrollment over Secure Transport', null, '3.3.2'],
      ['2.4', 'LwM2M', 'Lightweight Machine to Machine', 'OMA', '3.3.2'],
      ['2.5', 'EAP-NOOB', 'Nimble out-of-band authentication for EAP', null, '3.3.1'],
      ['2.6', 'OCF', 'Open Connectivity Foundation', 'OCF', '3.3.1'],
      ['2.7', 'FIDO', 'Fast IDentity Online', 'FIDO Alliance', '3.3.2'],
      ['2.8', 'BRSKI', 'Bootstrapping Remote Secure Key Infrastructures', 'IETF', '3.3.2'], // ANIMA working group
      ['2.9', 'SZTP', 'Secure Zero Touch Provisioning', null, '3.3.2'],
      ['2.10', 'LPWAN', 'Low Power Wide Area Network', null, '3.3.2'],
      ['2.11', 'Thread', 'Thread Group commissioning', 'Thread Group', '3.3.2'],
    ]);
  });

  it('protocol-references: the specifications section 2 cites for each protocol, and their publishers', async () => {
    const rows = await run('protocol-references');
    expect(table(rows, 'protocolLabel', 'protocolOrganizationLabel', 'citation', 'definesProtocol', 'specificationOrganizationLabel')).toEqual([
      ['Bluetooth mesh', null, null, null, null],
      ['BRSKI', 'IETF', '[ieee8021ar]', 'false', 'IEEE'],
      ['BRSKI', 'IETF', '[RFC7228]', 'false', 'IETF'],
      ['BRSKI', 'IETF', '[RFC8995]', 'true', 'IETF'],
      ['DPP', 'Wi-Fi Alliance', '[dpp]', 'true', 'Wi-Fi Alliance'],
      ['EAP-NOOB', null, '[RFC2904]', 'false', 'IETF'],
      ['EAP-NOOB', null, '[RFC9140]', 'true', 'IETF'],
      ['EST', null, '[RFC5272]', 'false', 'IETF'],
      ['EST', null, '[RFC7030]', 'true', 'IETF'],
      ['EST', null, '[RFC9148]', 'false', 'IETF'],
      ['FIDO', 'FIDO Alliance', '[fidospec]', 'true', 'FIDO Alliance'],
      ['FIDO', 'FIDO Alliance', '[RFC7230]', 'false', 'IETF'],
      ['FIDO', 'FIDO Alliance', '[RFC7252]', 'false', 'IETF'],
      ['FIDO', 'FIDO Alliance', '[RFC8949]', 'false', 'IETF'],
      ['LPWAN', null, '[ieee8021x]', 'false', 'IEEE'],
      ['LPWAN', null, '[LoRaWAN]', 'false', 'LoRa Alliance'],
      ['LPWAN', null, '[RFC2904]', 'false', 'IETF'],
      ['LPWAN', null, '[RFC8376]', 'false', 'IETF'],
      ['LwM2M', 'OMA', '[oma-transport]', 'false', 'OMA'],
      ['LwM2M', 'OMA', '[oma]', 'true', 'OMA'],
      ['OCF', 'OCF', '[ocf]', 'true', 'OCF'],
      ['SZTP', null, '[RFC6241]', 'false', 'IETF'],
      ['SZTP', null, '[RFC8040]', 'false', 'IETF'],
      ['SZTP', null, '[RFC8366]', 'false', 'IETF'],
      ['SZTP', null, '[RFC8572]', 'true', 'IETF'],
      ['Thread', 'Thread Group', '[RFC4291]', 'false', 'IETF'],
      ['Thread', 'Thread Group', '[threadcommissioning]', 'true', 'Thread Group'],
    ]);
  });

  it('protocol-references: FIDO alone', async () => {
    const rows = await run('protocol-references', { protocol: 'fido' });
    expect(table(rows, 'specification', 'title')).toEqual([
      ['spec/fidospec', 'FIDO Device Onboard Specification'],
      ['spec/rfc7230', 'Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing'],
      ['spec/rfc7252', 'The Constrained Application Protocol (CoAP)'],
      ['spec/rfc8949', 'Concise Binary Object Representation (CBOR)'],
    ]);
  });

  it('lpwan-technologies: LoRaWAN, NB-IoT, Sigfox and Wi-SUN FAN', async () => {
    const rows = await run('lpwan-technologies');
    expect(table(rows, 'technologyLabel', 'fullName', 'organizationLabel')).toEqual([
      ['LoRaWAN', null, 'LoRa Alliance'],
      ['NB-IoT', null, '3GPP'], // "the traditional 3GPP mutual authentication scheme"
      ['Sigfox', null, null], // the draft names no body for Sigfox
      ['Wi-SUN FAN', 'Wi-SUN Alliance Field Area Network', 'Wi-SUN Alliance'],
    ]);
  });

  it('lpwan-technologies: BRSKI covers no link-layer technologies', async () => {
    expect(await run('lpwan-technologies', { protocol: 'brski' })).toEqual([]);
  });

  it('security-considerations: the paragraphs of section 4 in order', async () => {
    const rows = await run('security-considerations');
    expect(table(rows, 'order', 'text', 'concernsLabel')).toEqual(SECURITY_CONSIDERATIONS);
  });
});
