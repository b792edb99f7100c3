// The command-line front door, run as a child process exactly as a user
// would: `tsx src/cli.ts validate` prints a summary and exits 0, and any load
// problem gives exit code 1 and one clear line on stderr, never a stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, embeddedKnowledgeGraph, FIXTURES_DIR, ONTOLOGY_DIR } from '../helpers/knowledgeGraph.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { GRAPH } from '../../src/namespaces.js';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join('src', 'cli.ts');
const TIMEOUT = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the project root with the configuration variables cleared. */
function cli(...args: string[]): Promise<Run> {
  const env = { ...process.env };
  for (const name of ['IOT_ONTOLOGY_DIR', 'IOT_DATA_DIR', 'IOT_EXTRA_DATA', 'IOT_MAX_DERIVATIONS']) delete env[name];
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: PROJECT_ROOT, env, timeout: TIMEOUT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NO_STACK_TRACE = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('validate on the embedded data', () => {
  let run: Run;
  beforeAll(async () => {
    run = await cli('validate');
  }, TIMEOUT);

  it('exits 0 and writes nothing to stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('prints the triple count of every graph', async () => {
    const { store } = await embeddedKnowledgeGraph();
    const counts = [GRAPH.ontology, GRAPH.data, GRAPH.entailments].map((g) => [g, store.countQuads(null, null, null, DataFactory.namedNode(g))] as const);
    expect(run.stdout).toContain('\nTriples per graph:\n');
    for (const [graph, n] of counts) {
      expect(n, graph).toBeGreaterThan(0);
      expect(run.stdout).toMatch(new RegExp(`^ +${escape(graph)} +${n}$`, 'm'));
    }
  });

  it('lists every loaded file with its triple count and graph', async () => {
    const { files } = await embeddedKnowledgeGraph();
    const expectedFiles = readdirSync(ONTOLOGY_DIR).filter((n) => n.endsWith('.ttl')).length + readdirSync(DATA_DIR).filter((n) => n.endsWith('.ttl')).length;
    expect(files).toHaveLength(expectedFiles);
    expect(run.stdout.startsWith(`Loaded ${expectedFiles} files:\n`)).toBe(true);
    for (const f of files) {
      expect(run.stdout).toMatch(new RegExp(`^ +${escape(f.path)} +${f.triples} triples → ${escape(f.graph)}$`, 'm'));
    }
    expect(run.stdout).toMatch(new RegExp(`protocol-brski\\.ttl +\\d+ triples → ${escape(GRAPH.data)}`));
  });

  it('reports 0 violations', () => {
    expect(run.stdout).toContain('SHACL: 0 violations.');
    expect(run.stdout).toMatch(/^Reasoning: \d+ triples inferred by \d+ rules in \d+ ms$/m);
  });
});

describe('validate on broken input', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'iot-setup-cli-'));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('exits 1 and names file, line and column of a Turtle syntax error', async () => {
    const run = await cli('validate', '--data-dir', join('test', 'fixtures', 'broken', 'bad-syntax'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('broken.ttl:15:36');
    expect(run.stderr).toBe('test/fixtures/broken/bad-syntax/broken.ttl:15:36: Expected punctuation to follow ""Example Widget"@en"\n');
    expect(run.stderr).not.toMatch(NO_STACK_TRACE);
  }, TIMEOUT);

  it('shows the same project-relative location for an absolute --data-dir', async () => {
    const run = await cli('validate', '--data-dir', join(FIXTURES_DIR, 'broken', 'bad-syntax'));
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith('test/fixtures/broken/bad-syntax/broken.ttl:15:36: ')).toBe(true);
  }, TIMEOUT);

  it('exits 1 with a clear message for a --data-dir that does not exist', async () => {
    const missing = join(tmp, 'no-such-data');
    const run = await cli('validate', '--data-dir', missing);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`No such folder: ${missing}\n`);
  }, TIMEOUT);

  it('exits 1 with a clear message for a --data-dir without Turtle files', async () => {
    const run = await cli('validate', '--data-dir', tmp);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`No .ttl files in ${tmp}\n`);
  }, TIMEOUT);
});

describe('help and usage', () => {
  it('--help exits 0 and lists the validate, explain and serve commands', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('Usage: iot-setup <command> [options]\n')).toBe(true);
    expect(run.stdout).toMatch(/^ {2}validate {2,}\S/m);
    expect(run.stdout).toMatch(/^ {2}explain <s> \[<p>\] <o> {2,}\S/m);
    expect(run.stdout).toMatch(/^ {2}serve {2,}\S/m);
    expect(run.stdout).toContain('--data-dir <dir>');
  }, TIMEOUT);

  it('-h is the same as --help', async () => {
    const [long, short] = await Promise.all([cli('--help'), cli('-h')]);
    expect(short).toEqual(long);
  }, TIMEOUT);

  it('exits 2 with the usage when no command is given', async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.stdout.startsWith('Usage: iot-setup <command> [options]\n')).toBe(true);
  }, TIMEOUT);

  it('exits 2 for an unknown command', async () => {
    const run = await cli('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith('Unknown command: frobnicate\n\nUsage: iot-setup')).toBe(true);
  }, TIMEOUT);
});
