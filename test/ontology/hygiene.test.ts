// Ontology and data hygiene: the header and annotations FOOPS!/OOPS!/LOV
// check (DESIGN §6), OWL 2 DL declarations (DESIGN §2), provenance of every
// statement (DESIGN §1), and an independent check of the Turtle with two
// other parsers (Raptor's rapper and Python rdflib).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { DataFactory } from 'n3';
import { CompactStore, type QuadStore } from '../../src/store/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, embeddedKnowledgeGraph, ONTOLOGY_DIR } from '../helpers/knowledgeGraph.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { DCTERMS, DRAFT, GRAPH, IOT, ONTOLOGY_IRI, OWL, RDF, RDFS, SKOS, VANN, XSD } from '../../src/namespaces.js';
import { parseTurtleFile } from '../../src/load/turtleFiles.js';

const { namedNode } = DataFactory;
const ONTOLOGY_GRAPH = namedNode(GRAPH.ontology);
const DATA_GRAPH = namedNode(GRAPH.data);

let store: QuadStore;
beforeAll(async () => {
  store = (await embeddedKnowledgeGraph()).store;
});

const values = (subject: string, predicate: string, graph = ONTOLOGY_GRAPH): string[] =>
  store.getObjects(namedNode(subject), namedNode(predicate), graph).map((t) => t.value);
const typed = (cls: string, graphs = [ONTOLOGY_GRAPH, DATA_GRAPH]): Set<string> =>
  new Set(graphs.flatMap((g) => store.getSubjects(namedNode(`${RDF}type`), namedNode(cls), g).map((t) => t.value)));
const hasAny = (subject: string, predicate: string, graphs = [ONTOLOGY_GRAPH, DATA_GRAPH]): boolean =>
  graphs.some((g) => store.countQuads(namedNode(subject), namedNode(predicate), null, g) > 0);

// --- Ontology header ---------------------------------------------------------------

describe('ontology header', () => {
  it('is an owl:Ontology with title, description, creator, license, dates, version and VANN prefix', () => {
    expect(typed(`${OWL}Ontology`, [ONTOLOGY_GRAPH])).toEqual(new Set([ONTOLOGY_IRI]));
    expect(values(ONTOLOGY_IRI, `${OWL}versionIRI`)).toEqual(['https://w3id.org/iot-setup/ontology/0.1.0']);
    expect(values(ONTOLOGY_IRI, `${OWL}versionInfo`)).toEqual(['0.1.0']);
    expect(values(ONTOLOGY_IRI, `${VANN}preferredNamespacePrefix`)).toEqual(['iot']);
    expect(values(ONTOLOGY_IRI, `${VANN}preferredNamespaceUri`)).toEqual([IOT]);
    expect(values(ONTOLOGY_IRI, `${DCTERMS}title`)).toEqual(['IoT Initial Security Setup Ontology']);
    expect(values(ONTOLOGY_IRI, `${DCTERMS}description`)).toHaveLength(1);
    expect(values(ONTOLOGY_IRI, `${DCTERMS}description`)[0]).toContain('draft-irtf-t2trg-security-setup-iot-devices-01');
    expect(values(ONTOLOGY_IRI, `${DCTERMS}creator`).length).toBeGreaterThanOrEqual(1);
    expect(values(ONTOLOGY_IRI, `${DCTERMS}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    for (const date of [`${DCTERMS}created`, `${DCTERMS}modified`]) {
      const literals = store.getObjects(namedNode(ONTOLOGY_IRI), namedNode(date), ONTOLOGY_GRAPH);
      expect(literals, date).toHaveLength(1);
      expect(literals[0]!.termType).toBe('Literal');
      expect((literals[0] as ReturnType<typeof DataFactory.literal>).datatype.value, date).toBe(`${XSD}date`);
      expect(literals[0]!.value, date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(values(ONTOLOGY_IRI, `${DCTERMS}created`)[0]! <= values(ONTOLOGY_IRI, `${DCTERMS}modified`)[0]!).toBe(true);
    // The version IRI carries the version info.
    expect(values(ONTOLOGY_IRI, `${OWL}versionIRI`)[0]).toBe(`${ONTOLOGY_IRI}/${values(ONTOLOGY_IRI, `${OWL}versionInfo`)[0]}`);
  });
});

// --- Annotations of classes and properties -------------------------------------------

const DECLARATION_KINDS = [`${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`];

describe('annotations of declared classes and properties', () => {
  it('gives every iot: class and property a label, a definition and rdfs:isDefinedBy the ontology', () => {
    const own = DECLARATION_KINDS.flatMap((kind) => [...typed(kind, [ONTOLOGY_GRAPH])]).filter((iri) => iri.startsWith(IOT));
    expect(new Set(own).size).toBe(own.length);
    for (const name of ['Protocol', 'Term', 'TermSense', 'PlayerRole', 'PlayerCategory', 'InitialBelief', 'ImpartedBelief',
      'Process', 'Step', 'ProcessKind', 'Credential', 'SecurityConsideration', 'usesTerm', 'hasPlayer', 'hasProcess',
      'position', 'roleName', 'justification']) {
      expect(own, name).toContain(`${IOT}${name}`);
    }
    const incomplete = own
      .map((iri) => ({
        iri,
        missing: [
          hasAny(iri, `${RDFS}label`, [ONTOLOGY_GRAPH]) ? null : 'rdfs:label',
          hasAny(iri, `${SKOS}definition`, [ONTOLOGY_GRAPH]) || hasAny(iri, `${RDFS}comment`, [ONTOLOGY_GRAPH]) ? null : 'skos:definition/rdfs:comment',
          values(iri, `${RDFS}isDefinedBy`).includes(ONTOLOGY_IRI) ? null : 'rdfs:isDefinedBy <ontology>',
        ].filter(Boolean),
      }))
      .filter((entry) => entry.missing.length > 0);
    expect(incomplete).toEqual([]);
  });

  it('gives every declared class or property, in any namespace, an rdfs:label', () => {
    const declared = new Set(DECLARATION_KINDS.flatMap((kind) => [...typed(kind)]));
    expect(declared.size).toBeGreaterThan(100);
    const unlabelled = [...declared].filter((iri) => !hasAny(iri, `${RDFS}label`)).sort();
    expect(unlabelled).toEqual([]);
  });
});

// --- OWL 2 DL: no name is two kinds of property, or class and datatype ------------------

describe('OWL 2 DL declarations', () => {
  it('declares no IRI as two of object, datatype and annotation property', () => {
    const kinds = [`${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`].map((k) => ({ k, iris: typed(k) }));
    const clashes: string[] = [];
    for (let i = 0; i < kinds.length; i++) {
      for (let j = i + 1; j < kinds.length; j++) {
        for (const iri of kinds[i]!.iris) if (kinds[j]!.iris.has(iri)) clashes.push(`${iri}: ${kinds[i]!.k} and ${kinds[j]!.k}`);
      }
    }
    expect(clashes).toEqual([]);
    expect(typed(`${OWL}ObjectProperty`)).toContain(`${IOT}hasPlayer`);
    expect(typed(`${OWL}DatatypeProperty`)).toContain(`${IOT}position`);
    expect(typed(`${OWL}AnnotationProperty`)).toContain(`${IOT}justification`);
  });

  it('declares no IRI as both owl:Class and rdfs:Datatype', () => {
    const datatypes = typed(`${RDFS}Datatype`);
    expect([...typed(`${OWL}Class`)].filter((iri) => datatypes.has(iri))).toEqual([]);
  });

  it('uses no predicate in the data that the ontology does not declare', () => {
    // OWL 2 reserved vocabulary with a fixed meaning; OWL 2 DL forbids declaring it.
    const reserved = new Set([
      `${RDF}type`, `${RDFS}subClassOf`, `${RDFS}subPropertyOf`, `${RDFS}domain`, `${RDFS}range`,
      `${OWL}equivalentClass`, `${OWL}equivalentProperty`, `${OWL}disjointWith`, `${OWL}inverseOf`,
      `${OWL}sameAs`, `${OWL}differentFrom`, `${OWL}annotatedSource`, `${OWL}annotatedProperty`, `${OWL}annotatedTarget`,
    ]);
    const declaredProperties = new Set(
      [`${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`].flatMap((k) => [...typed(k, [ONTOLOGY_GRAPH])]),
    );
    const used = new Set(store.getQuads(null, null, null, DATA_GRAPH).map((q) => q.predicate.value));
    expect(used).toContain(`${IOT}usesTerm`);
    expect(used).toContain(`${DCTERMS}source`);
    const undeclared = [...used].filter((p) => !reserved.has(p) && !declaredProperties.has(p)).sort();
    expect(undeclared).toEqual([]);
  });
});

// --- Provenance: every statement points at a section of draft -01 ----------------------

const DRAFT_FILE =
  process.env.IOT_DRAFT_TEXT ??
  join(PROJECT_ROOT, '..', 'shared', 'source', 'draft-irtf-t2trg-security-setup-iot-devices-01.txt');

/** Section numbers listed in the draft's table of contents, in order. */
function tableOfContents(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === 'Table of Contents');
  if (start < 0) throw new Error(`No table of contents in ${DRAFT_FILE}`);
  const numbers: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^(\d+(?:\.\d+)*)\.\s+\S/.exec(line.trim());
    if (match && numbers.includes(match[1]!)) break; // the body repeats "1. Introduction"
    if (match) numbers.push(match[1]!);
    if (/^Authors' Addresses\b/.test(line.trim())) break;
  }
  return numbers;
}

describe('provenance (dcterms:source)', () => {
  let toc: string[];
  beforeAll(() => {
    if (!existsSync(DRAFT_FILE)) throw new Error(`Draft text not found at ${DRAFT_FILE} (set IOT_DRAFT_TEXT)`);
    toc = tableOfContents(readFileSync(DRAFT_FILE, 'utf8'));
  });

  it('reads the 25 section numbers of the table of contents', () => {
    expect(toc).toEqual([
      '1', '2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11',
      '3', '3.1', '3.2', '3.3', '3.3.1', '3.3.2', '3.4', '3.5', '4', '5', '6', '7',
    ]);
  });

  it('gives every IRI subject of the data graph a dcterms:source', () => {
    const iriSubjects = new Set(
      store.getQuads(null, null, null, DATA_GRAPH).filter((q) => q.subject.termType === 'NamedNode').map((q) => q.subject.value),
    );
    expect(iriSubjects.size).toBeGreaterThan(300);
    expect([...iriSubjects].filter((s) => !hasAny(s, `${DCTERMS}source`, [DATA_GRAPH])).sort()).toEqual([]);
  });

  it('uses blank nodes only for owl:Axiom annotations, each with a dcterms:source', () => {
    const blankSubjects = [...new Map(
      store.getQuads(null, null, null, DATA_GRAPH).filter((q) => q.subject.termType === 'BlankNode').map((q) => [q.subject.value, q.subject]),
    ).values()];
    expect(blankSubjects.length).toBeGreaterThan(50);
    const notAxioms = blankSubjects.filter((b) => store.countQuads(b, namedNode(`${RDF}type`), namedNode(`${OWL}Axiom`), DATA_GRAPH) === 0);
    expect(notAxioms.map((b) => b.value)).toEqual([]);
    const unsourced = blankSubjects.filter((b) => store.countQuads(b, namedNode(`${DCTERMS}source`), null, DATA_GRAPH) === 0);
    expect(unsourced.map((b) => b.value)).toEqual([]);
  });

  it('points every dcterms:source in the data at a section of draft -01 that its table of contents lists', () => {
    const sources = new Set(store.getQuads(null, namedNode(`${DCTERMS}source`), null, DATA_GRAPH).map((q) => q.object));
    expect(sources.size).toBeGreaterThanOrEqual(20);
    const pattern = /^https:\/\/datatracker\.ietf\.org\/doc\/html\/draft-irtf-t2trg-security-setup-iot-devices-01#section-(\d+(?:\.\d+)*)$/;
    const bad = [...sources]
      .filter((o) => o.termType !== 'NamedNode' || !pattern.test(o.value) || !toc.includes(pattern.exec(o.value)![1]!))
      .map((o) => o.value);
    expect(bad).toEqual([]);
    expect([...sources].map((o) => o.value)).toContain(`${DRAFT}#section-3.3.1`);
  });

  it('points every dcterms:source in the ontology at draft -01 or one of its listed sections', () => {
    const sources = store.getQuads(null, namedNode(`${DCTERMS}source`), null, ONTOLOGY_GRAPH).map((q) => q.object.value);
    expect(values(ONTOLOGY_IRI, `${DCTERMS}source`)).toEqual([DRAFT]);
    const bad = sources.filter((s) => s !== DRAFT && !toc.some((n) => s === `${DRAFT}#section-${n}`));
    expect(bad).toEqual([]);
  });
});

// --- Independent parsers ---------------------------------------------------------------

function turtleFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .flatMap((path) => (statSync(path).isDirectory() ? turtleFilesUnder(path) : path.endsWith('.ttl') ? [path] : []))
    .sort();
}

const TURTLE_FILES = [...turtleFilesUnder(ONTOLOGY_DIR), ...turtleFilesUnder(DATA_DIR)];
const HAS_RAPPER = spawnSync('rapper', ['--version']).status === 0;
const HAS_RDFLIB = spawnSync('/usr/bin/python3', ['-c', 'import rdflib']).status === 0;
const RDFLIB_COUNT = 'import rdflib,sys; g=rdflib.Graph(); g.parse(sys.argv[1], format="turtle"); print(len(g))';
const run = promisify(execFile);

/** Distinct triples N3.js reads from a file (rapper and rdflib count a file's triples as a set too). */
function n3TripleCount(path: string): number {
  return new CompactStore(parseTurtleFile(path)).size;
}

describe('independent parsers agree with N3.js', () => {
  it('finds the Turtle files of ontology/ and data/', () => {
    const names = TURTLE_FILES.map((path) => relative(PROJECT_ROOT, path));
    expect(names).toContain('ontology/iot-setup.ttl');
    expect(names).toContain('ontology/shapes/iot-setup-shapes.ttl');
    expect(names).toContain('data/protocol-brski.ttl');
    expect(names.filter((n) => n.startsWith('data/protocol-'))).toHaveLength(11);
  });

  // The parsers are required (the resource and dump tests need them too): the
  // blocks below are skipped only so that this check is the one that fails.
  it('rapper and python3-rdflib are installed (.ci/run installs raptor2-utils and python3-rdflib)', () => {
    expect({ rapper: HAS_RAPPER, rdflib: HAS_RDFLIB }).toEqual({ rapper: true, rdflib: true });
  });

  describe.skipIf(!HAS_RAPPER)(
    HAS_RAPPER ? 'rapper -i turtle -c' : 'rapper -i turtle -c — SKIPPED: rapper is not installed (.ci/run installs raptor2-utils)',
    () => {
      const results = new Map<string, { stderr: string; error: unknown }>();
      beforeAll(async () => {
        await Promise.all(
          TURTLE_FILES.map(async (path) => {
            try {
              const { stderr } = await run('rapper', ['-i', 'turtle', '-c', path]);
              results.set(path, { stderr, error: null });
            } catch (error) {
              results.set(path, { stderr: String((error as { stderr?: string }).stderr ?? ''), error });
            }
          }),
        );
      });

      it.each(TURTLE_FILES.map((path) => [relative(PROJECT_ROOT, path), path]))('%s', (_name, path) => {
        const { stderr, error } = results.get(path)!;
        expect(error, stderr).toBeNull();
        expect(stderr).not.toMatch(/error|warning/i);
        const count = /Parsing returned (\d+) triples?/.exec(stderr);
        expect(count, stderr).not.toBeNull();
        expect(Number(count![1])).toBe(n3TripleCount(path));
      });
    },
  );

  describe.skipIf(!HAS_RDFLIB)(
    HAS_RDFLIB ? 'python3 rdflib' : 'python3 rdflib — SKIPPED: /usr/bin/python3 cannot import rdflib (.ci/run installs python3-rdflib)',
    () => {
      const results = new Map<string, { stdout: string; stderr: string; error: unknown }>();
      beforeAll(async () => {
        await Promise.all(
          TURTLE_FILES.map(async (path) => {
            try {
              const { stdout, stderr } = await run('/usr/bin/python3', ['-c', RDFLIB_COUNT, path]);
              results.set(path, { stdout, stderr, error: null });
            } catch (error) {
              const e = error as { stdout?: string; stderr?: string };
              results.set(path, { stdout: String(e.stdout ?? ''), stderr: String(e.stderr ?? ''), error });
            }
          }),
        );
      }, 120_000);

      it.each(TURTLE_FILES.map((path) => [relative(PROJECT_ROOT, path), path]))('%s', (_name, path) => {
        const { stdout, stderr, error } = results.get(path)!;
        expect(error, stderr).toBeNull();
        expect(stdout.trim()).toMatch(/^\d+$/);
        expect(Number(stdout.trim())).toBe(n3TripleCount(path));
      });
    },
  );
});
