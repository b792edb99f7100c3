#!/usr/bin/env node
// Command-line front door: validate the graph, explain an entailment, or
// serve it. The server and the CLI share the same load → reason pipeline.
import { parseArgs } from 'node:util';
import { buildKnowledgeGraph, LoadError, type KnowledgeGraph } from './knowledgeGraph.js';
import { defaultConfig, parsePort, positiveInteger, type AppConfig } from './config.js';
import { BASE, GRAPH, OWL, PREFIXES, RDF, RDFS, SKOS } from './namespaces.js';
import { explain, UnexplainableError, type Explanation } from './reason/explain.js';
import { graphStatistics } from './statistics.js';
import { RdfSyntaxError, MissingInputError } from './load/turtleFiles.js';
import { ReasoningLimitError } from './reason/materialize.js';

const HELP = `Usage: iot-setup <command> [options]

Commands:
  validate                 Load, validate (SHACL) and reason; print a summary or the errors.
  explain <s> [<p>] <o>    Explain why <s> <p> <o> holds: the chain of asserted statements
                           with their draft sources. <p> is one of equivalentClass,
                           exactMatch, subClassOf, type (default: equivalentClass or
                           subClassOf for roles and classes, type for anything else).
                           IRIs may be full, prefixed (iot:Player) or relative to
                           ${BASE} (protocol/brski/role/pledge).
  serve                    Load, reason and serve HTTP (default command of npm start).
  export <dir> [--force]   Write the whole publication as static files into <dir> (every
                           resource in every format, dumps, VoID, site pages, assets, and
                           .htaccess / nginx.conf for content negotiation); links point at
                           PUBLIC_URL (default https://w3id.org/iot-setup). A non-empty <dir>
                           is refused unless --force.

Options:
  --ontology <dir>         Ontology folder (default: ./ontology; env IOT_ONTOLOGY_DIR)
  --data-dir <dir>         Embedded data folder (default: ./data; env IOT_DATA_DIR)
  --data <path>            Extra Turtle file or folder, reasoned over like the embedded
                           data, each file in its own graph under ${GRAPH.userPrefix}.
                           Repeatable (env IOT_EXTRA_DATA, colon-separated).
  --max-derivations <n>    Reasoning limit (default 10000000; env IOT_MAX_DERIVATIONS)
  --host <host>            Host to listen on (serve; default 127.0.0.1; env HOST)
  --port <port>            Port to listen on (serve; default 8080; env PORT)
  --json                   explain: print the explanation as JSON
  -h, --help               Show this help
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ontology: { type: 'string' },
      'data-dir': { type: 'string' },
      data: { type: 'string', multiple: true },
      'max-derivations': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const config: AppConfig = defaultConfig();
  if (values.ontology) config.ontologyDir = values.ontology;
  if (values['data-dir']) config.dataDir = values['data-dir'];
  if (values.data) config.userData = [...config.userData, ...values.data];
  if (values.host) config.host = values.host;
  if (values.port) config.port = parsePort(values.port);
  if (values['max-derivations']) config.limits = { maxDerivations: positiveInteger(values['max-derivations'], 0, '--max-derivations') };

  switch (command) {
    case 'validate':
      return validate(config);
    case 'explain':
      return explainCommand(config, args, values.json);
    case 'serve': {
      const { serve } = await import('./serve/server.js');
      await serve(config);
      return -1; // keeps running
    }
    case 'export': {
      const { exportCommand } = await import('./export/exportCommand.js');
      return exportCommand(config, args, values.force);
    }
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

async function validate(config: AppConfig): Promise<number> {
  const kg = await buildKnowledgeGraph(config);
  const stats = graphStatistics(kg.store);
  const out: string[] = [];
  out.push(`Loaded ${kg.files.length} files:`);
  for (const f of kg.files) out.push(`  ${f.path.padEnd(48)} ${String(f.triples).padStart(6)} triples → ${f.graph}`);
  out.push('Triples per graph:');
  for (const [graph, n] of Object.entries(stats.triplesPerGraph)) out.push(`  ${graph.padEnd(56)} ${String(n).padStart(6)}`);
  out.push(`Reasoning: ${kg.reasoning.inferred} triples inferred by ${kg.reasoning.rules} rules in ${kg.reasoning.milliseconds.toFixed(0)} ms`);
  out.push('Resources per class (asserted, graph/data):');
  for (const [cls, n] of Object.entries(stats.resourcesPerClass).sort()) out.push(`  ${cls.padEnd(28)} ${String(n).padStart(5)}`);
  out.push('SHACL: 0 violations. Soundness: no equivalence crosses a player category.');
  if (kg.uncovered.length > 0) {
    out.push(`Warning: ${kg.uncovered.length} construct(s) used but not covered by the rules:`);
    for (const c of kg.uncovered) out.push(`  ${c.iri} (${c.uses} uses)`);
  } else {
    out.push('Rule coverage: every OWL/RDFS/SKOS construct used is handled.');
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

async function explainCommand(config: AppConfig, args: string[], json: boolean): Promise<number> {
  if (args.length < 2 || args.length > 3) {
    process.stderr.write('explain needs <subject> [<predicate>] <object>\n');
    return 2;
  }
  const kg = await buildKnowledgeGraph(config);
  const subject = expandIri(args[0]!);
  const object = expandIri(args[args.length - 1]!);
  const predicates = args.length === 3 ? [expandPredicate(args[1]!)] : defaultPredicates(kg, subject);
  let explanation: Explanation | null = null;
  for (const predicate of predicates) {
    explanation = explain(kg.store, subject, predicate, object);
    if (explanation) break;
  }
  if (!explanation) {
    process.stderr.write(`Not entailed: ${subject} ${predicates.map(shorten).join(' / ')} ${object}\n`);
    return 1;
  }
  process.stdout.write(json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation));
  return 0;
}

function defaultPredicates(kg: KnowledgeGraph, subject: string): string[] {
  const isClass = kg.store.countQuads(subject, `${RDF}type`, `${OWL}Class`, null) > 0;
  return isClass ? [`${OWL}equivalentClass`, `${RDFS}subClassOf`] : [`${RDF}type`, `${SKOS}exactMatch`];
}

const PREDICATE_SHORTHANDS: Record<string, string> = {
  equivalentClass: `${OWL}equivalentClass`,
  exactMatch: `${SKOS}exactMatch`,
  subClassOf: `${RDFS}subClassOf`,
  type: `${RDF}type`,
  a: `${RDF}type`,
};

function expandPredicate(text: string): string {
  return PREDICATE_SHORTHANDS[text] ?? expandIri(text);
}

function expandIri(text: string): string {
  if (/^https?:\/\//.test(text)) return text;
  const colon = text.indexOf(':');
  if (colon > 0) {
    const ns = PREFIXES[text.slice(0, colon)];
    if (ns) return ns + text.slice(colon + 1);
  }
  return BASE + text.replace(/^\//, '');
}

function shorten(iri: string): string {
  for (const [prefix, ns] of Object.entries(PREFIXES)) if (iri.startsWith(ns)) return `${prefix}:${iri.slice(ns.length)}`;
  return iri.startsWith(BASE) ? `<${iri.slice(BASE.length)}>` : `<${iri}>`;
}

function formatExplanation(e: Explanation): string {
  const head = `${shorten(e.conclusion.subject)} ${shorten(e.conclusion.predicate)} ${shorten(e.conclusion.object)}`;
  const lines = [`${head}  (${e.asserted ? 'asserted' : `entailed from ${e.steps.length} asserted statement(s)`})`];
  e.steps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${shorten(s.subject)} ${shorten(s.predicate)} ${shorten(s.object)}${s.reversed ? '  (read right to left)' : ''}`);
    lines.push(`     graph: ${shorten(s.graph)}`);
    lines.push(`     source: ${s.sources.join(', ')}`);
    if (s.justification) lines.push(`     why: ${s.justification}`);
  });
  return `${lines.join('\n')}\n`;
}

function reportError(error: unknown): void {
  if (error instanceof RdfSyntaxError || error instanceof MissingInputError || error instanceof LoadError ||
      error instanceof ReasoningLimitError || error instanceof UnexplainableError) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof Error) {
    process.stderr.write(`${error.name}: ${error.message}\n`);
  } else {
    process.stderr.write(`${String(error)}\n`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    reportError(error);
    process.exitCode = 1;
  },
);
