// Finding and parsing Turtle files: syntax errors name file, line and column;
// a missing or empty folder is refused rather than silently loading nothing.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, FIXTURES_DIR, ONTOLOGY_DIR } from '../helpers/knowledgeGraph.js';
import { loadDataset } from '../../src/load/datasetLoader.js';
import {
  expandInputPaths,
  listTurtleFiles,
  MissingInputError,
  parseTurtleFile,
  parseTurtleText,
  RdfSyntaxError,
} from '../../src/load/turtleFiles.js';

const BROKEN_DIR = join(FIXTURES_DIR, 'broken', 'bad-syntax');
const BROKEN_FILE = join(BROKEN_DIR, 'broken.ttl');
/** Where broken.ttl is broken (see the comment at its top). */
const BROKEN_LINE = 15;
const BROKEN_COLUMN = 36;

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected an error, but none was thrown');
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'iot-setup-turtle-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('syntax errors', () => {
  it('names the file (relative to the working directory), line and column of the fixture error', () => {
    const error = catchError(() => parseTurtleFile(BROKEN_FILE));
    expect(error).toBeInstanceOf(RdfSyntaxError);
    const syntax = error as RdfSyntaxError;
    const shown = relative(process.cwd(), BROKEN_FILE);
    expect(shown).toBe(join('test', 'fixtures', 'broken', 'bad-syntax', 'broken.ttl'));
    expect(syntax.name).toBe('RdfSyntaxError');
    expect(syntax.file).toBe(shown);
    expect(syntax.line).toBe(BROKEN_LINE);
    expect(syntax.column).toBe(BROKEN_COLUMN);
    expect(syntax.message.startsWith(`${shown}:${BROKEN_LINE}:${BROKEN_COLUMN}: `)).toBe(true);
    expect(syntax.reason).toBe('Expected punctuation to follow ""Example Widget"@en"');
    expect(syntax.message).toBe(`${shown}:15:36: Expected punctuation to follow ""Example Widget"@en"`);
    // The parser's own "on line N" suffix is not repeated.
    expect(syntax.message).not.toMatch(/on line \d+/);
  });

  it('keeps the path as given for a file outside the working directory', () => {
    const outside = join(tmp, 'outside.ttl');
    copyFileSync(BROKEN_FILE, outside);
    const error = catchError(() => parseTurtleFile(outside)) as RdfSyntaxError;
    expect(error).toBeInstanceOf(RdfSyntaxError);
    expect(error.file).toBe(outside);
    expect(error.message.startsWith(`${outside}:15:36: `)).toBe(true);
  });

  it('stops the whole load of a data folder with the same error', () => {
    const error = catchError(() => loadDataset({ ontologyDir: ONTOLOGY_DIR, dataDir: BROKEN_DIR, userData: [] }));
    expect(error).toBeInstanceOf(RdfSyntaxError);
    expect(error.message.startsWith(`${relative(process.cwd(), BROKEN_FILE)}:15:36: `)).toBe(true);
  });

  it.each([
    ['a missing final dot', '@prefix ex: <http://example.org/> .\nex:a ex:p ex:b', 2, 15, 'Expected punctuation to follow "http://example.org/b"'],
    ['an object after an object', '@prefix ex: <http://example.org/> .\n\n    ex:c ex:q ex:d ex:e .\n', 3, 20, 'Expected punctuation to follow "http://example.org/d"'],
    ['an undefined prefix', '@prefix ex: <http://example.org/> .\nex:a ex:p ex:b ;\n   ex:q undeclared:x .\n', 3, 9, 'Undefined prefix "undeclared:"'],
    ['a dangling comma', '@prefix ex: <http://example.org/> .\n\nex:a ex:p ex:b , .\n', 3, 18, 'Expected entity but got .'],
    ['a prefix without colon', '@prefix ex <http://example.org/> .\n', 1, 9, 'Unexpected "ex"'],
    ['a dangling semicolon at the end', '@prefix ex: <http://example.org/> .\nex:a ex:p "x" ;\n', 3, 1, 'Expected entity but got eof'],
  ])('locates %s', (_what, text, line, column, reason) => {
    const error = catchError(() => parseTurtleText(text, 'inline.ttl')) as RdfSyntaxError;
    expect(error).toBeInstanceOf(RdfSyntaxError);
    expect({ line: error.line, column: error.column, reason: error.reason }).toEqual({ line, column, reason });
    expect(error.message).toBe(`inline.ttl:${line}:${column}: ${reason}`);
  });
});

describe('parsing', () => {
  it('puts every quad of a file into the given graph', () => {
    const graph = DataFactory.namedNode('https://w3id.org/iot-setup/graph/data');
    const quads = parseTurtleFile(join(DATA_DIR, 'process-kinds.ttl'), graph);
    expect(quads.length).toBeGreaterThan(20);
    expect(quads.every((q) => q.graph.equals(graph))).toBe(true);
    expect(quads.some((q) => q.subject.value === 'https://w3id.org/iot-setup/process-kind/manufacture')).toBe(true);
  });

  it('keeps blank nodes of different files apart', () => {
    const text = '@prefix ex: <http://example.org/> .\n_:b0 ex:p ex:o .\n';
    const [a] = parseTurtleText(text, 'a.ttl');
    const [b] = parseTurtleText(text, 'b.ttl');
    expect(a!.subject.termType).toBe('BlankNode');
    expect(b!.subject.termType).toBe('BlankNode');
    expect(a!.subject.equals(b!.subject)).toBe(false);
  });
});

describe('listTurtleFiles', () => {
  it('refuses a missing folder', () => {
    const missing = join(tmp, 'does-not-exist');
    const error = catchError(() => listTurtleFiles(missing));
    expect(error).toBeInstanceOf(MissingInputError);
    expect(error.name).toBe('MissingInputError');
    expect(error.message).toBe(`No such folder: ${missing}`);
  });

  it('refuses an empty folder', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    const error = catchError(() => listTurtleFiles(empty));
    expect(error).toBeInstanceOf(MissingInputError);
    expect(error.message).toBe(`No .ttl files in ${empty}`);
  });

  it('refuses a folder whose only .ttl entry is a folder', () => {
    const dir = join(tmp, 'no-turtle');
    mkdirSync(join(dir, 'nested.ttl'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'not turtle');
    const error = catchError(() => listTurtleFiles(dir));
    expect(error).toBeInstanceOf(MissingInputError);
    expect(error.message).toBe(`No .ttl files in ${dir}`);
  });

  it('lists the .ttl files directly inside a folder, sorted', () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(join(dir, 'sub.ttl'), { recursive: true });
    for (const name of ['b.ttl', 'a.ttl', 'readme.md', 'c.ttl.bak']) writeFileSync(join(dir, name), '');
    expect(listTurtleFiles(dir)).toEqual([join(dir, 'a.ttl'), join(dir, 'b.ttl')]);
  });

  it('lists the real data folder', () => {
    const files = listTurtleFiles(DATA_DIR);
    expect(files).toEqual(readdirSync(DATA_DIR).filter((n) => n.endsWith('.ttl')).sort().map((n) => join(DATA_DIR, n)));
    expect(files).toContain(join(DATA_DIR, 'protocol-brski.ttl'));
    expect(files.filter((f) => /protocol-[a-z0-9-]+\.ttl$/.test(f))).toHaveLength(11);
  });
});

describe('expandInputPaths', () => {
  let dir: string;
  let single: string;
  beforeAll(() => {
    dir = join(tmp, 'user-folder');
    mkdirSync(dir);
    writeFileSync(join(dir, 'z-devices.ttl'), '');
    writeFileSync(join(dir, 'm-owners.ttl'), '');
    writeFileSync(join(dir, 'ignored.json'), '{}');
    single = join(tmp, 'single.ttl');
    writeFileSync(single, '');
  });

  it('expands folders to their sorted .ttl files and keeps files as given, in argument order', () => {
    expect(expandInputPaths([single, dir])).toEqual([single, join(dir, 'm-owners.ttl'), join(dir, 'z-devices.ttl')]);
    expect(expandInputPaths([dir, single])).toEqual([join(dir, 'm-owners.ttl'), join(dir, 'z-devices.ttl'), single]);
  });

  it('takes an explicitly named file whatever its extension', () => {
    expect(expandInputPaths([join(dir, 'ignored.json')])).toEqual([join(dir, 'ignored.json')]);
  });

  it('returns nothing for no arguments', () => {
    expect(expandInputPaths([])).toEqual([]);
  });

  it('refuses a path that does not exist', () => {
    const missing = join(tmp, 'nope.ttl');
    const error = catchError(() => expandInputPaths([single, missing]));
    expect(error).toBeInstanceOf(MissingInputError);
    expect(error.message).toBe(`No such file or folder: ${missing}`);
  });

  it('refuses a folder without Turtle files', () => {
    const empty = join(tmp, 'empty-user-folder');
    mkdirSync(empty);
    const error = catchError(() => expandInputPaths([empty]));
    expect(error).toBeInstanceOf(MissingInputError);
    expect(error.message).toBe(`No .ttl files in ${empty}`);
  });
});
